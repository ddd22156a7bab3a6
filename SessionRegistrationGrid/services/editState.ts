import { isSettled, NO_EDITS, updateChange, type Change, type RowEdits } from "../model/changes";
import type { Journal } from "./journal";
import { createNotifier, type Notifier, type Schedule } from "./notifier";

export interface EditState {
  /** The registration's edit state (NO_EDITS when it has none). */
  edits(id: string): RowEdits;
  /** Replaces it; whoever listens hears of it, unless nothing changed. A settled state with nothing stored is dropped. */
  set(id: string, next: RowEdits): void;
  /** Changes one change of its registration. */
  patch(change: Change, changes: Partial<Change>): void;
  /** The change as it stands now (undefined once it is gone: discarded, or settled and dropped). */
  latest(change: Change): Change | undefined;
  /** Every change of every registration. */
  all(): Change[];
  /** The registrations with edit state of their own. */
  ids(): Iterable<string>;
  has(id: string): boolean;
  /**
   * A step done (record made, count sent) or a change left waiting: patched and written to the journal at once,
   * not at the next frame, so that a page closed now still has it.
   */
  keep(change: Change, step: Partial<Change>): void;
  /** Writes every change to the journal (if there is one). */
  save(): void;
  notifier: Notifier;
}

/** Every registration's edit state (model/changes.ts), and who hears when it changes: the registration editor's memory. */
export function createEditState(schedule?: Schedule, journal?: Journal): EditState {
  const notifier = createNotifier(schedule);
  const rows = new Map<string, RowEdits>();
  const edits = (id: string) => rows.get(id) ?? NO_EDITS;
  const set = (id: string, next: RowEdits) => {
    // Nothing changed (a transition that found nothing to do): no one needs to hear of it.
    if (next === edits(id)) return;
    if (isSettled(next) && !Object.keys(next.stored).length) rows.delete(id);
    else rows.set(id, next);
    notifier.notify(id);
  };
  const patch = (change: Change, changes: Partial<Change>) => set(change.rowId, updateChange(edits(change.rowId), change.id, changes));
  const all = () => [...rows.values()].flatMap((r) => r.changes);
  const save = () => journal?.save(all());
  return {
    edits,
    set,
    patch,
    latest: (change) => edits(change.rowId).changes.find((c) => c.id === change.id),
    all,
    ids: () => rows.keys(),
    has: (id) => rows.has(id),
    keep(change, step) {
      patch(change, step);
      save();
    },
    save,
    notifier,
  };
}
