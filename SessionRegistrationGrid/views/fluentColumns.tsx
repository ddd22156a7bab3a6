import type { IColumn } from "@fluentui/react";
import type { GridColumn, SortState } from "../model/types";
import { renderCheckIn } from "./cells/CheckInCell";
import { renderCount } from "./cells/CountCell";
import { renderLookup, renderName, renderText } from "./cells/LinkCell";
import { renderStatus } from "./cells/StatusCell";
import { renderSync } from "./cells/SyncCell";
import type { CellContext, CellRenderer, GridItem } from "./gridTypes";

/** One renderer per column kind; each reads plain values and calls into the editor. */
const RENDERERS: Record<GridColumn["kind"], CellRenderer> = {
  name: renderName,
  lookup: renderLookup,
  text: renderText,
  status: renderStatus,
  sync: renderSync,
  count: renderCount,
  checkIn: renderCheckIn,
};

/** Grid columns → DetailsList columns, with the sort indicator and a renderer per kind. */
export function toFluentColumns(columns: readonly GridColumn[], sort: SortState | undefined, ctx: CellContext): IColumn[] {
  return columns.map((column) => {
    const sorted = sort?.column === column.key;
    const render = RENDERERS[column.kind];
    return {
      key: column.key,
      name: column.label,
      minWidth: column.width,
      isResizable: true,
      isSorted: sorted,
      isSortedDescending: sorted && sort?.descending,
      sortAscendingAriaLabel: ctx.text("Grid_SortedAscending"),
      sortDescendingAriaLabel: ctx.text("Grid_SortedDescending"),
      columnActionsMode: column.sortable ? 1 : 0, // ColumnActionsMode.clickable : disabled
      className: `srg-col srg-col--${column.kind}`,
      data: column,
      onRender: (item?: GridItem) => (item ? render(item, ctx, column) : null),
    };
  });
}
