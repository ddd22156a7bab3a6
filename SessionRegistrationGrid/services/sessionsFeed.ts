import { ENTITY } from "../ManifestConstants";
import { fillsOf, fullestFirst, type SessionFill } from "../model/sessionFill";
import type { ArrivalsStore } from "./arrivalsStore";

/** What the Sessions strip shows: the sessions fullest first, with Dataverse's counts. */
export interface SessionsState {
  sessions: readonly SessionFill[];
  /** Counting the first time (nothing to show yet), or that first count failed (tried again at the next live ask). */
  counting: boolean;
  failed: boolean;
}

export interface SessionsFeed {
  current(): SessionsState;
  subscribe(listener: () => void): () => void;
  /** The sessions the loaded rows are for: counted when they change; the strip shows when there are several. */
  follow(sessions: readonly string[]): void;
  /** The registrations the live poll's ask brought (none: nothing changed): news among them is counted again. */
  heard(changed: readonly Record<string, string>[]): void;
  dispose(): void;
}

/**
 * The Sessions strip's numbers, from Dataverse (an aggregate, not the loaded rows: right for a view of 20,000
 * registrations), asked again when the rows bring other sessions and when the live poll hears of changes. One count at
 * a time; what arrives meanwhile is counted once after it.
 */
export function createSessionsFeed(store: ArrivalsStore, defer: (run: () => void) => void = (run) => setTimeout(run, 0)): SessionsFeed {
  const known = new Map<string, { name?: string; capacity?: number }>();
  const listeners = new Set<() => void>();
  let followed: readonly string[] = [];
  let state: SessionsState = { sessions: [], counting: true, failed: false };
  let counting = false, again = false, queued = false, disposed = false, answered = false;
  /** The live poll asks from the newest change it saw, that one included: what it brought last time is no news. */
  let lastHeard = new Set<string>();

  const set = (next: SessionsState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };

  const count = async () => {
    if (counting) return void (again = true);
    counting = true;
    const sessions = followed;
    try {
      const unknown = sessions.filter((id) => !known.has(id));
      if (unknown.length) for (const [id, session] of await store.sessions(unknown)) known.set(id, session);
      const groups = await store.registrationGroups(sessions);
      answered = true;
      if (!disposed && sessions === followed) set({ sessions: fullestFirst(fillsOf(sessions, groups, known)), counting: false, failed: false });
    } catch {
      // The last counts stay; the next live ask counts again.
      if (!disposed && !answered) set({ ...state, counting: false, failed: true });
    } finally {
      counting = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  /** Counts soon: pages of rows that land together are counted once. */
  const schedule = () => {
    if (queued || disposed) return;
    queued = true;
    defer(() => {
      queued = false;
      if (!disposed && followed.length > 1) void count();
    });
  };

  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    follow(sessions) {
      if (sessions.length === followed.length && sessions.every((id, i) => id === followed[i])) return;
      followed = sessions;
      if (sessions.length > 1) schedule();
      else if (state.sessions.length) set({ sessions: [], counting: false, failed: false });
    },
    heard(changed) {
      const keys = changed.map((row) => `${row[`${ENTITY}id`]}@${row.modifiedon}`);
      const news = keys.some((key) => !lastHeard.has(key));
      lastHeard = new Set(keys);
      if (news || state.failed) schedule();
    },
    dispose() {
      disposed = true;
      listeners.clear();
    },
  };
}
