import { indexCodes, type CodeLookup } from "../model/badgeCode";
import { buildColumns, missingColumns, REQUIRED_COLUMNS } from "../model/columns";
import { createRowSet } from "../model/rowSet";
import { fromDatasetSort, toDatasetSort } from "../model/sorting";
import type { Text } from "../model/text";
import type { GridColumn, GridSnapshot, RegistrationRow, SortState, ViewColumn } from "../model/types";
import { MAX_PAGE_SIZE } from "../ManifestConstants";
import { sameData } from "../model/sameData";
import type { DatasetActions } from "../views/gridTypes";

type DataSet = ComponentFramework.PropertyTypes.DataSet;

/** Model-driven only: the typings don't declare it. */
type WithAddColumn = DataSet & { addColumn?: (name: string, entityAlias?: string) => void };

export interface DatasetAdapter extends DatasetActions {
  /** Called from updateView with the dataset the platform hands over this time. Reads rows only when they changed. */
  snapshot(dataset: DataSet): GridSnapshot;
  /** Ids of the rows the last snapshot found new or changed (none when the records were the ones it had read). */
  changedIds(): readonly string[];
  /** The row the grid holds for a registration, if it holds it. */
  row(id: string): RegistrationRow | undefined;
  /** Every row the grid holds, in the view's order. */
  rows(): readonly RegistrationRow[];
  /** The registrations each badge code points at, among the rows the grid holds: indexed once per load. */
  codes(): CodeLookup;
  /** The view has rows the grid has not loaded (or is loading). */
  hasMore(): boolean;
  /**
   * The page size (1–5000, as clampPageSize gives it) applies at the next refresh (which also goes back to the
   * first page), at the next snapshot.
   */
  setPageSize(pageSize: number): void;
  refresh(): void;
  /**
   * Loads every page of the view in the background (pages of 5,000), for the desk's search and the room's numbers.
   * Resolves once nothing more is to load, or a load failed.
   */
  loadAll(): Promise<void>;
}

/**
 * The only reader of the PCF dataset: turns it into a plain snapshot (reusing unchanged rows) and carries the
 * grid's requests back to it. Loads never overlap: a refresh asked for while one is running waits for its data.
 */
export function createDatasetAdapter(initial: DataSet, text: Text, readColumns: () => readonly string[] = () => [], watched: () => Iterable<string> = () => []): DatasetAdapter {
  let dataset = initial;
  const rowSet = createRowSet(text("Grid_NoName"));
  let columns: GridColumn[] = [];
  let rows: readonly RegistrationRow[] = [];
  let changed: readonly string[] = [];
  let dataVersion = 0;
  let codes: { version: number; lookup: CodeLookup } | undefined;
  let readFrom: unknown[] = [];
  const requested = new Set<string>();
  let load: "refresh" | "page" | undefined;
  /** The records object when the running load started: its data has arrived once the dataset holds another. */
  let loadFrom: unknown;
  let refreshWaiting = false;
  let requestedPageSize: number | undefined;
  let askedForLargestPage = false;
  /** Who waits for every page to be loaded (loadAll), while some are not. */
  let allWaiters: (() => void)[] = [];

  const start = (kind: "refresh" | "page") => {
    load = kind;
    loadFrom = dataset.records;
  };

  const loadMore = () => {
    if (load || dataset.loading || !dataset.paging.hasNextPage) return;
    start("page");
    dataset.paging.loadNextPage();
  };

  const refresh = () => {
    refreshWaiting = !!(load || dataset.loading);
    if (refreshWaiting) return;
    start("refresh");
    dataset.refresh();
  };

  /**
   * Asks for the count, sync and status columns when the view lacks them, and for the columns the control reads
   * without showing them (a check-in record's lookups). Only model-driven apps can; each column is asked for
   * once, and one refresh brings them all.
   */
  const requestMissingColumns = () => {
    const addColumn = (dataset as WithAddColumn).addColumn;
    if (!addColumn) return;
    const missing = missingColumns(dataset.columns as unknown as ViewColumn[], [...REQUIRED_COLUMNS, ...readColumns()]).filter((c) => !requested.has(c));
    for (const name of missing) {
      requested.add(name);
      addColumn.call(dataset, name);
    }
    if (missing.length) refresh();
  };

  /**
   * Loading all goes a step at each snapshot: first the largest page size (a refresh, which starts at page one again
   * with every row kept), then the next page, until no page is left. A failed load ends it.
   */
  const continueLoadingAll = (current: DataSet) => {
    if (!allWaiters.length || current.loading || load || refreshWaiting) return;
    if (!current.paging.hasNextPage || current.error) {
      const waiters = allWaiters;
      allWaiters = [];
      waiters.forEach((resolve) => resolve());
    } else if (current.paging.pageSize < MAX_PAGE_SIZE && !askedForLargestPage) {
      // Asked once: a host that keeps its own page size gets asked for its next pages instead, not refreshed forever.
      askedForLargestPage = true;
      current.paging.setPageSize(MAX_PAGE_SIZE);
      refresh();
    } else loadMore();
  };

  return {
    changedIds: () => changed,
    row: rowSet.row,
    rows: () => rows,
    codes() {
      // A new load may have brought other codes for the same rows: the index is made again.
      if (codes?.version !== dataVersion) codes = { version: dataVersion, lookup: indexCodes(rows) };
      return codes.lookup;
    },
    hasMore: () => dataset.paging.hasNextPage || dataset.loading,
    snapshot(current) {
      dataset = current;
      changed = [];
      // The rows are read again only when the records differ from the last snapshot's.
      const data = [current.records, current.sortedRecordIds, current.columns];
      // A failed load brings no records: the rows already loaded stay, and the grid says they may be out of date.
      if (!current.error && data.some((v, i) => v !== readFrom[i])) {
        readFrom = data;
        // The check-in column's width depends on the page's fonts: the view measures it. The same columns stay
        // the same objects, so a refresh of the records re-renders no row for them.
        const next = buildColumns(current.columns as unknown as ViewColumn[], { checkIn: text("Column_CheckIn"), count: text("Column_TimesCheckedIn") }, 0);
        if (!sameData(next, columns)) columns = next;
        // Rows are read lazily: this compares ids and the rows something has read, not every record.
        const update = rowSet.update(current.records, current.sortedRecordIds, columns, watched());
        rows = update.rows;
        changed = update.changed;
        dataVersion++;
      }
      // Forget the old records too: holding them would keep a whole page alive.
      if (current.records !== loadFrom || current.error) load = loadFrom = undefined;
      if (!current.loading) {
        requestMissingColumns();
        // A refresh asked for meanwhile goes now (and is no longer waiting).
        if (refreshWaiting && !load) refresh();
        continueLoadingAll(current);
      }
      return {
        columns,
        rows,
        dataVersion,
        loading: current.loading && load !== "page",
        error: current.error ? current.errorMessage || " " : undefined,
        paging: {
          loaded: rows.length, total: current.paging.totalResultCount, hasMore: current.paging.hasNextPage,
          loadingMore: load === "page", loadingAll: allWaiters.length > 0,
        },
        sort: fromDatasetSort(current.sorting),
        selectedIds: current.getSelectedRecordIds() ?? [],
      };
    },
    setPageSize(pageSize) {
      // Asked once per maker's value: a host that serves another size must not be asked again and again.
      if (pageSize === requestedPageSize || dataset.paging.pageSize === (requestedPageSize = pageSize)) return;
      dataset.paging.setPageSize(pageSize);
      // Not now: the first snapshot may also add columns, and one refresh brings both.
      refreshWaiting = true;
    },
    refresh,
    loadAll() {
      if (!dataset.paging.hasNextPage && !dataset.loading) return Promise.resolve();
      const done = new Promise<void>((resolve) => allWaiters.push(resolve));
      continueLoadingAll(dataset);
      return done;
    },
    sort(sort?: SortState) {
      // Replace the entries in place: hosts ignore a new array. paging.reset() would be a second load.
      dataset.sorting.splice(0, dataset.sorting.length, ...(sort ? [toDatasetSort(sort)] : []));
      refresh();
    },
    loadMore,
    select: (ids) => dataset.setSelectedRecordIds(ids),
    open(row) {
      const record = dataset.records[row.id];
      if (record) dataset.openDatasetItem(record.getNamedReference());
    },
  };
}
