import { createRegistrationEditor } from "../../../SessionRegistrationGrid/services/registrationEditor";
import { webApiCheckInStore } from "../../../SessionRegistrationGrid/services/checkInStore";
import { webApiStore } from "../../../SessionRegistrationGrid/services/registrationStore";
import { DEFAULT_RETRY } from "../../../SessionRegistrationGrid/services/retry";
import { PACE } from "../../../SessionRegistrationGrid/model/concurrency";
import { loaded, registration, settle, setup } from "./editorSetup";

const idOf = (row: { msevtmgt_sessionregistrationid: string }) => row.msevtmgt_sessionregistrationid;

describe("check-in", () => {
  it("adds one to a fresh read and writes it exactly once, even when the row moved since it was loaded", async () => {
    const row = registration({ msevtmgt_timescheckedin: 2 });
    const { dataverse, editor, updates, press } = setup([row]);
    const seen = loaded(row);
    dataverse.changeByAnotherUser(seen.id, { msevtmgt_timescheckedin: 5 });

    expect(await press(seen).done).toBeUndefined();

    expect(updates().map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 6 }]);
    expect(dataverse.calls.find((c) => c.op === "retrieve")?.options).toBe("?$select=msevtmgt_timescheckedin,versionnumber");
    expect(dataverse.get(seen.id)?.msevtmgt_timescheckedin).toBe(6);
    expect(editor.shown(seen).timesCheckedIn).toBe(6);
  });

  it("ignores a press within two seconds of the last counted one (a double click), and counts one after", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { dataverse, press } = setup([row]);
    const seen = loaded(row);
    const first = press(seen);
    const second = press(seen, 150);
    expect([first.press, second.press]).toEqual(["counted", "repeat"]);
    await Promise.all([first.done, second.done]);
    expect(dataverse.get(seen.id)?.msevtmgt_timescheckedin).toBe(1);
    const third = press(seen, 3000);
    expect(third.press).toBe("counted");
    await third.done;
    expect(dataverse.get(seen.id)?.msevtmgt_timescheckedin).toBe(2);
  });

  it("queues a further check-in behind one still saving: people leave and come back", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, updates, press } = setup([row], { latencyMs: 5 });
    const seen = loaded(row);
    const first = press(seen);
    const second = press(seen, 2500);
    expect(second.press).toBe("counted");
    expect(editor.shown(seen).timesCheckedIn).toBe(3);
    await Promise.all([first.done, second.done]);
    expect(updates().map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 2 }, { msevtmgt_timescheckedin: 3 }]);
    expect(dataverse.maxInFlight).toBe(1);
  });

  it("two desks that loaded the same count both count: each adds to what is stored, not to what it loaded", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const deskA = setup([row]);
    const deskB = createRegistrationEditor({
      registrations: webApiStore(deskA.dataverse.webApi, "msevtmgt_sessionregistration"),
      checkIns: webApiCheckInStore(deskA.dataverse.webApi),
      records: () => ({ create: false, reason: "disabled" }),
      schedule: (f) => f(),
    });
    const seenByBoth = loaded(row);
    await deskA.press(seenByBoth).done;
    await deskB.checkIn(seenByBoth).done;
    expect(deskA.updates().map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 1 }, { msevtmgt_timescheckedin: 2 }]);
    deskB.dispose();
  });

  it("a retry after a lost answer does not count twice", async () => {
    const row = registration({ msevtmgt_timescheckedin: 4 });
    const { dataverse, press, updates } = setup([row]);
    dataverse.failNext({ kind: "networkAfterCommit", op: "update" });
    expect(await press(loaded(row)).done).toBeUndefined();
    expect(dataverse.get(idOf(row))?.msevtmgt_timescheckedin).toBe(5);
    expect(updates()).toHaveLength(1);
  });

  it("a lost answer is recognised when the connection comes back later", async () => {
    const row = registration({ msevtmgt_timescheckedin: 4 });
    const { dataverse, editor, press } = setup([row]);
    // The write lands but its answer is lost, then the connection stays down through the retries.
    dataverse.failNext({ kind: "networkAfterCommit", op: "update" });
    dataverse.failNext({ kind: "network", op: "retrieve", times: DEFAULT_RETRY.attempts - 1 });
    expect(await press(loaded(row)).done).toBeUndefined();
    expect(editor.waiting()).toBe(1);
    expect(dataverse.get(idOf(row))?.msevtmgt_timescheckedin).toBe(5);
    editor.reconnect();
    await settle();
    expect(dataverse.get(idOf(row))?.msevtmgt_timescheckedin).toBe(5);
    expect(editor.failures()).toEqual([]);
  });

  it("a press on a row whose check-in failed retries that check-in instead of adding a second one", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { dataverse, editor, press } = setup([row]);
    const seen = loaded(row);
    dataverse.failNext({ kind: "throttle", op: "any", times: DEFAULT_RETRY.throttled });
    expect((await press(seen).done)?.kind).toBe("throttled");
    expect(editor.shown(seen).timesCheckedIn).toBe(0);
    expect(editor.failures().map((c) => c.edit)).toEqual([{ kind: "checkIn" }]);
    const again = press(seen);
    expect(again.press).toBe("retried");
    expect(await again.done).toBeUndefined();
    expect(dataverse.get(seen.id)?.msevtmgt_timescheckedin).toBe(1);
    expect(editor.failures()).toEqual([]);
  });

  it("a check-in that never landed, discarded, then someone else's, then a new press: the new press still adds one", async () => {
    const row = registration({ msevtmgt_timescheckedin: 3 });
    const { dataverse, editor, press } = setup([row]);
    const seen = loaded(row);
    dataverse.failNext({ kind: "throttle", op: "update", times: DEFAULT_RETRY.throttled });
    expect((await press(seen).done)?.kind).toBe("throttled");
    editor.discard(seen.id);
    // Another desk writes exactly the count the lost attempt would have written.
    dataverse.changeByAnotherUser(seen.id, { msevtmgt_timescheckedin: 4 });
    await press(seen).done;
    expect(dataverse.get(seen.id)?.msevtmgt_timescheckedin).toBe(5);
  });
});

describe("typed count, sync flag and status", () => {
  it("writes the typed count, the sync option value, and statecode with statuscode alone", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { editor, updates } = setup([row]);
    const seen = loaded(row);
    await editor.submit(seen, { kind: "count", value: 3 });
    await editor.submit(seen, { kind: "sync", synced: true });
    await editor.submit(seen, { kind: "status", state: 1, statusReason: 2 });
    expect(updates().map((c) => c.data)).toEqual([
      { msevtmgt_timescheckedin: 3 },
      { msevtmgt_syncedwithprovider: 100000002 },
      { statecode: 1, statuscode: 2 },
    ]);
  });

  it.each([
    ["count", { kind: "count", value: 9 }, { msevtmgt_timescheckedin: 7 }],
    ["count on a registration cancelled meanwhile", { kind: "count", value: 9 }, { statecode: 1, statuscode: 2 }],
    ["sync on a registration cancelled meanwhile", { kind: "sync", synced: true }, { statecode: 1, statuscode: 2 }],
  ] as const)("does not overwrite a %s change made by someone else since the row was loaded; Retry overwrites on purpose", async (_name, edit, theirs) => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, updates } = setup([row]);
    const seen = loaded(row);
    dataverse.changeByAnotherUser(seen.id, theirs);

    const problem = await editor.submit(seen, edit);

    expect(problem?.kind).toBe("conflict");
    expect(updates()).toHaveLength(0);
    expect(editor.failures().map((c) => c.edit)).toEqual([edit]);
    editor.retry(seen.id);
    await settle();
    expect(updates()).toHaveLength(1);
    expect(editor.failures()).toEqual([]);
  });

  it("someone else made the same change: nothing to write, and no conflict", async () => {
    const row = registration();
    const { dataverse, editor, updates } = setup([row]);
    const seen = loaded(row);
    dataverse.changeByAnotherUser(seen.id, { msevtmgt_syncedwithprovider: 100000002, statecode: 1, statuscode: 2 });
    expect(await editor.submit(seen, { kind: "status", state: 1, statusReason: 2 })).toBeUndefined();
    expect(updates()).toHaveLength(0);
  });

  it("lets someone else change other fields meanwhile: that is no conflict", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, updates } = setup([row]);
    const seen = loaded(row);
    dataverse.changeByAnotherUser(seen.id, { msevtmgt_timescheckedin: 8 });
    expect(await editor.submit(seen, { kind: "sync", synced: true })).toBeUndefined();
    expect(updates().map((c) => c.data)).toEqual([{ msevtmgt_syncedwithprovider: 100000002 }]);
  });

  it("the user's own quick changes never conflict with each other", async () => {
    const row = registration();
    const { editor, updates } = setup([row], { latencyMs: 3 });
    const seen = loaded(row);
    const results = await Promise.all([editor.submit(seen, { kind: "sync", synced: true }), editor.submit(seen, { kind: "sync", synced: false })]);
    expect(results).toEqual([undefined, undefined]);
    expect(updates().map((c) => c.data)).toEqual([{ msevtmgt_syncedwithprovider: 100000002 }, { msevtmgt_syncedwithprovider: 100000001 }]);
  });

  it("needs no write when the row already holds the value", async () => {
    const row = registration({ msevtmgt_syncedwithprovider: 100000002 });
    const { editor, updates } = setup([row]);
    expect(await editor.submit(loaded(row), { kind: "sync", synced: true })).toBeUndefined();
    expect(updates()).toHaveLength(0);
  });

  it("two counts that both fail (5, then 7) keep the newer one pending, and Retry writes 7", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, updates } = setup([row]);
    const seen = loaded(row);
    dataverse.failNext({ kind: "validation", op: "update", times: 2 });
    await editor.submit(seen, { kind: "count", value: 5 });
    await editor.submit(seen, { kind: "count", value: 7 });
    expect(editor.failures().map((c) => c.edit)).toEqual([{ kind: "count", value: 7 }]);
    editor.retry(seen.id);
    await settle();
    expect(updates().map((c) => c.data).pop()).toEqual({ msevtmgt_timescheckedin: 7 });
    expect(dataverse.get(seen.id)?.msevtmgt_timescheckedin).toBe(7);
  });
});

describe("failures", () => {
  const edits = [
    ["check-in", { kind: "checkIn" }],
    ["count", { kind: "count", value: 4 }],
    ["sync", { kind: "sync", synced: true }],
    ["status", { kind: "status", state: 1, statusReason: 2 }],
  ] as const;

  it.each(edits)("%s: a throttled update waits the interval Dataverse gives and recovers without the user", async (_name, edit) => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, waits, updates } = setup([row]);
    dataverse.failNext({ kind: "throttle", op: "update", retryAfterSeconds: 2 });
    expect(await editor.submit(loaded(row), edit)).toBeUndefined();
    // The change waits it out, and so does every new start (a request-count refusal refuses everything meanwhile).
    expect(waits).toEqual([2000, 2000]);
    expect(updates().map((c) => c.outcome)).toEqual(["error", "ok"]);
    expect(editor.failures()).toEqual([]);
  });

  it.each(edits)("%s: throttling that outlasts the generous retries is kept as a failure with the stored value shown; Retry saves it", async (_name, edit) => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, waits, updates } = setup([row]);
    dataverse.failNext({ kind: "throttle", op: "update", times: DEFAULT_RETRY.throttled, retryAfterSeconds: 1 });
    const problem = await editor.submit(loaded(row), edit);
    expect(problem?.kind).toBe("throttled");
    // Each refusal holds new starts for its Retry-After; the change waits out each but the last before trying again.
    expect(waits).toEqual(Array(2 * DEFAULT_RETRY.throttled - 1).fill(1000));
    expect(updates()).toHaveLength(DEFAULT_RETRY.throttled);
    expect(editor.failures()).toEqual([expect.objectContaining({ edit, status: "failed", problem })]);
    expect(editor.shown(loaded(row))).toEqual(loaded(row).fields);
    editor.retry(idOf(row));
    await settle();
    expect(updates().filter((c) => c.outcome === "ok")).toHaveLength(1);
    expect(editor.failures()).toEqual([]);
  });

  it.each(edits)("%s: network failures are retried with growing waits, then wait for the connection (no failure), shown as they will be", async (_name, edit) => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, waits, updates } = setup([row]);
    dataverse.failNext({ kind: "network", op: "update", times: DEFAULT_RETRY.attempts });
    expect(await editor.submit(loaded(row), edit)).toBeUndefined();
    expect(waits).toHaveLength(DEFAULT_RETRY.attempts - 1);
    expect(waits[waits.length - 1]).toBeGreaterThan(waits[0]);
    expect(editor.failures()).toEqual([]);
    expect(editor.edits(idOf(row)).changes).toEqual([expect.objectContaining({ edit, status: "waiting" })]);
    expect(editor.shown(loaded(row))).not.toEqual(loaded(row).fields);
    editor.reconnect();
    await settle();
    expect(updates().filter((c) => c.outcome === "ok")).toHaveLength(1);
    expect(editor.waiting()).toBe(0);
    expect(editor.edits(idOf(row)).changes).toEqual([]);
  });

  it.each(edits)("%s: privilege, validation and missing-row errors are tried once and explained; Discard forgets the change", async (_name, edit) => {
    for (const kind of ["privilege", "validation", "notFound"] as const) {
      const row = registration({ msevtmgt_timescheckedin: 1 });
      const { dataverse, editor, waits, updates } = setup([row]);
      dataverse.failNext({ kind, op: "update" });
      const problem = await editor.submit(loaded(row), edit);
      expect(problem?.kind).toBe({ privilege: "privilege", validation: "rejected", notFound: "notFound" }[kind]);
      expect(problem?.detail).not.toBe("");
      expect(updates()).toHaveLength(1);
      expect(waits).toEqual([]);
      editor.discard(idOf(row));
      expect(editor.failures()).toEqual([]);
      expect(editor.edits(idOf(row)).changes).toEqual([]);
    }
  });

  it("Retry all and Discard all act on every row's failed changes", async () => {
    const rows = [registration(), registration(), registration()];
    const { dataverse, editor, press } = setup(rows);
    dataverse.failNext({ kind: "privilege", op: "update", times: 3 });
    await Promise.all(rows.map((r) => press(loaded(r)).done));
    expect(editor.failures().map((c) => c.rowId)).toEqual(rows.map(idOf));
    editor.retryAll();
    await settle();
    expect(editor.failures()).toEqual([]);
    expect(rows.map((r) => dataverse.get(idOf(r))?.msevtmgt_timescheckedin)).toEqual([1, 1, 1]);
    dataverse.failNext({ kind: "privilege", op: "update", times: 3 });
    await Promise.all(rows.map((r) => press(loaded(r)).done));
    editor.discardAll();
    expect(editor.failures()).toEqual([]);
    expect(rows.map((r) => editor.shown(loaded(r)).timesCheckedIn)).toEqual([1, 1, 1]);
  });
});

describe("what the grid shows", () => {
  it("keeps what was saved until the dataset brings different values for the row", async () => {
    const [ok, bad] = [registration(), registration()];
    const { dataverse, editor, press } = setup([ok, bad]);
    dataverse.failNext({ kind: "privilege", op: "update", id: idOf(bad) });
    await press(loaded(ok)).done;
    await press(loaded(bad)).done;
    // A page load hands back the old values unchanged: the saved count stays in view.
    editor.syncWithDataset([]);
    expect(editor.shown(loaded(ok)).timesCheckedIn).toBe(1);
    // The dataset now shows the row anew: it is the source again; a failed change stays for Retry.
    editor.syncWithDataset([idOf(ok), idOf(bad)]);
    expect(editor.edits(idOf(ok))).toEqual({ changes: [], stored: {} });
    expect(editor.failures().map((c) => c.rowId)).toEqual([idOf(bad)]);
  });

  it("tells each row's listeners about that row only, once per flush", async () => {
    const rows = [registration(), registration()];
    const flushes: (() => void)[] = [];
    const { editor, press } = setup(rows, { schedule: (flush) => flushes.push(flush) });
    const heard = { a: 0, b: 0, any: 0 };
    editor.subscribeRow(idOf(rows[0]), () => heard.a++);
    editor.subscribeRow(idOf(rows[1]), () => heard.b++);
    editor.subscribe(() => heard.any++);
    await press(loaded(rows[0])).done;
    expect(flushes).toHaveLength(1);
    flushes.forEach((flush) => flush());
    expect(heard).toEqual({ a: 1, b: 0, any: 1 });
  });

  it("announces each saved check-in with the count stored after it", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { editor, press } = setup([row]);
    const heard: unknown[] = [];
    editor.onCheckedIn((c) => heard.push(c));
    await press(loaded(row)).done;
    expect(heard).toEqual([expect.objectContaining({ id: expect.any(String), rowId: idOf(row), name: row.msevtmgt_name, count: 2, source: "row", record: "disabled", madeAt: 1_010_000 })]);
  });
});

describe("bulk", () => {
  it("checks in the selection with several calls in flight, paced; a failure in the middle is reported and kept in its row", async () => {
    const rows = Array.from({ length: 12 }, () => registration({ msevtmgt_timescheckedin: 1 }));
    const { dataverse, editor } = setup(rows, { latencyMs: 3 });
    const failing = idOf(rows[5]);
    dataverse.failNext({ kind: "validation", op: "update", id: failing });
    const progress: number[] = [];
    const outcomes = await editor.runBulk(rows.map(loaded), () => ({ kind: "checkIn" }), { onProgress: (done) => progress.push(done) });
    expect(outcomes.filter((o) => o.result === "changed")).toHaveLength(11);
    // A business rule's refusal keeps Dataverse's words, for the summary to quote.
    expect(outcomes.filter((o) => o.result === "failed")).toEqual([{ id: failing, result: "failed", problem: "rejected", detail: expect.stringMatching(/\w/) }]);
    expect(dataverse.maxInFlight).toBeLessThanOrEqual(PACE.most);
    expect(dataverse.maxInFlight).toBeGreaterThan(1);
    expect(progress.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rows.filter((r) => dataverse.get(idOf(r))?.msevtmgt_timescheckedin === 2)).toHaveLength(11);
    expect(editor.failures().map((c) => [c.rowId, c.source])).toEqual([[failing, "bulk"]]);
  });

  it("tells what changed from what already was so, and skips cancelled rows for field actions", async () => {
    const rows = [registration(), registration({ msevtmgt_syncedwithprovider: 100000002 }), registration({ statecode: 1, statuscode: 2 })];
    const { editor, updates } = setup(rows);
    const outcomes = await editor.runBulk(rows.map(loaded), (r) => (r.fields.state === 0 ? { kind: "sync", synced: true } : undefined));
    expect(outcomes.map((o) => o.result)).toEqual(["changed", "already", "skipped"]);
    expect(updates()).toHaveLength(1);
  });

  it("stops starting new rows when cancelled; the rest are reported as not started", async () => {
    const rows = Array.from({ length: 10 }, () => registration());
    const { editor, updates } = setup(rows, { latencyMs: 2 });
    let cancelled = false;
    const outcomes = await editor.runBulk(rows.map(loaded), () => ({ kind: "sync", synced: true }), {
      isCancelled: () => cancelled,
      onProgress: (done) => (cancelled = done >= 3),
    });
    const notStarted = outcomes.filter((o) => o.result === "notStarted").length;
    expect(notStarted).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.result === "changed")).toHaveLength(updates().length);
    expect(updates().length + notStarted).toBe(10);
    expect(rows.every((r) => editor.edits(idOf(r)).changes.length === 0)).toBe(true);
  });
});
