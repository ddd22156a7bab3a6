/**
 * Issue 15, "tests that would not notice a bug today": hand-made mutants of the editor survived the suite. Each
 * test here pins one behaviour they broke, from an angle the older tests did not take.
 */
import type { RecordsMode } from "../../../SessionRegistrationGrid/model/editPolicy";
import { DEFAULT_RETRY } from "../../../SessionRegistrationGrid/services/retry";
import { FakeDataverse, generateConference } from "../../fixtures";
import { loaded, registration, settle, setup } from "./editorSetup";

const countOf = (dataverse: FakeDataverse, id: string) => dataverse.get(id)?.msevtmgt_timescheckedin;

describe("two changes to the same value that both fail", () => {
  it("count 5 then 7, failing at different steps (a conflict, then a refusal): only 7 is pending, and Retry writes 7 alone", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, updates } = setup([row]);
    const seen = loaded(row);
    // Someone else sets 2 meanwhile: the 5 is a conflict, found on the fresh read (no write).
    dataverse.changeByAnotherUser(seen.id, { msevtmgt_timescheckedin: 2 });
    expect((await editor.submit(seen, { kind: "count", value: 5 }))?.kind).toBe("conflict");
    // The 7 the user types next (having seen 2) is refused by Dataverse.
    dataverse.failNext({ kind: "validation", op: "update" });
    expect((await editor.submit({ ...seen, fields: { ...seen.fields, timesCheckedIn: 2 } }, { kind: "count", value: 7 }))?.kind).toBe("rejected");

    expect(editor.failures().map((c) => c.edit)).toEqual([{ kind: "count", value: 7 }]);
    expect(editor.edits(seen.id).changes).toHaveLength(1);
    // The row shows what is stored, with the one pending change beside it.
    expect(editor.shown(seen).timesCheckedIn).toBe(2);

    const before = updates().length;
    editor.retry(seen.id);
    await settle();
    expect(updates().slice(before).map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 7 }]);
    expect(countOf(dataverse, seen.id)).toBe(7);
    expect(editor.failures()).toEqual([]);
  });

  it("sync Yes refused, then No (what is stored): the newer choice settles it, and Yes is never sent again", async () => {
    const row = registration({ msevtmgt_syncedwithprovider: 100000001 });
    const { dataverse, editor, updates } = setup([row]);
    const seen = loaded(row);
    dataverse.failNext({ kind: "privilege", op: "update" });
    expect((await editor.submit(seen, { kind: "sync", synced: true }))?.kind).toBe("privilege");
    expect(editor.failures().map((c) => c.edit)).toEqual([{ kind: "sync", synced: true }]);
    expect(await editor.submit(seen, { kind: "sync", synced: false })).toBeUndefined();
    // The row already held No: nothing written, and the older failed Yes went with it.
    expect(updates()).toHaveLength(1);
    expect(editor.failures()).toEqual([]);
    editor.retryAll();
    await settle();
    expect(updates()).toHaveLength(1);
    expect(dataverse.get(seen.id)?.msevtmgt_syncedwithprovider).toBe(100000001);
  });

  it("status Inactive then Active, both refused: only Active is pending, and Retry sends nothing the row already holds", async () => {
    const row = registration();
    const { dataverse, editor, updates } = setup([row]);
    const seen = loaded(row);
    dataverse.failNext({ kind: "validation", op: "update" });
    await editor.submit(seen, { kind: "status", state: 1, statusReason: 2 });
    // Active is already stored: it is "already", and it settles the older failed Inactive.
    expect(await editor.submit(seen, { kind: "status", state: 0, statusReason: 1 })).toBeUndefined();
    expect(editor.failures()).toEqual([]);
    expect(updates()).toHaveLength(1);
    expect(dataverse.get(seen.id)?.statecode).toBe(0);
  });

  it("a failed check-in is the same person on the next press or bulk run: retried, never a second one", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { dataverse, editor, press } = setup([row]);
    const seen = loaded(row);
    dataverse.failNext({ kind: "validation", op: "update", times: 1 });
    await press(seen).done;
    // The second press retries the failed one (the two-second rule is past): still one person.
    expect(press(seen).press).toBe("retried");
    await settle();
    expect(countOf(dataverse, seen.id)).toBe(1);
    // A bulk check-in refused, then the same bulk check-in again: it retries the failed one.
    dataverse.failNext({ kind: "validation", op: "update", times: 2 });
    await editor.runBulk([seen], () => ({ kind: "checkIn" }));
    await editor.runBulk([seen], () => ({ kind: "checkIn" }));
    expect(editor.failures().map((c) => c.edit.kind)).toEqual(["checkIn"]);
    await editor.runBulk([seen], () => ({ kind: "checkIn" }));
    expect(countOf(dataverse, seen.id)).toBe(2);
  });
});

describe("a check-in that failed after a network error and never landed", () => {
  it("discarded, then someone else's check-in, then a new press: the new press still adds one", async () => {
    const row = registration({ msevtmgt_timescheckedin: 3 });
    // The count write is lost on the way (never lands); the retry's fresh read is then refused: a failure the
    // user sees, remembering a write of 4 whose answer never came.
    const retries = [() => dataverse.failNext({ kind: "privilege", op: "retrieve" })];
    const { dataverse, editor, press } = setup([row], { sleep: async () => retries.shift()?.() });
    const seen = loaded(row);
    dataverse.failNext({ kind: "network", op: "update" });
    expect((await press(seen).done)?.kind).toBe("privilege");
    expect(editor.failures()).toEqual([expect.objectContaining({ unconfirmed: expect.objectContaining({ count: 4 }) })]);
    expect(countOf(dataverse, seen.id)).toBe(3);

    editor.discard(seen.id);
    expect(editor.failures()).toEqual([]);
    // Another desk writes exactly the count the lost attempt would have written, under a new version.
    dataverse.changeByAnotherUser(seen.id, { msevtmgt_timescheckedin: 4 });
    const next = press(seen);
    expect(next.press).toBe("counted");
    expect(await next.done).toBeUndefined();
    expect(countOf(dataverse, seen.id)).toBe(5);
    expect(dataverse.calls.filter((c) => c.op === "update" && c.committed).map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 5 }]);
  });
});

describe("a lost response is not counted twice (second angle)", () => {
  const conference = generateConference({ attendees: 60 });
  const linked = conference.registrations.filter((r) => r.statecode === 0 && r._msevtmgt_registrationid_value);
  const RECORDS: RecordsMode = { create: true };

  it("an undo whose count write landed but whose answer was lost takes one away, not two", async () => {
    const row = registration({ msevtmgt_timescheckedin: 6 });
    const { dataverse, editor, press } = setup([row]);
    const seen = loaded(row);
    await press(seen).done;
    expect(countOf(dataverse, seen.id)).toBe(7);
    dataverse.failNext({ kind: "networkAfterCommit", op: "update" });
    expect(await editor.undoCheckIn(seen)).toBeUndefined();
    expect(countOf(dataverse, seen.id)).toBe(6);
    expect(dataverse.calls.filter((c) => c.op === "update" && c.committed)).toHaveLength(2);
    expect(editor.undoable(seen.id)).toEqual([]);
  });

  it("a bulk check-in whose answers were lost, retried through throttling: one record and one more per row", async () => {
    const dataverse = new FakeDataverse({ data: conference, latencyMs: 1 });
    const rows = linked.slice(0, 6);
    const { editor } = setup([], { dataverse, records: () => RECORDS });
    const before = rows.map((r) => countOf(dataverse, r.msevtmgt_sessionregistrationid) ?? 0);
    const records = (id: string) => dataverse.checkIns((c) => c._msevtmgt_sessionregistration_value === id && c.statecode === 0).length;
    const recordsBefore = rows.map((r) => records(r.msevtmgt_sessionregistrationid));
    for (const r of rows.slice(0, 3)) dataverse.failNext({ kind: "networkAfterCommit", op: "update", id: r.msevtmgt_sessionregistrationid });
    dataverse.failNext({ kind: "networkAfterCommit", op: "create", times: 3 });
    // The fresh reads, alone or gathered, are throttled along the way.
    dataverse.failNext({ kind: "throttle", op: "retrieve", times: 3, retryAfterSeconds: 0 });
    dataverse.failNext({ kind: "throttle", op: "retrieveMultiple", times: 2, retryAfterSeconds: 0 });
    const outcomes = await editor.runBulk(rows.map(loaded), () => ({ kind: "checkIn" }));
    expect(outcomes.map((o) => o.result)).toEqual(rows.map(() => "changed"));
    expect(rows.map((r) => countOf(dataverse, r.msevtmgt_sessionregistrationid))).toEqual(before.map((c) => c + 1));
    expect(rows.map((r) => records(r.msevtmgt_sessionregistrationid))).toEqual(recordsBefore.map((n) => n + 1));
    expect(dataverse.calls.filter((c) => c.injected === "throttle")).not.toHaveLength(0);
  });

  it("after every retry is spent, a later Retry of the lost write still recognises it", async () => {
    const row = registration({ msevtmgt_timescheckedin: 10 });
    // The write lands, its answer is lost; every retry's fresh read is then throttled until the retries are spent.
    const { dataverse, editor, press } = setup([row], {
      sleep: async () => {
        if (!dataverse.pendingFailures().length) dataverse.failNext({ kind: "throttle", op: "retrieve", times: DEFAULT_RETRY.throttled, retryAfterSeconds: 0 });
      },
    });
    const seen = loaded(row);
    dataverse.failNext({ kind: "networkAfterCommit", op: "update" });
    expect((await press(seen).done)?.kind).toBe("throttled");
    expect(countOf(dataverse, seen.id)).toBe(11);
    editor.retry(seen.id);
    await settle();
    expect(countOf(dataverse, seen.id)).toBe(11);
    expect(editor.failures()).toEqual([]);
    expect(editor.undoable(seen.id)).toHaveLength(1);
  });
});
