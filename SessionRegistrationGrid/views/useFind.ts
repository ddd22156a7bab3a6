import * as React from "react";
import { countFilters, inQuickFilter, type FilterCounts, type QuickFilter } from "../model/room";
import { afterNextPaint, inIdleSlices } from "./afterPaint";
import { useCountAfterPaint } from "./useCountAfterPaint";
import { findRows, readForSearch } from "../model/search";
import type { PagingState, RegistrationRow } from "../model/types";
import type { GridServices } from "./gridTypes";

/** How many of a search's matches the desk asks the latest check-in times for: more than a screen shows. */
const TIMES_FOR = 50;
/** Registrations read ahead per idle task: a few milliseconds' work, so a key press never waits long behind one. */
const READ_AHEAD_SLICE = 250;

export interface Find {
  /** What the box holds. */
  query: string;
  /** The box's new text; `keyGapMs`, the time since the key before (a badge scanner types a code in a burst). */
  setQuery(query: string, keyGapMs?: number): void;
  /**
   * Empties the box for the next person at once (after Enter checked someone in); the list shows every row again
   * once the frame with the status line is painted.
   */
  clearForNext(): void;
  filter: QuickFilter;
  setFilter(filter: QuickFilter): void;
  /** What the list shows: the search's matches in the chosen quick filter (the same array while they are the same). */
  rows: readonly RegistrationRow[];
  /** Each quick filter's count among the search's matches; undefined the moment before they are first counted. */
  counts?: FilterCounts;
  /** The search or a quick filter narrows the list. */
  narrowed: boolean;
  /** What narrows the list (the query it is filtered by and the quick filter): another one is a new search. */
  search: string;
  /** The box has the focus: the desk is in use, and reads ahead what a search or a scan needs. */
  boxFocused(): void;
}

const sameRows = (a: readonly RegistrationRow[], b: readonly RegistrationRow[]) => a === b || (a.length === b.length && a.every((row, i) => row === b[i]));

/**
 * The desk's search and quick filters over the rows the grid holds, following every edit (a check-in moves a row
 * from "Not checked in" to "Checked in"). Searching, a quick filter or a session's form needs every row of the
 * view: the rest is loaded in the background.
 */
export function useFind(all: readonly RegistrationRow[], dataVersion: number, paging: PagingState, services: GridServices): Find {
  const { editor, desk, actions, onSessionForm } = services;
  const { query, listed, setQuery, clearForNext } = useQuery();
  const [filter, setFilter] = React.useState<QuickFilter>("all");
  // A quick filter shows rows by what their edits make them (a check-in moves a row from "Not checked in" to
  // "Checked in"): the grid follows every edit then. With "All" an edit changes nothing drawn here but the counts,
  // which follow edits themselves, after the edit's frame: a press redraws its row, not the grid.
  useRerenderOnEdits(editor, filter !== "all");
  const matches = React.useMemo(() => findRows(all, listed), [all, listed]);
  // Only a quick filter needs every match's fields now; "All" is the matches as they are (no row read for them).
  const wanted = filter === "all" ? matches : matches.filter((row) => inQuickFilter(filter, editor.shown(row)));
  // Each quick filter's count among the matches, again after each edit and each load (a load may change rows
  // nothing has read yet).
  const counts = useCountAfterPaint(() => countFilters(matches.map(editor.shown)), [editor.subscribe], [matches, editor, dataVersion]);
  const kept = React.useRef(wanted);
  if (!sameRows(kept.current, wanted)) kept.current = wanted;
  const narrowed = listed.trim() !== "" || filter !== "all";

  const needsAll = narrowed || onSessionForm;
  React.useEffect(() => {
    if (needsAll && paging.hasMore && !paging.loadingAll) actions.loadAll();
  }, [needsAll, paging.hasMore, paging.loadingAll, actions]);
  // Once the box has had the focus, after each load and in idle moments, the desk reads ahead what searches and
  // scans look at: every registration's name and lookups, and an index of the badge codes. The first key press and
  // a scan's Enter then find their rows at once, instead of reading every row of a large view (5,000: 40-90 ms).
  const [focusedHere, setFocusedHere] = React.useState(false);
  const boxFocused = React.useCallback(() => setFocusedHere(true), []);
  // Text put in the box without a focus (a host filling it) counts too.
  const typedHere = React.useRef(false);
  if (query) typedHere.current = true;
  const deskInUse = focusedHere || typedHere.current;
  // The codes' index comes last: by then the slices have read every registration's lookups, so it only files them
  // (made first, it would read all 5,000 in one task).
  React.useEffect(
    () => (deskInUse ? inIdleSlices(all.length, READ_AHEAD_SLICE, (i) => readForSearch(all[i]), desk.prepareForScans) : undefined),
    [deskInUse, all, dataVersion, desk],
  );
  // Before the press, the matches show whether each person is already in, and since when.
  const searched = listed.trim() !== "" && matches;
  React.useEffect(() => {
    if (searched) desk.readLatestCheckIns(searched.slice(0, TIMES_FOR));
  }, [searched, desk]);

  return { query, setQuery, clearForNext, filter, setFilter, rows: kept.current, counts, narrowed, search: `${filter}:${listed}`, boxFocused };
}

/** Keys closer together than this are a badge scanner typing its code (5 to 20 ms a character); a person's are further apart. */
export const SCANNER_KEY_GAP_MS = 30;

/**
 * The box's text, and the query the list is filtered by. They are the same, except in two moments:
 * - while a scanner types a code, the list follows when its keys pause: redrawing a page of rows at each of 36
 *   characters would take longer than the characters come, and the Enter at its end would wait behind them;
 * - the frame after Enter: the box empties at once while the list keeps its match until the status line
 *   ("Checking in …") is painted, which is what the person at the desk reads first.
 */
function useQuery() {
  const [query, setBoxQuery] = React.useState("");
  const [listed, setListed] = React.useState("");
  const pending = React.useRef<() => void>();
  const cancelPending = () => {
    pending.current?.();
    pending.current = undefined;
  };
  React.useEffect(() => cancelPending, []);
  const listLater = (next: string, schedule: (work: () => void) => () => void) => {
    pending.current = schedule(() => {
      pending.current = undefined;
      setListed(next);
    });
  };
  const setQuery = React.useCallback((next: string, keyGapMs = Infinity) => {
    cancelPending();
    setBoxQuery(next);
    if (keyGapMs < SCANNER_KEY_GAP_MS) listLater(next, afterKeysPause);
    else setListed(next);
  }, []);
  const clearForNext = React.useCallback(() => {
    cancelPending();
    setBoxQuery("");
    listLater("", afterNextPaint);
  }, []);
  return { query, listed, setQuery, clearForNext };
}

function afterKeysPause(work: () => void): () => void {
  const timer = setTimeout(work, SCANNER_KEY_GAP_MS);
  return () => clearTimeout(timer);
}

function useRerenderOnEdits(editor: GridServices["editor"], follow: boolean) {
  const [, rerender] = React.useReducer((n: number) => n + 1, 0);
  React.useEffect(() => (follow ? editor.subscribe(rerender) : undefined), [editor, follow]);
}
