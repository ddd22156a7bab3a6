/** Issue 10: every check-in makes a check-in record, exactly once, before its count; undo takes both back. */
import type { RecordsMode } from "../../../SessionRegistrationGrid/model/editPolicy";
import { PACE } from "../../../SessionRegistrationGrid/model/concurrency";
import { DEFAULT_RETRY } from "../../../SessionRegistrationGrid/services/retry";
import { FakeDataverse, generateConference, type RegistrationRow } from "../../fixtures";
import { loaded, settle, setup } from "./editorSetup";

const conference = generateConference({ attendees: 150 });
const RECORDS: RecordsMode = { create: true };
const byContact = conference.activeEventRegistrationByContact;
const active = (r: RegistrationRow) => r.statecode === 0;
/** Registrations of attendees with an event registration: with it on the row, and without (looked up). */
const linked = conference.registrations.filter((r) => active(r) && r._msevtmgt_registrationid_value);
const unlinked = conference.registrations.filter((r) => active(r) && !r._msevtmgt_registrationid_value && byContact[r._msevtmgt_contactid_value!]);
const withoutAny = conference.registrations.filter((r) => active(r) && conference.contactsWithoutEventRegistration.includes(r._msevtmgt_contactid_value!));

function desk(options: { records?: RecordsMode; latencyMs?: number; dataverse?: FakeDataverse } = {}) {
  const dataverse = options.dataverse ?? new FakeDataverse({ data: conference, latencyMs: options.latencyMs ?? 0 });
  const mode = options.records ?? RECORDS;
  const d = setup([], { dataverse, records: () => mode });
  const records = (row: RegistrationRow) => dataverse.checkIns((c) => c._msevtmgt_sessionregistration_value === row.msevtmgt_sessionregistrationid);
  const count = (row: RegistrationRow) => dataverse.get(row.msevtmgt_sessionregistrationid)?.msevtmgt_timescheckedin ?? 0;
  const calls = (op: string, entity?: string) => dataverse.calls.filter((c) => c.op === op && (!entity || c.entity === entity));
  return { ...d, records, count, calls };
}

describe("a check-in makes a check-in record", () => {
  it("one press: one record with the id, name, type, time and binds, then one count update of fresh + 1", async () => {
    const row = linked[0];
    const { dataverse, press, records, count, calls } = desk();
    const before = count(row);
    const existing = records(row).length;
    dataverse.changeByAnotherUser(row.msevtmgt_sessionregistrationid, { msevtmgt_timescheckedin: before + 2 });

    expect(await press(loaded(row)).done).toBeUndefined();

    const [create] = calls("create", "msevtmgt_checkin");
    expect(calls("create")).toHaveLength(1);
    const body = create.data as Record<string, unknown>;
    expect(body.msevtmgt_checkinid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body).toMatchObject({
      msevtmgt_checkintype: 100000000,
      "msevtmgt_Contact@odata.bind": `/contacts(${row._msevtmgt_contactid_value})`,
      "msevtmgt_SessionAttended@odata.bind": `/msevtmgt_sessions(${row._msevtmgt_sessionid_value})`,
      "msevtmgt_SessionRegistration@odata.bind": `/msevtmgt_sessionregistrations(${row.msevtmgt_sessionregistrationid})`,
      "msevtmgt_RegistrationId@odata.bind": `/msevtmgt_eventregistrations(${row._msevtmgt_registrationid_value})`,
      "msevtmgt_Event@odata.bind": `/msevtmgt_events(${row._msevtmgt_event_value})`,
    });
    expect(new Date(body.msevtmgt_checkintime as string).toISOString()).toBe(body.msevtmgt_checkintime);
    expect(String(body.msevtmgt_name).length).toBeLessThanOrEqual(100);
    // The record first, then the count from a fresh read.
    expect(dataverse.calls.map((c) => c.op)).toEqual(["create", "retrieve", "update"]);
    expect(calls("update").map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: before + 3 }]);
    expect(records(row)).toHaveLength(existing + 1);
    expect(dataverse.getCheckIn(body.msevtmgt_checkinid as string)?.statecode).toBe(0);
  });

  it("a create whose answer was lost is retried with the same id: the duplicate-key answer counts as made, once", async () => {
    const row = linked[1];
    const { dataverse, press, records, count, calls } = desk();
    const [before, existing] = [count(row), records(row).length];
    dataverse.failNext({ kind: "networkAfterCommit", op: "create", entity: "msevtmgt_checkin" });
    expect(await press(loaded(row)).done).toBeUndefined();
    const creates = calls("create");
    expect(creates).toHaveLength(2);
    expect(creates[0].data!.msevtmgt_checkinid).toBe(creates[1].data!.msevtmgt_checkinid);
    expect(creates[1].error?.errorCode).toBe(-2147220937);
    expect(records(row)).toHaveLength(existing + 1);
    expect(count(row)).toBe(before + 1);
  });

  it("a lost answer on the count after the record: one record and one increment", async () => {
    const row = linked[2];
    const { dataverse, press, records, count } = desk();
    const [before, existing] = [count(row), records(row).length];
    dataverse.failNext({ kind: "networkAfterCommit", op: "update" });
    expect(await press(loaded(row)).done).toBeUndefined();
    expect(records(row)).toHaveLength(existing + 1);
    expect(count(row)).toBe(before + 1);
  });

  it("a refused record counts nothing; the change waits with why, and Retry makes both", async () => {
    const row = linked[3];
    const { dataverse, editor, press, records, count, calls } = desk();
    const [before, existing] = [count(row), records(row).length];
    dataverse.failNext({ kind: "privilege", op: "create" });
    expect((await press(loaded(row)).done)?.kind).toBe("privilege");
    expect(calls("update")).toHaveLength(0);
    expect(count(row)).toBe(before);
    expect(editor.failures().map((c) => [c.edit, c.record])).toEqual([[{ kind: "checkIn" }, undefined]]);
    editor.retry(row.msevtmgt_sessionregistrationid);
    await settle();
    expect(records(row)).toHaveLength(existing + 1);
    expect(count(row)).toBe(before + 1);
  });

  it("a record made but a count refused: the row knows it is recorded, and Retry writes only the count", async () => {
    const row = linked[4];
    const { dataverse, editor, press, records, count, calls } = desk();
    const [before, existing] = [count(row), records(row).length];
    dataverse.failNext({ kind: "validation", op: "update" });
    expect((await press(loaded(row)).done)?.kind).toBe("rejected");
    expect(records(row)).toHaveLength(existing + 1);
    expect(editor.failures()).toEqual([expect.objectContaining({ record: "made", status: "failed" })]);
    editor.retry(row.msevtmgt_sessionregistrationid);
    await settle();
    expect(calls("create")).toHaveLength(1);
    expect(records(row)).toHaveLength(existing + 1);
    expect(count(row)).toBe(before + 1);
  });

  it.each(["network", "throttle"] as const)("a %s failure on either call is retried without a second record or a second count", async (kind) => {
    const row = linked[5];
    const { dataverse, press, records, count } = desk();
    const [before, existing] = [count(row), records(row).length];
    dataverse.failNext({ kind, op: "create", retryAfterSeconds: 0 });
    dataverse.failNext({ kind, op: "retrieve", retryAfterSeconds: 0 });
    dataverse.failNext({ kind, op: "update", retryAfterSeconds: 0 });
    expect(await press(loaded(row)).done).toBeUndefined();
    expect(records(row)).toHaveLength(existing + 1);
    expect(count(row)).toBe(before + 1);
  });

  it("a double press makes one record; two desks make two", async () => {
    const row = linked[6];
    const deskA = desk();
    const [before, existing] = [deskA.count(row), deskA.records(row).length];
    const first = deskA.press(loaded(row));
    const repeat = deskA.press(loaded(row), 100);
    await Promise.all([first.done, repeat.done]);
    expect(deskA.records(row)).toHaveLength(existing + 1);
    const deskB = desk({ dataverse: deskA.dataverse });
    await deskB.press(loaded(row)).done;
    expect(deskA.records(row)).toHaveLength(existing + 2);
    expect(deskA.count(row)).toBe(before + 2);
    deskB.editor.dispose();
  });
});

describe("the event registration the record needs", () => {
  it("is looked up by contact and event when the row names none, once per registration", async () => {
    const row = unlinked[0];
    const { press, records, calls } = desk();
    await press(loaded(row)).done;
    await press(loaded(row)).done;
    const lookups = calls("retrieveMultiple", "msevtmgt_eventregistration");
    expect(lookups).toHaveLength(1);
    expect(lookups[0].options).toContain(`_msevtmgt_contactid_value eq ${row._msevtmgt_contactid_value}`);
    expect(lookups[0].options).toContain("statecode eq 0");
    const made = calls("create").map((c) => c.data!["msevtmgt_RegistrationId@odata.bind"]);
    expect(made).toEqual([0, 1].map(() => `/msevtmgt_eventregistrations(${byContact[row._msevtmgt_contactid_value!]})`));
    expect(records(row).length).toBeGreaterThanOrEqual(2);
  });

  it("when there is none at all, the check-in is counted without a record, and 'none' is remembered", async () => {
    const row = withoutAny[0];
    const { editor, press, records, count, calls } = desk();
    const [before, existing] = [count(row), records(row).length];
    const heard: string[] = [];
    editor.onCheckedIn((c) => heard.push(c.record!));
    await press(loaded(row)).done;
    await press(loaded(row)).done;
    expect(calls("create")).toHaveLength(0);
    expect(calls("retrieveMultiple", "msevtmgt_eventregistration")).toHaveLength(1);
    expect(records(row)).toHaveLength(existing);
    expect(count(row)).toBe(before + 2);
    expect(heard).toEqual(["noEventRegistration", "noEventRegistration"]);
  });

  it("a registration that names no event can't be matched to an event registration: counted without a record", async () => {
    const row = { ...unlinked[1], _msevtmgt_event_value: null };
    const dataverse = new FakeDataverse({ data: conference });
    const { editor, press, calls } = desk({ dataverse });
    const heard: string[] = [];
    editor.onCheckedIn((c) => heard.push(c.record!));
    await press(loaded(row)).done;
    expect(calls("retrieveMultiple", "msevtmgt_eventregistration")).toHaveLength(0);
    expect(calls("create")).toHaveLength(0);
    expect(heard).toEqual(["noEventRegistration"]);
  });
});

describe("when records are off or not allowed", () => {
  it.each([["disabled"], ["noPrivilege"]] as const)("%s: the check-in is counted alone, and says why", async (reason) => {
    const row = linked[7];
    const { editor, press, records, count, calls } = desk({ records: { create: false, reason } });
    const [before, existing] = [count(row), records(row).length];
    await press(loaded(row)).done;
    expect(calls("create")).toHaveLength(0);
    expect(records(row)).toHaveLength(existing);
    expect(count(row)).toBe(before + 1);
    expect(editor.undoable(row.msevtmgt_sessionregistrationid)).toEqual([expect.objectContaining({ record: reason })]);
  });
});

describe("undo", () => {
  it("deactivates that check-in's record and brings the count back, newest first", async () => {
    const row = linked[8];
    const { dataverse, editor, press, records, count, calls } = desk();
    const before = count(row);
    await press(loaded(row)).done;
    await press(loaded(row)).done;
    const made = calls("create").map((c) => c.data!.msevtmgt_checkinid as string);
    expect(editor.undoable(row.msevtmgt_sessionregistrationid).map((c) => c.id)).toEqual(made);
    expect(await editor.undoCheckIn(loaded(row))).toBeUndefined();
    expect(calls("update", "msevtmgt_checkin")).toEqual([expect.objectContaining({ id: made[1], data: { statecode: 1, statuscode: 2 } })]);
    expect(dataverse.getCheckIn(made[1])?.statecode).toBe(1);
    expect(dataverse.getCheckIn(made[0])?.statecode).toBe(0);
    expect(count(row)).toBe(before + 1);
    expect(editor.undoable(row.msevtmgt_sessionregistrationid).map((c) => c.id)).toEqual([made[0]]);
    await editor.undoCheckIn(loaded(row));
    expect(count(row)).toBe(before);
    expect(records(row).filter((c) => c.statecode === 0).map((c) => c.msevtmgt_checkinid)).not.toContain(made[0]);
    expect(editor.undoable(row.msevtmgt_sessionregistrationid)).toEqual([]);
  });

  it("takes the count from a fresh read, never below 0", async () => {
    const row = linked[9];
    const { dataverse, editor, press, count } = desk();
    await press(loaded(row)).done;
    dataverse.changeByAnotherUser(row.msevtmgt_sessionregistrationid, { msevtmgt_timescheckedin: 0 });
    expect(await editor.undoCheckIn(loaded(row))).toBeUndefined();
    expect(count(row)).toBe(0);
  });

  it("a failed undo stays in the row; discarding it offers the undo again", async () => {
    const row = linked[10];
    const { dataverse, editor, press } = desk();
    await press(loaded(row)).done;
    dataverse.failNext({ kind: "privilege", op: "update", entity: "msevtmgt_checkin" });
    expect((await editor.undoCheckIn(loaded(row)))?.kind).toBe("privilege");
    expect(editor.undoable(row.msevtmgt_sessionregistrationid)).toEqual([]);
    editor.discard(row.msevtmgt_sessionregistrationid);
    expect(editor.undoable(row.msevtmgt_sessionregistrationid)).toHaveLength(1);
  });

  it("a check-in counted without a record is undone by its count alone", async () => {
    const row = withoutAny[1];
    const { editor, press, count, calls } = desk();
    const before = count(row);
    await press(loaded(row)).done;
    await editor.undoCheckIn(loaded(row));
    expect(calls("update", "msevtmgt_checkin")).toHaveLength(0);
    expect(count(row)).toBe(before);
  });
});

describe("bulk", () => {
  it("checks in many with a record each, paced, and undoes that run the same way", async () => {
    const rows = linked.slice(11, 23);
    const { dataverse, editor, records, count } = desk({ latencyMs: 2 });
    const before = rows.map((r) => [count(r), records(r).length]);
    const outcomes = await editor.runBulk(rows.map(loaded), () => ({ kind: "checkIn" }));
    expect(outcomes.every((o) => o.result === "changed")).toBe(true);
    expect(dataverse.maxInFlight).toBeLessThanOrEqual(PACE.most);
    expect(rows.map((r) => [count(r), records(r).length])).toEqual(before.map(([c, n]) => [c + 1, n + 1]));
    dataverse.resetCalls();
    const undone = await editor.runBulk(rows.map(loaded), (row) => editor.undoEdit(row.id));
    expect(undone.every((o) => o.result === "changed")).toBe(true);
    expect(dataverse.maxInFlight).toBeLessThanOrEqual(PACE.most);
    expect(rows.map((r) => [count(r), records(r).filter((c) => c.statecode === 0).length])).toEqual(before);
  });

  it("Retry failed finishes a row whose record was made but whose count wasn't: no second record", async () => {
    const rows = linked.slice(23, 27);
    const { dataverse, editor, records, count, calls } = desk();
    const [before, existing] = [count(rows[1]), records(rows[1]).length];
    dataverse.failNext({ kind: "throttle", op: "update", id: rows[1].msevtmgt_sessionregistrationid, times: DEFAULT_RETRY.throttled });
    const outcomes = await editor.runBulk(rows.map(loaded), () => ({ kind: "checkIn" }));
    expect(outcomes.filter((o) => o.result === "failed")).toEqual([{ id: rows[1].msevtmgt_sessionregistrationid, result: "failed", problem: "throttled" }]);
    expect(editor.failures()).toEqual([expect.objectContaining({ rowId: rows[1].msevtmgt_sessionregistrationid, record: "made" })]);
    expect(records(rows[1])).toHaveLength(existing + 1);
    expect(count(rows[1])).toBe(before);
    const creates = calls("create").length;
    const retried = await editor.runBulk([loaded(rows[1])], () => ({ kind: "checkIn" }));
    expect(retried).toEqual([{ id: rows[1].msevtmgt_sessionregistrationid, result: "changed" }]);
    expect(calls("create")).toHaveLength(creates);
    expect(records(rows[1])).toHaveLength(existing + 1);
    expect(count(rows[1])).toBe(before + 1);
    expect(editor.failures()).toEqual([]);
  });
});
