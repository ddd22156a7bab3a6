/** Issue 21: which stored keys are other owners' journals, and the order their changes are taken on in. */
import { changesToTake, inMadeOrder, otherOwners, ownerKey } from "../../../SessionRegistrationGrid/model/keptChanges";
import { change } from "./changeFixtures";

const BASE = "srg:https://contoso.crm.dynamics.com:user-1:msevtmgt_sessionregistration";

describe("other owners' journals", () => {
  it("are the previous version's key and every other editor's key of this environment, user and table", () => {
    const mine = ownerKey(BASE, "me");
    const keys = [BASE, mine, ownerKey(BASE, "tab-b"), null, `${BASE}x`, `${BASE}:other`, ownerKey(`${BASE}2`, "c"), "srg-harness:dataverse:1/2", ownerKey(BASE, "tab-c")];
    expect(otherOwners(keys, BASE, mine)).toEqual([BASE, ownerKey(BASE, "tab-b"), ownerKey(BASE, "tab-c")]);
  });

  it("an owner's key names the owner after the base key", () => {
    expect(ownerKey(BASE, "42")).toBe(`${BASE}:owner:42`);
  });
});

describe("the order adopted changes are sent in", () => {
  it("keeps each owner's own order, whatever its madeAt says, and puts the one made first first between owners", () => {
    // Owner A's second change was adopted from elsewhere earlier: made before its first, numbered after it.
    const a1 = change({ kind: "checkIn" }, { id: "a1", seq: 1, madeAt: 100 });
    const a2 = change({ kind: "count", value: 5 }, { id: "a2", seq: 2, madeAt: 50 });
    const a3 = change({ kind: "checkIn" }, { id: "a3", seq: 3, madeAt: 400 });
    const b1 = change({ kind: "checkIn" }, { id: "b1", seq: 7, madeAt: 80 });
    const b2 = change({ kind: "sync", synced: true }, { id: "b2", seq: 8, madeAt: 300 });
    expect(inMadeOrder([[a3, a1, a2], [b2, b1]]).map((c) => c.id)).toEqual(["b1", "a1", "a2", "b2", "a3"]);
  });

  it("one owner's changes come back in the order they were made (seq), whatever order they were kept in", () => {
    const [x, y, z] = [3, 1, 2].map((seq) => change({ kind: "checkIn" }, { id: `s${seq}`, seq, madeAt: 0 }));
    expect(inMadeOrder([[x, y, z]]).map((c) => c.id)).toEqual(["s1", "s2", "s3"]);
    expect(inMadeOrder([])).toEqual([]);
  });
});

describe("the changes an editor takes on", () => {
  it("are numbered after its own and their own numbers, wait their turn again (a failed one for the user) and keep what their attempts did", () => {
    const held = [change({ kind: "checkIn" }, { id: "mine", seq: 9 })];
    const saving = change({ kind: "checkIn" }, { id: "k1", seq: 4, status: "saving", record: "made", recordSent: true, unconfirmed: { count: 3, readVersion: "7" } });
    const waiting = change({ kind: "sync", synced: true }, { id: "k2", seq: 2, status: "waiting" });
    const failed = change({ kind: "count", value: 5 }, { id: "k3", seq: 1, status: "failed", problem: { kind: "rejected", detail: "" } });
    const taken = changesToTake([saving, waiting, failed], held, 9);
    expect(taken.map((c) => [c.id, c.seq, c.status])).toEqual([["k1", 10, "queued"], ["k2", 11, "queued"], ["k3", 12, "failed"]]);
    expect(taken[0]).toMatchObject({ record: "made", recordSent: true, unconfirmed: { count: 3, readVersion: "7" }, madeAt: saving.madeAt });
    expect(taken[2].problem).toEqual({ kind: "rejected", detail: "" });
    // Kept with higher numbers than this editor's: a change's number never goes down when it moves.
    expect(changesToTake([{ ...waiting, seq: 40 }, { ...failed, seq: 41 }], held, 9).map((c) => c.seq)).toEqual([42, 43]);
  });

  it("a change it holds already, or kept twice, is one change: taken once", () => {
    const held = [change({ kind: "checkIn" }, { id: "same" })];
    const kept = [change({ kind: "checkIn" }, { id: "same", seq: 1 }), change({ kind: "checkIn" }, { id: "twice", seq: 2 }), change({ kind: "checkIn" }, { id: "twice", seq: 2 })];
    expect(changesToTake(kept, held, 4).map((c) => [c.id, c.seq])).toEqual([["twice", 5]]);
  });
});
