import * as React from "react";
import { shownFields, type RowEditState } from "../model/rowEdits";
import type { RegistrationRow } from "../model/types";
import type { RegistrationEditor } from "../services/registrationEditor";
import type { GridItem } from "./gridTypes";

/**
 * Rows joined with their edit state. An item object is reused while its row and edit state are the same
 * objects, so DetailsList re-renders only the rows that changed.
 */
export function useGridItems(rows: readonly RegistrationRow[], editor: RegistrationEditor): GridItem[] {
  // Re-render whenever the editor's state changes.
  const [revision, setRevision] = React.useState(0);
  React.useEffect(() => editor.subscribe(() => setRevision((r) => r + 1)), [editor]);
  const cache = React.useRef(new Map<string, GridItem>());
  return React.useMemo(() => {
    const previous = cache.current;
    const next = new Map<string, GridItem>();
    const items = rows.map((row) => {
      const edit: RowEditState = editor.stateOf(row.id);
      const old = previous.get(row.id);
      const item = old && old.row === row && old.edit === edit ? old : { row, edit, shown: shownFields(row.fields, edit) };
      next.set(row.id, item);
      return item;
    });
    cache.current = next;
    return items;
  }, [rows, editor, revision]); // revision: the editor's state changed
}
