/**
 * Issue 15: bugs the model-based soak (test/soak) found and that are fixed, each as a plain example named after
 * what broke. Those still open are in test/known/ (`npm run test:known`).
 */
import { createJournal, type KeyValueStore } from "../../../SessionRegistrationGrid/services/journal";
import { createOwnedJournal } from "../../../SessionRegistrationGrid/services/journalOwner";
import { webLocks } from "../../../SessionRegistrationGrid/services/ownerLocks";
import { FakeDataverse, INT32_MAX } from "../../fixtures";
import { FakeLocks, memoryStorage } from "../../fixtures/fakeLocks";
import { loaded, registration, settle, setup } from "./editorSetup";

const countOf = (dataverse: FakeDataverse, id: string) => dataverse.get(id)?.msevtmgt_timescheckedin;

describe("a count write without an answer, then this desk's next check-in before the retry (soak: lostWriteMistakenForLanded)", () => {
  it("a check-in whose write never landed, then the row's next check-in saved before its retry: both count (it was lost)", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const seen = loaded(row);
    let second: Promise<unknown> | undefined;
    const { dataverse, editor, press } = setup([row], {
      // After the lost write: the retry's fresh read is refused, and meanwhile the next person is checked in.
      sleep: async () => {
        if (second) return;
        dataverse.failNext({ kind: "privilege", op: "retrieve" });
        second = press(seen, 3000).done;
      },
    });
    // The count write never reaches Dataverse (the connection drops before it).
    dataverse.failNext({ kind: "network", op: "update" });
    expect((await press(seen).done)?.kind).toBe("privilege");
    await second;
    expect(countOf(dataverse, seen.id)).toBe(1);

    editor.retry(seen.id);
    await settle();
    // Two people were checked in and both check-ins were saved: the count must say 2.
    expect(editor.failures()).toEqual([]);
    expect(countOf(dataverse, seen.id)).toBe(2);
  });

});

describe("the largest count (soak: checkInAtMaximum)", () => {
  it("a check-in at the largest count sends no count out of range (it sent 2,147,483,648)", async () => {
    const row = registration({ msevtmgt_timescheckedin: INT32_MAX });
    const { updates, press } = setup([row]);
    await press(loaded(row)).done;
    for (const call of updates()) expect(call.data?.msevtmgt_timescheckedin).toBeLessThanOrEqual(INT32_MAX);
  });
});

describe("a reload while a count write is on its way (soak: reloadWhileWriting)", () => {
  it("a check-in sent just before a reload, the next page's attempt refused, then retried: counted once (it was counted twice)", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const seen = loaded(row);
    const store = new Map<string, string>();
    const keep: KeyValueStore = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) };
    const journal = () => createJournal(keep, "srg:test:reload");
    // The first page's count write is slow (the server is busy); everything else answers at once.
    let slow = true;
    const dataverse = new FakeDataverse({ data: { registrations: [row] }, latencyMs: (call) => (call.op === "update" && slow ? ((slow = false), 60) : 1) });
    const first = setup([], { dataverse, journal: journal(), probeMs: 60_000 });
    void first.press(seen).done;
    while (!dataverse.calls.some((c) => c.op === "update")) await new Promise((resolve) => setTimeout(resolve, 1));
    // The page is reloaded now; what it sent still lands, a little later.
    first.editor.dispose();
    dataverse.failNext({ kind: "privilege", op: "update" });
    const second = setup([], { dataverse, journal: journal(), probeMs: 60_000 });
    while (second.editor.failures().length === 0 || dataverse.calls.some((c) => c.outcome === "pending")) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(countOf(dataverse, seen.id)).toBe(1);

    second.editor.retry(seen.id);
    while (second.editor.busy()) await settle();
    // One press, one person.
    expect(countOf(dataverse, seen.id)).toBe(1);
  });
});

describe("a page left while a save retries (soak: disposedEditorWroteJournal)", () => {
  it("an editor disposed mid-retry keeps its steps in its own journal, never in the next page's editor's", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const other = registration();
    const store = memoryStorage();
    const locks = webLocks(new FakeLocks().forDocument(1));
    const journal = (id: string) => createOwnedJournal(store, "srg:test:dispose", locks, id);
    let next: ReturnType<typeof setup> | undefined;
    // The first attempt's create is lost; the page goes while the retry waits, and the next page's editor keeps a
    // change of its own, made offline.
    const leave = () => {
      if (next) return;
      first.editor.dispose();
      next = setup([], { dataverse: first.dataverse, journal: journal("next"), isOffline: () => true });
      void next.editor.submit(loaded(other), { kind: "sync", synced: true });
    };
    const first = setup([row, other], { journal: journal("first"), records: () => ({ create: true }), sleep: async () => leave() });
    const withEventRegistration = { ...loaded(row), refs: { ...loaded(row).refs, eventRegistration: { id: "00000000-0000-4000-9000-000000000001", name: "R-1", entityType: "msevtmgt_eventregistration" } } };
    first.dataverse.failNext({ kind: "network", op: "create" });
    await settle();
    void first.press(withEventRegistration).done;
    for (let i = 0; i < 20 && !first.dataverse.calls.some((c) => c.op === "create" && c.outcome !== "pending"); i++) await settle();
    await settle();
    // The old editor's steps went to its own key; the next editor's key holds the next editor's change alone.
    expect(createJournal(store, "srg:test:dispose:owner:next").load()).toEqual([expect.objectContaining({ edit: { kind: "sync", synced: true } })]);
    expect(first.dataverse.get(row.msevtmgt_sessionregistrationid)?.msevtmgt_timescheckedin).toBe(1);
  });
});

describe("a check-in saved, then the page gone before its next frame (soak, with tabs: savedLeftInJournal)", () => {
  it("a saved change leaves the journal at once: the next page does not send it again (it counted twice)", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const store = new Map<string, string>();
    const keep: KeyValueStore = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) };
    // No frame ever comes (the tab dies, or the grid was disposed and hears its answers unseen).
    const first = setup([row], { journal: createJournal(keep, "srg:test:saved"), schedule: () => undefined });
    await first.press(loaded(row)).done;
    expect(countOf(first.dataverse, row.msevtmgt_sessionregistrationid)).toBe(1);
    expect(store.has("srg:test:saved")).toBe(false);

    setup([], { dataverse: first.dataverse, journal: createJournal(keep, "srg:test:saved") });
    await settle();
    expect(countOf(first.dataverse, row.msevtmgt_sessionregistrationid)).toBe(1);
  });
});

describe("a grid disposed while its save meets a dead connection (soak, with tabs: probeAfterDispose)", () => {
  it("sets no probe: nothing of a disposed editor outlives it", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    try {
      const row = registration();
      let leave = () => undefined as void;
      const { dataverse, editor, press } = setup([row], { probeMs: 15_000, sleep: async () => leave() });
      leave = () => editor.dispose();
      dataverse.setNetwork(false);
      await press(loaded(row)).done;
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
