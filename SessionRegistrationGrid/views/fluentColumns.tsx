import type { IColumn } from "@fluentui/react";
import * as React from "react";
import { rowPolicy } from "../model/editPolicy";
import type { GridColumn, SortState } from "../model/types";
import { CheckInCell } from "./cells/CheckInCell";
import { CountCell } from "./cells/CountCell";
import { LinkCell, LookupCell } from "./cells/LinkCell";
import { StatusCell } from "./cells/StatusCell";
import { SyncCell } from "./cells/SyncCell";
import type { CellContext, GridItem } from "./gridTypes";
import { h } from "./h";

type Render = (item: GridItem, ctx: CellContext, column: GridColumn) => React.ReactNode;

/** One renderer per column kind; each cell gets plain values and a callback into the editor. */
const RENDERERS: Record<GridColumn["kind"], Render> = {
  name: ({ row }, { text, actions }) => <LinkCell text={row.name || text("Grid_NoName")} onOpen={() => actions.open(row)} />,
  lookup: ({ row }, { actions }, column) => <LookupCell {...row.cells[column.key]} openLookup={actions.openLookup} />,
  text: ({ row }, _ctx, column) => <span>{row.cells[column.key]?.text}</span>,
  status: ({ row, shown }, { text, policy, statusReasons, editor }) => {
    const reason = statusReasons.find((r) => r.value === shown.statusReason);
    const label = reason?.label ?? (shown.statusReason === row.fields.statusReason && row.statusLabel ? row.statusLabel : text(shown.state ? "Status_Inactive" : "Status_Active"));
    return (
      <StatusCell
        label={label}
        inactive={shown.state !== 0}
        editable={policy.status}
        reasons={statusReasons}
        current={shown.statusReason}
        text={text}
        onChange={(r) => void editor.submit(row, { kind: "status", state: r.state, statusReason: r.value })}
      />
    );
  },
  sync: ({ row, shown }, { text, policy, editor }) => (
    <SyncCell synced={!!shown.synced} editable={rowPolicy(policy, shown.state).sync} text={text} onChange={(synced) => void editor.submit(row, { kind: "sync", synced })} />
  ),
  count: ({ row, shown }, { text, policy, editor }) => (
    <CountCell rowId={row.id} count={shown.timesCheckedIn} editable={rowPolicy(policy, shown.state).checkIn} text={text} onSave={(value) => void editor.submit(row, { kind: "count", value })} />
  ),
  checkIn: ({ row, shown, edit }, { text, policy, editor }) => (
    <CheckInCell
      name={row.name || text("Grid_NoName")}
      timesCheckedIn={shown.timesCheckedIn}
      saving={edit.queued.length > 0}
      editable={rowPolicy(policy, shown.state).checkIn}
      text={text}
      onCheckIn={() => void editor.submit(row, { kind: "checkIn", times: 1 })}
    />
  ),
};

/** Grid columns → DetailsList columns, with the sort indicator and a renderer per kind. */
export function toFluentColumns(columns: readonly GridColumn[], sort: SortState | undefined, ctx: CellContext): IColumn[] {
  return columns.map((column) => {
    const sorted = sort?.column === column.key;
    const render = RENDERERS[column.kind];
    return {
      key: column.key,
      fieldName: column.key,
      name: column.label,
      minWidth: Math.min(column.width, 80),
      maxWidth: column.width,
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
