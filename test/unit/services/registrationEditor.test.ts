import { createRegistrationEditor } from "../../../SessionRegistrationGrid/services/registrationEditor";
import { webApiStore } from "../../../SessionRegistrationGrid/services/registrationStore";
import { DEFAULT_RETRY } from "../../../SessionRegistrationGrid/services/retry";
import { loaded, registration, settle, setup } from "./editorSetup";

describe("check-in", () => {
  it("adds one to a fresh read and writes it exactly once, even when the row moved since it was loaded", async () => {
    const row = registration({ msevtmgt_timescheckedin: 2 });
    const { dataverse, editor, updates } = setup([row]);
    const seen = loaded(row);
    dataverse.changeByAnotherUser(seen.id, { msevtmgt_timescheckedin: 5 });

    expect(await editor.submit(seen, { kind: "checkIn", times: 1 })).toBeUndefined();

    expect(updates().map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 6 }]);
    const read = dataverse.calls.find((c) => c.op === "retrieve");
    expect(read?.options).toBe("?$select=msevtmgt_timescheckedin,versionnumber");
    expect(dataverse.get(seen.id)?.msevtmgt_timescheckedin).toBe(6);
    expect(editor.stateOf(seen.id).stored.timesCheckedIn).toBe(6);
  });

  it("counts every press: two quick presses on one row write one after the other", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, updates } = setup([row], { latencyMs: 5 });
    const seen = loaded(row);
    const first = editor.submit(seen, { kind: "checkIn", times: 1 });
    const second = editor.submit(seen, { kind: "checkIn", times: 1 });
    expect(editor.stateOf(seen.id).queued).toHaveLength(2);
    await Promise.all([first, second]);
    expect(updates().map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 2 }, { msevtmgt_timescheckedin: 3 }]);
    expect(dataverse.maxInFlight).toBe(1);
  });

  it("two desks that loaded the same count both count: each adds to what is stored, not to what it loaded", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const deskA = setup([row]);
    const deskB = createRegistrationEditor({ store: webApiStore(deskA.dataverse.webApi, "msevtmgt_sessionregistration"), onSaved: () => undefined, refreshDelayMs: 0 });
    const seenByBoth = loaded(row);
    await deskA.editor.submit(seenByBoth, { kind: "checkIn", times: 1 });
    await deskB.submit(seenByBoth, { kind: "checkIn", times: 1 });
    expect(deskA.updates().map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 1 }, { msevtmgt_timescheckedin: 2 }]);
    deskB.dispose();
  });

  it("a retry after a lost response does not count twice", async () => {
    const row = registration({ msevtmgt_timescheckedin: 4 });
    const { dataverse, editor, updates } = setup([row]);
    const seen = loaded(row);
    dataverse.failNext({ kind: "networkAfterCommit", op: "update" });
    expect(await editor.submit(seen, { kind: "checkIn", times: 1 })).toBeUndefined();
    expect(dataverse.get(seen.id)?.msevtmgt_timescheckedin).toBe(5);
    expect(updates()).toHaveLength(1);
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
    ["count", { kind: "count", value: 9 }],
    ["sync", { kind: "sync", synced: true }],
    ["status", { kind: "status", state: 1, statusReason: 2 }],
  ] as const)("does not overwrite a %s change made by someone else since the row was loaded; Retry overwrites on purpose", async (_name, edit) => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, updates } = setup([row]);
    const seen = loaded(row);
    dataverse.changeByAnotherUser(seen.id, { msevtmgt_timescheckedin: 7 });

    const problem = await editor.submit(seen, edit);

    expect(problem?.kind).toBe("conflict");
    expect(updates()).toHaveLength(0);
    const state = editor.stateOf(seen.id);
    expect(state.stored.timesCheckedIn).toBe(7);
    expect(state.failed.map((p) => p.edit)).toEqual([edit]);

    expect(await editor.retryFailed(seen)).toEqual([undefined]);
    expect(updates()).toHaveLength(1);
    expect(editor.stateOf(seen.id).failed).toEqual([]);
  });

  it("catches a change that lands between loading and saving", async () => {
    const row = registration();
    const { dataverse, editor, updates } = setup([row]);
    const seen = loaded(row);
    dataverse.changeByAnotherUserOnNextRead(seen.id, { msevtmgt_syncedwithprovider: 100000002 });
    await editor.submit(seen, { kind: "count", value: 2 });
    // The change landed after our read: the version we read still matches what we loaded, so this write goes
    // through; the next edit sees the moved version.
    expect(updates()).toHaveLength(1);
    expect((await editor.submit(seen, { kind: "sync", synced: false }))?.kind).toBe("conflict");
  });

  it("needs no write when the row already holds the value", async () => {
    const row = registration({ msevtmgt_syncedwithprovider: 100000002 });
    const { editor, updates } = setup([row]);
    expect(await editor.submit(loaded(row), { kind: "sync", synced: true })).toBeUndefined();
    expect(updates()).toHaveLength(0);
  });
});

describe("failures", () => {
  const edits = [
    ["check-in", { kind: "checkIn", times: 1 }],
    ["count", { kind: "count", value: 4 }],
    ["sync", { kind: "sync", synced: true }],
    ["status", { kind: "status", state: 1, statusReason: 2 }],
  ] as const;

  it.each(edits)("%s: a throttled update waits the interval Dataverse gives and recovers without the user", async (_name, edit) => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, waits, updates } = setup([row]);
    dataverse.failNext({ kind: "throttle", op: "update", retryAfterSeconds: 2 });
    expect(await editor.submit(loaded(row), edit)).toBeUndefined();
    expect(waits).toEqual([2000]);
    expect(updates().map((c) => c.outcome)).toEqual(["error", "ok"]);
    expect(editor.stateOf(row.msevtmgt_sessionregistrationid).failed).toEqual([]);
  });

  it.each(edits)("%s: network failures are retried with growing waits, then kept for Retry", async (_name, edit) => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, waits, updates } = setup([row]);
    dataverse.failNext({ kind: "network", op: "any", times: DEFAULT_RETRY.attempts });
    const problem = await editor.submit(loaded(row), edit);
    expect(problem?.kind).toBe("network");
    expect(waits).toHaveLength(DEFAULT_RETRY.attempts - 1);
    expect(waits[waits.length - 1]).toBeGreaterThan(waits[0]);
    const state = editor.stateOf(row.msevtmgt_sessionregistrationid);
    expect(state.failed).toEqual([{ edit, problem }]);
    expect(state.queued).toEqual([]);
    expect(await editor.retryFailed(loaded(row))).toEqual([undefined]);
    expect(updates().filter((c) => c.outcome === "ok")).toHaveLength(1);
  });

  it.each(edits)("%s: privilege, validation and missing-row errors are tried once and explained", async (_name, edit) => {
    for (const kind of ["privilege", "validation", "notFound"] as const) {
      const row = registration({ msevtmgt_timescheckedin: 1 });
      const { dataverse, editor, waits, updates } = setup([row]);
      dataverse.failNext({ kind, op: "update" });
      const problem = await editor.submit(loaded(row), edit);
      expect(problem?.kind).toBe({ privilege: "privilege", validation: "rejected", notFound: "notFound" }[kind]);
      expect(problem?.detail).not.toBe("");
      expect(updates()).toHaveLength(1);
      expect(waits).toEqual([]);
      // Discard keeps what is stored and forgets the change.
      editor.discardFailed(row.msevtmgt_sessionregistrationid);
      expect(editor.stateOf(row.msevtmgt_sessionregistrationid).failed).toEqual([]);
    }
  });

  it("after a failed check-in the row shows what is stored, and the pending presses add up", async () => {
    const row = registration({ msevtmgt_timescheckedin: 2 });
    const { dataverse, editor } = setup([row]);
    const seen = loaded(row);
    dataverse.changeByAnotherUser(seen.id, { msevtmgt_timescheckedin: 5 });
    dataverse.failNext({ kind: "validation", op: "update", times: 2 });
    await editor.submit(seen, { kind: "checkIn", times: 1 });
    await editor.submit(seen, { kind: "checkIn", times: 1 });
    const state = editor.stateOf(seen.id);
    expect(state.stored.timesCheckedIn).toBe(5);
    expect(state.failed.map((p) => p.edit)).toEqual([{ kind: "checkIn", times: 2 }]);
    await editor.retryFailed(seen);
    expect(dataverse.get(seen.id)?.msevtmgt_timescheckedin).toBe(7);
  });
});

describe("refresh", () => {
  it("asks the dataset to refresh once per burst of saves, not once per edit", async () => {
    const rows = [registration(), registration(), registration()];
    const { editor, refreshes } = setup(rows, { latencyMs: 2 });
    await Promise.all(rows.map((r) => editor.submit(loaded(r), { kind: "checkIn", times: 1 })));
    await settle();
    expect(refreshes.count).toBe(1);
  });

  it("does not refresh when nothing was saved", async () => {
    const row = registration();
    const { dataverse, editor, refreshes } = setup([row]);
    dataverse.failNext({ kind: "privilege", op: "update" });
    await editor.submit(loaded(row), { kind: "checkIn", times: 1 });
    await settle();
    expect(refreshes.count).toBe(0);
  });

  it("forgets stored values of idle rows once the dataset shows them, but keeps pending failures", async () => {
    const [ok, bad] = [registration(), registration()];
    const { dataverse, editor } = setup([ok, bad]);
    dataverse.failNext({ kind: "privilege", op: "update", id: bad.msevtmgt_sessionregistrationid });
    await editor.submit(loaded(ok), { kind: "checkIn", times: 1 });
    await editor.submit(loaded(bad), { kind: "checkIn", times: 1 });
    editor.syncWithDataset();
    expect(editor.stateOf(ok.msevtmgt_sessionregistrationid)).toEqual({ queued: [], stored: {}, failed: [] });
    expect(editor.stateOf(bad.msevtmgt_sessionregistrationid).failed).toHaveLength(1);
    expect(editor.failedRowIds()).toEqual([bad.msevtmgt_sessionregistrationid]);
  });
});

describe("bulk", () => {
  it("checks in the selection with at most four calls in flight and summarises a failure in the middle", async () => {
    const rows = Array.from({ length: 12 }, () => registration({ msevtmgt_timescheckedin: 1 }));
    const { dataverse, editor, refreshes } = setup(rows, { latencyMs: 3 });
    const failing = rows[5].msevtmgt_sessionregistrationid;
    dataverse.failNext({ kind: "validation", op: "update", id: failing });
    const progress: number[] = [];
    const summary = await editor.runBulk(rows.map(loaded), () => ({ kind: "checkIn", times: 1 }), { onProgress: (done) => progress.push(done) });
    expect(summary.succeeded).toBe(11);
    expect(summary.failed.map((f) => [f.id, f.problem.kind])).toEqual([[failing, "rejected"]]);
    expect(summary.notStarted).toBe(0);
    expect(dataverse.maxInFlight).toBeLessThanOrEqual(4);
    expect(dataverse.maxInFlight).toBeGreaterThan(1);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rows.filter((r) => dataverse.get(r.msevtmgt_sessionregistrationid)?.msevtmgt_timescheckedin === 2)).toHaveLength(11);
    // Bulk failures are summarised, not left as pending changes on each row.
    expect(editor.failedRowIds()).toEqual([]);
    await settle();
    expect(refreshes.count).toBe(1);
  });

  it("stops starting new rows when cancelled and reports inactive rows it could not change", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => registration(i === 0 ? { statecode: 1, statuscode: 2 } : {}));
    const { editor, updates } = setup(rows, { latencyMs: 2 });
    let cancelled = false;
    const summary = await editor.runBulk(
      rows.map(loaded),
      (r) => (r.fields.state === 0 ? { kind: "sync", synced: true } : undefined),
      { isCancelled: () => cancelled, onProgress: (done) => (cancelled = done >= 3) },
    );
    expect(summary.failed.map((f) => f.problem.kind)).toEqual(["inactive"]);
    expect(summary.succeeded + summary.failed.length + summary.notStarted).toBe(10);
    expect(summary.notStarted).toBeGreaterThan(0);
    expect(updates().length).toBe(summary.succeeded);
  });
});
