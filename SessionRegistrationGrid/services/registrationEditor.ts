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

export interface BulkFailure {
  id: string;
  name: string;
  problem: Problem;
}

export interface BulkSummary {
  succeeded: number;
  failed: BulkFailure[];
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

const BULK_CONCURRENCY = 4;

/**
 * Owns every change to session registrations: one queue per row (edits to a row never overlap), a fresh read
 * before each write, conflict detection, retries of transient failures, optimistic state for the grid,
 * pending changes kept after failures, bulk pacing, and one dataset refresh per burst.
 */
export class RegistrationEditor {
  readonly #states = new Map<string, RowEditState>();
  readonly #expectations = new Map<string, Expectation>();
  readonly #chains = new Map<string, Promise<unknown>>();
  readonly #unconfirmed = new Map<string, UnconfirmedCheckIn>();
  readonly #listeners = new Set<() => void>();
  readonly #retry: RetryPolicy;
  readonly #sleep: Sleep;
  #active = 0;
  #savedSinceRefresh = false;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;

  readonly #options: EditorOptions;

  constructor(options: EditorOptions) {
    this.#options = options;
    this.#retry = options.retry ?? DEFAULT_RETRY;
    this.#sleep = options.sleep ?? realSleep;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  stateOf(id: string): RowEditState {
    return this.#states.get(id) ?? NO_EDITS;
  }

  /** Rows with changes that failed to save, in the order they failed. */
  failedRowIds(): string[] {
    return [...this.#states].filter(([, s]) => s.failed.length > 0).map(([id]) => id);
  }

  /** The dataset re-queried: what it shows now replaces what we remembered of idle rows. */
  syncWithDataset(): void {
    for (const [id, state] of this.#states) {
      if (state.queued.length > 0) continue;
      this.#expectations.delete(id);
      if (isSettled(state)) this.#states.delete(id);
      else this.#states.set(id, { ...state, stored: {} });
    }
    this.#emit();
  }

  /** Queues an edit of one row. Never rejects: resolves with the problem when it failed (the failure is kept). */
  submit(row: RegistrationRow, edit: Edit): Promise<Problem | undefined> {
    return this.#schedule(row, edit, false, true);
  }

  /** Saves the row's failed changes again. After a conflict, this is the user's choice to overwrite. */
  retryFailed(row: RegistrationRow): Promise<(Problem | undefined)[]> {
    const failed = this.stateOf(row.id).failed;
    this.#update(row.id, clearFailed);
    return Promise.all(failed.map((p) => this.#schedule(row, p.edit, p.problem.kind === "conflict", true)));
  }

  /** Drops the row's failed changes; it keeps showing what is stored. */
  discardFailed(id: string): void {
    this.#unconfirmed.delete(id);
    this.#update(id, clearFailed);
  }

  /** The same edit for many rows, at most four calls in flight; failures are summarised, not kept per row. */
  async runBulk(rows: readonly RegistrationRow[], editFor: (row: RegistrationRow) => Edit | undefined, options: BulkOptions = {}): Promise<BulkSummary> {
    const summary: BulkSummary = { succeeded: 0, failed: [], notStarted: 0 };
    let done = 0;
    this.#begin();
    try {
      const started = await runPool(rows, options.concurrency ?? BULK_CONCURRENCY, async (row) => {
        const edit = editFor(row);
        // No edit: the row is inactive, and read-only but for its status.
        const problem = edit ? await this.#schedule(row, edit, false, false) : { kind: "inactive" as const, detail: "" };
        if (problem) summary.failed.push({ id: row.id, name: row.name, problem });
        else summary.succeeded++;
        options.onProgress?.(++done, rows.length);
      }, options.isCancelled ?? (() => false));
      summary.notStarted = rows.length - started;
    } finally {
      this.#end();
    }
    return summary;
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#refreshTimer);
    this.#listeners.clear();
  }

  /** Runs the edit after the row's earlier ones. `keepFailure`: keep it pending for Retry (single edits, not bulk). */
  #schedule(row: RegistrationRow, edit: Edit, overwrite: boolean, keepFailure: boolean): Promise<Problem | undefined> {
    this.#update(row.id, (s) => enqueue(s, edit));
    this.#begin();
    const run = async (): Promise<Problem | undefined> => {
      let fresh: FreshRow | undefined;
      try {
        const stored = await withRetries(async () => {
          fresh = await this.#options.store.read(row.id, columnsToRead(edit));
          return this.#writeEdit(row, edit, fresh, overwrite);
        }, this.#retry, this.#sleep);
        this.#update(row.id, (s) => settle(s, edit, stored));
        this.#savedSinceRefresh = true;
        return undefined;
      } catch (error) {
        const problem = error instanceof SaveFailed ? error.problem : { kind: "unknown" as const, detail: String(error) };
        const storedNow = fresh?.fields ?? {};
        this.#update(row.id, (s) => (keepFailure ? fail(s, edit, problem, storedNow) : settle(s, edit, storedNow)));
        return problem;
      } finally {
        this.#end();
      }
    };
    const task = (this.#chains.get(row.id) ?? Promise.resolve()).then(run);
    this.#chains.set(row.id, task);
    void task.then(() => {
      if (this.#chains.get(row.id) === task) this.#chains.delete(row.id);
    });
    return task;
  }

  /** One attempt's write, after its fresh read. Returns the fields now stored. */
  async #writeEdit(row: RegistrationRow, edit: Edit, fresh: FreshRow, overwrite: boolean): Promise<Partial<RegistrationFields>> {
    const expected = this.#expectations.get(row.id) ?? { version: row.version, fields: row.fields };
    let toWrite = edit;
    if (edit.kind === "checkIn") {
      const remaining = edit.times - this.#confirmedEarlier(row.id, fresh);
      if (remaining <= 0) return this.#remember(row.id, expected, fresh, {});
      toWrite = { kind: "checkIn", times: remaining };
    } else if (alreadyApplied(edit, fresh)) {
      return this.#remember(row.id, expected, fresh, writtenFields(edit, fresh.fields));
    } else if (!overwrite && isConflict(edit, expected, fresh)) {
      throw new SaveFailed({ kind: "conflict", detail: "" });
    }
    const payload = payloadFor(toWrite, fresh);
    try {
      await this.#options.store.write(row.id, payload);
    } catch (error) {
      // Only a lost response leaves the outcome unknown; a refusal (429, validation) was never applied.
      if (toWrite.kind === "checkIn" && classifyError(error).kind === "network") {
        this.#unconfirmed.set(row.id, { count: payload[Object.keys(payload)[0]], times: toWrite.times, readVersion: fresh.version });
      }
      throw error;
    }
    this.#unconfirmed.delete(row.id);
    return this.#remember(row.id, expected, fresh, writtenFields(toWrite, fresh.fields));
  }

  /**
   * How many check-ins of an earlier attempt whose response was lost are already stored: the row holds
   * exactly the count that attempt wrote and its version moved. Without this, a retry would count twice.
   */
  #confirmedEarlier(id: string, fresh: FreshRow): number {
    const lost = this.#unconfirmed.get(id);
    if (!lost) return 0;
    this.#unconfirmed.delete(id);
    const landed = fresh.fields.timesCheckedIn === lost.count && fresh.version !== lost.readVersion;
    return landed ? lost.times : 0;
  }

  /** After our own write the version is unknown until the dataset refreshes: compare fields until then. */
  #remember(id: string, expected: Expectation, fresh: FreshRow, written: Partial<RegistrationFields>): Partial<RegistrationFields> {
    const stored = { ...fresh.fields, ...written };
    this.#expectations.set(id, { version: undefined, fields: { ...expected.fields, ...stored } });
    return stored;
  }

  #update(id: string, change: (state: RowEditState) => RowEditState): void {
    this.#states.set(id, change(this.stateOf(id)));
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }

  #begin(): void {
    this.#active++;
    clearTimeout(this.#refreshTimer);
  }

  #end(): void {
    this.#active--;
    if (this.#active > 0 || !this.#savedSinceRefresh || this.#disposed) return;
    this.#refreshTimer = setTimeout(() => {
      this.#savedSinceRefresh = false;
      if (!this.#disposed) this.#options.onSaved();
    }, this.#options.refreshDelayMs ?? 300);
  }
}
