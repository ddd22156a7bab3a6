/** The journal keeps unsaved changes between page loads; what it cannot read as a list of changes it ignores, with a warning. */
import type { Change } from "../../../SessionRegistrationGrid/model/changes";
import { createJournal, type KeyValueStore } from "../../../SessionRegistrationGrid/services/journal";

const KEY = "srg:test:journal";

function storeHolding(value: unknown): KeyValueStore {
  const data = new Map([[KEY, JSON.stringify(value)]]);
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const change = { id: "c1", rowId: "row-1", name: "Ada", edit: { kind: "checkIn" }, seen: {}, status: "queued", source: "user", seq: 1, madeAt: 1 } as unknown as Change;

let warn: jest.SpyInstance;
beforeEach(() => (warn = jest.spyOn(console, "warn").mockImplementation(() => undefined)));

describe("loading the journal", () => {
  it("gives back a list of changes as it was kept", () => {
    expect(createJournal(storeHolding([change]), KEY).load()).toEqual([change]);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ["without a registration", { ...change, rowId: "" }],
    ["without an edit kind", { ...change, edit: {} }],
    ["without an edit", { ...change, edit: undefined }],
    ["without an order", { ...change, seq: 0 }],
  ])("a kept entry %s is not a change: nothing is loaded, and a warning says why", (_, entry) => {
    expect(createJournal(storeHolding([change, entry]), KEY).load()).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("the warning names the journal's key and says the data is not a list of changes", () => {
    createJournal(storeHolding([{ seq: 3 }]), KEY).load();
    expect(warn).toHaveBeenCalledWith(KEY, "not a list of changes");
  });
});

describe("keeping the journal", () => {
  /** A store that counts the text it is given. */
  function countingStore() {
    const data = new Map<string, string>();
    const store = { data, written: 0, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void (data.set(k, v), (store.written += v.length)), removeItem: (k: string) => void data.delete(k) };
    return store;
  }
  const changes = (n: number) => Array.from({ length: n }, (_, i) => ({ ...change, id: `c${i}`, rowId: `row-${i}`, seq: i + 1 }) as Change);

  it("keeps each change under a key of its own, listed under the journal's key, and reads them back in order", () => {
    const store = countingStore();
    const journal = createJournal(store, KEY);
    const kept = changes(3);
    journal.save(kept);
    expect(JSON.parse(store.data.get(KEY)!)).toEqual(["c0", "c1", "c2"]);
    expect(JSON.parse(store.data.get(`${KEY}:c:c1`)!)).toEqual(kept[1]);
    expect(createJournal(store, KEY).load()).toEqual(kept);
  });

  it("a step of one change writes that change alone, however many others wait (a bulk run)", () => {
    const store = countingStore();
    const journal = createJournal(store, KEY);
    const kept = changes(500);
    journal.save(kept);
    store.written = 0;
    const stepped = [...kept];
    stepped[250] = { ...kept[250], recordSent: true };
    journal.save(stepped);
    expect(store.written).toBeLessThan(JSON.stringify(stepped[250]).length + 1);
    expect(createJournal(store, KEY).load()[250].recordSent).toBe(true);
  });

  it("a change that leaves goes from the list first, then its own key; nothing is left when all are saved", () => {
    const store = countingStore();
    const journal = createJournal(store, KEY);
    const kept = changes(2);
    journal.save(kept);
    journal.save([kept[1]]);
    expect(store.data.has(`${KEY}:c:c0`)).toBe(false);
    expect(createJournal(store, KEY).load()).toEqual([kept[1]]);
    journal.save([]);
    expect([...store.data.keys()]).toEqual([]);
  });

  it("a journal read by the next page replaces and removes what the last one kept", () => {
    const store = countingStore();
    createJournal(store, KEY).save(changes(2));
    const next = createJournal(store, KEY);
    const [first, second] = next.load();
    next.save([{ ...second, status: "failed" }]);
    expect(store.data.has(`${KEY}:c:${first.id}`)).toBe(false);
    expect(createJournal(store, KEY).load()).toEqual([{ ...second, status: "failed" }]);
  });

  it("reads the previous version's journal (the whole list under its key), and clears either kind", () => {
    const old = storeHolding([change]);
    expect(createJournal(old, KEY).load()).toEqual([change]);
    createJournal(old, KEY).clear();
    expect(old.getItem(KEY)).toBeNull();
    const store = countingStore();
    createJournal(store, KEY).save(changes(2));
    createJournal(store, KEY).clear();
    expect([...store.data.keys()]).toEqual([]);
  });
});
