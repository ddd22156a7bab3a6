import { MAX_PAGE_SIZE } from "../ManifestConstants";
import { buildColumns, missingColumns, REQUIRED_COLUMNS, TECHNICAL_COLUMNS } from "../model/columns";
import { reuseUnchangedRows, toRow } from "../model/rows";
import { fromDatasetSort, toDatasetSort } from "../model/sorting";
import type { GridColumn, GridSnapshot, LookupRef, RegistrationRow, SortState, ViewColumn } from "../model/types";

type DataSet = ComponentFramework.PropertyTypes.DataSet;

/** Model-driven only: the typings don't declare it. */
type WithAddColumn = DataSet & { addColumn?: (name: string, entityAlias?: string) => void };

/**
 * The only reader of the PCF dataset: turns it into a plain snapshot (reusing unchanged rows) and carries the
 * grid's requests back to it. Loads never overlap: a refresh asked for while one is running waits for its data.
 */
export class DatasetAdapter {
  #dataset: DataSet;
  #rowsById = new Map<string, RegistrationRow>();
  #columns: GridColumn[] = [];
  #rows: RegistrationRow[] = [];
  #selectedIds: readonly string[] = [];
  #seen: unknown[] = [];
  #requested = new Set<string>();
  /** Columns we asked for only to read them: not shown. */
  #technical = new Set<string>();
  #load: "refresh" | "page" | undefined;
  /** The records object when the running load started: its data has arrived once the dataset holds another. */
  #loadFrom: unknown;
  #refreshWaiting = false;

  readonly #checkInLabel: string;

  constructor(dataset: DataSet, checkInLabel: string) {
    this.#dataset = dataset;
    this.#checkInLabel = checkInLabel;
  }

  /** True when the records differ from the last snapshot's: the rows must be read again. */
  hasNewData(dataset: DataSet): boolean {
    const seen = this.#seen;
    return dataset.records !== seen[0] || dataset.sortedRecordIds !== seen[1] || dataset.columns !== seen[2];
  }

  /** Called from updateView with the dataset the platform hands over this time. Reads rows only when they changed. */
  snapshot(dataset: DataSet): GridSnapshot {
    this.#dataset = dataset;
    if (this.hasNewData(dataset)) this.#readRows(dataset);
    if (dataset.records !== this.#loadFrom || dataset.error) this.#load = undefined;
    if (!dataset.loading) this.#requestMissingColumns();
    if (this.#refreshWaiting && !this.#load && !dataset.loading) {
      this.#refreshWaiting = false;
      this.refresh();
    }
    const rows = this.#rows;
    return {
      columns: this.#columns,
      rows,
      loading: dataset.loading && this.#load !== "page",
      error: dataset.error ? dataset.errorMessage || " " : undefined,
      paging: { loaded: rows.length, total: dataset.paging.totalResultCount, hasMore: dataset.paging.hasNextPage, loadingMore: this.#load === "page" },
      sort: fromDatasetSort(dataset.sorting),
      selectedIds: this.#stableSelection(dataset.getSelectedRecordIds()),
    };
  }

  /** The page size applies at the next refresh, which also goes back to the first page. */
  setPageSize(pageSize: number): void {
    if (this.#dataset.paging.pageSize === pageSize) return;
    this.#dataset.paging.setPageSize(Math.min(pageSize, MAX_PAGE_SIZE));
    this.refresh();
  }

  sort(sort: SortState | undefined): void {
    // Replace the entries in place: hosts ignore a new array. paging.reset() would be a second load.
    const sorting = this.#dataset.sorting;
    sorting.splice(0, sorting.length, ...(sort ? [toDatasetSort(sort)] : []));
    this.refresh();
  }

  loadMore(): void {
    if (this.#load || this.#dataset.loading || !this.#dataset.paging.hasNextPage) return;
    this.#start("page");
    this.#dataset.paging.loadNextPage();
  }

  refresh(): void {
    if (this.#load || this.#dataset.loading) {
      this.#refreshWaiting = true;
      return;
    }
    this.#start("refresh");
    this.#dataset.refresh();
  }

  #start(load: "refresh" | "page"): void {
    this.#load = load;
    this.#loadFrom = this.#dataset.records;
  }

  select(ids: string[]): void {
    this.#dataset.setSelectedRecordIds(ids);
  }

  open(row: RegistrationRow): void {
    const record = this.#dataset.records[row.id];
    if (record) this.#dataset.openDatasetItem(record.getNamedReference());
  }

  #readRows(dataset: DataSet): void {
    this.#seen = [dataset.records, dataset.sortedRecordIds, dataset.columns];
    const columns = (this.#columns = buildColumns(dataset.columns as unknown as ViewColumn[], this.#technical, this.#checkInLabel));
    this.#rows = reuseUnchangedRows(
      this.#rowsById,
      dataset.sortedRecordIds.filter((id) => dataset.records[id]).map((id) => toRow(dataset.records[id], columns)),
    );
    this.#rowsById = new Map(this.#rows.map((r) => [r.id, r]));
  }

  /**
   * Asks for the status, sync and count columns (and versionnumber, for conflict checks) when the view lacks
   * them. Only model-driven apps can; each column is asked for once, and one refresh brings them all.
   */
  #requestMissingColumns(): void {
    const dataset = this.#dataset as WithAddColumn;
    if (typeof dataset.addColumn !== "function") return;
    const missing = missingColumns(dataset.columns as unknown as ViewColumn[], [...REQUIRED_COLUMNS, ...TECHNICAL_COLUMNS]).filter((c) => !this.#requested.has(c));
    for (const name of missing) {
      this.#requested.add(name);
      if (TECHNICAL_COLUMNS.includes(name)) this.#technical.add(name);
      dataset.addColumn(name);
    }
    if (missing.length) this.refresh();
  }

  /** The same array while the selection is the same, so the grid doesn't redo its selection work. */
  #stableSelection(ids: string[]): readonly string[] {
    const last = this.#selectedIds;
    if (ids.length !== last.length || ids.some((id, i) => id !== last[i])) this.#selectedIds = ids;
    return this.#selectedIds;
  }
}

/** Opens the related record (contact, session, event) on its own form. */
export function openLookup(navigation: ComponentFramework.Navigation, ref: LookupRef): Promise<unknown> {
  return navigation.openForm({ entityName: ref.entityType, entityId: ref.id });
}
