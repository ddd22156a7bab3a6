import { applyEdit, mergeEdits, type Edit } from "./edits";
import type { Problem } from "./errors";
import type { RegistrationFields } from "./types";

/** A change that failed to save: kept, with why, until the user retries or discards it. */
export interface PendingChange {
  edit: Edit;
  problem: Problem;
}

/** The edit state of one registration. Immutable: every transition returns a new object. */
export interface RowEditState {
  /** Edits waiting or being saved, oldest first; shown optimistically. */
  readonly queued: readonly Edit[];
  /** Values known to be stored (from our own reads and writes) that the dataset doesn't show yet. */
  readonly stored: Partial<RegistrationFields>;
  readonly failed: readonly PendingChange[];
}

export const NO_EDITS: RowEditState = { queued: [], stored: {}, failed: [] };

export function enqueue(state: RowEditState, edit: Edit): RowEditState {
  return { ...state, queued: [...state.queued, edit] };
}

/** Each press is its own Edit object, so identity tells queued edits apart. */
function withoutQueued(state: RowEditState, edit: Edit): readonly Edit[] {
  return state.queued.filter((queued) => queued !== edit);
}

/** The edit was saved; `stored` is what the row now holds. */
export function settle(state: RowEditState, edit: Edit, stored: Partial<RegistrationFields>): RowEditState {
  return { ...state, queued: withoutQueued(state, edit), stored: { ...state.stored, ...stored } };
}

/** The edit failed. It joins the pending changes (merged with one of the same kind); the row shows `stored`. */
export function fail(state: RowEditState, edit: Edit, problem: Problem, stored: Partial<RegistrationFields> = {}): RowEditState {
  const earlier = state.failed.find((p) => p.edit.kind === edit.kind);
  const merged: PendingChange = { edit: earlier ? mergeEdits(earlier.edit, edit) : edit, problem };
  const failed = [...state.failed.filter((p) => p !== earlier), merged];
  return { queued: withoutQueued(state, edit), stored: { ...state.stored, ...stored }, failed };
}

export function clearFailed(state: RowEditState): RowEditState {
  return { ...state, failed: [] };
}

/** Nothing left to remember once the dataset shows the stored values. */
export function isSettled(state: RowEditState): boolean {
  return state.queued.length === 0 && state.failed.length === 0;
}

/** What the grid shows: the dataset's values, then what we know is stored, then the edits still saving. */
export function shownFields(loaded: RegistrationFields, state: RowEditState): RegistrationFields {
  return state.queued.reduce(applyEdit, { ...loaded, ...state.stored });
}
