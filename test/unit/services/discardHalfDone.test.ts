/**
 * Found by the soak (issue 15): a change discarded half done, its check-in record step saved and its count not.
 * Discard drops the change and puts the record back as it was, so Event Management's attendance (the active
 * check-in records) agrees with the count again.
 */
import { describeChange } from "../../../SessionRegistrationGrid/model/describe";
import { createText } from "../../../SessionRegistrationGrid/model/text";
import type { RecordsMode } from "../../../SessionRegistrationGrid/model/editPolicy";
import { FakeDataverse, generateConference } from "../../fixtures";
import { loaded, settle, setup } from "./editorSetup";

const countOf = (dataverse: FakeDataverse, id: string) => dataverse.get(id)?.msevtmgt_timescheckedin;
const RECORDS: RecordsMode = { create: true };
const conference = generateConference({ attendees: 60 });
const linked = conference.registrations.filter((r) => r.statecode === 0 && r._msevtmgt_registrationid_value);
const activeRecords = (dataverse: FakeDataverse, id: string) =>
  dataverse.checkIns((c) => c._msevtmgt_sessionregistration_value === id && c.statecode === 0).length;

async function idle(editor: { busy(): boolean }) {
  for (let i = 0; i < 50 && editor.busy(); i++) await settle();
}

function halfDoneCheckIn(index: number, options: Parameters<typeof setup>[1] = {}) {
  const row = linked[index];
  const dataverse = options.dataverse ?? new FakeDataverse({ data: conference });
  const set = setup([], { dataverse, records: () => RECORDS, ...options });
  const id = row.msevtmgt_sessionregistrationid;
  return { ...set, row, id, count: countOf(dataverse, id), records: activeRecords(dataverse, id) };
}

describe("a check-in discarded half done (soak: discardHalfDone)", () => {
  it("discarding a check-in whose record was made but whose count was refused deactivates that record", async () => {
    const { dataverse, editor, press, row, id, count, records } = halfDoneCheckIn(0);
    dataverse.failNext({ kind: "validation", op: "update" });
    expect((await press(loaded(row)).done)?.kind).toBe("rejected");
    expect(editor.failures()).toEqual([expect.objectContaining({ record: "made" })]);
    expect(activeRecords(dataverse, id)).toBe(records + 1);
    const [made] = editor.failures();
    editor.discard(id);
    await idle(editor);
    // Discarded: not a check-in. The count did not go up, so Event Management must not see an attendance either.
    expect(countOf(dataverse, id)).toBe(count);
    expect(activeRecords(dataverse, id)).toBe(records);
    expect(dataverse.checkIns((c) => c.msevtmgt_checkinid === made.id)).toEqual([expect.objectContaining({ statecode: 1, statuscode: 2 })]);
    expect(editor.failures()).toEqual([]);
    expect(editor.edits(id).changes).toEqual([]);
    // Nothing to undo: the check-in was never saved.
    expect(editor.undoable(id)).toEqual([]);
  });

  it("discarding an undo whose record was deactivated but whose count was refused makes the record active again", async () => {
    const { dataverse, editor, press, row, id } = halfDoneCheckIn(1);
    await press(loaded(row)).done;
    const [count, records] = [countOf(dataverse, id), activeRecords(dataverse, id)];
    dataverse.failNext({ kind: "validation", op: "update", entity: "msevtmgt_sessionregistration" });
    expect((await editor.undoCheckIn(loaded(row)))?.kind).toBe("rejected");
    expect(activeRecords(dataverse, id)).toBe(records - 1);
    editor.discard(id);
    await idle(editor);
    // The undo was discarded: the check-in still counts, so its record is active, and it can be undone again.
    expect(countOf(dataverse, id)).toBe(count);
    expect(activeRecords(dataverse, id)).toBe(records);
    expect(editor.undoable(id)).toHaveLength(1);
  });

  it("an undo saved after the put-back of its record failed keeps the record inactive: the stale put-back goes (soak: putBackAfterUndo)", async () => {
    const { dataverse, editor, press, row, id } = halfDoneCheckIn(3);
    await press(loaded(row)).done;
    const [count, records] = [countOf(dataverse, id), activeRecords(dataverse, id)];
    dataverse.failNext({ kind: "validation", op: "update", entity: "msevtmgt_sessionregistration" });
    expect((await editor.undoCheckIn(loaded(row)))?.kind).toBe("rejected");
    // Discard puts the record back (active again), and that is refused: it stays as a failed change with Retry.
    dataverse.failNext({ kind: "validation", op: "update", entity: "msevtmgt_checkin" });
    editor.discard(id);
    await idle(editor);
    expect(editor.failures()).toEqual([expect.objectContaining({ edit: expect.objectContaining({ kind: "record", active: true }) })]);
    // The person undoes the check-in again, and it saves: the record is inactive and the count one lower.
    expect(await editor.undoCheckIn(loaded(row))).toBeUndefined();
    await idle(editor);
    expect([countOf(dataverse, id), activeRecords(dataverse, id)]).toEqual([count! - 1, records - 1]);
    // The failed put-back would make the undone check-in's record active again: it is gone, not left for Retry.
    expect(editor.failures()).toEqual([]);
    editor.retry(id);
    await idle(editor);
    expect(activeRecords(dataverse, id)).toBe(records - 1);
  });

  it("a check-in that failed before its record was made leaves no record to put back: Discard makes no call", async () => {
    const { dataverse, editor, press, row, id, count, records } = halfDoneCheckIn(2);
    dataverse.failNext({ kind: "validation", op: "create" });
    expect((await press(loaded(row)).done)?.kind).toBe("rejected");
    const calls = dataverse.calls.length;
    editor.discard(id);
    await idle(editor);
    expect(dataverse.calls.length).toBe(calls);
    expect([countOf(dataverse, id), activeRecords(dataverse, id)]).toEqual([count, records]);
  });

  it("a count write that went without an answer may have landed: Discard leaves the record as it is", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    // The write is applied but its answer lost; the next attempt's read is refused: whether it counted is not known here.
    const sleep = async () => dataverse.failNext({ kind: "privilege", op: "retrieve", entity: "msevtmgt_sessionregistration" });
    const { editor, press, row, id, count, records } = halfDoneCheckIn(3, { dataverse, sleep });
    dataverse.failNext({ kind: "networkAfterCommit", op: "update", entity: "msevtmgt_sessionregistration" });
    expect((await press(loaded(row)).done)?.kind).toBe("privilege");
    expect(editor.failures()).toEqual([expect.objectContaining({ record: "made", unconfirmed: expect.anything() })]);
    expect(countOf(dataverse, id)).toBe((count ?? 0) + 1);
    const calls = dataverse.calls.length;
    editor.discard(id);
    await idle(editor);
    expect(dataverse.calls.length).toBe(calls);
    expect(activeRecords(dataverse, id)).toBe(records + 1);
  });

  it("putting the record back can fail too: it stays in the row with its reason, and Retry finishes it", async () => {
    const { dataverse, editor, press, row, id, records } = halfDoneCheckIn(4);
    dataverse.failNext({ kind: "validation", op: "update" });
    await press(loaded(row)).done;
    dataverse.failNext({ kind: "validation", op: "update", entity: "msevtmgt_checkin" });
    editor.discard(id);
    await idle(editor);
    const [failed] = editor.failures();
    expect(failed).toEqual(expect.objectContaining({ edit: expect.objectContaining({ kind: "record", active: false }), status: "failed" }));
    expect(describeChange(failed.edit, createText((key) => key, String, "en"))).toBe("Change_recordWithdraw");
    expect(activeRecords(dataverse, id)).toBe(records + 1);
    editor.retry(id);
    await idle(editor);
    expect(editor.failures()).toEqual([]);
    expect(activeRecords(dataverse, id)).toBe(records);
  });

  it("a record made though its answer was lost, then the retry refused: Discard still takes the record back (soak)", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    // The create lands but its answer is lost; the retry (the same id) is throttled until the attempts run out.
    const sleep = async () => dataverse.failNext({ kind: "validation", op: "create" });
    const { editor, press, row, id, records } = halfDoneCheckIn(5, { dataverse, sleep });
    dataverse.failNext({ kind: "networkAfterCommit", op: "create" });
    expect((await press(loaded(row)).done)?.kind).toBe("rejected");
    expect(editor.failures()).toEqual([expect.objectContaining({ recordSent: true })]);
    expect(activeRecords(dataverse, id)).toBe(records + 1);
    editor.discard(id);
    await idle(editor);
    expect(activeRecords(dataverse, id)).toBe(records);
    expect(editor.failures()).toEqual([]);
  });

  it("a record whose create never landed, discarded: the put-back finds nothing to deactivate and says nothing (soak)", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const sleep = async () => dataverse.failNext({ kind: "validation", op: "create" });
    const { editor, press, row, id, records } = halfDoneCheckIn(6, { dataverse, sleep });
    dataverse.failNext({ kind: "network", op: "create" });
    expect((await press(loaded(row)).done)?.kind).toBe("rejected");
    editor.discard(id);
    await idle(editor);
    expect(activeRecords(dataverse, id)).toBe(records);
    expect(editor.failures()).toEqual([]);
    expect(editor.edits(id).changes).toEqual([]);
  });

  it("an undo whose deactivation landed without an answer, then refused: Discard makes the record active again (soak)", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    let undoing = false;
    const sleep = async () => void (undoing && dataverse.failNext({ kind: "validation", op: "update", entity: "msevtmgt_checkin" }));
    const { editor, press, row, id } = halfDoneCheckIn(7, { dataverse, sleep });
    await press(loaded(row)).done;
    const records = activeRecords(dataverse, id);
    undoing = true;
    dataverse.failNext({ kind: "networkAfterCommit", op: "update", entity: "msevtmgt_checkin" });
    expect((await editor.undoCheckIn(loaded(row)))?.kind).toBe("rejected");
    expect(activeRecords(dataverse, id)).toBe(records - 1);
    undoing = false;
    editor.discard(id);
    await idle(editor);
    expect(activeRecords(dataverse, id)).toBe(records);
  });
});
