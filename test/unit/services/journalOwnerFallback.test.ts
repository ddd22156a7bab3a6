/**
 * Issue 21 without Web Locks (a very old browser, an insecure page): nothing tells a live tab from a closed one, so
 * another tab's changes are never sent on their own, only when the user says so; an editor of the same document
 * that let its changes go (the user moved to another form) hands them over as with Web Locks.
 */
import type { Change } from "../../../SessionRegistrationGrid/model/changes";
import { ownerKey } from "../../../SessionRegistrationGrid/model/keptChanges";
import { changeKey, createJournal } from "../../../SessionRegistrationGrid/services/journal";
import { createDocumentLocks } from "../../../SessionRegistrationGrid/services/ownerLocks";
import { FakeDataverse } from "../../fixtures";
import { loaded, settle } from "./editorSetup";
import { activeRecords, BASE, browser, committed, conference, count, linked } from "./tabs";

describe("another tab's changes, without Web Locks", () => {
  it("are never sent on their own: the editor counts them, and sends them once when the user chooses to", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const { tab, kept } = browser(dataverse);
    const rows = [linked[30], linked[31]];
    const before = rows.map((r) => [count(dataverse, r), activeRecords(dataverse, r)]);
    // Tab A (its own document) checks two people in while offline; then it may be alive or closed: no one can tell.
    const a = tab({ offline: true, ownerLocks: createDocumentLocks() });
    for (const row of rows) await a.press(loaded(row)).done;
    const b = tab({ ownerLocks: createDocumentLocks() });
    const heard = jest.fn();
    b.editor.subscribe(heard);
    await settle();
    expect(b.editor.foreignWaiting()).toBe(2);
    expect(heard).toHaveBeenCalled();
    b.journal.lookAgain();
    await settle();
    expect(dataverse.calls).toEqual([]);
    expect(b.editor.busy()).toBe(false);

    b.editor.adoptForeign();
    expect(b.editor.foreignWaiting()).toBe(0);
    await settle();
    b.editor.adoptForeign();
    await settle();
    expect(rows.map((r) => [count(dataverse, r), activeRecords(dataverse, r)])).toEqual(before.map(([n, k]) => [n + 1, k + 1]));
    expect([committed(dataverse, "create"), committed(dataverse, "update")]).toEqual([2, 2]);
    expect(kept()).toEqual({});
  });

  it("the previous version's journal is one of them: it may be a tab still open, so it waits for the user too", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const { store, tab, kept } = browser(dataverse);
    const row = linked[32];
    const before = count(dataverse, row);
    const waiting = { id: "kept-1", rowId: row.msevtmgt_sessionregistrationid, name: "", edit: { kind: "count", value: 9 }, seen: loaded(row).fields, status: "waiting", source: "row", seq: 1, madeAt: 1 };
    store.setItem(BASE, JSON.stringify([waiting]));
    const b = tab({ ownerLocks: createDocumentLocks() });
    await settle();
    expect(b.editor.foreignWaiting()).toBe(1);
    expect(count(dataverse, row)).toBe(before);
    b.editor.adoptForeign();
    await settle();
    expect(count(dataverse, row)).toBe(9);
    expect(kept()).toEqual({});
  });
});

describe("another tab's storage writes", () => {
  it("only a write of an owner's list makes the editor look again: one of a change's own key (each step of a bulk run) reads nothing", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const { store, tab } = browser(dataverse);
    const b = tab({ ownerLocks: createDocumentLocks() });
    await settle();
    expect(b.editor.foreignWaiting()).toBe(0);
    // Another tab keeps a change: its own key first, then its list.
    const other = ownerKey(BASE, "another-tab");
    const waiting = { id: "kept-2", rowId: linked[35].msevtmgt_sessionregistrationid, name: "", edit: { kind: "count", value: 3 }, seen: loaded(linked[35]).fields, status: "waiting", source: "row", seq: 1, madeAt: 1 } as Change;
    createJournal(store, other).save([waiting]);
    const reads = jest.spyOn(store, "getItem");
    b.journal.lookAgain(changeKey(other, "kept-2"));
    expect(reads).not.toHaveBeenCalled();
    expect(b.editor.foreignWaiting()).toBe(0);
    b.journal.lookAgain(other);
    expect(reads).toHaveBeenCalled();
    expect(b.editor.foreignWaiting()).toBe(1);
  });
});

describe("the same document's editors, without Web Locks", () => {
  it("one disposed (the user moved to another form) hands its changes to the next on its own, sent once", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const { tab, kept } = browser(dataverse);
    const row = linked[33];
    const before = count(dataverse, row);
    const page = createDocumentLocks();
    const first = tab({ offline: true, ownerLocks: page });
    await first.press(loaded(row)).done;
    first.editor.dispose();
    const next = tab({ ownerLocks: page });
    await settle();
    expect(count(dataverse, row)).toBe(before + 1);
    expect(next.editor.foreignWaiting()).toBe(0);
    expect(kept()).toEqual({});
  });

  it("two grids of one page: the other's changes stay its own while it lives, and are taken at once when it is disposed", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const { tab, kept } = browser(dataverse);
    const row = linked[34];
    const before = count(dataverse, row);
    const page = createDocumentLocks();
    const first = tab({ offline: true, ownerLocks: page });
    await first.press(loaded(row)).done;
    const second = tab({ ownerLocks: page });
    await settle();
    expect(second.editor.foreignWaiting()).toBe(0);
    expect(second.editor.busy()).toBe(false);
    second.editor.adoptForeign();
    await settle();
    expect(dataverse.calls).toEqual([]);

    first.editor.dispose();
    await settle();
    expect(count(dataverse, row)).toBe(before + 1);
    expect(committed(dataverse, "update")).toBe(1);
    expect(kept()).toEqual({});
  });
});

describe("what one document knows without Web Locks", () => {
  it("an owner it never held is never taken as gone; one it held is, once let go, by each waiter in turn", async () => {
    const locks = createDocumentLocks();
    const adopted: string[] = [];
    const stop = new AbortController();
    locks.whenGone("other-tab", () => adopted.push("other-tab"), stop.signal);
    const letGo = await locks.hold("mine");
    locks.whenGone("mine", () => adopted.push("first"), stop.signal);
    locks.whenGone("mine", () => adopted.push("second"), stop.signal);
    await settle();
    expect(adopted).toEqual([]);
    letGo();
    locks.whenGone("mine", () => adopted.push("later"), stop.signal);
    stop.abort();
    await settle();
    expect(adopted).toEqual(["first", "second"]);
    expect([locks.tells("mine"), locks.tells("other-tab")]).toEqual([true, false]);
  });
});
