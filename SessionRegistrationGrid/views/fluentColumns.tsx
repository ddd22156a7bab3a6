import { ColumnActionsMode, type IColumn } from "@fluentui/react";
import * as React from "react";
import { h } from "./jsx";
import type { Text } from "../model/text";
import type { ColumnKind, GridColumn, RegistrationRow, SortState } from "../model/types";
import { CheckInCell } from "./cells/CheckInCell";
import { CountCell } from "./cells/CountCell";
import { LookupCell, NameCell, TextCell } from "./cells/LinkCell";
import { StatusCell } from "./cells/StatusCell";
import { SyncCell } from "./cells/SyncCell";

type CellComponent = React.ComponentType<{ row: RegistrationRow; column: GridColumn }>;

/** One cell component per column kind; each reads plain values and talks to the editor through the context. */
const CELLS: Record<ColumnKind, CellComponent> = {
  name: NameCell,
  lookup: LookupCell,
  text: TextCell,
  status: StatusCell,
  sync: SyncCell,
  count: CountCell,
  checkIn: CheckInCell,
};

/**
 * Grid columns → DetailsList columns, with the sort indicator. Each column's onRender depends on the column
 * alone, so a refresh that brings the same columns re-renders no row.
 */
export function toFluentColumns(columns: readonly GridColumn[], sort: SortState | undefined, text: Text): IColumn[] {
  return columns.map((column) => {
    const sorted = sort?.column === column.key;
    const Cell = CELLS[column.kind];
    return {
      key: column.key,
      name: column.label,
      // The full name for screen readers and, as a tooltip, for a header cut short ("Synced with p…").
      ariaLabel: column.label,
      // Justified: each column at least its minimum and at most the view's width; when they don't all fit,
      // Fluent narrows them from the last one towards its minimum before anything scrolls sideways.
      minWidth: column.minWidth,
      maxWidth: column.width,
      isResizable: true,
      isSorted: sorted,
      isSortedDescending: sorted && sort?.descending,
      sortAscendingAriaLabel: text("Grid_SortedAscending"),
      sortDescendingAriaLabel: text("Grid_SortedDescending"),
      columnActionsMode: column.sortable ? ColumnActionsMode.clickable : ColumnActionsMode.disabled,
      className: `srg-col srg-col--${column.kind}`,
      data: column,
      // Fluent draws rows by position (rows have no `key`), so a search, a quick filter or a load gives a drawn row
      // another registration: its cells then start afresh, keyed by the registration. A count being typed, an open
      // status list or explanation, the focus: none of it passes to the next person.
      onRender: (row?: RegistrationRow) => (row ? <Cell key={row.id} row={row} column={column} /> : null),
    };
  });
}
