import {
  addChange, failChange, failedChanges, isSettled, NO_EDITS, notLanded, settleChange, shownFields, updateChange, type Change,
} from "../../../SessionRegistrationGrid/model/changes";
import type { Edit } from "../../../SessionRegistrationGrid/model/edits";
import { createPressGuard } from "../../../SessionRegistrationGrid/model/pressGuard";
import { checkInAction, failedCheckIn, rowNote } from "../../../SessionRegistrationGrid/model/rowStatus";
import type { RegistrationFields } from "../../../SessionRegistrationGrid/model/types";

const loaded: RegistrationFields = { timesCheckedIn: 2, synced: false, state: 0, statusReason: 1 };
let seq = 0;
const change = (edit: Edit, extra: Partial<Change> = {}): Change =>
  ({ id: `c${++seq}`, rowId: "r1", name: "Ana", edit, seen: loaded, status: "queued", source: "row", seq, madeAt: 0, ...extra });
const network = { kind: "network" as const, detail: "Failed to fetch" };

describe("a row's changes", () => {
  it("shows changes still saving over what is stored, and a failed one not at all (the stored value shows)", () => {
    const first = change({ kind: "checkIn" });
    const second = change({ kind: "checkIn" });
    let state = addChange(addChange(NO_EDITS, first), second);
    expect(shownFields(loaded, state).timesCheckedIn).toBe(4);
    state = settleChange(state, first.id, { timesCheckedIn: 6 });
    expect(shownFields(loaded, state).timesCheckedIn).toBe(7);
    state = failChange(state, second.id, network, { timesCheckedIn: 6 });
    expect(shownFields(loaded, state).timesCheckedIn).toBe(6);
    expect(failedChanges(state)).toEqual([{ ...second, status: "failed", problem: network }]);
    expect(isSettled(state)).toBe(false);
  });

  it("keeps the newest of two failed settings of a kind: count 5 then 7 both fail, 7 is what waits", () => {
    const five = change({ kind: "count", value: 5 });
    const seven = change({ kind: "count", value: 7 });
    let state = addChange(addChange(NO_EDITS, five), seven);
    state = failChange(state, five.id, network, {});
    state = failChange(state, seven.id, network, {});
    expect(failedChanges(state).map((c) => c.edit)).toEqual([{ kind: "count", value: 7 }]);
  });

  it("keeps every failed check-in: each is a person who came in", () => {
    const a = change({ kind: "checkIn" });
    const b = change({ kind: "checkIn" });
    let state = addChange(addChange(NO_EDITS, a), b);
    state = failChange(failChange(state, a.id, network, {}), b.id, network, {});
    expect(failedChanges(state)).toHaveLength(2);
  });

  it("drops an older failed setting once a newer one of the same kind is saved", () => {
    const yes = change({ kind: "sync", synced: true });
    const no = change({ kind: "sync", synced: false });
    let state = failChange(addChange(NO_EDITS, yes), yes.id, network, {});
    state = settleChange(addChange(state, no), no.id, { synced: false });
    expect(state.changes).toEqual([]);
    expect(isSettled(state)).toBe(true);
  });

  it("records what an attempt learned without changing anything else", () => {
    const c = change({ kind: "checkIn" });
    const state = updateChange(addChange(NO_EDITS, c), c.id, { unconfirmed: { count: 3, readVersion: "7" } });
    expect(state.changes[0]).toEqual({ ...c, unconfirmed: { count: 3, readVersion: "7" } });
  });

  it("a read at the version an unanswered write was computed from proves that write never landed; a newer one proves nothing", () => {
    const lost = { ...change({ kind: "checkIn" }), unconfirmed: { count: 3, readVersion: "7" } };
    const other = { ...change({ kind: "checkIn" }), unconfirmed: { count: 5, readVersion: "9" } };
    const state = addChange(addChange(NO_EDITS, lost), other);
    expect(notLanded(state, "7").changes.map((c) => c.unconfirmed)).toEqual([undefined, other.unconfirmed]);
    expect(notLanded(state, "8").changes.map((c) => c.unconfirmed)).toEqual([lost.unconfirmed, other.unconfirmed]);
    // Nothing learned: the same state, so the row is not told of a change.
    expect(notLanded(state, "8")).toBe(state);
    expect(notLanded(state, undefined)).toBe(state);
  });
});

describe("the row's note and check-in action", () => {
  it("says a failure first, then saving, then a check-in counted without a record", () => {
    const saving = addChange(NO_EDITS, change({ kind: "sync", synced: true }));
    const failing = change({ kind: "checkIn" });
    const failed = failChange(addChange(saving, failing), failing.id, network, {});
    expect(rowNote(failed, "noEventRegistration")).toEqual({ kind: "failed", change: { ...failing, status: "failed", problem: network }, more: 0 });
    expect(rowNote(saving, "noEventRegistration")).toEqual({ kind: "saving" });
    expect(rowNote(NO_EDITS, "noEventRegistration")).toEqual({ kind: "noRecord" });
    expect(rowNote(NO_EDITS, "made")).toBeUndefined();
    expect(rowNote(NO_EDITS)).toBeUndefined();
    expect(failedCheckIn(failed)?.id).toBe(failing.id);
    expect(failedCheckIn(saving)).toBeUndefined();
  });

  it("offers a first check-in, a check-in again for someone already in, and none on a cancelled registration", () => {
    expect(checkInAction({ ...loaded, timesCheckedIn: 0 })).toBe("first");
    expect(checkInAction({ ...loaded, timesCheckedIn: null })).toBe("first");
    expect(checkInAction(loaded)).toBe("again");
    expect(checkInAction({ ...loaded, state: 1 })).toBe("cancelled");
  });
});

describe("the two-second rule", () => {
  it("ignores a press within two seconds of the row's last counted one, and counts one after", () => {
    const guard = createPressGuard();
    expect(guard.accept("r1", 1000)).toBe(true);
    expect(guard.accept("r1", 1150)).toBe(false); // the double click's second click
    expect(guard.accept("r1", 2999)).toBe(false);
    expect(guard.accept("r2", 1200)).toBe(true); // another registration is another person
    expect(guard.accept("r1", 3000)).toBe(true);
    expect(guard.accept("r1", 4999)).toBe(false);
    expect(guard.accept("r1", 5000)).toBe(true);
  });

  it("measures from the last counted press: ignored repeats don't extend the window", () => {
    const guard = createPressGuard();
    guard.accept("r1", 0);
    guard.accept("r1", 1900);
    expect(guard.accept("r1", 2000)).toBe(true);
  });
});
