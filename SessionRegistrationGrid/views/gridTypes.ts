import type { EditPolicy } from "../model/editPolicy";
import type { StatusReason } from "../model/statusReasons";
import type { Text } from "../model/text";
import type { LookupRef, RegistrationRow, SortState } from "../model/types";
import type { LiveState } from "../services/livePoll";
import type { RegistrationEditor, SavedCheckIn } from "../services/registrationEditor";
import type { Signal } from "./signal";

/** What the grid asks of the dataset, as plain callbacks. */
export interface DatasetActions {
  sort(sort: SortState | undefined): void;
  loadMore(): void;
  refresh(): void;
  select(ids: string[]): void;
  open(row: RegistrationRow): void;
}

/** What the grid asks of its host. */
export interface GridActions extends DatasetActions {
  openLookup(ref: LookupRef): void;
  /** The platform's confirmation dialog: true when the user confirms. */
  confirm(title: string, text: string, yes: string, no: string): Promise<boolean>;
}

/** What the status line says now, and the check-in it speaks of (the line offers to undo it). */
export interface StatusMessage {
  message: string;
  checkedIn?: SavedCheckIn;
}

/** What every part of the grid may need; one object, stable while none of it changes. */
export interface GridServices {
  text: Text;
  policy: EditPolicy;
  statusReasons: readonly StatusReason[];
  editor: RegistrationEditor;
  actions: GridActions;
  /** Says something in the grid's status line (role=status): outcomes that have no row to show them. */
  announce(message: string): void;
  said: Signal<StatusMessage>;
  /** Takes back the row's newest check-in from this page (or the one named) and says so when done. */
  undoCheckIn(row: RegistrationRow, checkIn?: string): void;
  live: Signal<LiveState>;
}
