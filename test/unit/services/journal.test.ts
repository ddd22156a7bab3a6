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
