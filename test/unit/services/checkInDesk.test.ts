/** Issue 20: the desk over the fake Dataverse: Enter, scans, the full room, walk-ins, and the latest check-in times. */
import type { DeskResult } from "../../../SessionRegistrationGrid/model/deskEntry";
import type { FullRoomQuestion } from "../../../SessionRegistrationGrid/model/room";
import type { RegistrationRow as GridRow } from "../../../SessionRegistrationGrid/model/types";
import { webApiCheckInStore } from "../../../SessionRegistrationGrid/services/checkInStore";
import { createCheckInDesk, type DeskOptions } from "../../../SessionRegistrationGrid/services/checkInDesk";
import { webApiDeskStore } from "../../../SessionRegistrationGrid/services/deskStore";
import { FakeDataverse, generateConference, type Conference, type RegistrationRow } from "../../fixtures";
import { loaded, settle, setup } from "./editorSetup";

const base = generateConference({ attendees: 150 });
const SESSION = base.defaultSessionId;
/** The conference with the default session's capacity set (0: none). */
const withCapacity = (capacity: number): Conference => ({
  ...base,
  sessions: base.sessions.map((s) => (s.msevtmgt_sessionid === SESSION ? { ...s, msevtmgt_sessionmaxcapacity: capacity } : s)),
});
const erName = (contact: string | null) => base.eventRegistrations.find((er) => er._msevtmgt_contactid_value === contact && er.statecode === 0)?.msevtmgt_name;
/** The session's rows as the grid loads them: with the event registration's readable ID when the row links one. */
const gridRow = (r: RegistrationRow): GridRow => {
  const row = loaded(r);
  const readable = r._msevtmgt_registrationid_value ? erName(r._msevtmgt_contactid_value) : undefined;
  return { ...row, refs: { ...row.refs, eventRegistration: readable ? { id: r._msevtmgt_registrationid_value!, name: readable, entityType: "msevtmgt_eventregistration" } : row.refs.eventRegistration } };
};

function deskOver(conference: Conference = base, options: Partial<DeskOptions> & { latencyMs?: number } = {}) {
  const dataverse = new FakeDataverse({ data: conference, latencyMs: options.latencyMs ?? 0 });
  const d = setup([], { dataverse, records: () => ({ create: true }) });
  const said: DeskResult[] = [];
  const questions: FullRoomQuestion[] = [];
  let answer = true;
  let rows = dataverse.snapshot().filter((r) => r._msevtmgt_sessionid_value === SESSION).map((r) => gridRow(r as RegistrationRow));
  const refresh = jest.fn(() => {
    rows = dataverse.snapshot().filter((r) => r._msevtmgt_sessionid_value === SESSION).map((r) => gridRow(r as RegistrationRow));
  });
  const desk = createCheckInDesk({
    editor: d.editor,
    store: webApiDeskStore(dataverse.webApi),
    session: { id: SESSION, name: "Session 7" },
    rows: () => rows,
    hasMore: () => false,
    allLoaded: () => Promise.resolve(),
    askFull: async (question) => {
      questions.push(question);
      return answer;
    },
    announce: (result) => said.push(result),
    findEventRegistration: webApiCheckInStore(dataverse.webApi).findEventRegistration,
    refresh,
    now: () => d.clock.now,
    sleep: async () => undefined,
    schedule: (flush) => flush(),
    ...options,
  });
  const stored = (id: string) => dataverse.get(id)!;
  const records = (id: string) => dataverse.checkIns((c) => c._msevtmgt_sessionregistration_value === id && c.statecode === 0);
  const writes = () => dataverse.calls.filter((c) => c.op !== "retrieve" && c.op !== "retrieveMultiple");
  const later = (ms: number) => (d.clock.now += ms);
  return { ...d, desk, said, questions, setAnswer: (a: boolean) => (answer = a), rows: () => rows, refresh, stored, records, writes, later };
}

const notIn = (rows: GridRow[]) => rows.filter((r) => r.fields.state === 0 && !r.fields.timesCheckedIn && r.refs.eventRegistration);
const kinds = (said: DeskResult[]) => said.map((s) => s.kind);

describe("Enter in Find attendee", () => {
  it("checks in the one match by name, with its record, and clears the box", async () => {
    const { desk, rows, stored, records, said } = deskOver();
    const person = notIn([...rows()])[0];
    await settle();
    const words = person.name.split(" ");
    expect(desk.enter(`${words[words.length - 1]} ${words[0].slice(0, 3)}`.toLowerCase())).toBe(true);
    await settle();
    expect(stored(person.id).msevtmgt_timescheckedin).toBe(1);
    expect(records(person.id)).toHaveLength(1);
    expect(kinds(said)).toContain("checkingIn");
  });

  it("a scanned readable ID and a braced upper-case GUID check in the right rows; the same badge within 10 s counts once", async () => {
    const { desk, rows, stored, said, later } = deskOver();
    await settle();
    const [a, b] = notIn([...rows()]);
    expect(desk.enter(a.refs.eventRegistration!.name.toLowerCase())).toBe(true);
    await settle();
    expect(stored(a.id).msevtmgt_timescheckedin).toBe(1);
    later(9_000);
    expect(desk.enter(a.refs.eventRegistration!.name)).toBe(true);
    await settle();
    expect(stored(a.id).msevtmgt_timescheckedin).toBe(1);
    expect(said.at(-1)).toEqual({ kind: "justCheckedIn", name: a.name });
    later(2_000);
    desk.enter(a.refs.eventRegistration!.name);
    await settle();
    expect(stored(a.id).msevtmgt_timescheckedin).toBe(2);

    desk.enter(`{${b.refs.eventRegistration!.id.toUpperCase()}}`);
    await settle();
    expect(stored(b.id).msevtmgt_timescheckedin).toBe(1);
  });

  it("a cancelled match makes no call; several matches check no one in", async () => {
    const { desk, rows, writes, said } = deskOver();
    await settle();
    const cancelled = rows().find((r) => r.fields.state === 1 && r.refs.eventRegistration)!;
    expect(desk.enter(cancelled.refs.eventRegistration!.name)).toBe(true);
    expect(desk.enter("a")).toBe(false);
    await settle();
    expect(writes()).toEqual([]);
    expect(said).toEqual([{ kind: "cancelled", name: cancelled.name }, { kind: "several", count: expect.any(Number) }]);
  });

  it("a badge nobody in the session has says who it is, so they can be registered", async () => {
    const { desk, rows, said } = deskOver();
    await settle();
    const here = new Set(rows().map((r) => r.refs.contact?.id));
    const elsewhere = base.eventRegistrations.find((er) => er.statecode === 0 && !here.has(er._msevtmgt_contactid_value!))!;
    expect(desk.enter(elsewhere.msevtmgt_name)).toBe(true);
    await settle();
    expect(said.at(-1)).toMatchObject({
      kind: "notRegistered",
      who: { contact: { id: elsewhere._msevtmgt_contactid_value }, eventRegistration: { id: elsewhere.msevtmgt_eventregistrationid } },
    });
    desk.enter("CBAS25-999999");
    await settle();
    expect(said.at(-1)).toEqual({ kind: "notRegistered", who: {} });
    expect(desk.enter("nobody at all")).toBe(false);
    expect(said.at(-1)).toEqual({ kind: "noMatch", query: "nobody at all" });
  });
});

describe("the camera (the phone app)", () => {
  it("a scanned value goes where a typed code goes; a closed scanner says and writes nothing; a failure says so", async () => {
    let next: () => Promise<string> = () => Promise.reject({ message: "The user cancelled the barcode scan." });
    const d = deskOver(base, { scanBarcode: () => next() });
    await settle();
    const person = notIn([...d.rows()])[0];
    expect(d.desk.canScan).toBe(true);
    await d.desk.scan();
    expect(d.said).toEqual([]);
    expect(d.writes()).toEqual([]);
    next = () => Promise.resolve(person.refs.eventRegistration!.name);
    await d.desk.scan();
    await settle();
    expect(d.stored(person.id).msevtmgt_timescheckedin).toBe(1);
    next = () => Promise.reject({ errorCode: 5, message: "Camera access was denied." });
    await d.desk.scan();
    expect(d.said.at(-1)).toEqual({ kind: "scanFailed", detail: "Camera access was denied." });
  });
  it("is offered only where there is a scanner", () => {
    expect(deskOver().desk.canScan).toBe(false);
  });
});

describe("a full room", () => {
  /** A room whose checked-in people already reach the capacity: capacity = the session's active registrations with a count. */
  function fullRoom() {
    const checkedIn = base.registrations.filter((r) => r._msevtmgt_sessionid_value === SESSION && r.statecode === 0 && (r.msevtmgt_timescheckedin ?? 0) > 0).length;
    return { d: deskOver(withCapacity(checkedIn)), checkedIn };
  }

  it("a first check-in asks with the numbers; declined sends nothing, confirmed checks in", async () => {
    const { d, checkedIn } = fullRoom();
    await settle();
    const [person] = notIn([...d.rows()]);
    d.setAnswer(false);
    await d.desk.checkIn(person);
    expect(d.questions).toEqual([{ checkedIn, capacity: checkedIn, adding: 1 }]);
    expect(d.writes()).toEqual([]);
    expect(d.said).toEqual([{ kind: "declined", name: person.name }]);
    d.setAnswer(true);
    await d.desk.checkIn(person, "find");
    expect(d.questions).toHaveLength(2);
    expect(d.stored(person.id).msevtmgt_timescheckedin).toBe(1);
  });

  it("a session with no limit: a first check-in goes at once, without waiting for the rest of the rows to load", async () => {
    const allLoaded = jest.fn(() => new Promise<void>(() => undefined));
    const d = deskOver(withCapacity(0), { hasMore: () => true, allLoaded });
    await settle(); // the session (no capacity) is read
    const [person] = notIn([...d.rows()]);
    await d.desk.checkIn(person);
    expect(allLoaded).not.toHaveBeenCalled();
    expect(d.questions).toEqual([]);
    expect(d.stored(person.id).msevtmgt_timescheckedin).toBe(1);
  });

  it("someone already in re-enters without a question", async () => {
    const { d } = fullRoom();
    await settle();
    const inside = d.rows().find((r) => r.fields.state === 0 && (r.fields.timesCheckedIn ?? 0) > 0)!;
    await d.desk.checkIn(inside);
    expect(d.questions).toEqual([]);
    expect(d.stored(inside.id).msevtmgt_timescheckedin).toBe((inside.fields.timesCheckedIn ?? 0) + 1);
  });

  it("a second press while the question is open does nothing", async () => {
    const { d } = fullRoom();
    await settle();
    const [person] = notIn([...d.rows()]);
    let confirm!: (yes: boolean) => void;
    const open = new Promise<boolean>((resolve) => (confirm = resolve));
    const asked: FullRoomQuestion[] = [];
    const desk = createCheckInDesk({ ...deskOptionsOf(d), askFull: (q) => (asked.push(q), open) });
    await settle(); // the session's capacity is read
    const first = desk.checkIn(person);
    await settle();
    await desk.checkIn(person);
    confirm(true);
    await first;
    expect(asked).toHaveLength(1);
    expect(d.stored(person.id).msevtmgt_timescheckedin).toBe(1);
  });

  it("a bulk run that would pass the capacity asks once; one that stays within it does not", async () => {
    const { checkedIn } = fullRoom();
    const d = deskOver(withCapacity(checkedIn + 2));
    await settle();
    const people = notIn([...d.rows()]);
    const inside = d.rows().filter((r) => r.fields.state === 0 && (r.fields.timesCheckedIn ?? 0) > 0);
    expect(await d.desk.approveBulkCheckIn([...people.slice(0, 2), ...inside])).toBe(true);
    expect(d.questions).toEqual([]);
    d.setAnswer(false);
    expect(await d.desk.approveBulkCheckIn([...people.slice(0, 3), ...inside])).toBe(false);
    expect(d.questions).toEqual([{ checkedIn, capacity: checkedIn + 2, adding: 3 }]);
  });
});

/** The options a desk was made with, to make a second one over the same editor and data. */
function deskOptionsOf(d: ReturnType<typeof deskOver>): DeskOptions {
  return {
    editor: d.editor, store: webApiDeskStore(d.dataverse.webApi), session: { id: SESSION, name: "Session 7" }, rows: d.rows, hasMore: () => false,
    allLoaded: () => Promise.resolve(), askFull: async () => true, announce: () => undefined,
    findEventRegistration: webApiCheckInStore(d.dataverse.webApi).findEventRegistration, refresh: () => undefined, now: () => d.clock.now, sleep: async () => undefined,
  };
}

describe("walk-ins", () => {
  const sessionRegistrations = (dv: FakeDataverse, contact: string) =>
    dv.rows().filter((r) => r._msevtmgt_sessionid_value === SESSION && r._msevtmgt_contactid_value === contact);
  const outsider = () => {
    const here = new Set(base.registrations.filter((r) => r._msevtmgt_sessionid_value === SESSION).map((r) => r._msevtmgt_contactid_value));
    return base.contacts.find((c) => !here.has(c.contactid) && base.activeEventRegistrationByContact[c.contactid])!;
  };

  it("registers the picked contact for the session once, with its binds, checks them in and refreshes", async () => {
    const d = deskOver();
    const contact = outsider();
    await d.desk.walkIn({ id: `{${contact.contactid.toUpperCase()}}`, name: contact.fullname });
    const [created] = sessionRegistrations(d.dataverse, contact.contactid);
    expect(created).toMatchObject({ _msevtmgt_event_value: base.event.msevtmgt_eventid, _msevtmgt_registrationid_value: base.activeEventRegistrationByContact[contact.contactid], msevtmgt_timescheckedin: 1, msevtmgt_name: contact.fullname });
    expect(d.records(created.msevtmgt_sessionregistrationid)).toHaveLength(1);
    expect(d.refresh).toHaveBeenCalledTimes(1);
    expect(kinds(d.said)).toEqual(["registering", "checkingIn"]);

    // Again (a second press, or the same person at another desk): checked in, never registered twice.
    d.later(5_000);
    await d.desk.walkIn({ id: contact.contactid, name: contact.fullname });
    expect(sessionRegistrations(d.dataverse, contact.contactid)).toHaveLength(1);
    expect(d.stored(created.msevtmgt_sessionregistrationid).msevtmgt_timescheckedin).toBe(2);
  });

  it("two walk-ins of one person at once make one registration", async () => {
    const d = deskOver(base, { latencyMs: 20 });
    const contact = outsider();
    await Promise.all([d.desk.walkIn({ id: contact.contactid, name: contact.fullname }), d.desk.walkIn({ id: contact.contactid, name: contact.fullname })]);
    expect(sessionRegistrations(d.dataverse, contact.contactid)).toHaveLength(1);
  });

  it("a create whose answer was lost is sent again with the same id: one registration", async () => {
    const d = deskOver();
    const contact = outsider();
    d.dataverse.failNext({ kind: "networkAfterCommit", op: "create", entity: "msevtmgt_sessionregistration" });
    await d.desk.walkIn({ id: contact.contactid, name: contact.fullname });
    const creates = d.dataverse.calls.filter((c) => c.op === "create" && c.entity === "msevtmgt_sessionregistration");
    expect(creates).toHaveLength(2);
    expect(creates[0].data!.msevtmgt_sessionregistrationid).toBe(creates[1].data!.msevtmgt_sessionregistrationid);
    expect(sessionRegistrations(d.dataverse, contact.contactid)).toHaveLength(1);
    expect(sessionRegistrations(d.dataverse, contact.contactid)[0].msevtmgt_timescheckedin).toBe(1);
  });

  it("Dataverse's refusal is said in words, and nothing is checked in", async () => {
    const d = deskOver();
    const contact = outsider();
    d.dataverse.failNext({ kind: "validation", op: "create", entity: "msevtmgt_sessionregistration" });
    await d.desk.walkIn({ id: contact.contactid, name: contact.fullname });
    expect(d.said.at(-1)).toMatchObject({ kind: "walkInFailed", name: contact.fullname, problem: { kind: "rejected" } });
    expect(sessionRegistrations(d.dataverse, contact.contactid)).toEqual([]);
    expect(d.dataverse.checkIns((c) => c._msevtmgt_contact_value === contact.contactid && c._msevtmgt_sessionattended_value === SESSION)).toEqual([]);
  });

  it("someone already registered but cancelled is not checked in; someone registered is, without a second registration", async () => {
    const d = deskOver();
    await settle();
    const cancelled = d.rows().find((r) => r.fields.state === 1)!;
    await d.desk.walkIn({ id: cancelled.refs.contact!.id, name: cancelled.name });
    expect(d.said.at(-1)).toEqual({ kind: "cancelled", name: cancelled.name });
    const [person] = notIn([...d.rows()]);
    await d.desk.walkIn({ id: person.refs.contact!.id, name: person.name });
    expect(d.stored(person.id).msevtmgt_timescheckedin).toBe(1);
    expect(d.dataverse.calls.filter((c) => c.op === "create" && c.entity === "msevtmgt_sessionregistration")).toEqual([]);
  });

  it("at a full room a walk-in is asked about first; declined registers no one", async () => {
    const checkedIn = base.registrations.filter((r) => r._msevtmgt_sessionid_value === SESSION && r.statecode === 0 && (r.msevtmgt_timescheckedin ?? 0) > 0).length;
    const d = deskOver(withCapacity(checkedIn));
    await settle();
    d.setAnswer(false);
    const contact = outsider();
    await d.desk.walkIn({ id: contact.contactid, name: contact.fullname });
    expect(d.questions).toHaveLength(1);
    expect(sessionRegistrations(d.dataverse, contact.contactid)).toEqual([]);
    expect(d.said.at(-1)).toEqual({ kind: "declined", name: contact.fullname });
  });
});

describe("the latest check-in times", () => {
  it("are read for registrations that are in, and follow a new check-in", async () => {
    const d = deskOver();
    await settle();
    const inside = d.rows().filter((r) => (r.fields.timesCheckedIn ?? 0) > 0);
    d.dataverse.resetCalls();
    d.desk.readLatestCheckIns(d.rows());
    await settle();
    const reads = d.dataverse.calls.filter((c) => c.entity === "msevtmgt_checkin");
    expect(reads).toHaveLength(Math.ceil(inside.length / 50));
    expect(reads[0].options).toContain("Microsoft.Dynamics.CRM.In(PropertyName='msevtmgt_sessionregistration'");
    const withRecord = inside.find((r) => d.records(r.id).length)!;
    const latest = Math.max(...d.records(withRecord.id).map((c) => Date.parse(c.msevtmgt_checkintime!)));
    expect(d.desk.latestCheckIn(withRecord)).toBe(latest);
    // Known now: a second read asks nothing.
    d.desk.readLatestCheckIns(d.rows());
    await settle();
    expect(d.dataverse.calls.filter((c) => c.entity === "msevtmgt_checkin")).toHaveLength(reads.length);

    d.later(60_000);
    await d.desk.checkIn(withRecord);
    expect(d.desk.latestCheckIn(withRecord)).toBe(d.clock.now);
  });

  it("the store asks 50 registrations a call and keeps the latest active record of each", async () => {
    const dataverse = new FakeDataverse({ data: base });
    const ids = [...new Set(base.checkIns.map((c) => c._msevtmgt_sessionregistration_value!))].slice(0, 120);
    const latest = await webApiDeskStore(dataverse.webApi).latestCheckIns(ids.map((id) => id.toUpperCase()));
    expect(dataverse.calls.map((c) => c.op)).toEqual(["retrieveMultiple", "retrieveMultiple", "retrieveMultiple"]);
    for (const id of ids) {
      const times = base.checkIns.filter((c) => c._msevtmgt_sessionregistration_value === id && c.statecode === 0).map((c) => Date.parse(c.msevtmgt_checkintime!));
      expect(latest.get(id)).toBe(Math.max(...times));
    }
  });
});
