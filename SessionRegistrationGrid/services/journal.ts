import type { Change } from "../model/changes";

/** Where unsaved changes are kept between page loads: the browser's localStorage, or memory in tests. */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface Journal {
  /** What was kept for this editor to send. */
  load(): Change[];
  save(changes: readonly Change[]): void;
  /**
   * A journal of one editor among others (journalOwner.ts): `take` gets the changes adopted from editors gone, as
   * they are adopted, and must keep them in this journal before it returns; `changed` hears foreignWaiting change.
   */
  attach?(take: (changes: readonly Change[]) => void, changed: () => void): void;
  /** Changes another tab keeps that this editor may not send on its own (see journalOwner.ts). */
  foreignWaiting?(): number;
  adoptForeign?(): void;
  /** The editor is disposed: it adopts nothing more, and once `idle` resolves another editor may take what is left. */
  close?(idle: Promise<void>): void;
}

/** A journal read from the store, and removed from it (adoption of another editor's). */
export interface StoredJournal extends Journal {
  clear(): void;
}

/** Where one change is kept: beside its journal's key, which lists the changes' ids. */
export const changeKey = (key: string, id: string): string => `${key}:c:${id}`;

const isChange = (c: Change | null): c is Change => !!c && !!c.rowId && !!c.edit?.kind && !!c.seq;

/**
 * Keeps every change not yet saved, with what its attempts did (a check-in's record made, a count write whose
 * answer was lost), so a reload, a closed tab or a crashed browser loses none of them. Each change is kept under a
 * key of its own and the journal's key lists them: a step of one change writes that change alone, whatever else is
 * waiting (a bulk run of 500 would otherwise write all 500 at every step of each). The previous version's journal,
 * the whole list under the journal's key, is read too. Stored data that is not changes is ignored with a warning,
 * never a crash.
 */
export function createJournal(store: KeyValueStore | undefined, key: string): StoredJournal {
  // A clue for whoever looks; the grid goes on without what it couldn't read or keep.
  const warn = (error: unknown) => console.warn(key, error); // eslint-disable-line no-console
  /** What this journal last wrote of each change (the object and its text): an unchanged change is not written. */
  const written = new Map<string, { change: Change; text: string }>();
  let listed: readonly string[] = [];
  const safely = (write: () => void) => {
    try {
      write();
    } catch (error) {
      warn(error);
    }
  };
  const listedIds = (): (string | Change)[] => {
    const kept: unknown = JSON.parse(store?.getItem(key) ?? "[]");
    if (!Array.isArray(kept)) throw new Error("not a list of changes");
    return kept;
  };

  return {
    load() {
      try {
        const entries = listedIds();
        const present: Change[] = [];
        /** Changes read from their own keys, with the text read. */
        const ownKeyed = new Map<Change, string>();
        for (const entry of entries) {
          // The previous version's list holds the change itself.
          if (typeof entry !== "string") {
            present.push(entry);
            continue;
          }
          const text = store?.getItem(changeKey(key, entry)) ?? "null";
          const change = JSON.parse(text) as Change | null;
          // A listed change whose own key is gone was removed before the list was written again: it was saved.
          if (change === null) continue;
          present.push(change);
          ownKeyed.set(change, text);
        }
        if (present.every(isChange)) {
          // Known as kept: what this journal saves next replaces or removes them.
          for (const [change, text] of ownKeyed) written.set(change.id, { change, text });
          listed = entries.filter((entry): entry is string => typeof entry === "string");
          return present;
        }
        warn("not a list of changes");
      } catch (error) {
        warn(error);
      }
      return [];
    },
    save(changes) {
      const ids = changes.map((c) => c.id);
      // Each change first, then the list: the list never names a change that was not kept.
      for (const change of changes) {
        const before = written.get(change.id);
        if (before?.change === change) continue;
        const text = JSON.stringify(change);
        written.set(change.id, { change, text });
        if (before?.text !== text) safely(() => store?.setItem(changeKey(key, change.id), text));
      }
      if (ids.length !== listed.length || ids.some((id, i) => id !== listed[i])) {
        listed = ids;
        safely(() => (ids.length ? store?.setItem(key, JSON.stringify(ids)) : store?.removeItem(key)));
      }
      const kept = new Set(ids);
      for (const id of written.keys()) {
        if (kept.has(id)) continue;
        written.delete(id);
        safely(() => store?.removeItem(changeKey(key, id)));
      }
    },
    clear() {
      safely(() => {
        for (const entry of listedIds()) if (typeof entry === "string") store?.removeItem(changeKey(key, entry));
      });
      safely(() => store?.removeItem(key));
    },
  };
}
