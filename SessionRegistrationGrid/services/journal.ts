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

/**
 * Keeps every change not yet saved, with what its attempts did (a check-in's record made, a count write whose
 * answer was lost), under one key per environment, user and table. A reload, a closed tab or a crashed browser
 * loses none of them. Stored data that is not a list of changes is ignored with a warning, never a crash.
 */
export function createJournal(store: KeyValueStore | undefined, key: string): Journal {
  // A clue for whoever looks; the grid goes on without what it couldn't read or keep.
  const warn = (error: unknown) => console.warn(key, error); // eslint-disable-line no-console
  return {
    load() {
      try {
        const saved: Change[] = JSON.parse(store?.getItem(key) ?? "[]");
        if (saved.every((c) => c.rowId && c.edit.kind && c.seq)) return saved;
        warn("not a list of changes");
      } catch (error) {
        warn(error);
      }
      return [];
    },
    save(changes) {
      try {
        if (changes.length) store?.setItem(key, JSON.stringify(changes));
        else store?.removeItem(key);
      } catch (error) {
        warn(error);
      }
    },
  };
}
