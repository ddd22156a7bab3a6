import type * as React from "react";

/** A double click on a cell's control is two presses, not "open the record" as well. */
export function stopDoubleClick(event: React.MouseEvent): void {
  event.stopPropagation();
}
