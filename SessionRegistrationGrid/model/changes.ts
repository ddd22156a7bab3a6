import type { CheckInTargets } from "./checkInRecord";
import { applyEdit, isSetting, type Edit } from "./edits";
import type { Problem } from "./errors";
import type { RegistrationFields } from "./types";

/**
 * queued: waiting for its turn (edits to one registration never overlap); saving: its calls are running;
 * waiting: the connection is down, it goes when it is back; failed: it could not be saved and waits for the
 * user's Retry or Discard.
 */
export type ChangeStatus = "queued" | "saving" | "waiting" | "failed";

/** Where a change came from: a row's own controls, or a bulk action over many rows. */
export type ChangeSource = "row" | "bulk";

/** Why a check-in was counted without a check-in record. */
export type CountOnlyReason = "disabled" | "noPrivilege" | "noEventRegistration";

/** A check-in's record: made (by this check-in, or found made by an earlier attempt of it), or why there is none. */
export type RecordStep = "made" | CountOnlyReason;

/** One change a user made to one registration, from the press until it is saved or discarded. */
export interface Change {
  readonly id: string;
  readonly rowId: string;
  /** The attendee's name as the grid showed it, for messages about a row that may no longer be loaded. */
  readonly name: string;
  readonly edit: Edit;
  /** The fields as the user saw them when making the change: someone else's change since is a conflict. */
  readonly seen: RegistrationFields;
  readonly status: ChangeStatus;
  readonly source: ChangeSource;
  /** Order of making; changes are saved in this order. */
  readonly seq: number;
  /** When it was made (ms since 1970): a check-in's time, however late it is sent. */
  readonly madeAt: number;
  /** Check-ins: what the record points at and its name, as the row showed them. */
  readonly targets?: CheckInTargets;
  readonly recordName?: string;
  /** Check-ins: the record step, once done; undo: "made" once the record is deactivated. */
  readonly record?: RecordStep;
  /** The record step was sent: it may have been applied though its answer never came. */
  readonly recordSent?: boolean;
  readonly problem?: Problem;
  /** After a conflict, Retry is the user's choice to save over the other change. */
  readonly overwrite?: boolean;
  /**
   * A count write that was sent but whose answer never came, and the version it was computed from. If the
   * row holds exactly that count under a newer version on the next attempt, the write landed: counting again
   * would count twice.
   */
  readonly unconfirmed?: { count: number; readVersion?: string };
}

/** The edit state of one registration. Immutable: every transition returns a new object. */
export interface RowEdits {
  /** Changes not yet saved, oldest first, failed ones included. */
  readonly changes: readonly Change[];
  /** Values known to be stored (from the control's own reads and writes) that the dataset doesn't show yet. */
  readonly stored: Partial<RegistrationFields>;
}

export const NO_EDITS: RowEdits = { changes: [], stored: {} };

export function addChange(state: RowEdits, change: Change): RowEdits {
  return { ...state, changes: [...state.changes, change] };
}

export function updateChange(state: RowEdits, id: string, patch: Partial<Change>): RowEdits {
  return { ...state, changes: state.changes.map((c) => (c.id === id ? { ...c, ...patch } : c)) };
}

/** The change was saved; `stored` is what the row now holds. Older failed changes it supersedes go with it. */
export function settleChange(state: RowEdits, id: string, stored: Partial<RegistrationFields>): RowEdits {
  const saved = state.changes.find((c) => c.id === id);
  const changes = state.changes.filter((c) => c.id !== id && !(saved && supersedes(saved, c)));
  return { changes, stored: { ...state.stored, ...stored } };
}

/**
 * A saved setting replaces an older failed one of the same kind (the newest choice wins); a typed count
 * replaces failed check-ins too, since it says how many there were. A saved undo (or put-back) of a check-in
 * replaces a failed put-back of its record: making the record active again would take the undo back.
 */
function supersedes(saved: Change, older: Change): boolean {
  const { edit } = saved;
  if (older.status !== "failed" || older.seq > saved.seq) return false;
  // Only an undo or a put-back names a check-in.
  if (older.edit.kind === "record") return (edit as { checkIn?: string }).checkIn === older.edit.checkIn;
  return isSetting(edit) && (older.edit.kind === edit.kind || (edit.kind === "count" && older.edit.kind === "checkIn"));
}

/**
 * The change failed. A failed setting replaces an older failed one of the same kind, so the newest choice is
 * what Retry saves (count 5 then 7, both failed: 7 is pending). The row shows `stored`, the values read.
 */
export function failChange(state: RowEdits, id: string, problem: Problem, stored: Partial<RegistrationFields>): RowEdits {
  const failing = state.changes.find((c) => c.id === id);
  if (!failing) return state;
  const failed: Change = { ...failing, status: "failed", problem };
  const changes = state.changes
    .filter((c) => !(c.status === "failed" && c.edit.kind === failed.edit.kind && isSetting(c.edit) && c.seq < failed.seq))
    .map((c) => (c.id === id ? failed : c));
  return { changes, stored: { ...state.stored, ...stored } };
}

/**
 * A fresh read of the row at `version`: an unanswered count write computed from that same version never landed
 * (so the row holding that count later, after another change's write, is no sign that it did).
 */
export function notLanded(state: RowEdits, version?: string): RowEdits {
  const lost = (c: Change) => c.unconfirmed?.readVersion === version && !!version;
  // The same state when nothing is learned: most reads find no unanswered write, and the row need not re-render.
  return state.changes.some(lost) ? { ...state, changes: state.changes.map((c) => (lost(c) ? { ...c, unconfirmed: undefined } : c)) } : state;
}

/**
 * What puts back the check-in record of a change dropped half done, its record step sent (done, or perhaps done
 * with its answer lost) and its count not written: a check-in's record is deactivated again, an undo's record made
 * active again; both are harmless if the step had not been applied. When a count write went without an answer it
 * may have landed, and the record stays as it is.
 */
export function recordToPutBack(change: Change): Edit | undefined {
  const { edit } = change;
  if (!change.recordSent || change.unconfirmed) return undefined;
  if (edit.kind === "checkIn") return { kind: "record", checkIn: change.id, active: false };
  if (edit.kind === "undoCheckIn") return { kind: "record", checkIn: edit.checkIn, active: true };
  return undefined;
}

export function removeChanges(state: RowEdits, remove: (change: Change) => boolean): RowEdits {
  return { ...state, changes: state.changes.filter((c) => !remove(c)) };
}

export const isActive = (change: Change) => change.status !== "failed";
export const failedChanges = (state: RowEdits) => state.changes.filter((c) => c.status === "failed");

/** Nothing left to remember once the dataset shows the stored values. */
export function isSettled(state: RowEdits): boolean {
  return state.changes.length === 0;
}

/**
 * What the grid shows: the dataset's values, then what is known to be stored, then the changes still saving.
 * Failed changes are not applied: the row shows the stored value and, beside it, the change that wasn't saved.
 */
export function shownFields(loaded: RegistrationFields, state: RowEdits): RegistrationFields {
  // Most rows have no edits: their loaded fields are what they show (no copy for each of 5,000 rows).
  if (state === NO_EDITS) return loaded;
  return state.changes.filter(isActive).reduce((fields, c) => applyEdit(fields, c.edit), { ...loaded, ...state.stored });
}
