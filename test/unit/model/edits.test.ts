import { alreadyApplied, applyEdit, columnsToRead, isConflict, mergeEdits, payloadFor, type Edit } from "../../../SessionRegistrationGrid/model/edits";
import type { RegistrationFields } from "../../../SessionRegistrationGrid/model/types";

const loaded: RegistrationFields = { timesCheckedIn: 2, synced: false, state: 0, statusReason: 1 };

describe("payloadFor", () => {
  it("adds the check-ins to the freshly read count, not to the loaded one", () => {
    expect(payloadFor({ kind: "checkIn", times: 1 }, { fields: { timesCheckedIn: 5 } })).toEqual({ msevtmgt_timescheckedin: 6 });
    expect(payloadFor({ kind: "checkIn", times: 2 }, { fields: { timesCheckedIn: null } })).toEqual({ msevtmgt_timescheckedin: 2 });
  });

  it("writes a typed count as typed", () => {
    expect(payloadFor({ kind: "count", value: 3 }, { fields: { timesCheckedIn: 9 } })).toEqual({ msevtmgt_timescheckedin: 3 });
  });

  it("writes the sync flag's option values", () => {
    expect(payloadFor({ kind: "sync", synced: true }, { fields: {} })).toEqual({ msevtmgt_syncedwithprovider: 100000002 });
    expect(payloadFor({ kind: "sync", synced: false }, { fields: {} })).toEqual({ msevtmgt_syncedwithprovider: 100000001 });
  });

  it("sends statecode and statuscode alone for a status change", () => {
    expect(payloadFor({ kind: "status", state: 1, statusReason: 2 }, { fields: loaded })).toEqual({ statecode: 1, statuscode: 2 });
  });
});

describe("columnsToRead", () => {
  it("reads only the count and version before a check-in", () => {
    expect(columnsToRead({ kind: "checkIn", times: 1 })).toEqual(["msevtmgt_timescheckedin", "versionnumber"]);
  });
  it("reads the edited fields, the state and the version before other edits", () => {
    expect(columnsToRead({ kind: "sync", synced: true })).toEqual(expect.arrayContaining(["msevtmgt_syncedwithprovider", "statecode", "versionnumber"]));
  });
});

describe("applyEdit", () => {
  it("shows the edit's result optimistically", () => {
    expect(applyEdit(loaded, { kind: "checkIn", times: 1 }).timesCheckedIn).toBe(3);
    expect(applyEdit(loaded, { kind: "status", state: 1, statusReason: 2 })).toEqual({ ...loaded, state: 1, statusReason: 2 });
  });
});

describe("isConflict", () => {
  const sync: Edit = { kind: "sync", synced: true };
  it("flags a moved versionnumber when the loaded version is known", () => {
    expect(isConflict(sync, { version: "10", fields: loaded }, { fields: loaded, version: "11" })).toBe(true);
    expect(isConflict(sync, { version: "10", fields: loaded }, { fields: loaded, version: "10" })).toBe(false);
  });
  it("compares the edited fields and the state when the version isn't known", () => {
    expect(isConflict(sync, { fields: loaded }, { fields: { ...loaded, timesCheckedIn: 7 } })).toBe(false);
    expect(isConflict(sync, { fields: loaded }, { fields: { ...loaded, synced: true } })).toBe(true);
    expect(isConflict(sync, { fields: loaded }, { fields: { ...loaded, state: 1 } })).toBe(true);
  });
  it("never flags a check-in: increments add up", () => {
    expect(isConflict({ kind: "checkIn", times: 1 }, { version: "1", fields: loaded }, { fields: loaded, version: "99" })).toBe(false);
  });
});

describe("alreadyApplied", () => {
  it("recognises a row that already holds the value (a lost response, or someone made the same change)", () => {
    expect(alreadyApplied({ kind: "sync", synced: false }, { fields: { synced: null } })).toBe(true);
    expect(alreadyApplied({ kind: "count", value: 4 }, { fields: { timesCheckedIn: 4 } })).toBe(true);
    expect(alreadyApplied({ kind: "count", value: 4 }, { fields: { timesCheckedIn: 3 } })).toBe(false);
    expect(alreadyApplied({ kind: "checkIn", times: 1 }, { fields: { timesCheckedIn: 4 } })).toBe(false);
  });
});

describe("mergeEdits", () => {
  it("adds pending check-ins and replaces settings", () => {
    expect(mergeEdits({ kind: "checkIn", times: 1 }, { kind: "checkIn", times: 1 })).toEqual({ kind: "checkIn", times: 2 });
    expect(mergeEdits({ kind: "count", value: 1 }, { kind: "count", value: 5 })).toEqual({ kind: "count", value: 5 });
  });
});
