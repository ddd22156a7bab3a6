// The changes on their way to Dataverse, one registration at a time each, paced by the call pool: the registration
// editor's sending half (registrationEditor.ts keeps what the grid shows; this sends it).
import { failChange, isActive, notLanded, removeChanges, settleChange, type Change } from "../model/changes";
import type { Problem } from "../model/errors";
import type { RegistrationFields } from "../model/types";
import { createCallPool } from "./callPool";
import type { EditorOptions } from "./editorApi";
import type { EditState } from "./editState";
import { DEFAULT_RETRY, problemOf, realSleep, withRetries } from "./retry";
import { attemptSave, type SaveResult } from "./saveChange";
import { savePorts } from "./savePorts";

/**
 * How a queued change ended, in a bulk run's words: saved ("changed", or "already" when the row held the value),
 * dropped unstarted by a cancelled run, waiting for the connection (it goes when it is back), or failed.
 */
export interface Finished {
  result?: SaveResult["result"] | "notStarted" | "waiting";
  problem?: Problem;
}

export interface SaveQueue {
  /** Queues a change (new, or failed and retried); resolves when it is saved, fails, waits or is cancelled. */
  start(change: Change, cancelled?: () => boolean): Promise<Finished>;
  /** A failed change queued again where it stopped; after a conflict, Retry is the user's choice to overwrite. */
  resume(failed: Change): Promise<Finished>;
  /** The connection may be back: the online event, or the probe a failure set (which fails again if not). */
  reconnect(): void;
  /** Starts nothing more; `idle` runs once nothing of it is saving (at once if nothing is). */
  stop(idle: () => void): void;
}

/**
 * The changes on their way to Dataverse: started in the order they were made, one per registration at a time (its
 * changes never overlap), as many at once as the call pool allows (callPool.ts); each saved by attemptSave
 * (saveChange.ts: a check-in's record before its count, a fresh read before each write) with retries of transient
 * failures. Without a connection a change waits, shown as it will be, and a probe tries again later.
 */
export function createSaveQueue(options: EditorOptions, state: EditState, saved: (change: Change, stored: Partial<RegistrationFields>) => void): SaveQueue {
  const sleep = options.sleep ?? realSleep;
  const pool = createCallPool({ saving: () => running.size, ready: () => pump(), sleep, start: options.concurrency });
  const ports = savePorts(options, pool);
  /** Changes waiting to start, in the order they were made (with a bulk run's Cancel, if any). */
  let queue: { change: Change; cancelled?: () => boolean }[] = [];
  const waiters = new Map<string, (finished: Finished) => void>();
  /** The registrations whose change is saving. */
  const running = new Set<string>();
  let stopped = false;
  let idle: (() => void) | undefined;
  /** A change met a dead connection: nothing starts until it returns or a probe gets through. */
  let networkDown = false;
  let probe: ReturnType<typeof setTimeout> | undefined;
  const offline = () => networkDown || !!options.isOffline?.();

  const finish = (change: Change, finished: Finished) => {
    waiters.get(change.id)?.(finished);
    waiters.delete(change.id);
  };
  /** Without a connection a change is no failure: it waits, shown as it will be, and whoever awaits it hears so. */
  const wait = (change: Change) => {
    state.keep(change, { status: "waiting" });
    finish(change, { result: "waiting" });
  };
  const start = (change: Change, cancelled?: () => boolean) => {
    const done = new Promise<Finished>((resolve) => waiters.set(change.id, resolve));
    queue.push({ change, cancelled });
    pump();
    return done;
  };

  /** Starts queued changes in the order they were made, one per registration, while the pool has room. */
  const pump = () => {
    queue = queue.filter(({ change, cancelled }) => {
      const current = state.latest(change);
      // A cancelled bulk run drops what it has not started, connection or not.
      if (current && cancelled?.()) {
        state.set(change.rowId, removeChanges(state.edits(change.rowId), (c) => c.id === change.id));
        finish(change, { result: "notStarted" });
        return false;
      }
      if (current?.status === "queued" && offline()) wait(change);
      // One change per registration runs at a time: the registrations running are the changes saving.
      if (stopped || offline() || !pool.hasRoom() || running.has(change.rowId)) return true;
      if (current) void run(current);
      return false;
    });
  };

  const run = async (change: Change) => {
    const { rowId } = change;
    running.add(rowId);
    state.patch(change, { status: "saving" });
    let fresh: Partial<RegistrationFields> = {};
    try {
      const result = await withRetries(
        () => attemptSave(ports, { current: () => state.latest(change) ?? change, record: (step) => state.keep(change, step), read: (row) => {
          fresh = row.fields;
          state.set(rowId, notLanded(state.edits(rowId), row.version));
        } }),
        options.retry ?? DEFAULT_RETRY,
        sleep,
      );
      const done = state.latest(change) ?? change;
      // Later changes of this row, queued or waiting for the connection, would have seen what this one wrote;
      // failed ones keep what the user saw, so their Retry still asks before overwriting.
      const written = result.stored;
      const next = settleChange(state.edits(rowId), change.id, written);
      state.set(rowId, { ...next, changes: next.changes.map((c) => (isActive(c) ? { ...c, seen: { ...c.seen, ...written } } : c)) });
      // Gone from the journal at once: kept till the next frame with its write answered, it would be sent again.
      state.save();
      saved(done, written);
      finish(change, { result: result.result });
    } catch (error) {
      const problem = problemOf(error);
      if (problem.kind === "network") {
        // Still no connection after the retries: it waits at the head of the queue, and a probe tries again later.
        wait(change);
        queue.unshift({ change });
        networkDown = true;
        clearTimeout(probe);
        // A stopped queue's save may still end here: no probe outlives it.
        if (!stopped) probe = setTimeout(reconnect, options.probeMs ?? 15_000);
      } else {
        // Kept with what it had done (a check-in's record made): Retry finishes it, never starts it again.
        state.set(rowId, failChange(state.edits(rowId), change.id, problem, fresh));
        finish(change, { problem });
      }
    } finally {
      running.delete(rowId);
      pump();
      idleWhenDone();
    }
  };

  const reconnect = () => {
    networkDown = false;
    pump();
  };
  const idleWhenDone = () => {
    if (!stopped || running.size || !idle) return;
    idle();
    idle = undefined;
  };

  return {
    start,
    resume(failed) {
      state.patch(failed, { status: "queued", problem: undefined, overwrite: failed.overwrite || failed.problem?.kind === "conflict" });
      return start(failed);
    },
    reconnect,
    stop(whenIdle) {
      stopped = true;
      clearTimeout(probe);
      idle = whenIdle;
      idleWhenDone();
    },
  };
}
