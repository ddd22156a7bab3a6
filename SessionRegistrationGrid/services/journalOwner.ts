/**
 * Issue 21: a change is sent by one editor only, ever. Each editor (one grid control instance: a model-driven app
 * keeps its document while the user moves between forms, and a page may hold two grids) keeps its unsaved changes
 * under a key of its own, `${baseKey}:owner:${id}`, and holds the lock of that name for its life. Another editor
 * adopts them only once that lock is free (the owner disposed with nothing in flight, or its document gone:
 * closed, reloaded, crashed) and holds it while it adopts, so no two editors ever take the same changes.
 */
import type { Change } from "../model/changes";
import { inMadeOrder, otherOwners, ownerKey } from "../model/keptChanges";
import { newGuid } from "./ids";
import { createJournal, type Journal, type KeyValueStore } from "./journal";
import type { OwnerLocks } from "./ownerLocks";

/** localStorage, or memory in tests: with its keys listed, to find other owners. */
export type KeyValueStorage = KeyValueStore & Pick<Storage, "key" | "length">;

export interface OwnedJournal extends Required<Journal> {
  /** This editor's key, also its lock's name. */
  readonly key: string;
  /**
   * Looks for owners to adopt from: another tab's journal changed (`changedKey`, the storage event's key), the
   * connection is back, the page shows again.
   */
  lookAgain(changedKey?: string | null): void;
}

/**
 * The journal of one editor. It writes its key only while holding its lock (a save made before is written once it
 * is held), so no one can adopt changes it is still sending; once held, it adopts from every other owner as soon
 * as that owner is gone, and it lets its lock go when its editor is disposed with nothing left in flight.
 */
export function createOwnedJournal(store: KeyValueStorage | undefined, baseKey: string, locks: OwnerLocks, id = newGuid()): OwnedJournal {
  const key = ownerKey(baseKey, id);
  const mine = createJournal(store, key);
  const stop = new AbortController();
  const watched = new Set<string>();
  let latest: readonly Change[] = [];
  let state: "starting" | "held" | "gone" = "starting";
  let letGo: (() => void) | undefined;
  let idle = false;
  let closed = false;
  let take: ((changes: readonly Change[]) => void) | undefined;
  let changed: () => void = () => undefined;
  let foreign = 0;

  const others = () => otherOwners(Array.from({ length: store?.length ?? 0 }, (_, i) => store!.key(i)), baseKey, key);
  /** Their changes into this editor (kept under its key at once), then their keys go: both before anyone runs again. */
  const adopt = (owners: readonly string[]) => {
    if (closed || state !== "held" || !take) return;
    const journals = owners.map((other) => createJournal(store, other));
    take(inMadeOrder(journals.map((journal) => journal.load())));
    journals.forEach((journal) => journal.clear());
  };
  const release = () => {
    state = "gone";
    letGo?.();
  };
  const lookAgain = (changedKey?: string | null) => {
    if (closed || state !== "held" || !take) return;
    // Only an owner's key (the list of its changes) tells of an owner or of how many it keeps: a bulk run in another
    // tab writes each change's own key at every step, and each would otherwise read every owner's journal again.
    if (changedKey && !otherOwners([changedKey], baseKey, key).length) return;
    let waiting = 0;
    for (const other of others()) {
      if (!locks.tells(other)) waiting += createJournal(store, other).load().length;
      else if (!watched.has(other)) {
        watched.add(other);
        locks.whenGone(other, () => (watched.delete(other), adopt([other])), stop.signal);
      }
    }
    if (waiting === foreign) return;
    foreign = waiting;
    changed();
  };

  locks.hold(key).then(
    (held) => {
      letGo = held;
      state = "held";
      mine.save(latest);
      if (idle) release();
      else lookAgain();
    },
    (error: unknown) => console.warn(key, error), // eslint-disable-line no-console
  );

  return {
    key,
    // A new owner holds nothing yet: what others kept comes by adoption.
    load: () => [],
    save(changes) {
      latest = changes;
      if (state === "held") mine.save(changes);
    },
    attach(takeChanges, onChanged) {
      take = takeChanges;
      changed = onChanged;
      lookAgain();
    },
    foreignWaiting: () => foreign,
    adoptForeign() {
      adopt(others().filter((other) => !locks.tells(other)));
      lookAgain();
    },
    close(settled) {
      closed = true;
      stop.abort();
      void settled.then(() => {
        idle = true;
        if (state === "held") release();
      });
    },
    lookAgain,
  };
}
