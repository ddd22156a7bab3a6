/** The registration editor's public face: what it takes, and what the grid and the desk may ask of it. */
import type { BulkOutcome } from "../model/bulkActions";
import type { Change, RowEdits } from "../model/changes";
import type { RecordsMode } from "../model/editPolicy";
import type { Edit } from "../model/edits";
import type { Problem } from "../model/errors";
import type { RegistrationFields, RegistrationRow } from "../model/types";
import type { CheckInStore } from "./checkInStore";
import type { Journal } from "./journal";
import type { Schedule } from "./notifier";
import type { RegistrationStore } from "./registrationStore";
import type { RetryPolicy, Sleep } from "./retry";

export interface EditorOptions {
  registrations: RegistrationStore;
  checkIns: CheckInStore;
  /** Whether check-ins make check-in records now (default: yes). */
  records?: () => RecordsMode;
  /** The check-in record's name: the attendee and the session. */
  recordName?: (row: RegistrationRow) => string;
  retry?: RetryPolicy;
  sleep?: Sleep;
  now?: () => number;
  newId?: () => string;
  /** When listeners hear of changes (default: once per animation frame). */
  schedule?: Schedule;
  /** When fresh reads asked for together go out as one call (default: at the end of the task they were asked in). */
  gatherReads?: Schedule;
  /** Changes saving at once to begin with; the pace adapts from there (default 4). */
  concurrency?: number;
  /**
   * Keeps unsaved changes across page loads: those it hands over are sent when the editor starts (or when adopted
   * later); a disposed editor keeps its steps there until nothing of it is in flight.
   */
  journal?: Journal;
  /** The browser knows it has no connection (navigator.onLine false): changes wait without trying. */
  isOffline?: () => boolean;
  /** How often a waiting change tries again while the connection seems down (default 15 s). */
  probeMs?: number;
}

/** What another desk did to a registration: checked the attendee in, or changed something else. */
export type ElsewhereChange = "checkedIn" | "changed";

/** What a press of a row's Check in did. */
export type CheckInPress = "counted" | "retried" | "repeat";

/**
 * A check-in this page made and saved: the change (its id is also its record's; `record` says whether a record
 * was made) and the count stored after it. It can be undone until the page is reloaded.
 */
export interface SavedCheckIn extends Change {
  count: number;
}

export interface BulkOptions {
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface RegistrationEditor {
  /** Any change of edit state; coalesced (once per frame in the browser). */
  subscribe(listener: () => void): () => void;
  /** This registration's edit state changed; coalesced. */
  subscribeRow(id: string, listener: () => void): () => void;
  /** Every check-in that was saved. */
  onCheckedIn(listener: (checkedIn: SavedCheckIn) => void): () => void;
  edits(id: string): RowEdits;
  /** The registrations with edit state of their own: changes, or values known stored that the dataset may not show. */
  edited(): Iterable<string>;
  /** What the row shows now: loaded values, newer stored ones, and the changes still saving. */
  shown(row: RegistrationRow): RegistrationFields;
  /** Every change that failed and waits for Retry or Discard, row by row. */
  failures(): Change[];
  /** How many changes wait for the connection. */
  waiting(): number;
  /**
   * Changes another tab of this browser keeps and this one may not send on its own: only without Web Locks, where
   * nothing tells a live tab from a closed one (`journalOwner.ts`). A UI may offer to send them here.
   */
  foreignWaiting(): number;
  /** The user chose to send those changes from here: they are taken over and sent once, like this editor's own. */
  adoptForeign(): void;
  /** Whether any change is queued, saving or waiting (live updates hold off meanwhile). */
  busy(): boolean;
  /** The connection is back (the browser's online event): waiting changes go, in the order they were made. */
  reconnect(): void;
  /**
   * What another desk stored, seen by a live poll: it replaces what the row shows, unless a change of the row is
   * on its way. Rows changed so are marked (`elsewhere`) until `forgetElsewhere`.
   */
  learn(id: string, stored: Partial<RegistrationFields>, what: ElsewhereChange): void;
  forgetElsewhere(): void;
  elsewhere(id: string): ElsewhereChange | undefined;
  /** The row's saved check-ins from this page that can still be undone, oldest first. */
  undoable(id: string): readonly SavedCheckIn[];
  /**
   * The dataset brought different values for these registrations: what it shows now replaces what was
   * remembered as stored, once nothing of the row's is saving. Rows it re-delivers unchanged keep it (a page
   * load may hand back values older than the control's own last write).
   */
  syncWithDataset(changedIds: Iterable<string>): void;
  /**
   * A press of the row's Check in: counted, a retry of the row's failed check-in, or ignored as a repeat
   * within two seconds of the last counted press. `done` never rejects: it resolves with the problem, if any.
   */
  checkIn(row: RegistrationRow): { press: CheckInPress; done: Promise<Problem | undefined> };
  /** Takes back the row's newest check-in from this page (or the one named): record deactivated, count one lower. */
  undoCheckIn(row: RegistrationRow, checkIn?: string): Promise<Problem | undefined>;
  /** The undo of the row's newest undoable check-in (or the one named), for a bulk run; undefined when there is none. */
  undoEdit(rowId: string, checkIn?: string): Edit | undefined;
  /** Queues a change of one row. Never rejects: resolves with the problem when it failed (the failure is kept). */
  submit(row: RegistrationRow, edit: Edit): Promise<Problem | undefined>;
  /** Saves the row's failed changes again; after a conflict this is the user's choice to overwrite. */
  retry(id: string): void;
  /** Drops the row's failed changes: it keeps showing what is stored. */
  discard(id: string): void;
  retryAll(): void;
  discardAll(): void;
  /**
   * The same change for many rows, paced with everything else; outcomes per row. A row's failed change of the
   * same kind is retried rather than made again (Retry failed), and failures stay in their rows.
   */
  runBulk(rows: readonly RegistrationRow[], editFor: (row: RegistrationRow) => Edit | undefined, options?: BulkOptions): Promise<BulkOutcome[]>;
  dispose(): void;
}
