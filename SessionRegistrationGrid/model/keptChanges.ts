import type { Change } from "./changes";

/**
 * Unsaved changes are kept per owner: one editor (one grid control instance) under the environment, user and
 * table's base key. The previous version kept them under the base key alone, which is read as one more owner.
 */
export const ownerKey = (baseKey: string, owner: string) => `${baseKey}:owner:${owner}`;

/**
 * The stored keys that hold other owners' changes of this base key, the previous version's included: an owner's key
 * lists its changes, each kept under a key of its own below it (`<owner key>:c:<id>`), which is not an owner.
 */
export function otherOwners(keys: readonly (string | null)[], baseKey: string, own: string): string[] {
  const prefix = `${baseKey}:owner:`;
  return keys.filter((k): k is string => !!k && k !== own && (k === baseKey || (k.startsWith(prefix) && !k.slice(prefix.length).includes(":"))));
}

/**
 * Several owners' changes as one list in the order they were made. Seqs of different owners can't be compared
 * (each owner counts on its own), so each owner's order is kept and, between owners, the one made first goes first.
 */
export function inMadeOrder(owners: readonly (readonly Change[])[]): Change[] {
  const lists = owners.map((list) => [...list].sort((a, b) => a.seq - b.seq));
  const merged: Change[] = [];
  for (;;) {
    let next: Change[] | undefined;
    for (const list of lists) if (list.length && (!next || list[0].madeAt < next[0].madeAt)) next = list;
    if (!next) return merged;
    merged.push(next.shift()!);
  }
}

/**
 * The kept changes an editor takes on: those it doesn't hold yet (a change is one change wherever it was kept),
 * numbered in the order given after its own and after their own numbers (a change's seq never goes down), so they
 * are sent after its own and in their order. Each waits its turn again (a failed one waits for the user) and keeps
 * its recorded steps, so sending finishes where it stopped.
 */
export function changesToTake(kept: readonly Change[], held: readonly Change[], lastSeq: number): Change[] {
  const ids = new Set(held.map((c) => c.id));
  const fresh = kept.filter((c) => !ids.has(c.id) && !!ids.add(c.id));
  const after = Math.max(lastSeq, ...fresh.map((c) => c.seq));
  return fresh.map((c, i) => ({ ...c, seq: after + i + 1, status: c.status === "failed" ? "failed" : "queued" }));
}
