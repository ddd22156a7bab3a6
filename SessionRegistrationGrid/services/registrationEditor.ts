import { failedOutcome, type BulkOutcome } from "../model/bulkActions";
import {
  addChange, failChange, failedChanges, isActive, isSettled, NO_EDITS, notLanded, recordToPutBack, removeChanges, settleChange, shownFields, updateChange,
  type Change, type ChangeSource, type RowEdits,
} from "../model/changes";
import { bareGuid } from "../model/checkInRecord";
import type { RecordsMode } from "../model/editPolicy";
import type { Edit } from "../model/edits";
import type { Problem } from "../model/errors";
import { createPressGuard } from "../model/pressGuard";
import { failedCheckIn } from "../model/rowStatus";
import type { RegistrationFields, RegistrationRow } from "../model/types";
import { createCallPool } from "./callPool";
import type { CheckInStore } from "./checkInStore";
import { newGuid } from "./ids";
import type { Journal } from "./journal";
import { createNotifier, type Schedule } from "./notifier";
import type { RegistrationStore } from "./registrationStore";
import { DEFAULT_RETRY, problemOf, realSleep, withRetries, type RetryPolicy, type Sleep } from "./retry";
import { attemptSave, type SaveResult } from "./saveChange";
import { savePorts } from "./savePorts";

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
  /** Keeps unsaved changes across page loads; they are sent again when the editor starts. */
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

/**
 * How a queued change ended, in a bulk run's words: saved ("changed", or "already" when the row held the value),
 * dropped unstarted by a cancelled run, waiting for the connection (it goes when it is back), or failed.
 */
interface Finished {
  result?: SaveResult["result"] | "notStarted" | "waiting";
  problem?: Problem;
}

/**
 * Owns every change to session registrations: one queue per registration (its changes never overlap), as many
 * saving at once as the call pool allows (callPool.ts), a check-in's record before its count, a fresh read before
 * each write, conflicts, retries of transient failures, what the grid shows meanwhile and after (what it knows is
 * stored, until the dataset brings newer data), failed changes kept with their reason, and undo of the check-ins
 * it made.
 *
 * It never refreshes the dataset: a model-driven refresh starts again at page one, which would drop the pages
 * the user scrolled through and move the list under them.
 */
export function createRegistrationEditor(options: EditorOptions): RegistrationEditor {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? newGuid;
  const notifier = createNotifier(options.schedule);
  const guard = createPressGuard();
  const pool = createCallPool({ saving: () => running.size, ready: () => pump(), sleep: options.sleep ?? realSleep });
  const ports = savePorts(options, pool);
  const rows = new Map<string, RowEdits>();
  /** Changes waiting to start, in the order they were made (with a bulk run's Cancel, if any). */
  let queue: { change: Change; cancelled?: () => boolean }[] = [];
  const waiters = new Map<string, (finished: Finished) => void>();
  const running = new Set<string>();
  const saved = new Map<string, SavedCheckIn[]>();
  const checkedInListeners = new Set<(c: SavedCheckIn) => void>();
  let seq = 0;
  let disposed = false;
  /** A change met a dead connection: nothing starts until it returns or a probe gets through. */
  let networkDown = false;
  let probe: ReturnType<typeof setTimeout> | undefined;
  let elsewhere = new Map<string, ElsewhereChange>();
  const offline = () => networkDown || !!options.isOffline?.();

  const edits = (id: string) => rows.get(id) ?? NO_EDITS;
  const setEdits = (id: string, next: RowEdits) => {
    // Nothing changed (a transition that found nothing to do): no one needs to hear of it.
    if (next === edits(id)) return;
    if (isSettled(next) && !Object.keys(next.stored).length) rows.delete(id);
    else rows.set(id, next);
    notifier.notify(id);
  };
  const patch = (change: Change, changes: Partial<Change>) => setEdits(change.rowId, updateChange(edits(change.rowId), change.id, changes));
  const all = () => [...rows.values()].flatMap((r) => r.changes);
  /** A step done (record made, count sent) or a change left waiting is written to the journal at once, not at the next frame. */
  const keep = (change: Change, step: Partial<Change>) => {
    patch(change, step);
    // A disposed editor's save may still run on; the journal belongs to the next page's editor by then.
    if (!disposed) options.journal?.save(all());
  };
  const latest = (change: Change) => edits(change.rowId).changes.find((c) => c.id === change.id);
  const finish = (change: Change, finished: Finished) => {
    waiters.get(change.id)?.(finished);
    waiters.delete(change.id);
  };
  /** Without a connection a change is no failure: it waits, shown as it will be, and whoever awaits it hears so. */
  const wait = (change: Change) => {
    keep(change, { status: "waiting" });
    finish(change, { result: "waiting" });
  };
  /** Queues a change (new, or failed and retried) and resolves when it is saved, fails or is cancelled. */
  const start = (change: Change, cancelled?: () => boolean) => {
    const done = new Promise<Finished>((resolve) => waiters.set(change.id, resolve));
    queue.push({ change, cancelled });
    pump();
    return done;
  };

  /** The row as the user sees it stored: loaded values overlaid with what the control knows is stored now. */
  const baseOf = (row: RegistrationRow) => ({ ...row.fields, ...edits(row.id).stored });

  const enqueue = (row: RegistrationRow, edit: Edit, source: ChangeSource, cancelled?: () => boolean) => {
    const { contact, session, event, eventRegistration } = row.refs;
    const change: Change = {
      id: newId(), rowId: row.id, name: row.name, edit, seen: baseOf(row), status: "queued", source, seq: ++seq, madeAt: now(),
      // A bulk action states the end the user wants for every row, whatever it was: it is no conflict.
      overwrite: source === "bulk",
      ...(edit.kind === "checkIn" && {
        targets: { registration: bareGuid(row.id), contact: contact?.id, session: session?.id, event: event?.id, eventRegistration: eventRegistration?.id },
        recordName: options.recordName?.(row) ?? row.name,
      }),
    };
    return add(change, cancelled);
  };
  const add = (change: Change, cancelled?: () => boolean) => {
    setEdits(change.rowId, addChange(edits(change.rowId), change));
    return start(change, cancelled);
  };

  /** A failed change queued again where it stopped; after a conflict, Retry is the user's choice to overwrite. */
  const resume = (failed: Change) => {
    patch(failed, { status: "queued", problem: undefined, overwrite: failed.overwrite || failed.problem?.kind === "conflict" });
    return start(failed);
  };

  /** Starts queued changes in the order they were made, one per registration, while the pool has room. */
  const pump = () => {
    queue = queue.filter(({ change, cancelled }) => {
      const current = latest(change);
      // A cancelled bulk run drops what it has not started, connection or not.
      if (current && cancelled?.()) {
        setEdits(change.rowId, removeChanges(edits(change.rowId), (c) => c.id === change.id));
        finish(change, { result: "notStarted" });
        return false;
      }
      if (current?.status === "queued" && offline()) wait(change);
      // One change per registration runs at a time: the registrations running are the changes saving.
      if (disposed || offline() || !pool.hasRoom() || running.has(change.rowId)) return true;
      if (current) void run(current);
      return false;
    });
  };

  /** A saved check-in becomes undoable; a saved undo takes its check-in off the list. */
  const remember = (change: Change, stored: Partial<RegistrationFields>) => {
    const { edit, rowId } = change;
    if (edit.kind === "undoCheckIn") saved.set(rowId, (saved.get(rowId) ?? []).filter((c) => c.id !== edit.checkIn));
    if (edit.kind !== "checkIn") return;
    const checkedIn: SavedCheckIn = { ...change, count: stored.timesCheckedIn ?? 0 };
    saved.set(rowId, [...(saved.get(rowId) ?? []), checkedIn]);
    for (const listener of checkedInListeners) listener(checkedIn);
  };

  const run = async (change: Change) => {
    const { rowId } = change;
    running.add(rowId);
    patch(change, { status: "saving" });
    let fresh: Partial<RegistrationFields> = {};
    try {
      const result = await withRetries(
        () => attemptSave(ports, { current: () => latest(change) ?? change, record: (step) => keep(change, step), read: (row) => {
          fresh = row.fields;
          setEdits(rowId, notLanded(edits(rowId), row.version));
        } }),
        options.retry ?? DEFAULT_RETRY,
        options.sleep ?? realSleep,
      );
      const done = latest(change) ?? change;
      // Later changes of this row, queued or waiting for the connection, would have seen what this one wrote;
      // failed ones keep what the user saw, so their Retry still asks before overwriting.
      const written = result.stored;
      const next = settleChange(edits(rowId), change.id, written);
      setEdits(rowId, { ...next, changes: next.changes.map((c) => (isActive(c) ? { ...c, seen: { ...c.seen, ...written } } : c)) });
      remember(done, written);
      finish(change, { result: result.result });
    } catch (error) {
      const problem = problemOf(error);
      if (problem.kind === "network") {
        // Still no connection after the retries: it waits at the head of the queue, and a probe tries again later.
        wait(change);
        queue.unshift({ change });
        networkDown = true;
        clearTimeout(probe);
        probe = setTimeout(reconnect, options.probeMs ?? 15_000);
      } else {
        // Kept with what it had done (a check-in's record made): Retry finishes it, never starts it again.
        setEdits(rowId, failChange(edits(rowId), change.id, problem, fresh));
        finish(change, { problem });
      }
    } finally {
      running.delete(rowId);
      pump();
    }
  };

  /** The connection may be back: the online event, or the probe a failure set (which fails again if not). */
  const reconnect = () => {
    networkDown = false;
    pump();
  };

  const retry = (id: string) => failedChanges(edits(id)).forEach(resume);
  /**
   * Drops the row's failed changes. One dropped half done (a check-in's record made, or an undo's record
   * deactivated, and the count not written) puts its record back as it was, as a change of its own.
   */
  const discard = (id: string) => {
    const dropped = failedChanges(edits(id));
    setEdits(id, removeChanges(edits(id), (c) => c.status === "failed"));
    for (const change of dropped) {
      const edit = recordToPutBack(change);
      if (edit) void add({ id: newId(), rowId: id, name: change.name, edit, seen: change.seen, status: "queued", source: change.source, seq: ++seq, madeAt: now() });
    }
  };

  /** Saved check-ins of the row not being undone (an undo queued, saving or failed holds its check-in). */
  const undoable = (id: string) => {
    const undoing = new Set(edits(id).changes.map((c) => c.edit.kind === "undoCheckIn" && c.edit.checkIn));
    return (saved.get(id) ?? []).filter((c) => !undoing.has(c.id));
  };
  const undoEdit = (rowId: string, checkIn?: string): Edit | undefined => {
    const candidates = undoable(rowId);
    const target = checkIn ? candidates.find((c) => c.id === checkIn) : candidates.at(-1);
    return target && { kind: "undoCheckIn", checkIn: target.id, recorded: target.record === "made" };
  };

  /** A change of one row, for whoever waits on it: the problem it ran into, if any (it never rejects). */
  const submit = (row: RegistrationRow, edit: Edit) => enqueue(row, edit, "row").then((f) => f.problem);

  // What a previous page left unsaved: shown at once, sent once whoever made this editor has finished setting up
  // (failed ones wait for the user).
  const restored = (options.journal?.load() ?? []).sort((a, b) => a.seq - b.seq);
  for (const kept of restored) {
    const change: Change = { ...kept, status: kept.status === "failed" ? "failed" : "queued" };
    seq = Math.max(seq, change.seq);
    setEdits(change.rowId, addChange(edits(change.rowId), change));
  }
  queueMicrotask(() => restored.forEach((change) => change.status !== "failed" && start(change)));
  if (options.journal) notifier.subscribe(() => options.journal!.save(all()));

  return {
    subscribe: notifier.subscribe,
    subscribeRow: notifier.subscribeKey,
    onCheckedIn(listener) {
      checkedInListeners.add(listener);
      return () => checkedInListeners.delete(listener);
    },
    edits,
    edited: () => rows.keys(),
    shown: (row) => shownFields(row.fields, edits(row.id)),
    failures: () => all().filter((c) => c.status === "failed"),
    waiting: () => all().filter((c) => c.status === "waiting").length,
    busy: () => all().some(isActive),
    reconnect,
    learn(id, stored, what) {
      const state = edits(id);
      if (state.changes.some(isActive)) return;
      setEdits(id, { ...state, stored: { ...state.stored, ...stored } });
      elsewhere.set(id, what);
    },
    forgetElsewhere() {
      const before = elsewhere;
      elsewhere = new Map();
      before.forEach((_, id) => notifier.notify(id));
    },
    elsewhere: (id) => elsewhere.get(id),
    undoable,
    syncWithDataset(changedIds) {
      for (const id of changedIds) {
        const state = rows.get(id);
        if (!state || state.changes.some(isActive)) continue;
        setEdits(id, { ...state, stored: {} });
      }
    },
    checkIn(row) {
      if (!guard.accept(row.id, now())) return { press: "repeat", done: Promise.resolve(undefined) };
      const failed = failedCheckIn(edits(row.id));
      if (failed) return { press: "retried", done: resume(failed).then((f) => f.problem) };
      return { press: "counted", done: submit(row, { kind: "checkIn" }) };
    },
    undoCheckIn(row, checkIn) {
      const edit = undoEdit(row.id, checkIn);
      return edit ? submit(row, edit) : Promise.resolve(undefined);
    },
    undoEdit,
    submit,
    retry,
    discard,
    retryAll: () => [...rows.keys()].forEach(retry),
    discardAll: () => [...rows.keys()].forEach(discard),
    async runBulk(bulkRows, editFor, bulk = {}) {
      let done = 0;
      const outcomes = bulkRows.map(async (row): Promise<BulkOutcome> => {
        const edit = editFor(row);
        const failed = edit && failedChanges(edits(row.id)).find((c) => c.edit.kind === edit.kind);
        const finished = edit && (await (failed ? resume(failed) : enqueue(row, edit, "bulk", bulk.isCancelled)));
        bulk.onProgress?.(++done, bulkRows.length);
        // No edit for the row (a cancelled registration): skipped.
        return finished?.problem ? failedOutcome(row.id, finished.problem) : { id: row.id, result: finished?.result ?? "skipped" };
      });
      return Promise.all(outcomes);
    },
    dispose() {
      disposed = true;
      clearTimeout(probe);
      notifier.dispose();
      checkedInListeners.clear();
    },
  };
}
