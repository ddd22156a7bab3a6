import { MAX_PAGE_SIZE } from "../ManifestConstants";
import { buildColumns, missingColumns, REQUIRED_COLUMNS, TECHNICAL_COLUMNS } from "../model/columns";
import { reuseUnchangedRows, toRow, type RecordSource } from "../model/rows";
import { fromDatasetSort, toDatasetSort } from "../model/sorting";
import type { GridColumn, GridSnapshot, LookupRef, RegistrationRow, SortState, ViewColumn } from "../model/types";

type DataSet = ComponentFramework.PropertyTypes.DataSet;
type EntityRecord = ComponentFramework.PropertyHelper.DataSetApi.EntityRecord;

/** Model-driven only: the typings don't declare it. */
type WithAddColumn = DataSet & { addColumn?: (name: string, entityAlias?: string) => void };

function recordSource(record: EntityRecord): RecordSource {
  return {
    id: record.getRecordId(),
    value: (column) => record.getValue(column),
    formatted: (column) => record.getFormattedValue(column) ?? "",
  };
}

/**
 * The only reader of the PCF dataset: turns it into a plain snapshot (reusing unchanged rows) and carries
 * the grid's requests back to it (sort, next page, selection, open, the columns the control needs).
 */
export class DatasetAdapter {
  #rowsById = new Map<string, RegistrationRow>();
  #requested = new Set<string>();
  /** Columns we asked for only to read them: not shown. */
  readonly #technical = new Set<string>();
  #loadingMore = false;
  #lastRecords: unknown;
  #lastIds: unknown;
  #lastColumns: unknown;
  #columns: GridColumn[] = [];
  #rows: RegistrationRow[] = [];
  #selectedIds: readonly string[] = [];

  #dataset: DataSet;

  constructor(dataset: DataSet) {
    this.#dataset = dataset;
  }

  /** True when the records differ from the last snapshot's: the rows must be read again. */
  hasNewData(dataset: DataSet): boolean {
    return dataset.records !== this.#lastRecords || dataset.sortedRecordIds !== this.#lastIds || dataset.columns !== this.#lastColumns;
  }

  /** Called from updateView with the dataset the platform hands over this time. Reads rows only when they changed. */
  snapshot(dataset: DataSet, checkInLabel: string): GridSnapshot {
    this.#dataset = dataset;
    if (this.hasNewData(dataset)) {
      if (dataset.records !== this.#lastRecords) this.#loadingMore = false;
      this.#lastRecords = dataset.records;
      this.#lastIds = dataset.sortedRecordIds;
      this.#lastColumns = dataset.columns;
      this.#columns = buildColumns(dataset.columns as unknown as ViewColumn[], this.#technical, checkInLabel);
      const columns = this.#columns;
      this.#rows = reuseUnchangedRows(
        this.#rowsById,
        dataset.sortedRecordIds.filter((id) => dataset.records[id]).map((id) => toRow(recordSource(dataset.records[id]), columns)),
      );
      this.#rowsById = new Map(this.#rows.map((r) => [r.id, r]));
    }
    const rows = this.#rows;
    return {
      columns: this.#columns,
      rows,
      loading: dataset.loading && !this.#loadingMore,
      error: dataset.error ? dataset.errorMessage || " " : undefined,
      paging: { loaded: rows.length, total: dataset.paging.totalResultCount, hasMore: dataset.paging.hasNextPage, loadingMore: this.#loadingMore },
      sort: fromDatasetSort(dataset.sorting),
      selectedIds: this.#stableSelection(dataset.getSelectedRecordIds()),
    };
  }

  /** The same array while the selection is the same, so the grid doesn't redo its selection work. */
  #stableSelection(ids: string[]): readonly string[] {
    const last = this.#selectedIds;
    if (ids.length !== last.length || ids.some((id, i) => id !== last[i])) this.#selectedIds = ids;
    return this.#selectedIds;
  }

  /**
   * Asks for the status, sync and count columns (and versionnumber, for conflict checks) when the view lacks them.
   * Only model-driven apps can; each column is asked for once. Returns true when a refresh is needed.
   */
  requestMissingColumns(): boolean {
    const dataset = this.#dataset as WithAddColumn;
    if (typeof dataset.addColumn !== "function" || dataset.loading) return false;
    const viewColumns = dataset.columns as unknown as ViewColumn[];
    const missing = missingColumns(viewColumns, [...REQUIRED_COLUMNS, ...TECHNICAL_COLUMNS]).filter((c) => !this.#requested.has(c));
    for (const name of missing) {
      this.#requested.add(name);
      if (TECHNICAL_COLUMNS.includes(name)) this.#technical.add(name);
      dataset.addColumn(name);
    }
    return missing.length > 0;
  }

  applyPageSize(pageSize: number): void {
    if (this.#dataset.paging.pageSize === pageSize) return;
    // Applies at the next refresh, which also goes back to the first page.
    this.#dataset.paging.setPageSize(Math.min(pageSize, MAX_PAGE_SIZE));
    this.refresh();
  }

  sort(sort: SortState | undefined): void {
    const sorting = this.#dataset.sorting;
    sorting.splice(0, sorting.length);
    if (sort) sorting.push(toDatasetSort(sort));
    // Only refresh: paging.reset() is a load of its own, and two loads must not overlap.
    this.refresh();
  }

  /** Paging calls must not overlap: one at a time until the next records arrive. */
  loadMore(): void {
    if (this.#loadingMore || this.#dataset.loading || !this.#dataset.paging.hasNextPage) return;
    this.#loadingMore = true;
    this.#dataset.paging.loadNextPage();
  }

  select(ids: string[]): void {
    this.#dataset.setSelectedRecordIds(ids);
  }

  open(row: RegistrationRow): void {
    const record = this.#dataset.records[row.id];
    if (record) this.#dataset.openDatasetItem(record.getNamedReference());
  }

  refresh(): void {
    this.#dataset.refresh();
  }
}

/** Opens the related record (contact, session, event) on its own form. */
export function openLookup(navigation: ComponentFramework.Navigation, ref: LookupRef): Promise<unknown> {
  return navigation.openForm({ entityName: ref.entityType, entityId: ref.id });
}
