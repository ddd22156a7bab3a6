import { failedOutcome, type BulkOutcome } from "../model/bulkActions";
import {
  addChange, failChange, failedChanges, isActive, isSettled, NO_EDITS, notLanded, recordToPutBack, removeChanges, settleChange, shownFields, updateChange,
  type Change, type ChangeSource, type RowEdits,
} from "../model/changes";
import { bareGuid } from "../model/checkInRecord";
import type { Edit } from "../model/edits";
import type { Problem } from "../model/errors";
import { changesToTake, inMadeOrder } from "../model/keptChanges";
import { createPressGuard } from "../model/pressGuard";
import { failedCheckIn } from "../model/rowStatus";
import type { RegistrationFields, RegistrationRow } from "../model/types";
import { createCallPool } from "./callPool";
import type { EditorOptions, ElsewhereChange, RegistrationEditor, SavedCheckIn } from "./editorApi";
import { newGuid } from "./ids";
import { createNotifier } from "./notifier";
import { DEFAULT_RETRY, problemOf, realSleep, withRetries } from "./retry";
import { attemptSave, type SaveResult } from "./saveChange";
import { savePorts } from "./savePorts";

export type { BulkOptions, CheckInPress, EditorOptions, ElsewhereChange, RegistrationEditor, SavedCheckIn } from "./editorApi";

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
  const pool = createCallPool({ saving: () => running.size, ready: () => pump(), sleep: options.sleep ?? realSleep, start: options.concurrency });
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
  /**
   * A step done (record made, count sent) or a change left waiting is written to the journal at once, not at the
   * next frame; by a disposed editor too, whose save may still run on: the journal is its own until it lets it go.
   */
  const keep = (change: Change, step: Partial<Change>) => {
    patch(change, step);
    options.journal?.save(all());
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
      // Gone from the journal at once: kept till the next frame with its write answered, it would be sent again.
      options.journal?.save(all());
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
        // A disposed editor's save may still end here: no probe outlives it.
        if (!disposed) probe = setTimeout(reconnect, options.probeMs ?? 15_000);
      } else {
        // Kept with what it had done (a check-in's record made): Retry finishes it, never starts it again.
        setEdits(rowId, failChange(edits(rowId), change.id, problem, fresh));
        finish(change, { problem });
      }
    } finally {
      running.delete(rowId);
      pump();
      letGoWhenIdle();
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

  /**
   * What a previous page left unsaved, or an editor gone whose changes this one adopted: shown at once, kept here,
   * sent after this editor's own once whoever made it has finished setting up (failed ones wait for the user).
   */
  const take = (kept: readonly Change[]) => {
    const taken = changesToTake(kept, all(), seq);
    seq = taken.at(-1)?.seq ?? seq;
    for (const change of taken) setEdits(change.rowId, addChange(edits(change.rowId), change));
    if (taken.length) options.journal?.save(all());
    queueMicrotask(() => taken.forEach((change) => change.status !== "failed" && start(change)));
  };
  take(inMadeOrder([options.journal?.load() ?? []]));
  options.journal?.attach?.(take, () => notifier.notify(""));
  if (options.journal) notifier.subscribe(() => options.journal!.save(all()));
  /** Disposed, with nothing in flight: its last state kept, the journal may go to another editor (journalOwner.ts). */
  let idle: (() => void) | undefined;
  const letGoWhenIdle = () => {
    if (!disposed || running.size || !idle) return;
    options.journal?.save(all());
    idle();
    idle = undefined;
  };

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
    foreignWaiting: () => options.journal?.foreignWaiting?.() ?? 0,
    adoptForeign: () => options.journal?.adoptForeign?.(),
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
      options.journal?.close?.(new Promise((resolve) => (idle = resolve)));
      letGoWhenIdle();
    },
  };
}
