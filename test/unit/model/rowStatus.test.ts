import { addChange, failChange, NO_EDITS } from "../../../SessionRegistrationGrid/model/changes";
import { failedCheckIn, rowNote } from "../../../SessionRegistrationGrid/model/rowStatus";
import { change, network } from "./changeFixtures";

describe("rowNote", () => {
  it("says a change waits for the connection rather than that the row is saving", () => {
    const edits = addChange(addChange(NO_EDITS, change({ kind: "sync", synced: true })), change({ kind: "checkIn" }, { status: "waiting" }));
    expect(rowNote(edits, "noEventRegistration", "checkedIn")).toEqual({ kind: "waiting" });
  });

  it("says what another desk did, unless the row has changes of its own", () => {
    expect(rowNote(NO_EDITS, undefined, "checkedIn")).toEqual({ kind: "checkedInElsewhere" });
    expect(rowNote(NO_EDITS, "noEventRegistration", "changed")).toEqual({ kind: "elsewhere" });
    expect(rowNote(addChange(NO_EDITS, change({ kind: "checkIn" })), undefined, "changed")).toEqual({ kind: "saving" });
  });
});

describe("failedCheckIn", () => {
  it("finds only a failed check-in, not another failed change of the row", () => {
    const sync = change({ kind: "sync", synced: true });
    const failedSync = failChange(addChange(NO_EDITS, sync), sync.id, network, {});
    expect(failedCheckIn(failedSync)).toBeUndefined();
    const checkIn = change({ kind: "checkIn" });
    const both = failChange(addChange(failedSync, checkIn), checkIn.id, network, {});
    expect(failedCheckIn(both)?.id).toBe(checkIn.id);
  });
});
