import { LEAD_MS, type Arrivals } from "./arrivals";
import type { Text } from "./text";

/**
 * The chart in words, its accessible name: "Arrivals: 84 checked in of 120; busiest 09:05 to 09:10 with 23"; without
 * a capacity "Arrivals: 84 checked in; …"; without a bin that has check-ins, no busiest part; nobody yet, says so.
 */
export function arrivalsSummary(arrivals: Arrivals, text: Text): string {
  const { people, capacity, busiest } = arrivals;
  if (!people) return capacity === undefined ? text("Arrivals_None") : text("Arrivals_NoneCapacity", capacity);
  if (!busiest) return capacity === undefined ? text("Arrivals_Summary", people) : text("Arrivals_SummaryCapacity", people, capacity);
  const from = text.time(busiest.from), to = text.time(busiest.to);
  return capacity === undefined
    ? text("Arrivals_SummaryBusiest", people, from, to, busiest.checkIns)
    : text("Arrivals_SummaryCapacityBusiest", people, capacity, from, to, busiest.checkIns);
}

/** A line of the chart's table: a 5-minute bin, or the check-ins before or after the window when there are any. */
export interface ArrivalRow {
  key: string;
  label: string;
  checkIns: number;
  /** People in by the end of it (none for "after": they were counted where they first came in, or not at all). */
  people?: number;
}

/** The same numbers as the chart, as a table: every check-in is on one line, so the lines add up to them all. */
export function arrivalRows(arrivals: Arrivals, text: Text): ArrivalRow[] {
  const { window, before, after, bins, start } = arrivals;
  const rows: ArrivalRow[] = [];
  // Before the chart opens (or, while it can't be drawn, before it will).
  const opens = window?.from ?? (start !== undefined ? start - LEAD_MS : undefined);
  if (before.checkIns) {
    rows.push({ key: "before", label: opens !== undefined ? text("Arrivals_TableBefore", text.time(opens)) : text("Arrivals_TableEarlier"), checkIns: before.checkIns, people: before.people });
  }
  for (const bin of bins) rows.push({ key: String(bin.from), label: text("Arrivals_TableRange", text.time(bin.from), text.time(bin.to)), checkIns: bin.checkIns, people: bin.people });
  if (after && window) rows.push({ key: "after", label: text("Arrivals_TableAfter", text.time(window.to)), checkIns: after });
  return rows;
}
