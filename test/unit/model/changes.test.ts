import {
  addChange, failChange, failedChanges, isSettled, NO_EDITS, notLanded, recordToPutBack, removeChanges, settleChange, shownFields, updateChange,
  type RowEdits,
} from "../../../SessionRegistrationGrid/model/changes";
import type { Edit } from "../../../SessionRegistrationGrid/model/edits";
import { createPressGuard } from "../../../SessionRegistrationGrid/model/pressGuard";
import { checkInAction, failedCheckIn, rowNote } from "../../../SessionRegistrationGrid/model/rowStatus";
import { change, loaded, network } from "./changeFixtures";

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

  it("records what an attempt learned on that change alone, not on the row's other changes", () => {
    const a = change({ kind: "checkIn" });
    const b = change({ kind: "checkIn" });
    const state = updateChange(addChange(addChange(NO_EDITS, a), b), b.id, { status: "saving" });
    expect(state.changes).toEqual([a, { ...b, status: "saving" }]);
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

const failedOne = (edit: Edit) => change(edit, { status: "failed", problem: network });
const ids = (state: RowEdits) => state.changes.map((c) => c.id);

describe("what a saved change takes with it", () => {
  it("a saved typed count replaces failed check-ins: it says how many there were", () => {
    const checkIn = failedOne({ kind: "checkIn" });
    const count = change({ kind: "count", value: 4 });
    const state = settleChange(addChange(addChange(NO_EDITS, checkIn), count), count.id, { timesCheckedIn: 4 });
    expect(state.changes).toEqual([]);
    expect(state.stored).toEqual({ timesCheckedIn: 4 });
  });

  it("a saved sync flag leaves failed changes of other kinds waiting for Retry", () => {
    const count = failedOne({ kind: "count", value: 5 });
    const checkIn = failedOne({ kind: "checkIn" });
    const sync = change({ kind: "sync", synced: true });
    const state = settleChange([count, checkIn, sync].reduce(addChange, NO_EDITS), sync.id, { synced: true });
    expect(ids(state)).toEqual([count.id, checkIn.id]);
  });

  it("a saved count leaves a failed sync flag waiting for Retry", () => {
    const sync = failedOne({ kind: "sync", synced: true });
    const count = change({ kind: "count", value: 3 });
    expect(ids(settleChange(addChange(addChange(NO_EDITS, sync), count), count.id, { timesCheckedIn: 3 }))).toEqual([sync.id]);
  });

  it("a saved setting leaves a newer choice of its kind, failed or still to go: the newest choice wins", () => {
    const yes = change({ kind: "sync", synced: true }, { status: "saving" });
    const no = change({ kind: "sync", synced: false });
    expect(ids(settleChange(addChange(addChange(NO_EDITS, yes), no), yes.id, { synced: true }))).toEqual([no.id]);
    const failedNo = { ...no, status: "failed" as const, problem: network };
    expect(ids(settleChange(addChange(addChange(NO_EDITS, yes), failedNo), yes.id, { synced: true }))).toEqual([no.id]);
  });

  it("a saved setting takes only failed older changes of its kind, not one still waiting to go", () => {
    const waiting = change({ kind: "sync", synced: false }, { status: "waiting" });
    const yes = change({ kind: "sync", synced: true });
    expect(ids(settleChange(addChange(addChange(NO_EDITS, waiting), yes), yes.id, { synced: true }))).toEqual([waiting.id]);
  });
});

describe("what a failed change replaces", () => {
  it("a failed setting leaves older failed changes of other kinds", () => {
    const sync = failedOne({ kind: "sync", synced: true });
    const count = change({ kind: "count", value: 5 });
    const state = failChange(addChange(addChange(NO_EDITS, sync), count), count.id, network, {});
    expect(failedChanges(state).map((c) => c.id)).toEqual([sync.id, count.id]);
  });

  it("a failed setting leaves an older one of its kind that hasn't failed: only failed ones are replaced", () => {
    const yes = change({ kind: "sync", synced: true }, { status: "waiting" });
    const no = change({ kind: "sync", synced: false });
    const state = failChange(addChange(addChange(NO_EDITS, yes), no), no.id, network, {});
    expect(state.changes.map((c) => [c.id, c.status])).toEqual([[yes.id, "waiting"], [no.id, "failed"]]);
  });

  it("an older setting that fails leaves a newer failed choice of its kind: the newest choice is what Retry saves", () => {
    const five = change({ kind: "count", value: 5 });
    const seven = failedOne({ kind: "count", value: 7 });
    const state = failChange(addChange(addChange(NO_EDITS, five), seven), five.id, network, {});
    expect(failedChanges(state).map((c) => c.edit)).toEqual([{ kind: "count", value: 5 }, { kind: "count", value: 7 }]);
  });

  it("a change that fails again stays, with its latest problem", () => {
    const count = failedOne({ kind: "count", value: 5 });
    const privilege = { kind: "privilege" as const, detail: "missing prvWrite" };
    const state = failChange(addChange(NO_EDITS, count), count.id, privilege, {});
    expect(state.changes).toEqual([{ ...count, problem: privilege }]);
  });
});

describe("discarding a change half done", () => {
  it("deactivates again the record of a check-in whose record step was sent, and makes an undone one's active again", () => {
    const checkIn = change({ kind: "checkIn" }, { recordSent: true });
    expect(recordToPutBack(checkIn)).toEqual({ kind: "record", checkIn: checkIn.id, active: false });
    const undo = change({ kind: "undoCheckIn", checkIn: "k1", recorded: true }, { recordSent: true });
    expect(recordToPutBack(undo)).toEqual({ kind: "record", checkIn: "k1", active: true });
  });

  it("puts nothing back when the record step was never sent, or when a count write went unanswered and may have landed", () => {
    expect(recordToPutBack(change({ kind: "checkIn" }))).toBeUndefined();
    expect(recordToPutBack(change({ kind: "undoCheckIn", checkIn: "k1", recorded: true }, { recordSent: false }))).toBeUndefined();
    expect(recordToPutBack(change({ kind: "checkIn" }, { recordSent: true, unconfirmed: { count: 3, readVersion: "7" } }))).toBeUndefined();
    expect(recordToPutBack(change({ kind: "sync", synced: true }, { recordSent: true }))).toBeUndefined();
  });

  it("removes just the changes discarded", () => {
    const a = failedOne({ kind: "checkIn" });
    const b = change({ kind: "sync", synced: true });
    const state = removeChanges(addChange(addChange(NO_EDITS, a), b), (c) => c.status === "failed");
    expect(state.changes).toEqual([b]);
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

describe("a failed put-back of a check-in's record", () => {
  const failedPutBack = (checkIn: string) => {
    const putBack = change({ kind: "record", checkIn, active: true });
    return failChange(addChange(NO_EDITS, putBack), putBack.id, { kind: "rejected", detail: "" }, {});
  };
  const kinds = (state: RowEdits) => state.changes.map((c) => c.edit.kind);

  it("goes when an undo of that check-in saves: making its record active again would take the undo back", () => {
    const before = failedPutBack("x");
    const undo = change({ kind: "undoCheckIn", checkIn: "x", recorded: true });
    expect(kinds(settleChange(addChange(before, undo), undo.id, { timesCheckedIn: 1 }))).toEqual([]);
  });

  it("stays when an undo of another check-in saves, or a setting of the row", () => {
    const before = failedPutBack("x");
    const undo = change({ kind: "undoCheckIn", checkIn: "y", recorded: true });
    const sync = change({ kind: "sync", synced: true });
    expect(kinds(settleChange(addChange(before, undo), undo.id, { timesCheckedIn: 1 }))).toEqual(["record"]);
    expect(kinds(settleChange(addChange(before, sync), sync.id, { synced: true }))).toEqual(["record"]);
  });
});
