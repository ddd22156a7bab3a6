import { Column } from "../ManifestConstants";
import { bareGuid } from "./checkInRecord";
import { readLookup, type RecordSource } from "./rows";

/** A session as the Sessions strip shows it: its people checked in and registered (active registrations), and capacity. */
export interface SessionFill {
  id: string;
  name: string;
  checkedIn: number;
  registered: number;
  capacity?: number;
}

/** One group of Dataverse's aggregate: a session's active registrations with one value of the check-in count. */
export interface RegistrationGroup {
  session: string;
  /** The session's name, as the lookup is formatted. */
  name?: string;
  timesCheckedIn: number | null;
  registrations: number;
}

/**
 * The sessions the loaded records are for (their session lookup), each once, in their order. Read straight from the
 * records (one value each): the grid's rows read a record only when drawn, and this must not make them all read.
 */
export function sessionsOf(records: Iterable<RecordSource | undefined>): string[] {
  const ids = new Set<string>();
  for (const record of records) {
    const session = record && readLookup(record.getValue(Column.Session));
    if (session?.id) ids.add(bareGuid(session.id));
  }
  return [...ids];
}

/**
 * Each session's numbers from the aggregate's groups: registered is every active registration, checked in those
 * with a count of at least 1 (someone who re-entered counts once), as the room header counts them. A session with
 * no active registration has no group: it counts none.
 */
export function fillsOf(sessions: readonly string[], groups: readonly RegistrationGroup[], known: ReadonlyMap<string, { name?: string; capacity?: number }>): SessionFill[] {
  const fills = new Map<string, SessionFill>(sessions.map((id) => [id, { id, name: known.get(id)?.name ?? "", checkedIn: 0, registered: 0, capacity: known.get(id)?.capacity }]));
  for (const group of groups) {
    const fill = fills.get(bareGuid(group.session));
    if (!fill) continue;
    fill.registered += group.registrations;
    if ((group.timesCheckedIn ?? 0) >= 1) fill.checkedIn += group.registrations;
    if (!fill.name && group.name) fill.name = group.name;
  }
  return [...fills.values()];
}

/** How full a session is: checked in over capacity; none without a capacity. */
export const fillOf = (fill: SessionFill): number | undefined => (fill.capacity ? fill.checkedIn / fill.capacity : undefined);

/**
 * Fullest first: by checked in over capacity; sessions without a capacity after those with one, by people checked
 * in; then by registered over capacity (the one that will fill), then by name.
 */
export function fullestFirst(fills: readonly SessionFill[]): SessionFill[] {
  const demand = (f: SessionFill) => (f.capacity ? f.registered / f.capacity : 0);
  return [...fills].sort((a, b) => {
    const fa = fillOf(a), fb = fillOf(b);
    if ((fa === undefined) !== (fb === undefined)) return fa === undefined ? 1 : -1;
    return (fb ?? b.checkedIn) - (fa ?? a.checkedIn) || demand(b) - demand(a) || a.name.localeCompare(b.name);
  });
}
