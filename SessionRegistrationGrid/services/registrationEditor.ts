import { alreadyApplied, columnsToRead, isConflict, payloadFor, writtenFields, type Edit, type Expectation, type FreshRow } from "../model/edits";
import { classifyError, type Problem } from "../model/errors";
import { clearFailed, enqueue, fail, isSettled, NO_EDITS, settle, type RowEditState } from "../model/rowEdits";
import type { RegistrationFields, RegistrationRow } from "../model/types";
import { runPool } from "./pool";
import type { RegistrationStore } from "./registrationStore";
import { DEFAULT_RETRY, realSleep, SaveFailed, withRetries, type RetryPolicy, type Sleep } from "./retry";

export interface EditorOptions {
  store: RegistrationStore;
  /** Asks the dataset to re-query: called once per burst of saved edits, never per edit. */
  onSaved: () => void;
  retry?: RetryPolicy;
  sleep?: Sleep;
  /** Quiet time after the last save before the refresh, so a burst of presses costs one refresh. */
  refreshDelayMs?: number;
}

export interface BulkSummary {
  succeeded: number;
  failed: { id: string; name: string; problem: Problem }[];
  notStarted: number;
}

export interface BulkOptions {
  concurrency?: number;
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
}

/** A check-in write whose response was lost: it may or may not have been applied. */
interface UnconfirmedCheckIn {
  count: number;
  times: number;
  readVersion?: string;
}

export interface RegistrationEditor {
  subscribe(listener: () => void): () => void;
  stateOf(id: string): RowEditState;
  /** Rows with changes that failed to save, in the order they failed. */
  failedRowIds(): string[];
  /** The dataset re-queried: what it shows now replaces what we remembered of idle rows. */
  syncWithDataset(): void;
  /** Queues an edit of one row. Never rejects: resolves with the problem when it failed (the failure is kept). */
  submit(row: RegistrationRow, edit: Edit): Promise<Problem | undefined>;
  /** Saves the row's failed changes again. After a conflict, this is the user's choice to overwrite. */
  retryFailed(row: RegistrationRow): Promise<(Problem | undefined)[]>;
  /** Drops the row's failed changes; it keeps showing what is stored. */
  discardFailed(id: string): void;
  /** The same edit for many rows, at most four calls in flight; failures are summarised, not kept per row. */
  runBulk(rows: readonly RegistrationRow[], editFor: (row: RegistrationRow) => Edit | undefined, options?: BulkOptions): Promise<BulkSummary>;
  dispose(): void;
}

/**
 * Owns every change to session registrations: one queue per row (edits to a row never overlap), a fresh read
 * before each write, conflict detection, retries of transient failures, optimistic state for the grid,
 * pending changes kept after failures, bulk pacing, and one dataset refresh per burst.
 */
export function createRegistrationEditor(options: EditorOptions): RegistrationEditor {
  const states = new Map<string, RowEditState>();
  /** Each row's last queued save: the next one starts after it. */
  const queues = new Map<string, Promise<unknown>>();
  const unconfirmed = new Map<string, UnconfirmedCheckIn>();
  const listeners = new Set<() => void>();
  let active = 0;
  let savedSinceRefresh = false;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let onSaved = options.onSaved;

  const stateOf = (id: string) => states.get(id) ?? NO_EDITS;

  const update = (id: string, change: (state: RowEditState) => RowEditState) => {
    states.set(id, change(stateOf(id)));
    for (const listener of listeners) listener();
  };

  const begin = () => {
    active++;
    clearTimeout(refreshTimer);
  };

  const end = () => {
    if (--active || !savedSinceRefresh) return;
    refreshTimer = setTimeout(() => {
      savedSinceRefresh = false;
      onSaved();
    }, options.refreshDelayMs ?? 300);
  };

  /**
   * How many check-ins of an earlier attempt whose response was lost are already stored: the row holds
   * exactly the count that attempt wrote and its version moved. Without this, a retry would count twice.
   */
  const landedEarlier = (id: string, fresh: FreshRow) => {
    const lost = unconfirmed.get(id);
    unconfirmed.delete(id);
    return lost && fresh.fields.timesCheckedIn === lost.count && fresh.version !== lost.readVersion ? lost.times : 0;
  };

  /** One attempt's write, after its fresh read. Returns the fields now stored. */
  const write = async (row: RegistrationRow, edit: Edit, fresh: FreshRow, overwrite: boolean): Promise<Partial<RegistrationFields>> => {
    // What the user sees: the row as loaded, or, once we know newer stored values (our own writes, fresh reads),
    // those values; their version is unknown until the dataset refreshes, so fields are compared until then.
    const { stored } = stateOf(row.id);
    const expected: Expectation = Object.keys(stored).length ? { fields: { ...row.fields, ...stored } } : { version: row.version, fields: row.fields };
    let toWrite = edit;
    if (edit.kind === "checkIn") {
      toWrite = { kind: "checkIn", times: edit.times - landedEarlier(row.id, fresh) };
    } else if (!alreadyApplied(edit, fresh) && !overwrite && isConflict(edit, expected, fresh)) {
      throw new SaveFailed({ kind: "conflict", detail: "" });
    }
    const payload = payloadFor(toWrite, fresh);
    const needed = toWrite.kind === "checkIn" ? toWrite.times > 0 : !alreadyApplied(edit, fresh);
    try {
      if (needed) await options.store.write(row.id, payload);
    } catch (error) {
      // Only a lost response leaves the outcome unknown; a refusal (429, validation) was never applied.
      if (toWrite.kind === "checkIn" && classifyError(error).kind === "network") {
        unconfirmed.set(row.id, { count: Object.values(payload)[0], times: toWrite.times, readVersion: fresh.version });
      }
      throw error;
    }
    unconfirmed.delete(row.id);
    return { ...fresh.fields, ...(needed ? writtenFields(toWrite, fresh.fields) : {}) };
  };

  /** Runs the edit after the row's earlier ones. `keepFailure`: keep it pending for Retry (single edits, not bulk). */
  const schedule = (row: RegistrationRow, edit: Edit, overwrite: boolean, keepFailure: boolean): Promise<Problem | undefined> => {
    update(row.id, (s) => enqueue(s, edit));
    begin();
    const save = async (): Promise<Problem | undefined> => {
      let fresh: FreshRow | undefined;
      try {
        const stored = await withRetries(
          async () => write(row, edit, (fresh = await options.store.read(row.id, columnsToRead(edit))), overwrite),
          options.retry ?? DEFAULT_RETRY,
          options.sleep ?? realSleep,
        );
        update(row.id, (s) => settle(s, edit, stored));
        savedSinceRefresh = true;
      } catch (error) {
        const problem = (error as SaveFailed).problem ?? classifyError(error);
        const storedNow = fresh?.fields ?? {};
        update(row.id, (s) => (keepFailure ? fail(s, edit, problem, storedNow) : settle(s, edit, storedNow)));
        return problem;
      } finally {
        end();
      }
    };
    const task = (queues.get(row.id) ?? Promise.resolve()).then(save);
    queues.set(row.id, task);
    return task;
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stateOf,
    failedRowIds: () => [...states.keys()].filter((id) => stateOf(id).failed.length),
    syncWithDataset() {
      for (const [id, state] of states) {
        if (state.queued.length) continue;
        queues.delete(id);
        if (isSettled(state)) states.delete(id);
        else states.set(id, { ...state, stored: {} });
      }
      // No notification: this runs inside updateView, whose new rows re-render the grid anyway.
    },
    submit: (row, edit) => schedule(row, edit, false, true),
    retryFailed(row) {
      const failed = stateOf(row.id).failed;
      update(row.id, clearFailed);
      return Promise.all(failed.map((p) => schedule(row, p.edit, p.problem.kind === "conflict", true)));
    },
    discardFailed(id) {
      unconfirmed.delete(id);
      update(id, clearFailed);
    },
    async runBulk(rows, editFor, bulk = {}) {
      const summary: BulkSummary = { succeeded: 0, failed: [], notStarted: 0 };
      let done = 0;
      begin();
      const started = await runPool(rows, bulk.concurrency ?? 4, async (row) => {
        const edit = editFor(row);
        // No edit: the row is inactive, and read-only but for its status.
        const problem = edit ? await schedule(row, edit, false, false) : { kind: "inactive" as const, detail: "" };
        if (problem) summary.failed.push({ id: row.id, name: row.name, problem });
        else summary.succeeded++;
        bulk.onProgress?.(++done, rows.length);
      }, bulk.isCancelled ?? (() => false));
      summary.notStarted = rows.length - started;
      end();
      return summary;
    },
    dispose() {
      clearTimeout(refreshTimer);
      listeners.clear();
      onSaved = () => undefined;
    },
  };
}
