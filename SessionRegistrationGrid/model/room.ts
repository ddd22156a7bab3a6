import { State } from "../ManifestConstants";
import type { RegistrationFields } from "./types";

/**
 * The desk's quick filters. "Not checked in" and "Checked in" hold active registrations (count 0, count 1 or more);
 * cancelled ones are only under "Cancelled".
 */
export type QuickFilter = "all" | "notCheckedIn" | "checkedIn" | "cancelled";
export const QUICK_FILTERS: readonly QuickFilter[] = ["all", "notCheckedIn", "checkedIn", "cancelled"];

export function quickFilterOf(fields: RegistrationFields): Exclude<QuickFilter, "all"> {
  if (fields.state !== State.Active) return "cancelled";
  return (fields.timesCheckedIn ?? 0) > 0 ? "checkedIn" : "notCheckedIn";
}

export function inQuickFilter(filter: QuickFilter, fields: RegistrationFields): boolean {
  return filter === "all" || quickFilterOf(fields) === filter;
}

export type FilterCounts = Record<QuickFilter, number>;

/** How many registrations each quick filter holds, over the fields the grid shows. */
export function countFilters(shown: Iterable<RegistrationFields>): FilterCounts {
  const counts: FilterCounts = { all: 0, notCheckedIn: 0, checkedIn: 0, cancelled: 0 };
  for (const fields of shown) {
    counts.all++;
    counts[quickFilterOf(fields)]++;
  }
  return counts;
}

/**
 * The room: people checked in (active registrations with a count of at least 1: someone who re-enters counts
 * once), people registered (active registrations) and the session's capacity, when it has one.
 */
export interface Room {
  checkedIn: number;
  registered: number;
  capacity?: number;
}

/** A session's maximum capacity as Dataverse holds it (0..50,000): none, or 0, means the session sets no limit. */
export function capacityOf(value: unknown): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : undefined;
}

export function roomOf(counts: FilterCounts, capacity?: number): Room {
  return { checkedIn: counts.checkedIn, registered: counts.checkedIn + counts.notCheckedIn, capacity };
}

export const isFull = (room: Room): boolean => room.capacity !== undefined && room.checkedIn >= room.capacity;

/** What the desk asks before checking people in past capacity: the room's numbers, and how many would come in. */
export interface FullRoomQuestion {
  checkedIn: number;
  capacity: number;
  /** People not yet in whom this check-in (or bulk run) would add. */
  adding: number;
}

/**
 * Whether checking in people whose counts are `counts` needs asking first: only first check-ins add a person (someone
 * already in re-enters freely), and only when the people in would then be more than the capacity. One question for
 * a whole bulk run, with its numbers.
 */
export function fullRoomQuestion(room: Room, counts: readonly (number | null)[]): FullRoomQuestion | undefined {
  if (room.capacity === undefined) return undefined;
  const adding = counts.filter((count) => !count).length;
  return adding > 0 && room.checkedIn + adding > room.capacity ? { checkedIn: room.checkedIn, capacity: room.capacity, adding } : undefined;
}
