/**
 * Arrivals at a session's door: its active check-ins in 5-minute bins from 30 minutes before the start to the end
 * (or now, whichever comes first), the people checked in so far (someone who re-enters counts once, at their first
 * check-in) and the busiest 5 minutes. Moments are ms since 1970 (real instants); see `venueInstant` for the
 * session's own times, which Dataverse keeps time-zone independent.
 */

/** One active check-in record as the chart counts it. */
export interface Arrival {
  /** The check-in record's id (a check-in being saved uses the id its record will have). */
  id: string;
  /** Who came in: the attendee (contact), else the session registration, else the record itself. */
  person: string;
  at: number;
}

/** What the chart knows of the session: its start and end (instants) and capacity, each when it has one. */
export interface SessionTimes {
  start?: number;
  end?: number;
  capacity?: number;
}

export const BIN_MS = 5 * 60_000;
/** The chart opens this long before the session starts: the people waiting at the door. */
export const LEAD_MS = 30 * 60_000;
/** A day of bins at most (a session without an end, or a very long one): the rest counts as after. */
export const MAX_BINS = 288;

export interface ArrivalBin {
  from: number;
  to: number;
  checkIns: number;
  /** People checked in by the end of this bin (the running total, those before the window included). */
  people: number;
}

export interface Arrivals {
  bins: readonly ArrivalBin[];
  /** Where the bins start and stop (stop: the end or now); none while nothing can be drawn. */
  window?: { from: number; to: number };
  /** Every active check-in, and every person with one, inside the window or not. */
  checkIns: number;
  people: number;
  /** Check-ins before the window opens, and the people already in when it does. */
  before: { checkIns: number; people: number };
  /** Check-ins after the window closes (past the session's end, or a clock ahead of this one). */
  after: number;
  /** The bin with the most check-ins (the earliest of equals); none when no bin has any. */
  busiest?: ArrivalBin;
  start?: number;
  capacity?: number;
}

/** The window the bins cover: from the start less 30 minutes (without a start, the first check-in's 5 minutes). */
function windowOf(session: SessionTimes, first: number | undefined, now: number): { from: number; to: number } | undefined {
  const from = session.start !== undefined ? session.start - LEAD_MS : first !== undefined ? Math.floor(first / BIN_MS) * BIN_MS : undefined;
  if (from === undefined) return undefined;
  const to = Math.min(session.end ?? Infinity, now, from + MAX_BINS * BIN_MS);
  return to > from ? { from, to } : undefined;
}

const byTime = (a: Arrival, b: Arrival) => a.at - b.at;
const inOrder = (list: readonly Arrival[]) => list.every((a, i) => i === 0 || list[i - 1].at <= a.at);

/** `checkIns` in time order cost no sort (currentArrivals keeps them so: a press at 5,000 rows stays cheap). */
export function arrivalsOf(checkIns: readonly Arrival[], session: SessionTimes, now: number): Arrivals {
  const sorted = inOrder(checkIns) ? checkIns : [...checkIns].sort(byTime);
  const window = windowOf(session, sorted[0]?.at, now);
  const count = window ? Math.ceil((window.to - window.from) / BIN_MS) : 0;
  const bins: ArrivalBin[] = Array.from({ length: count }, (_, i) => ({ from: window!.from + i * BIN_MS, to: window!.from + (i + 1) * BIN_MS, checkIns: 0, people: 0 }));
  const arrived = new Array<number>(count).fill(0);
  const seen = new Set<string>();
  const before = { checkIns: 0, people: 0 };
  let after = 0;
  for (const { person, at } of sorted) {
    const first = !seen.has(person);
    seen.add(person);
    if (!window || at < window.from) {
      before.checkIns++;
      if (first) before.people++;
    } else if (at > window.to) {
      after++;
    } else {
      // A check-in at the very moment the window ends (the press that moved "now") is in its last bin.
      const i = Math.min(count - 1, Math.floor((at - window.from) / BIN_MS));
      bins[i].checkIns++;
      if (first) arrived[i]++;
    }
  }
  let people = before.people;
  let busiest: ArrivalBin | undefined;
  bins.forEach((bin, i) => {
    bin.people = people += arrived[i];
    if (bin.checkIns > (busiest?.checkIns ?? 0)) busiest = bin;
  });
  return { bins, window, checkIns: sorted.length, people: seen.size, before, after, busiest, start: session.start, capacity: session.capacity };
}

/**
 * What the chart counts now, in time order: the check-ins read from Dataverse (`stored`, in time order) and those this
 * page made (saved, or still being saved: the chart moves at the press, as the row's count does), each once by id,
 * without those taken back (an undo saved or on its way) or not counted by the row (a check-in that failed).
 */
export function currentArrivals(stored: readonly Arrival[], mine: readonly Arrival[], hidden: ReadonlySet<string>): readonly Arrival[] {
  const read = new Set(stored.map((a) => a.id));
  const kept = hidden.size ? stored.filter((a) => !hidden.has(a.id)) : stored;
  const extra = mine.filter((a) => !read.has(a.id) && !hidden.has(a.id)).sort(byTime);
  if (!extra.length) return kept;
  // The few of this page's merged into the many read: one pass, no sort of them all.
  const merged: Arrival[] = [];
  let j = 0;
  for (const a of kept) {
    while (j < extra.length && extra[j].at < a.at) merged.push(extra[j++]);
    merged.push(a);
  }
  return merged.concat(extra.slice(j));
}

/**
 * A session's start or end as an instant. Dataverse keeps them TimeZoneIndependent: the wall clock at the venue,
 * written with a "Z" that means nothing. They are read as the user's own time zone (an organiser at the door has
 * the venue's), so 09:00 is 09:00 on the user's clock: the bins are then real moments, comparable with check-in
 * times (UserLocal: true instants) and with now, and formatted back in the user's zone they read 09:00 again.
 * `offsetMinutes` is the user's offset from UTC on that day (context.userSettings.getTimeZoneOffsetMinutes).
 */
export function venueInstant(stored: string | undefined, offsetMinutes: (at: Date) => number): number | undefined {
  const wall = stored ? Date.parse(stored) : NaN;
  return Number.isFinite(wall) ? wall - offsetMinutes(new Date(wall)) * 60_000 : undefined;
}
