/**
 * Issue 21: tabs A and B of one browser share the store where unsaved changes are kept. A change is sent by one
 * editor only, ever: each keeps its own under its own key and lock, and another adopts them only once that lock is
 * free (its document gone, or it disposed with nothing in flight), holding it while it adopts.
 */
import { createJournal } from "../../../SessionRegistrationGrid/services/journal";
import { createOwnedJournal } from "../../../SessionRegistrationGrid/services/journalOwner";
import { webLocks } from "../../../SessionRegistrationGrid/services/ownerLocks";
import { DEFAULT_RETRY } from "../../../SessionRegistrationGrid/services/retry";
import { FakeDataverse, SYNC_YES } from "../../fixtures";
import { FakeLocks, memoryStorage } from "../../fixtures/fakeLocks";
import { loaded, settle, setup } from "./editorSetup";
import { activeRecords, BASE, browser, committed, conference, count, linked } from "./tabs";

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 1));
};

describe("two tabs of one browser", () => {
  it("A offline checks someone in, B is opened meanwhile: B leaves it to A, and A sends it once when back online", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const { tab, kept } = browser(dataverse);
    const row = linked[0];
    const [before, records] = [count(dataverse, row), activeRecords(dataverse, row)];
    const a = tab({ offline: true });
    await a.press(loaded(row)).done;
    expect(a.editor.waiting()).toBe(1);

    const b = tab();
    await settle();
    expect(b.editor.busy()).toBe(false);
    expect(dataverse.calls).toEqual([]);
    expect(kept()).toEqual({ [a.journal.key]: 1 });

    a.online();
    await settle();
    expect(count(dataverse, row)).toBe(before + 1);
    expect(activeRecords(dataverse, row)).toBe(records + 1);
    expect([committed(dataverse, "create"), committed(dataverse, "update")]).toEqual([1, 1]);
    expect(kept()).toEqual({});
    // B heard nothing of it and sent nothing, before or after.
    await settle();
    expect(dataverse.calls.filter((c) => c.op === "create" || c.op === "update")).toHaveLength(2);
  });

  it("A crashes with a check-in waiting: B, open all along, adopts it as soon as A is gone and sends it once; C opened later finds nothing", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const { tab, kept } = browser(dataverse);
    const row = linked[1];
    const before = count(dataverse, row);
    const a = tab({ offline: true });
    await a.press(loaded(row)).done;
    const b = tab();
    await settle();
    expect(dataverse.calls).toEqual([]);

    a.crash();
    await settle();
    expect(count(dataverse, row)).toBe(before + 1);
    // B sent it: the check-in is B's to undo now.
    expect(b.editor.undoable(row.msevtmgt_sessionregistrationid)).toHaveLength(1);
    expect(kept()).toEqual({});

    tab();
    await settle();
    expect(count(dataverse, row)).toBe(before + 1);
    expect([committed(dataverse, "create"), committed(dataverse, "update")]).toEqual([1, 1]);
  });

  it("a crash-restored browser opens two tabs at once over a dead tab's changes: each change is adopted and sent exactly once", async () => {
    const dataverse = new FakeDataverse({ data: conference, latencyMs: 2 });
    const { tab, kept } = browser(dataverse);
    const rows = linked.slice(2, 5);
    const before = rows.map((r) => count(dataverse, r));
    const a = tab({ offline: true });
    for (const row of rows) await a.press(loaded(row)).done;
    await a.editor.submit(loaded(rows[0]), { kind: "sync", synced: true });
    a.crash();

    const [b, c] = [tab(), tab()];
    await until(() => b.editor.busy() || c.editor.busy());
    await until(() => !b.editor.busy() && !c.editor.busy() && !dataverse.inFlight);
    expect(rows.map((r) => count(dataverse, r))).toEqual(before.map((n) => n + 1));
    expect(dataverse.get(rows[0].msevtmgt_sessionregistrationid)?.msevtmgt_syncedwithprovider).toBe(SYNC_YES);
    expect(committed(dataverse, "create")).toBe(3);
    expect(dataverse.calls.filter((c) => c.op === "update" && c.committed && "msevtmgt_timescheckedin" in (c.data ?? {}))).toHaveLength(3);
    // One of them took all four, the other none.
    expect([b, c].map((t) => t.editor.undoable(rows[1].msevtmgt_sessionregistrationid).length).sort()).toEqual([0, 1]);
    expect(kept()).toEqual({});
  });

  it("the previous version's journal (the base key alone) is adopted once, with what its attempts did", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const { store, tab, kept } = browser(dataverse);
    const [landed, waiting] = [linked[5], linked[10]];
    const before = [landed, waiting].map((r) => [count(dataverse, r), activeRecords(dataverse, r)]);
    // The previous version's page: one check-in made its record and its count write landed with the answer lost;
    // the connection then stayed down and a second one waited; then the page was closed.
    let offline = false;
    const old = setup([], { dataverse, records: () => ({ create: true }), journal: createJournal(store, BASE), isOffline: () => offline, probeMs: 60_000 });
    dataverse.failNext({ kind: "networkAfterCommit", op: "update" });
    dataverse.failNext({ kind: "network", op: "any", times: DEFAULT_RETRY.attempts - 1 });
    await old.press(loaded(landed)).done;
    offline = true;
    await old.press(loaded(waiting)).done;
    const oldJournal = createJournal(store, BASE);
    const keptByOld = oldJournal.load();
    expect(keptByOld).toEqual([
      expect.objectContaining({ record: "made", unconfirmed: expect.anything() }),
      expect.objectContaining({ status: "waiting", rowId: waiting.msevtmgt_sessionregistrationid }),
    ]);
    old.editor.dispose();
    // As the previous version kept them: the whole list under the base key.
    oldJournal.clear();
    store.setItem(BASE, JSON.stringify(keptByOld));
    dataverse.clearFailures();

    tab();
    tab();
    await settle();
    await settle();
    expect([landed, waiting].map((r) => [count(dataverse, r), activeRecords(dataverse, r)])).toEqual(before.map(([n, k]) => [n + 1, k + 1]));
    expect(kept()).toEqual({});
  });
});

describe("an editor disposed with a save in flight (the user moved to another form)", () => {
  it("keeps its lock and its steps until the save ends: the next editor can't take it meanwhile, so it is counted once", async () => {
    // The first editor's fresh read is slow: meanwhile it is disposed and the next one starts.
    let slowRead = true;
    const dataverse = new FakeDataverse({ data: conference, latencyMs: (call) => (call.op === "retrieve" && slowRead ? ((slowRead = false), 40) : call.op === "update" ? 20 : 1) });
    const { locks, store, tab, kept } = browser(dataverse);
    const row = linked[6];
    const before = count(dataverse, row);
    const a = tab();
    void a.press(loaded(row)).done;
    await until(() => dataverse.calls.some((c) => c.op === "retrieve" && c.outcome === "pending"));
    a.editor.dispose();
    const b = tab();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(locks.isHeld(a.journal.key)).toBe(true);
    expect(b.editor.busy()).toBe(false);

    // A's count write goes after its read: its step is kept under its own key while the write is on its way.
    await until(() => dataverse.calls.some((c) => c.op === "update" && c.outcome === "pending"));
    expect(createJournal(store, a.journal.key).load()).toEqual([expect.objectContaining({ unconfirmed: { count: before + 1, readVersion: expect.any(String) } })]);
    await until(() => !locks.isHeld(a.journal.key));
    await settle();
    expect(count(dataverse, row)).toBe(before + 1);
    expect(committed(dataverse, "update")).toBe(1);
    expect(b.editor.busy()).toBe(false);
    expect(kept()).toEqual({});
  });

  it("what it could not send (the connection dropped) goes to the next editor once it is idle, and is counted once", async () => {
    const dataverse = new FakeDataverse({ data: conference, latencyMs: (call) => (call.op === "update" ? 20 : 1) });
    const { locks, tab, kept } = browser(dataverse);
    const row = linked[7];
    const before = count(dataverse, row);
    const a = tab();
    // Its count write lands but the answer is lost, and the connection stays down for its retries.
    dataverse.failNext({ kind: "networkAfterCommit", op: "update" });
    dataverse.failNext({ kind: "network", op: "any", times: DEFAULT_RETRY.attempts - 1 });
    void a.press(loaded(row)).done;
    await until(() => dataverse.calls.some((c) => c.op === "update"));
    a.editor.dispose();
    const b = tab();
    await until(() => !locks.isHeld(a.journal.key));
    await until(() => !b.editor.busy());
    await settle();
    expect(count(dataverse, row)).toBe(before + 1);
    expect(committed(dataverse, "update")).toBe(1);
    expect(kept()).toEqual({});
  });

  it("an editor disposed while it waits for another's lock adopts nothing: the next one does", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const { tab, kept } = browser(dataverse);
    const row = linked[8];
    const before = count(dataverse, row);
    const a = tab({ offline: true });
    await a.press(loaded(row)).done;
    const b = tab();
    await settle();
    b.editor.dispose();
    a.crash();
    await settle();
    expect(b.editor.busy()).toBe(false);
    expect(Object.values(kept())).toEqual([1]);
    tab();
    await settle();
    expect(count(dataverse, row)).toBe(before + 1);
    expect(kept()).toEqual({});
  });
});

describe("an editor's own journal", () => {
  it("is written only once its lock is held: until then no other tab could tell it is alive", async () => {
    const store = memoryStorage();
    const journal = createOwnedJournal(store, BASE, webLocks(new FakeLocks().forDocument(1)), "me");
    const { editor } = setup([], { journal, isOffline: () => true });
    void editor.submit(loaded(linked[9]), { kind: "sync", synced: true });
    expect(store.data.size).toBe(0);
    await settle();
    // Its key, listing its change, and the change under a key of its own.
    const keys = [...store.data.keys()];
    expect(keys).toHaveLength(2);
    expect(keys).toContain(`${BASE}:owner:me`);
    expect(keys.every((key) => key.startsWith(`${BASE}:owner:me`))).toBe(true);
  });
});
