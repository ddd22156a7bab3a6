/**
 * How an editor tells whether another editor that kept changes is gone: Web Locks (`navigator.locks`), which the
 * browser releases when their document goes away (closed, reloaded, crashed), or, without them, what this document
 * alone knows.
 */

/** The part of `navigator.locks` used. */
export interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: object | null) => unknown): Promise<unknown>;
}

export interface OwnerLocks {
  /** Holds `name` for an owner's life: resolves with how to let it go once held, rejects if it can't be held. */
  hold(name: string): Promise<() => void>;
  /**
   * Runs `adopt` while holding `name`, once its owner is gone: at once if it is, later when it goes. Never after
   * `signal` aborts, and never for an owner this document can't tell about (`tells`).
   */
  whenGone(name: string, adopt: () => void, signal: AbortSignal): void;
  /** Whether this document can tell when `name`'s owner is gone. */
  tells(name: string): boolean;
}

// A clue for whoever looks; the grid goes on (what it can't keep, it sends as usual).
const warn = (name: string, error: unknown) => console.warn(name, error); // eslint-disable-line no-console

/**
 * Web Locks: a lock is free only once its owner let it go or its document is gone, and a request waiting for it is
 * granted then, to one requester at a time: two editors never adopt the same changes.
 */
export function webLocks(locks: LockManagerLike): OwnerLocks {
  return {
    hold: (name) =>
      new Promise((held, refused) => {
        locks.request(name, { ifAvailable: true }, (lock) => {
          // A fresh name is always free; taken, it is someone else's.
          if (!lock) return refused(new Error("held elsewhere"));
          return new Promise<void>((letGo) => held(() => letGo()));
        }).catch(refused);
      }),
    whenGone(name, adopt, signal) {
      locks.request(name, { signal }, () => signal.aborted || adopt()).catch((error: unknown) => signal.aborted || warn(name, error));
    },
    tells: () => true,
  };
}

/**
 * Without Web Locks (a very old browser, an insecure page) nothing tells a live tab from a dead one: an owner's
 * changes are adopted on their own only from an editor of this same document once it has let them go (a
 * model-driven app keeps its document while the user moves between forms). Any other owner (another tab, the
 * previous version) may be alive and sending them: its changes are never sent from here on their own, only when the
 * user says so (Journal.adoptForeign).
 */
export function createDocumentLocks(): OwnerLocks {
  const held = new Set<string>();
  const known = new Set<string>();
  const waiting = new Map<string, { adopt: () => void; signal: AbortSignal }[]>();
  return {
    hold(name) {
      held.add(name);
      known.add(name);
      return Promise.resolve(() => {
        held.delete(name);
        const waiters = waiting.get(name) ?? [];
        waiting.delete(name);
        // One at a time, in one thread: the first takes the changes, the others find them gone.
        for (const w of waiters) if (!w.signal.aborted) w.adopt();
      });
    },
    whenGone(name, adopt, signal) {
      if (!known.has(name)) return;
      if (held.has(name)) waiting.set(name, [...(waiting.get(name) ?? []), { adopt, signal }]);
      else queueMicrotask(() => signal.aborted || adopt());
    },
    tells: (name) => known.has(name),
  };
}

/** This document's owners, when the browser has no Web Locks. */
export const documentLocks = createDocumentLocks();
