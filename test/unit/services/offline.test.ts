/**
 * Issue 12: a check-in made while the connection is down is not a failure and is never lost. It waits, kept in
 * the browser at once; on reconnect (or after a reload) it is sent once, in order; conflicts on replay are failures
 * the user sees. The invariant: count = before + check-ins − undos, one active record per check-in kept.
 */
import type { Change } from "../../../SessionRegistrationGrid/model/changes";
import type { RecordsMode } from "../../../SessionRegistrationGrid/model/editPolicy";
import { createJournal, type KeyValueStore } from "../../../SessionRegistrationGrid/services/journal";
import type { RegistrationEditor } from "../../../SessionRegistrationGrid/services/registrationEditor";
import { DEFAULT_RETRY } from "../../../SessionRegistrationGrid/services/retry";
import { FakeDataverse, generateConference, type RegistrationRow } from "../../fixtures";
import { mulberry32 } from "../../fixtures/rng";
import { loaded, settle, setup } from "./editorSetup";

const conference = generateConference({ attendees: 60 });
const RECORDS: RecordsMode = { create: true };
/** Active registrations whose check-ins make records (they name their event registration). */
const linked = conference.registrations.filter((r) => r.statecode === 0 && r._msevtmgt_registrationid_value);
const KEY = "srg:https://contoso.crm.dynamics.com:user:msevtmgt_sessionregistration";

/** localStorage as a plain map; `broken` makes every write throw (quota exceeded, private mode). */
function memoryStore(broken = false): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      if (broken) throw new Error("QuotaExceededError");
      data.set(key, value);
    },
    removeItem: (key) => void data.delete(key),
  };
}

/** One desk (one page load) over `dataverse`, its unsaved changes kept in `store`. */
function desk(dataverse: FakeDataverse, store: KeyValueStore, offline = { now: false }) {
  return setup([], { dataverse, records: () => RECORDS, journal: createJournal(store, KEY), isOffline: () => offline.now, probeMs: 60_000 });
}

const count = (dataverse: FakeDataverse, row: RegistrationRow) => dataverse.get(row.msevtmgt_sessionregistrationid)?.msevtmgt_timescheckedin ?? 0;
const activeRecords = (dataverse: FakeDataverse, row: RegistrationRow) =>
  dataverse.checkIns((c) => c._msevtmgt_sessionregistration_value === row.msevtmgt_sessionregistrationid && c.statecode === 0).length;
const kept = (store: ReturnType<typeof memoryStore>): Change[] => createJournal(store, KEY).load();
const statuses = (editor: RegistrationEditor, row: RegistrationRow) => editor.edits(row.msevtmgt_sessionregistrationid).changes.map((c) => c.status);

describe("while the connection is down", () => {
  it("the browser says offline: check-ins wait without a call, are kept at once, and go in order when it is back", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const store = memoryStore();
    const offline = { now: true };
    const row = linked[0];
    const { editor, press } = desk(dataverse, store, offline);
    const [before, records] = [count(dataverse, row), activeRecords(dataverse, row)];

    expect(await press(loaded(row)).done).toBeUndefined();
    expect(await press(loaded(row)).done).toBeUndefined();

    expect(dataverse.calls).toEqual([]);
    expect(statuses(editor, row)).toEqual(["waiting", "waiting"]);
    expect(editor.waiting()).toBe(2);
    expect(editor.failures()).toEqual([]);
    // Shown as they will be: the count already reads two more.
    expect(editor.shown(loaded(row)).timesCheckedIn).toBe(before + 2);
    expect(kept(store).map((c) => c.edit.kind)).toEqual(["checkIn", "checkIn"]);

    offline.now = false;
    editor.reconnect();
    await settle();
    expect(count(dataverse, row)).toBe(before + 2);
    expect(activeRecords(dataverse, row)).toBe(records + 2);
    expect(editor.waiting()).toBe(0);
    expect(store.data.has(KEY)).toBe(false);
  });

  it("drop before the write: the retries fail, the change waits (no failure), and a probe sends it once the network is back", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate"] });
    try {
      const dataverse = new FakeDataverse({ data: conference });
      const row = linked[1];
      const { editor, press } = setup([], { dataverse, records: () => RECORDS, probeMs: 15_000 });
      const before = count(dataverse, row);
      dataverse.setNetwork(false);
      const done = press(loaded(row)).done;
      expect(await done).toBeUndefined();
      expect(statuses(editor, row)).toEqual(["waiting"]);
      expect(dataverse.calls.every((c) => c.outcome === "error" && c.committed !== true)).toBe(true);
      const tries = dataverse.calls.length;

      // Still down at the first probe: one more round of tries, still waiting, nothing written.
      await jest.advanceTimersByTimeAsync(15_000);
      expect(dataverse.calls.length).toBeGreaterThan(tries);
      expect(statuses(editor, row)).toEqual(["waiting"]);

      dataverse.setNetwork(true);
      await jest.advanceTimersByTimeAsync(15_000);
      expect(count(dataverse, row)).toBe(before + 1);
      expect(dataverse.checkIns((c) => c.msevtmgt_checkinid === editor.undoable(row.msevtmgt_sessionregistrationid)[0]?.id)).toHaveLength(1);
      expect(editor.waiting()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it("drop after the write: the count landed but its answer was lost; a reload then the connection: counted once", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const store = memoryStore();
    const row = linked[2];
    const [before, records] = [count(dataverse, row), activeRecords(dataverse, row)];
    const first = desk(dataverse, store);
    dataverse.failNext({ kind: "networkAfterCommit", op: "update" });
    dataverse.failNext({ kind: "network", op: "any", times: DEFAULT_RETRY.attempts - 1 });
    await first.press(loaded(row)).done;
    expect(statuses(first.editor, row)).toEqual(["waiting"]);
    expect(count(dataverse, row)).toBe(before + 1);
    // What the page knew is kept: the record made, the count sent without an answer.
    expect(kept(store)).toEqual([expect.objectContaining({ record: "made", unconfirmed: expect.objectContaining({ count: before + 1 }) })]);
    first.editor.dispose();

    // The page is reloaded (the tab was closed, the browser crashed): the next page sends what was kept.
    const second = desk(dataverse, store);
    expect(second.editor.edits(row.msevtmgt_sessionregistrationid).changes).toHaveLength(1);
    await settle();
    expect(count(dataverse, row)).toBe(before + 1);
    expect(activeRecords(dataverse, row)).toBe(records + 1);
    expect(dataverse.calls.filter((c) => c.op === "create" && c.outcome === "ok")).toHaveLength(1);
    expect(second.editor.failures()).toEqual([]);
    expect(store.data.has(KEY)).toBe(false);
  });

  it("a check-in whose record was made before the drop keeps its id after a reload: the duplicate answer counts as made", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const store = memoryStore();
    const row = linked[3];
    const [before, records] = [count(dataverse, row), activeRecords(dataverse, row)];
    const first = desk(dataverse, store);
    // The create lands but its answer is lost; the connection then stays down.
    dataverse.failNext({ kind: "networkAfterCommit", op: "create" });
    dataverse.failNext({ kind: "network", op: "any", times: DEFAULT_RETRY.attempts - 1 });
    await first.press(loaded(row)).done;
    const [change] = kept(store);
    expect(change.record).toBeUndefined(); // the page never heard that the record was made
    first.editor.dispose();

    desk(dataverse, store);
    await settle();
    const creates = dataverse.calls.filter((c) => c.op === "create");
    // Every attempt, on either page, sent the same id; the last was answered "duplicate key": made.
    expect(new Set(creates.map((c) => (c.data as Record<string, unknown>).msevtmgt_checkinid))).toEqual(new Set([change.id]));
    expect(creates[creates.length - 1].error?.errorCode).toBe(-2147220937);
    expect(activeRecords(dataverse, row)).toBe(records + 1);
    expect(count(dataverse, row)).toBe(before + 1);
  });

  it("reload while waiting: two check-ins and a typed count made offline are sent by the next page, in the order made", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const store = memoryStore();
    const [a, b] = [linked[4], linked[5]];
    const first = desk(dataverse, store, { now: true });
    await first.press(loaded(a)).done;
    await first.editor.submit(loaded(b), { kind: "count", value: 7 });
    await first.press(loaded(a)).done;
    first.editor.dispose();
    expect(dataverse.calls).toEqual([]);

    const second = desk(dataverse, store);
    // Shown at once, as waiting changes being sent.
    expect(second.editor.busy()).toBe(true);
    await settle();
    expect(count(dataverse, a)).toBe((a.msevtmgt_timescheckedin ?? 0) + 2);
    expect(count(dataverse, b)).toBe(7);
    // Started in the order made: a's first check-in (its record first), then b's count; a's second after a's first.
    const [idA, idB] = [a.msevtmgt_sessionregistrationid, b.msevtmgt_sessionregistrationid];
    expect(dataverse.calls[0]).toMatchObject({ op: "create", entity: "msevtmgt_checkin" });
    const updatesOf = (id: string) => dataverse.calls.filter((c) => c.op === "update" && c.id === id).map((c) => c.data);
    expect(updatesOf(idA)).toEqual([{ msevtmgt_timescheckedin: (a.msevtmgt_timescheckedin ?? 0) + 1 }, { msevtmgt_timescheckedin: (a.msevtmgt_timescheckedin ?? 0) + 2 }]);
    expect(updatesOf(idB)).toEqual([{ msevtmgt_timescheckedin: 7 }]);
    expect(store.data.has(KEY)).toBe(false);
  });

  it("replay with a conflict: a setting someone else changed meanwhile fails like any save (Retry, Discard) and stays kept", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const store = memoryStore();
    const row = linked[6];
    const offline = { now: true };
    const { editor } = desk(dataverse, store, offline);
    await editor.submit(loaded(row), { kind: "count", value: 9 });
    dataverse.changeByAnotherUser(row.msevtmgt_sessionregistrationid, { msevtmgt_timescheckedin: 3 });
    offline.now = false;
    editor.reconnect();
    await settle();
    expect(editor.failures()).toEqual([expect.objectContaining({ status: "failed", problem: expect.objectContaining({ kind: "conflict" }) })]);
    expect(count(dataverse, row)).toBe(3);
    expect(kept(store)).toEqual([expect.objectContaining({ status: "failed" })]);
    editor.dispose();

    // Still there after a reload, waiting for the user (not sent again on its own).
    const next = desk(dataverse, store);
    await settle();
    expect(next.editor.failures()).toHaveLength(1);
    expect(dataverse.calls.filter((c) => c.op === "update")).toHaveLength(0);
    next.editor.retry(row.msevtmgt_sessionregistrationid);
    await settle();
    expect(count(dataverse, row)).toBe(9);
    expect(store.data.has(KEY)).toBe(false);
  });

  it("a bulk run while offline ends at once: its rows wait, and Cancel still drops what had not started", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const { editor } = desk(dataverse, memoryStore(), { now: true });
    const rows = linked.slice(7, 10).map(loaded);
    const outcomes = await editor.runBulk(rows, () => ({ kind: "sync", synced: true }));
    expect(outcomes.map((o) => o.result)).toEqual(["waiting", "waiting", "waiting"]);
    expect(editor.waiting()).toBe(3);

    let cancelled = false;
    const run = editor.runBulk(linked.slice(10, 12).map(loaded), () => ({ kind: "sync", synced: true }), { isCancelled: () => cancelled });
    cancelled = true;
    editor.reconnect();
    expect((await run).map((o) => o.result)).toEqual(["waiting", "waiting"]);
  });
});

describe("the journal", () => {
  it("keeps a waiting change and each step done at once, not at the next frame: a crash right after loses nothing", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const store = memoryStore();
    const row = linked[14];
    const before = count(dataverse, row);
    // No frame ever comes (the tab dies right after): only what was written at once survives.
    const first = setup([], { dataverse, records: () => RECORDS, journal: createJournal(store, KEY), schedule: () => undefined, probeMs: 60_000 });
    dataverse.failNext({ kind: "networkAfterCommit", op: "update" });
    dataverse.failNext({ kind: "network", op: "any", times: DEFAULT_RETRY.attempts - 1 });
    await first.press(loaded(row)).done;
    expect(kept(store)).toEqual([expect.objectContaining({ status: "waiting", record: "made", unconfirmed: expect.objectContaining({ count: before + 1 }) })]);
    first.editor.dispose();
    desk(dataverse, store);
    await settle();
    expect(count(dataverse, row)).toBe(before + 1);
  });

  it("a page that dies while its count write is on the way: the next page knows it was sent and does not count twice", async () => {
    // Frames every 16 ms; the fresh read takes 30 ms, so a frame has kept the change (record made) before the write goes.
    const dataverse = new FakeDataverse({ data: conference, latencyMs: (call) => ({ retrieve: 30, update: 20 })[call.op as string] ?? 0 });
    const store = memoryStore();
    const row = linked[15];
    const before = count(dataverse, row);
    const first = setup([], { dataverse, records: () => RECORDS, journal: createJournal(store, KEY), schedule: (flush) => setTimeout(flush, 16), probeMs: 60_000 });
    void first.press(loaded(row)).done;
    while (!dataverse.calls.some((c) => c.op === "update")) await new Promise((resolve) => setTimeout(resolve, 1));
    // The tab dies now: what the journal holds is all the next page gets; the write still lands.
    const survived = memoryStore();
    for (const [key, value] of store.data) if (key.startsWith(KEY)) survived.data.set(key, value);
    first.editor.dispose();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(count(dataverse, row)).toBe(before + 1);
    expect(kept(survived)).toEqual([expect.objectContaining({ record: "made" })]);

    const next = desk(dataverse, survived);
    while (next.editor.busy()) await settle();
    expect(count(dataverse, row)).toBe(before + 1);
  });

  it("ignores what it can't read, or what is not this grid's, with a warning, never a crash", () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    for (const stored of ["{not json", "42", JSON.stringify({ changes: [] }), JSON.stringify([{ id: "x" }]), JSON.stringify([null])]) {
      const store = memoryStore();
      store.data.set(KEY, stored);
      expect(createJournal(store, KEY).load()).toEqual([]);
      const { editor } = setup([], { journal: createJournal(store, KEY) });
      expect(editor.busy()).toBe(false);
    }
    expect(warn).toHaveBeenCalledTimes(10);
  });

  it("a browser that refuses to keep anything (quota, private mode) warns and the grid saves as usual", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const dataverse = new FakeDataverse({ data: conference });
    const row = linked[12];
    const { press } = setup([], { dataverse, journal: createJournal(memoryStore(true), KEY) });
    await press(loaded(row)).done;
    expect(count(dataverse, row)).toBe((row.msevtmgt_timescheckedin ?? 0) + 1);
    expect(warn).toHaveBeenCalled();
  });

  it("is one per environment, user and table: another key's changes are not this grid's", async () => {
    const store = memoryStore();
    const offline = { now: true };
    const dataverse = new FakeDataverse({ data: conference });
    const { press } = setup([], { dataverse, journal: createJournal(store, KEY), isOffline: () => offline.now });
    await press(loaded(linked[13])).done;
    expect(createJournal(store, KEY.replace("user", "someone-else")).load()).toEqual([]);
    expect(createJournal(store, KEY).load()).toHaveLength(1);
  });
});

describe("the invariant, whatever the drops, lost answers and reloads", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("seed %i: count = before + check-ins − undos, one active record per check-in kept", async (seed) => {
    const rng = mulberry32(seed);
    const dataverse = new FakeDataverse({ data: conference });
    const store = memoryStore();
    const rows = linked.slice(20, 23);
    const before = rows.map((r) => count(dataverse, r));
    const recordsBefore = rows.map((r) => activeRecords(dataverse, r));
    const offline = { now: false };
    let page = desk(dataverse, store, offline);
    const made = rows.map(() => 0);

    for (let step = 0; step < 40; step++) {
      const i = Math.floor(rng() * rows.length);
      const roll = rng();
      if (roll < 0.1) dataverse.failNext({ kind: "networkAfterCommit", op: rng() < 0.5 ? "create" : "update" });
      else if (roll < 0.2) dataverse.failNext({ kind: "network", op: "any", times: 1 + Math.floor(rng() * DEFAULT_RETRY.attempts) });
      else if (roll < 0.3) {
        offline.now = !offline.now;
        // The browser's online event.
        if (!offline.now) page.editor.reconnect();
      }
      else if (roll < 0.38) {
        // Reload: the page goes (nothing it had in flight finishes), the next one starts from what was kept.
        await settle();
        page.editor.dispose();
        page = desk(dataverse, store, offline);
        continue;
      } else if (roll < 0.48) {
        const undo = page.editor.undoEdit(rows[i].msevtmgt_sessionregistrationid);
        if (undo) {
          await page.editor.submit(loaded(rows[i]), undo);
          made[i]--;
        }
        continue;
      }
      if (page.press(loaded(rows[i])).press === "counted") made[i]++;
      await settle();
    }
    // The connection comes back for good, the last page settles.
    offline.now = false;
    dataverse.clearFailures();
    page.editor.reconnect();
    for (let i = 0; i < 20 && page.editor.busy(); i++) await settle();
    page.editor.retryAll();
    for (let i = 0; i < 20 && page.editor.busy(); i++) await settle();

    expect(page.editor.failures()).toEqual([]);
    rows.forEach((row, i) => {
      expect(count(dataverse, row)).toBe(before[i] + made[i]);
      expect(activeRecords(dataverse, row)).toBe(recordsBefore[i] + made[i]);
    });
  });
});
