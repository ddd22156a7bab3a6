import type { Change, RowEdits } from "../model/changes";
import type { Edit } from "../model/edits";
import type { RegistrationFields } from "../model/types";
import type { SavedCheckIn } from "./editorApi";

/**
 * The check-ins this page saved, which Undo can take back until the page is reloaded, and who hears of each one
 * saved. A saved undo takes its check-in off the list; while an undo is queued, saving or failed, its check-in is
 * not offered again.
 */
export function createUndoableCheckIns(edits: (rowId: string) => RowEdits) {
  const saved = new Map<string, SavedCheckIn[]>();
  const listeners = new Set<(checkedIn: SavedCheckIn) => void>();

  /** Saved check-ins of the row not being undone, oldest first. */
  const undoable = (rowId: string) => {
    const undoing = new Set(edits(rowId).changes.map((c) => c.edit.kind === "undoCheckIn" && c.edit.checkIn));
    return (saved.get(rowId) ?? []).filter((c) => !undoing.has(c.id));
  };

  return {
    undoable,
    /** A change saved, with what it stored: a check-in becomes undoable (and is announced), an undo's check-in is not. */
    remember(change: Change, stored: Partial<RegistrationFields>) {
      const { edit, rowId } = change;
      if (edit.kind === "undoCheckIn") saved.set(rowId, (saved.get(rowId) ?? []).filter((c) => c.id !== edit.checkIn));
      if (edit.kind !== "checkIn") return;
      const checkedIn: SavedCheckIn = { ...change, count: stored.timesCheckedIn ?? 0 };
      saved.set(rowId, [...(saved.get(rowId) ?? []), checkedIn]);
      for (const listener of listeners) listener(checkedIn);
    },
    /** The undo of the row's newest undoable check-in (or the one named); undefined when there is none. */
    undoEdit(rowId: string, checkIn?: string): Edit | undefined {
      const candidates = undoable(rowId);
      const target = checkIn ? candidates.find((c) => c.id === checkIn) : candidates.at(-1);
      return target && { kind: "undoCheckIn", checkIn: target.id, recorded: target.record === "made" };
    },
    onCheckedIn(listener: (checkedIn: SavedCheckIn) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    dispose: () => listeners.clear(),
  };
}
