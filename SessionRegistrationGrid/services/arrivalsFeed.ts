import { currentArrivals, type Arrival, type SessionTimes } from "../model/arrivals";
import { isActive, type Change } from "../model/changes";
import { bareGuid } from "../model/checkInRecord";
import type { ArrivalsStore } from "./arrivalsStore";
import type { RegistrationEditor } from "./registrationEditor";

/** What the Arrivals chart draws now. */
export interface ArrivalsState {
  /** The check-ins the chart counts (a new array whenever they change). */
  checkIns: readonly Arrival[];
  /** The session's start, end and capacity as far as known. */
  session: SessionTimes;
  /** The moment the window runs to while the session is on; it moves on every minute. */
  now: number;
  /** The first read has not answered yet, or it failed (tried again at the next live ask or minute). */
  reading: boolean;
  failed: boolean;
}

export interface ArrivalsFeed {
  current(): ArrivalsState;
  subscribe(listener: () => void): () => void;
  /** Asks Dataverse for the session's check-ins changed since the last answer: the live poll's heartbeat. */
  refresh(): void;
  dispose(): void;
}

export interface ArrivalsFeedOptions {
  store: ArrivalsStore;
  session: string;
  editor: RegistrationEditor;
  /** The session's times and capacity once read (the desk reads them for its header), and news of them. */
  times(): SessionTimes | undefined;
  onTimes(listener: () => void): () => void;
  now?: () => number;
  /** How often "now" moves on (default a minute: one 5-minute bin is five steps). */
  tickMs?: number;
}

const personOf = (change: Change) => bareGuid(change.targets?.contact ?? change.rowId);

/**
 * The chart's data, live. Dataverse's active check-in records of the session (whoever made them), read once in full,
 * then what changed since at every live ask (an undo at another desk deactivates its record: it leaves). This page's
 * own check-ins count from the press, in the same notification that shows the row's count (the editor's), until they
 * are read back: a check-in being saved counts, one that failed does not (the row doesn't count it either), an undo
 * takes its check-in away at once and for good once saved.
 */
export function createArrivalsFeed(o: ArrivalsFeedOptions): ArrivalsFeed {
  const now = o.now ?? Date.now;
  const stored = new Map<string, Arrival>();
  /** Check-ins this page saved with a record, by id, with their row (so an undo of them is noticed). */
  const mine = new Map<string, Arrival & { rowId: string }>();
  const undone = new Set<string>();
  const listeners = new Set<() => void>();
  let since: string | undefined;
  let answered = false, failed = false, asking = false, disposed = false;
  let state: ArrivalsState = { checkIns: [], session: {}, now: now(), reading: true, failed: false };
  let signature = "";
  let storedVersion = 0;
  /** What was read, in time order: sorted once per answer, not at every press. */
  let storedInOrder: Arrival[] = [];

  /** A check-in this page saved is still counted while the editor can undo it or an undo of it has not been saved. */
  const stillSaved = (rowId: string, id: string) =>
    o.editor.undoable(rowId).some((c) => c.id === id) || o.editor.edits(rowId).changes.some((c) => c.edit.kind === "undoCheckIn" && c.edit.checkIn === id);

  /** What the editor holds: check-ins on their way (counted), failed ones and undos on their way (not counted). */
  let undoing = new Set<string>();
  const fromEditor = () => {
    const pending: Arrival[] = [];
    const hidden = new Set<string>(undone);
    const before = undoing;
    undoing = new Set();
    for (const rowId of o.editor.edited()) {
      for (const change of o.editor.edits(rowId).changes) {
        if (change.edit.kind === "checkIn") {
          if (isActive(change)) pending.push({ id: change.id, person: personOf(change), at: change.madeAt });
          else hidden.add(change.id);
        } else if (change.edit.kind === "undoCheckIn" && isActive(change)) {
          hidden.add(change.edit.checkIn);
          undoing.add(change.edit.checkIn);
        }
      }
    }
    // An undo on its way just left the row: saved (its check-in is off the editor's list right after) or dropped
    // unstarted by a cancelled bulk run. Which one is known once the editor has finished with it.
    if ([...before].some((id) => !undoing.has(id))) queueMicrotask(() => update());
    for (const [id, arrival] of mine) {
      if (stillSaved(arrival.rowId, id)) continue;
      mine.delete(id);
      undone.add(id);
      hidden.add(id);
    }
    return { pending, hidden };
  };

  /** Works out what the chart shows and tells the chart, only when something in it changed. */
  const update = (moveOn = false) => {
    if (disposed) return;
    const { pending, hidden } = fromEditor();
    const session = o.times() ?? {};
    // A press after the window's end so far moves it on: the new check-in must land in a bin, not after it.
    const at = moveOn || pending.some((p) => p.at >= state.now) ? now() : state.now;
    const next = [storedVersion, mine.size, pending.map((p) => p.id).join(), [...hidden].join(), session.start, session.end, session.capacity, at, answered, failed].join("|");
    if (next === signature) return;
    signature = next;
    state = {
      checkIns: currentArrivals(storedInOrder, [...mine.values(), ...pending], hidden),
      session, now: at, reading: !answered, failed: !answered && failed,
    };
    for (const listener of [...listeners]) listener();
  };

  const read = async () => {
    if (asking || disposed) return;
    asking = true;
    try {
      const changed = await o.store.checkIns(o.session, since);
      for (const { active, modifiedOn, ...arrival } of changed) {
        if (active) stored.set(arrival.id, arrival);
        else stored.delete(arrival.id);
        // The server's clock: the newest change seen is where the next ask starts.
        if (!since || modifiedOn > since) since = modifiedOn;
      }
      if (changed.length || !answered) {
        storedVersion++;
        storedInOrder = [...stored.values()].sort((a, b) => a.at - b.at);
      }
      answered = true;
      failed = false;
    } catch {
      // What was read stays; the next live ask (or minute) tries again.
      failed = true;
    } finally {
      asking = false;
      update(true);
    }
  };

  const stopEditor = o.editor.subscribe(() => update());
  const stopSaved = o.editor.onCheckedIn((saved) => {
    // A check-in counted without a record (no event registration, records off) is no check-in record: the chart's
    // data are the records.
    if (saved.record === "made") mine.set(saved.id, { id: saved.id, person: personOf(saved), at: saved.madeAt, rowId: saved.rowId });
    update();
  });
  const stopTimes = o.onTimes(() => update());
  const ticker = setInterval(() => (failed ? void read() : update(true)), o.tickMs ?? 60_000);
  void read();

  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh: () => void read(),
    dispose() {
      disposed = true;
      clearInterval(ticker);
      stopEditor();
      stopSaved();
      stopTimes();
      listeners.clear();
    },
  };
}
