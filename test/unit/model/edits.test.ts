import { allowedOn, applyEdit, columnsToRead, isConflict, isStored, payloadFor, type Edit } from "../../../SessionRegistrationGrid/model/edits";
import type { RegistrationFields } from "../../../SessionRegistrationGrid/model/types";

const seen: RegistrationFields = { timesCheckedIn: 2, synced: false, state: 0, statusReason: 1 };

describe("payloadFor", () => {
  it("adds one check-in to the freshly read count, not to the loaded one", () => {
    expect(payloadFor({ kind: "checkIn" }, { fields: { timesCheckedIn: 5 } })).toEqual({ msevtmgt_timescheckedin: 6 });
    expect(payloadFor({ kind: "checkIn" }, { fields: { timesCheckedIn: null } })).toEqual({ msevtmgt_timescheckedin: 1 });
  });

  it("writes a typed count as typed", () => {
    expect(payloadFor({ kind: "count", value: 3 }, { fields: { timesCheckedIn: 9 } })).toEqual({ msevtmgt_timescheckedin: 3 });
    expect(payloadFor({ kind: "count", value: 0 }, { fields: { timesCheckedIn: 9 } })).toEqual({ msevtmgt_timescheckedin: 0 });
  });

  it("writes the sync flag's option values", () => {
    expect(payloadFor({ kind: "sync", synced: true }, { fields: {} })).toEqual({ msevtmgt_syncedwithprovider: 100000002 });
    expect(payloadFor({ kind: "sync", synced: false }, { fields: {} })).toEqual({ msevtmgt_syncedwithprovider: 100000001 });
  });

  it("sends statecode and statuscode alone for a status change", () => {
    expect(payloadFor({ kind: "status", state: 1, statusReason: 2 }, { fields: seen })).toEqual({ statecode: 1, statuscode: 2 });
  });
});

describe("columnsToRead", () => {
  it("reads the count and the version before a check-in (the version recognises a write whose answer was lost)", () => {
    expect(columnsToRead({ kind: "checkIn" })).toEqual(["msevtmgt_timescheckedin", "versionnumber"]);
  });
  it("reads nothing of the row's before putting a check-in record back", () => {
    expect(columnsToRead({ kind: "record", checkIn: "k1", active: false })).toEqual([]);
  });
  it("reads the edited field and the state before a setting", () => {
    expect(columnsToRead({ kind: "sync", synced: true })).toEqual(expect.arrayContaining(["msevtmgt_syncedwithprovider", "statecode"]));
    expect(columnsToRead({ kind: "count", value: 1 })).toEqual(expect.arrayContaining(["msevtmgt_timescheckedin", "statecode"]));
    expect(columnsToRead({ kind: "status", state: 1, statusReason: 2 })).toEqual(expect.arrayContaining(["statecode", "statuscode"]));
  });
});

describe("applyEdit", () => {
  it("shows the edit's result while it saves", () => {
    expect(applyEdit(seen, { kind: "checkIn" }).timesCheckedIn).toBe(3);
    expect(applyEdit({ ...seen, timesCheckedIn: null }, { kind: "checkIn" }).timesCheckedIn).toBe(1);
    expect(applyEdit(seen, { kind: "status", state: 1, statusReason: 2 })).toEqual({ ...seen, state: 1, statusReason: 2 });
  });
});

describe("isConflict", () => {
  const sync: Edit = { kind: "sync", synced: true };
  it("flags a change by someone else to the field the edit sets, or to the state", () => {
    expect(isConflict(sync, seen, { fields: { synced: true, state: 0 } })).toBe(true);
    expect(isConflict(sync, seen, { fields: { synced: false, state: 1 } })).toBe(true);
    expect(isConflict({ kind: "count", value: 4 }, seen, { fields: { timesCheckedIn: 3, state: 0 } })).toBe(true);
    expect(isConflict({ kind: "status", state: 1, statusReason: 2 }, seen, { fields: { state: 0, statusReason: 100000001 } })).toBe(true);
  });
  it("lets unrelated fields change: only what the edit depends on counts", () => {
    expect(isConflict(sync, seen, { fields: { synced: false, state: 0, timesCheckedIn: 7 } })).toBe(false);
    expect(isConflict({ kind: "count", value: 4 }, seen, { fields: { timesCheckedIn: 2, state: 0, synced: true } })).toBe(false);
  });
  it("reads an unset sync flag as No", () => {
    expect(isConflict(sync, { ...seen, synced: null }, { fields: { synced: false, state: 0 } })).toBe(false);
    expect(isConflict(sync, seen, { fields: { synced: null, state: 0 } })).toBe(false);
  });
  it("never flags a check-in: increments add up", () => {
    expect(isConflict({ kind: "checkIn" }, seen, { fields: { timesCheckedIn: 99 }, version: "99" })).toBe(false);
  });
});

describe("isStored", () => {
  it("recognises a row that already holds the value (a lost answer, or someone made the same change)", () => {
    expect(isStored({ kind: "sync", synced: false }, { fields: { synced: null } })).toBe(true);
    expect(isStored({ kind: "count", value: 4 }, { fields: { timesCheckedIn: 4 } })).toBe(true);
    expect(isStored({ kind: "count", value: 4 }, { fields: { timesCheckedIn: 3 } })).toBe(false);
    expect(isStored({ kind: "status", state: 1, statusReason: 2 }, { fields: { state: 1, statusReason: 2 } })).toBe(true);
    expect(isStored({ kind: "checkIn" }, { fields: { timesCheckedIn: 4 } })).toBe(false);
  });
  it("needs both the state and the status reason to match for a status change", () => {
    expect(isStored({ kind: "status", state: 1, statusReason: 2 }, { fields: { state: 1, statusReason: 100000003 } })).toBe(false);
    expect(isStored({ kind: "status", state: 0, statusReason: 2 }, { fields: { state: 1, statusReason: 2 } })).toBe(false);
  });
});

describe("allowedOn", () => {
  it("takes only status changes on a cancelled (inactive) registration", () => {
    const cancelled = { ...seen, state: 1, statusReason: 2 };
    expect(allowedOn({ kind: "status", state: 0, statusReason: 1 }, cancelled)).toBe(true);
    expect(allowedOn({ kind: "checkIn" }, cancelled)).toBe(false);
    expect(allowedOn({ kind: "sync", synced: true }, cancelled)).toBe(false);
    expect(allowedOn({ kind: "checkIn" }, seen)).toBe(true);
  });
});
