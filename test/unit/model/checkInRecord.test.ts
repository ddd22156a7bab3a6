import { bareGuid, checkInRecordBody, recordName } from "../../../SessionRegistrationGrid/model/checkInRecord";
import { editPolicy } from "../../../SessionRegistrationGrid/model/editPolicy";
import { applyEdit, isConflict, payloadFor } from "../../../SessionRegistrationGrid/model/edits";
import { classifyError, isDuplicateKey } from "../../../SessionRegistrationGrid/model/errors";

const ids = {
  checkIn: "0f8fad5b-d9cb-469f-a165-70867728950e",
  registration: "3c1d7f42-8a9e-4b6d-a2c5-0e4f8d9b7a61",
  contact: "{A1B2C3D4-0000-4000-8000-000000000001}",
  session: "5e55a0d1-2b3c-4d5e-8f60-7a8b9c0d1e2f",
  event: "e7e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b",
  eventRegistration: "9a9a9a9a-1111-4222-8333-444444444444",
};

describe("the check-in record's body", () => {
  it("holds the id made before the first attempt, the name, the type, the time and the case-sensitive binds", () => {
    const body = checkInRecordBody(ids.checkIn, "Ana Silva – Building editable grids", {
      registration: ids.registration, contact: ids.contact, session: ids.session, event: ids.event, eventRegistration: ids.eventRegistration,
    }, new Date(Date.UTC(2026, 5, 10, 9, 41, 7)));
    expect(body).toEqual({
      msevtmgt_checkinid: ids.checkIn,
      msevtmgt_name: "Ana Silva – Building editable grids",
      msevtmgt_checkintype: 100000000,
      msevtmgt_checkintime: "2026-06-10T09:41:07.000Z",
      "msevtmgt_Contact@odata.bind": "/contacts(a1b2c3d4-0000-4000-8000-000000000001)",
      "msevtmgt_SessionAttended@odata.bind": `/msevtmgt_sessions(${ids.session})`,
      "msevtmgt_SessionRegistration@odata.bind": `/msevtmgt_sessionregistrations(${ids.registration})`,
      "msevtmgt_RegistrationId@odata.bind": `/msevtmgt_eventregistrations(${ids.eventRegistration})`,
      "msevtmgt_Event@odata.bind": `/msevtmgt_events(${ids.event})`,
    });
  });

  it("leaves out what the registration doesn't have, rather than binding it to nothing", () => {
    const body = checkInRecordBody(ids.checkIn, "Ana", { registration: ids.registration, contact: ids.contact }, new Date(0));
    expect(Object.keys(body).filter((k) => k.endsWith("@odata.bind")).sort()).toEqual(["msevtmgt_Contact@odata.bind", "msevtmgt_SessionRegistration@odata.bind"]);
  });

  it("keeps the name within the column's 100 characters", () => {
    const long = `${"Ana ".repeat(20)}– ${"A session title that goes on ".repeat(5)}`;
    expect(recordName(long)).toHaveLength(100);
    expect(recordName(long).endsWith("…")).toBe(true);
    expect(recordName("Ana – Keynote")).toBe("Ana – Keynote");
  });

  it("keeps a name of exactly 100 characters whole", () => {
    const exact = `Ana Silva – ${"x".repeat(88)}`;
    expect(exact).toHaveLength(100);
    expect(recordName(exact)).toBe(exact);
  });

  it("cuts a long name without a space before the ellipsis", () => {
    const long = `${"a".repeat(98)} and more words after the cut`;
    expect(recordName(long)).toBe(`${"a".repeat(98)}…`);
  });

  it("binds bare, lower-case GUIDs whatever shape the lookup had", () => {
    expect(bareGuid("{A1B2C3D4-0000-4000-8000-000000000001}")).toBe("a1b2c3d4-0000-4000-8000-000000000001");
    expect(bareGuid(" a1b2c3d4-0000-4000-8000-000000000001 ")).toBe("a1b2c3d4-0000-4000-8000-000000000001");
  });
});

describe("Dataverse's answers", () => {
  it("recognises the duplicate-key answer, signed or unsigned", () => {
    expect(isDuplicateKey({ errorCode: -2147220937, message: "A record with matching key values already exists." })).toBe(true);
    expect(isDuplicateKey({ errorCode: 2147746359, message: "A record with matching key values already exists." })).toBe(true);
    expect(isDuplicateKey({ errorCode: -2147220969, message: "Does Not Exist" })).toBe(false);
    expect(isDuplicateKey(new TypeError("Failed to fetch"))).toBe(false);
  });

  it("reads unsigned codes as the signed ones the docs print (a throttle stays a throttle)", () => {
    expect(classifyError({ errorCode: -2147015902 >>> 0, message: "Number of requests exceeded", retryAfter: 3 })).toEqual({ kind: "throttled", detail: "Number of requests exceeded", retryAfterMs: 3000 });
    expect(classifyError({ errorCode: -2147220960 >>> 0, message: "missing prvCreate" }).kind).toBe("privilege");
  });
});

describe("undo of a check-in", () => {
  const undo = { kind: "undoCheckIn" as const, checkIn: ids.checkIn, recorded: true };
  const fields = { timesCheckedIn: 2, synced: false, state: 0, statusReason: 1 };
  it("takes one from the count read just now, never below 0, and never conflicts", () => {
    expect(payloadFor(undo, { fields: { timesCheckedIn: 5 } })).toEqual({ msevtmgt_timescheckedin: 4 });
    expect(payloadFor(undo, { fields: { timesCheckedIn: 0 } })).toEqual({ msevtmgt_timescheckedin: 0 });
    expect(payloadFor(undo, { fields: { timesCheckedIn: null } })).toEqual({ msevtmgt_timescheckedin: 0 });
    expect(applyEdit(fields, undo).timesCheckedIn).toBe(1);
    expect(isConflict(undo, fields, { fields: { timesCheckedIn: 9 } })).toBe(false);
  });
});

describe("whether check-ins make records", () => {
  const base = { isControlDisabled: false, canWrite: true };
  it("does by default, not when the maker switched it off, and not without Create privilege on check-ins", () => {
    expect(editPolicy(base).records).toEqual({ create: true });
    expect(editPolicy({ ...base, canCreateCheckIns: undefined }).records).toEqual({ create: true });
    expect(editPolicy({ ...base, createCheckInRecords: { raw: false } }).records).toEqual({ create: false, reason: "disabled" });
    expect(editPolicy({ ...base, canCreateCheckIns: false }).records).toEqual({ create: false, reason: "noPrivilege" });
  });
});
