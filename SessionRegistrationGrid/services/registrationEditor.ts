import { failedOutcome, type BulkOutcome } from "../model/bulkActions";
import { addChange, failedChanges, isActive, recordToPutBack, removeChanges, shownFields, type Change, type ChangeSource } from "../model/changes";
import { bareGuid } from "../model/checkInRecord";
import type { Edit } from "../model/edits";
import { changesToTake, inMadeOrder } from "../model/keptChanges";
import { createPressGuard } from "../model/pressGuard";
import { failedCheckIn } from "../model/rowStatus";
import type { RegistrationRow } from "../model/types";
import type { EditorOptions, ElsewhereChange, RegistrationEditor } from "./editorApi";
import { createEditState } from "./editState";
import { newGuid } from "./ids";
import { createSaveQueue } from "./saveQueue";
import { createUndoableCheckIns } from "./undoableCheckIns";

export type { BulkOptions, CheckInPress, EditorOptions, ElsewhereChange, RegistrationEditor, SavedCheckIn } from "./editorApi";

/**
 * Owns every change to session registrations: what the grid shows meanwhile and after (what it knows is stored,
 * until the dataset brings newer data; editState.ts), the changes on their way (saveQueue.ts: one per
 * registration at a time, paced, retried, waiting out a lost connection), conflicts, failed changes kept with
 * their reason, changes kept across page loads (the journal), and undo of the check-ins it made
 * (undoableCheckIns.ts).
 *
 * It never refreshes the dataset: a model-driven refresh starts again at page one, which would drop the pages
 * the user scrolled through and move the list under them.
 */
export function createRegistrationEditor(options: EditorOptions): RegistrationEditor {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? newGuid;
  const guard = createPressGuard();
  const state = createEditState(options.schedule, options.journal);
  const { edits } = state;
  const undo = createUndoableCheckIns(edits);
  const queue = createSaveQueue(options, state, undo.remember);
  let seq = 0;
  let elsewhere = new Map<string, ElsewhereChange>();

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
    state.set(change.rowId, addChange(edits(change.rowId), change));
    return queue.start(change, cancelled);
  };

  const retry = (id: string) => failedChanges(edits(id)).forEach(queue.resume);
  /**
   * Drops the row's failed changes. One dropped half done (a check-in's record made, or an undo's record
   * deactivated, and the count not written) puts its record back as it was, as a change of its own.
   */
  const discard = (id: string) => {
    const dropped = failedChanges(edits(id));
    state.set(id, removeChanges(edits(id), (c) => c.status === "failed"));
    for (const change of dropped) {
      const edit = recordToPutBack(change);
      if (edit) void add({ id: newId(), rowId: id, name: change.name, edit, seen: change.seen, status: "queued", source: change.source, seq: ++seq, madeAt: now() });
    }
  };

  /** A change of one row, for whoever waits on it: the problem it ran into, if any (it never rejects). */
  const submit = (row: RegistrationRow, edit: Edit) => enqueue(row, edit, "row").then((f) => f.problem);

  /**
   * What a previous page left unsaved, or an editor gone whose changes this one adopted: shown at once, kept here,
   * sent after this editor's own once whoever made it has finished setting up (failed ones wait for the user).
   */
  const take = (kept: readonly Change[]) => {
    const taken = changesToTake(kept, state.all(), seq);
    seq = taken.at(-1)?.seq ?? seq;
    for (const change of taken) state.set(change.rowId, addChange(edits(change.rowId), change));
    if (taken.length) state.save();
    queueMicrotask(() => taken.forEach((change) => change.status !== "failed" && queue.start(change)));
  };
  take(inMadeOrder([options.journal?.load() ?? []]));
  options.journal?.attach?.(take, () => state.notifier.notify(""));
  if (options.journal) state.notifier.subscribe(state.save);

  return {
    subscribe: state.notifier.subscribe,
    subscribeRow: state.notifier.subscribeKey,
    onCheckedIn: undo.onCheckedIn,
    edits,
    edited: state.ids,
    shown: (row) => shownFields(row.fields, edits(row.id)),
    failures: () => state.all().filter((c) => c.status === "failed"),
    waiting: () => state.all().filter((c) => c.status === "waiting").length,
    foreignWaiting: () => options.journal?.foreignWaiting?.() ?? 0,
    adoptForeign: () => options.journal?.adoptForeign?.(),
    busy: () => state.all().some(isActive),
    reconnect: queue.reconnect,
    learn(id, stored, what) {
      const current = edits(id);
      if (current.changes.some(isActive)) return;
      state.set(id, { ...current, stored: { ...current.stored, ...stored } });
      elsewhere.set(id, what);
    },
    forgetElsewhere() {
      const before = elsewhere;
      elsewhere = new Map();
      before.forEach((_, id) => state.notifier.notify(id));
    },
    elsewhere: (id) => elsewhere.get(id),
    undoable: undo.undoable,
    syncWithDataset(changedIds) {
      for (const id of changedIds) {
        if (!state.has(id)) continue;
        const current = edits(id);
        if (current.changes.some(isActive)) continue;
        state.set(id, { ...current, stored: {} });
      }
    },
    checkIn(row) {
      if (!guard.accept(row.id, now())) return { press: "repeat", done: Promise.resolve(undefined) };
      const failed = failedCheckIn(edits(row.id));
      if (failed) return { press: "retried", done: queue.resume(failed).then((f) => f.problem) };
      return { press: "counted", done: submit(row, { kind: "checkIn" }) };
    },
    undoCheckIn(row, checkIn) {
      const edit = undo.undoEdit(row.id, checkIn);
      return edit ? submit(row, edit) : Promise.resolve(undefined);
    },
    undoEdit: undo.undoEdit,
    submit,
    retry,
    discard,
    retryAll: () => [...state.ids()].forEach(retry),
    discardAll: () => [...state.ids()].forEach(discard),
    async runBulk(bulkRows, editFor, bulk = {}) {
      let done = 0;
      const outcomes = bulkRows.map(async (row): Promise<BulkOutcome> => {
        const edit = editFor(row);
        const failed = edit && failedChanges(edits(row.id)).find((c) => c.edit.kind === edit.kind);
        const finished = edit && (await (failed ? queue.resume(failed) : enqueue(row, edit, "bulk", bulk.isCancelled)));
        bulk.onProgress?.(++done, bulkRows.length);
        // No edit for the row (a cancelled registration): skipped.
        return finished?.problem ? failedOutcome(row.id, finished.problem) : { id: row.id, result: finished?.result ?? "skipped" };
      });
      return Promise.all(outcomes);
    },
    dispose() {
      state.notifier.dispose();
      undo.dispose();
      // Its last state kept, the journal may go to another editor (journalOwner.ts) once nothing of this one is in
      // flight: a disposed editor's save may still run on, and writes its steps there till it ends.
      let letGo: (() => void) | undefined;
      options.journal?.close?.(new Promise<void>((resolve) => (letGo = resolve)));
      queue.stop(() => {
        if (!letGo) return;
        state.save();
        letGo();
      });
    },
  };
}
