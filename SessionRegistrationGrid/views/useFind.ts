import * as React from "react";
import { countFilters, inQuickFilter, type FilterCounts, type QuickFilter } from "../model/room";
import { sameData } from "../model/sameData";
import { afterNextPaint } from "./afterPaint";
import { findRows } from "../model/search";
import type { PagingState, RegistrationRow } from "../model/types";
import type { GridServices } from "./gridTypes";

/** How many of a search's matches the desk asks the latest check-in times for: more than a screen shows. */
const TIMES_FOR = 50;

export interface Find {
  query: string;
  setQuery(query: string): void;
  filter: QuickFilter;
  setFilter(filter: QuickFilter): void;
  /** What the list shows: the search's matches in the chosen quick filter (the same array while they are the same). */
  rows: readonly RegistrationRow[];
  /** Each quick filter's count among the search's matches; undefined the moment before they are first counted. */
  counts?: FilterCounts;
  /** The search or a quick filter narrows the list. */
  narrowed: boolean;
}

const sameRows = (a: readonly RegistrationRow[], b: readonly RegistrationRow[]) => a.length === b.length && a.every((row, i) => row === b[i]);

/**
 * The desk's search and quick filters over the rows the grid holds, following every edit (a check-in moves a row
 * from "Not checked in" to "Checked in"). Searching, a quick filter or a session's form needs every row of the
 * view: the rest is loaded in the background.
 */
export function useFind(all: readonly RegistrationRow[], dataVersion: number, paging: PagingState, services: GridServices): Find {
  const { editor, desk, actions, onSessionForm } = services;
  const [query, setQuery] = React.useState("");
  const [filter, setFilter] = React.useState<QuickFilter>("all");
  const [edits, rerender] = React.useReducer((n: number) => n + 1, 0);
  React.useEffect(() => editor.subscribe(rerender), [editor]);
  const matches = React.useMemo(() => findRows(all, query), [all, query]);
  // Only a quick filter needs every match's fields now; "All" is the matches as they are (no row read for them).
  const wanted = filter === "all" ? matches : matches.filter((row) => inQuickFilter(filter, editor.shown(row)));
  // Counted again after each edit and each load (a load may change rows nothing has read yet).
  const counts = useCounts(matches, editor, edits, dataVersion);
  const kept = React.useRef(wanted);
  if (!sameRows(kept.current, wanted)) kept.current = wanted;
  const narrowed = query.trim() !== "" || filter !== "all";

  const needsAll = narrowed || onSessionForm;
  React.useEffect(() => {
    if (needsAll && paging.hasMore && !paging.loadingAll) actions.loadAll();
  }, [needsAll, paging.hasMore, paging.loadingAll, actions]);
  // Before the press, the matches show whether each person is already in, and since when.
  const searched = query.trim() !== "" && matches;
  React.useEffect(() => {
    if (searched) desk.readLatestCheckIns(searched.slice(0, TIMES_FOR));
  }, [searched, desk]);

  return { query, setQuery, filter, setFilter, rows: kept.current, counts, narrowed };
}

/**
 * Each quick filter's count among the matches, counted just after the frame that shows them (and again after each
 * edit): at 5,000 registrations a count is not what a first paint or a check-in's paint should wait for.
 */
function useCounts(matches: readonly RegistrationRow[], editor: GridServices["editor"], edits: number, dataVersion: number): FilterCounts | undefined {
  const [counts, setCounts] = React.useState<FilterCounts>();
  React.useEffect(
    () =>
      afterNextPaint(() => {
        const next = countFilters(matches.map(editor.shown));
        setCounts((before) => (before && sameData(before, next) ? before : next));
      }),
    [matches, editor, edits, dataVersion],
  );
  return counts;
}

