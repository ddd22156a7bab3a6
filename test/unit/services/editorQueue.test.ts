/**
 * The editor's queue and what it tells the grid: which changes run, wait, fail or are dropped, what a row hears,
 * and which check-in an undo takes back.
 */
import type { RowEdits } from "../../../SessionRegistrationGrid/model/changes";
import type { SavedCheckIn } from "../../../SessionRegistrationGrid/services/registrationEditor";
import { DEFAULT_RETRY } from "../../../SessionRegistrationGrid/services/retry";
import type { FakeDataverse, RegistrationRow } from "../../fixtures";
import { loaded, registration, settle, setup } from "./editorSetup";

const idOf = (row: RegistrationRow) => row.msevtmgt_sessionregistrationid;
const countOf = (dataverse: FakeDataverse, row: RegistrationRow) => dataverse.get(idOf(row))?.msevtmgt_timescheckedin;
const statuses = (edits: RowEdits) => edits.changes.map((c) => `${c.edit.kind}:${c.status}`);

describe("undo of a named check-in", () => {
  it("takes back the check-in named, older or newer, and nothing for one it does not know", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { dataverse, editor, press } = setup([row]);
    await press(loaded(row)).done;
    await press(loaded(row)).done;
    const [older, newer] = editor.undoable(idOf(row)).map((c) => c.id);
    expect(editor.undoEdit(idOf(row), older)).toEqual({ kind: "undoCheckIn", checkIn: older, recorded: false });
    expect(editor.undoEdit(idOf(row), newer)).toEqual({ kind: "undoCheckIn", checkIn: newer, recorded: false });
    expect(editor.undoEdit(idOf(row), "not-a-check-in")).toBeUndefined();
    expect(await editor.undoCheckIn(loaded(row), older)).toBeUndefined();
    expect(editor.undoable(idOf(row)).map((c) => c.id)).toEqual([newer]);
    expect(countOf(dataverse, row)).toBe(1);
  });
});

describe("what a row hears", () => {
  it("a row is told only when its edit state changed: a save's fresh read that learns nothing is no news", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { editor, press } = setup([row]);
    const heard: RowEdits[] = [];
    editor.subscribeRow(idOf(row), () => heard.push(editor.edits(idOf(row))));
    await press(loaded(row)).done;
    expect(heard.length).toBeGreaterThan(1);
    heard.forEach((state, i) => expect(i > 0 && state === heard[i - 1]).toBe(false));
  });

  it("a row the dataset shows up to date is forgotten: the next refresh that brings it again tells it nothing", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { editor, press } = setup([row]);
    await press(loaded(row)).done;
    let heard = 0;
    editor.subscribeRow(idOf(row), () => heard++);
    editor.syncWithDataset([idOf(row)]);
    expect(heard).toBe(1);
    editor.syncWithDataset([idOf(row)]);
    expect(heard).toBe(1);
  });

  it("a change waiting for the connection is not told again when other rows' changes queue up behind it", async () => {
    const [a, b] = [registration(), registration()];
    const { editor } = setup([a, b], { isOffline: () => true });
    await editor.submit(loaded(a), { kind: "sync", synced: true });
    let heard = 0;
    editor.subscribeRow(idOf(a), () => heard++);
    await editor.submit(loaded(b), { kind: "sync", synced: true });
    await editor.submit(loaded(b), { kind: "count", value: 3 });
    expect(heard).toBe(0);
    expect(statuses(editor.edits(idOf(a)))).toEqual(["sync:waiting"]);
  });

  it("check-in listeners that unsubscribed hear of no further check-ins", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { editor, press } = setup([row]);
    const heard: SavedCheckIn[] = [];
    const unsubscribe = editor.onCheckedIn((c) => heard.push(c));
    await press(loaded(row)).done;
    unsubscribe();
    await press(loaded(row)).done;
    expect(heard.map((c) => c.count)).toEqual([1]);
  });

  it("forgetting what other desks did tells each marked row, which then shows no mark", () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { editor } = setup([row]);
    editor.learn(idOf(row), { timesCheckedIn: 2 }, "checkedIn");
    let heard = 0;
    editor.subscribeRow(idOf(row), () => heard++);
    editor.forgetElsewhere();
    expect(heard).toBe(1);
    expect(editor.elsewhere(idOf(row))).toBeUndefined();
  });
});

describe("while a change of the row is on its way", () => {
  it("the change being sent shows as saving, the one behind it as queued", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { editor, press } = setup([row], { latencyMs: 5 });
    const first = press(loaded(row));
    const second = press(loaded(row), 2500);
    expect(statuses(editor.edits(idOf(row)))).toEqual(["checkIn:saving", "checkIn:queued"]);
    await Promise.all([first.done, second.done]);
  });

  it("what another desk stored is not shown over it, nor marked", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { editor, press } = setup([row], { latencyMs: 5 });
    const pressed = press(loaded(row));
    editor.learn(idOf(row), { timesCheckedIn: 9 }, "checkedIn");
    expect(editor.elsewhere(idOf(row))).toBeUndefined();
    expect(editor.shown(loaded(row)).timesCheckedIn).toBe(1);
    await pressed.done;
    expect(editor.shown(loaded(row)).timesCheckedIn).toBe(1);
  });

  it("Discard drops only the row's failed changes: the check-in being sent goes on and is shown", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { dataverse, editor, press } = setup([row], { latencyMs: 5 });
    dataverse.failNext({ kind: "privilege", op: "update" });
    await editor.submit(loaded(row), { kind: "sync", synced: true });
    const pressed = press(loaded(row));
    editor.discard(idOf(row));
    expect(statuses(editor.edits(idOf(row)))).toEqual(["checkIn:saving"]);
    expect(editor.shown(loaded(row)).timesCheckedIn).toBe(1);
    expect(await pressed.done).toBeUndefined();
    expect(countOf(dataverse, row)).toBe(1);
    expect(editor.undoable(idOf(row))).toHaveLength(1);
  });
});

describe("Retry", () => {
  it("after a refusal, still finds someone else's change since as a conflict (only a conflict's Retry overwrites)", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor } = setup([row]);
    dataverse.failNext({ kind: "validation", op: "update" });
    expect((await editor.submit(loaded(row), { kind: "count", value: 5 }))?.kind).toBe("rejected");
    dataverse.changeByAnotherUser(idOf(row), { msevtmgt_timescheckedin: 3 });
    editor.retry(idOf(row));
    await settle();
    expect(editor.failures().map((c) => c.problem?.kind)).toEqual(["conflict"]);
    expect(countOf(dataverse, row)).toBe(3);
  });

  it("of a refused count, after the row's own check-in moved the count, asks before overwriting it", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, press } = setup([row]);
    dataverse.failNext({ kind: "validation", op: "update" });
    await editor.submit(loaded(row), { kind: "count", value: 5 });
    expect(await press(loaded(row)).done).toBeUndefined();
    editor.retry(idOf(row));
    await settle();
    expect(editor.failures().map((c) => c.problem?.kind)).toEqual(["conflict"]);
    expect(countOf(dataverse, row)).toBe(2);
  });

  it("a press that retries a failed check-in which fails again hands back the problem", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { dataverse, press } = setup([row]);
    dataverse.failNext({ kind: "validation", op: "update", times: 2 });
    expect((await press(loaded(row)).done)?.kind).toBe("rejected");
    const again = press(loaded(row));
    expect(again.press).toBe("retried");
    expect((await again.done)?.kind).toBe("rejected");
  });
});

describe("a bulk run", () => {
  it("sets the value the user chose even where someone else changed it meanwhile: no conflict", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor } = setup([row]);
    dataverse.changeByAnotherUser(idOf(row), { msevtmgt_timescheckedin: 2 });
    expect(await editor.runBulk([loaded(row)], () => ({ kind: "count", value: 5 }))).toEqual([{ id: idOf(row), result: "changed" }]);
    expect(countOf(dataverse, row)).toBe(5);
  });

  it("cancelled before a row started drops only that row's new change: its earlier failed change stays", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { dataverse, editor } = setup([row]);
    dataverse.failNext({ kind: "privilege", op: "update" });
    await editor.submit(loaded(row), { kind: "sync", synced: true });
    const outcomes = await editor.runBulk([loaded(row)], () => ({ kind: "checkIn" }), { isCancelled: () => true });
    expect(outcomes).toEqual([{ id: idOf(row), result: "notStarted" }]);
    expect(editor.failures().map((c) => c.edit.kind)).toEqual(["sync"]);
    expect(countOf(dataverse, row)).toBe(0);
  });

  it("of check-ins over a row whose failed change is of another kind makes the check-in, and leaves that failure be", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { dataverse, editor } = setup([row]);
    dataverse.failNext({ kind: "privilege", op: "update" });
    await editor.submit(loaded(row), { kind: "sync", synced: true });
    expect(await editor.runBulk([loaded(row)], () => ({ kind: "checkIn" }))).toEqual([{ id: idOf(row), result: "changed" }]);
    expect(countOf(dataverse, row)).toBe(1);
    expect(dataverse.get(idOf(row))?.msevtmgt_syncedwithprovider).toBe(100000001);
    expect(editor.failures().map((c) => c.edit.kind)).toEqual(["sync"]);
  });
});

describe("without a connection", () => {
  it("waiting() counts the changes waiting for it, not the failed ones", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    let offline = false;
    const { dataverse, editor, press } = setup([row], { isOffline: () => offline });
    dataverse.failNext({ kind: "privilege", op: "update" });
    await editor.submit(loaded(row), { kind: "sync", synced: true });
    offline = true;
    await press(loaded(row)).done;
    expect(editor.waiting()).toBe(1);
  });

  it("after the retries are spent, a probe tries again after the interval given", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { dataverse, editor, press } = setup([row], { probeMs: 20 });
    dataverse.failNext({ kind: "network", op: "any", times: DEFAULT_RETRY.attempts });
    await press(loaded(row)).done;
    expect(editor.waiting()).toBe(1);
    for (let i = 0; i < 20 && editor.waiting(); i++) await settle();
    expect(editor.waiting()).toBe(0);
    expect(countOf(dataverse, row)).toBe(1);
  });

  it("a count typed while the first one is still on its way, then the connection drops: both land, the second is no conflict with the first", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    let offline = false;
    const { dataverse, editor } = setup([row], { isOffline: () => offline });
    const first = editor.submit(loaded(row), { kind: "count", value: 5 });
    offline = true;
    void editor.submit(loaded(row), { kind: "count", value: 7 });
    await first;
    expect(statuses(editor.edits(idOf(row)))).toEqual(["count:waiting"]);
    offline = false;
    editor.reconnect();
    for (let i = 0; i < 20 && editor.busy(); i++) await settle();
    expect(editor.edits(idOf(row)).changes).toEqual([]);
    expect(countOf(dataverse, row)).toBe(7);
  });

  it("without an interval given, the probe waits (15 s): nothing is tried again at once", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { dataverse, editor, press } = setup([row]);
    dataverse.failNext({ kind: "network", op: "any", times: DEFAULT_RETRY.attempts });
    await press(loaded(row)).done;
    const calls = dataverse.calls.length;
    await settle();
    await settle();
    expect(dataverse.calls.length).toBe(calls);
    expect(editor.waiting()).toBe(1);
  });
});
