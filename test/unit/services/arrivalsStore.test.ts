/** Issue 23: what Arrivals and Sessions read from Dataverse, through context.webAPI. */
import { fillsOf } from "../../../SessionRegistrationGrid/model/sessionFill";
import { registrationGroupsFetch, SESSIONS_PER_CALL, webApiArrivalsStore } from "../../../SessionRegistrationGrid/services/arrivalsStore";
import { FakeDataverse, generateConference } from "../../fixtures";

const conference = generateConference({ attendees: 200 });
const session = conference.defaultSessionId;
const active = conference.checkIns.filter((c) => c._msevtmgt_sessionattended_value === session && c.statecode === 0);
const checkInReads = (dv: FakeDataverse) => dv.calls.filter((c) => c.entity === "msevtmgt_checkin");

describe("the session's check-ins", () => {
  it("are every active record filtered on the session attended, all pages followed by their next link", async () => {
    const dv = new FakeDataverse({ data: conference });
    const read = await webApiArrivalsStore(dv.webApi, 7).checkIns(session.toUpperCase());
    expect(active.length).toBeGreaterThan(20);
    expect(read.map((a) => a.id).sort()).toEqual(active.map((c) => c.msevtmgt_checkinid).sort());
    const calls = checkInReads(dv);
    expect(calls).toHaveLength(Math.ceil(active.length / 7));
    expect(calls[0].options).toContain(`_msevtmgt_sessionattended_value eq ${session} and statecode eq 0`);
    expect(calls[1].options).toContain("$skiptoken=7");
    expect(calls.every((c) => c.maxPageSize === 7)).toBe(true);
    const one = active[0];
    expect(read.find((a) => a.id === one.msevtmgt_checkinid)).toEqual({
      id: one.msevtmgt_checkinid, person: one._msevtmgt_contact_value, at: Date.parse(one.msevtmgt_checkintime!), active: true, modifiedOn: one.modifiedon,
    });
  });

  it("a record without a check-in time counts from its creation; one without a contact is its registration's person", async () => {
    const dv = new FakeDataverse({ data: conference, clock: () => Date.parse("2025-06-12T09:07:00Z") });
    const registration = conference.registrations.find((r) => r._msevtmgt_sessionid_value === session)!;
    const made = dv.checkInByAnotherDesk({
      msevtmgt_name: "walked in", "msevtmgt_SessionAttended@odata.bind": `/msevtmgt_sessions(${session})`,
      "msevtmgt_SessionRegistration@odata.bind": `/msevtmgt_sessionregistrations(${registration.msevtmgt_sessionregistrationid})`,
    });
    const read = await webApiArrivalsStore(dv.webApi).checkIns(session);
    expect(read.find((a) => a.id === made.msevtmgt_checkinid)).toMatchObject({ at: Date.parse("2025-06-12T09:07:00Z"), person: registration.msevtmgt_sessionregistrationid });
  });

  it("an inactive record is left out; asked for what changed since, it comes back as inactive (an undo)", async () => {
    let now = Date.parse("2025-06-12T09:30:00Z");
    const dv = new FakeDataverse({ data: conference, clock: () => now });
    const store = webApiArrivalsStore(dv.webApi);
    const undone = active[3].msevtmgt_checkinid;
    now += 60_000;
    dv.changeCheckInByAnotherDesk(undone, { statecode: 1, statuscode: 2 });
    const all = await store.checkIns(session);
    expect(all.some((a) => a.id === undone)).toBe(false);
    expect(all).toHaveLength(active.length - 1);
    const since = await store.checkIns(session, "2025-06-12T09:31:00Z");
    expect(since).toEqual([expect.objectContaining({ id: undone, active: false, modifiedOn: "2025-06-12T09:31:00Z" })]);
    expect(checkInReads(dv).at(-1)!.options).toContain("modifiedon ge 2025-06-12T09:31:00Z");
  });
});

describe("the sessions' numbers", () => {
  const sessions = [...new Set(conference.registrations.map((r) => r._msevtmgt_sessionid_value!))];

  it("one FetchXML aggregate per 100 sessions, grouped by session and count, adds up to the registrations", async () => {
    const dv = new FakeDataverse({ data: conference });
    expect(sessions.length).toBeGreaterThan(SESSIONS_PER_CALL);
    const groups = await webApiArrivalsStore(dv.webApi).registrationGroups(sessions);
    const fetches = dv.calls.filter((c) => c.options?.startsWith("?fetchXml="));
    expect(fetches).toHaveLength(Math.ceil(sessions.length / SESSIONS_PER_CALL));
    expect(decodeURIComponent(fetches[0].options!.slice("?fetchXml=".length))).toBe(registrationGroupsFetch(sessions.slice(0, SESSIONS_PER_CALL)));
    const fills = fillsOf(sessions, groups, new Map());
    for (const fill of fills.slice(0, 30)) {
      const regs = conference.registrations.filter((r) => r._msevtmgt_sessionid_value === fill.id && r.statecode === 0);
      expect([fill.registered, fill.checkedIn]).toEqual([regs.length, regs.filter((r) => (r.msevtmgt_timescheckedin ?? 0) >= 1).length]);
      expect(fill.name).toBe(conference.sessions.find((s) => s.msevtmgt_sessionid === fill.id)!.msevtmgt_name);
    }
  });

  it("names and capacities of the sessions asked for", async () => {
    const dv = new FakeDataverse({ data: conference });
    const known = await webApiArrivalsStore(dv.webApi).sessions(sessions.slice(0, 3).map((s) => `{${s.toUpperCase()}}`));
    const expected = conference.sessions.filter((s) => sessions.slice(0, 3).includes(s.msevtmgt_sessionid));
    expect(known).toEqual(new Map(expected.map((s) => [s.msevtmgt_sessionid, { name: s.msevtmgt_name, capacity: s.msevtmgt_sessionmaxcapacity }])));
  });
});
