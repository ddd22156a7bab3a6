import type * as React from "react";
import type { EditPolicy } from "../model/editPolicy";
import type { RowEditState } from "../model/rowEdits";
import type { StatusReason } from "../model/statusReasons";
import type { Text } from "../model/text";
import type { GridColumn, LookupRef, RegistrationFields, RegistrationRow, SortState } from "../model/types";
import type { RegistrationEditor } from "../services/registrationEditor";

/** What the grid asks of the dataset, as plain callbacks. */
export interface DatasetActions {
  sort(sort: SortState | undefined): void;
  loadMore(): void;
  select(ids: string[]): void;
  open(row: RegistrationRow): void;
}

/** What the grid asks of its host. */
export interface GridActions extends DatasetActions {
  openLookup(ref: LookupRef): void;
}

/** One row as the grid renders it: the loaded row, its edit state, and the fields it shows now. */
export interface GridItem {
  row: RegistrationRow;
  edit: RowEditState;
  shown: RegistrationFields;
}

/** What every cell may need; stable between renders so rows re-render only when their item changes. */
export interface CellContext {
  text: Text;
  policy: EditPolicy;
  statusReasons: readonly StatusReason[];
  editor: RegistrationEditor;
  actions: GridActions;
}

/** Renders one cell of one column kind. */
export type CellRenderer = (item: GridItem, ctx: CellContext, column: GridColumn) => React.ReactNode;
