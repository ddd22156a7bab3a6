import { Column } from "../ManifestConstants";
import type { ColumnKind, GridColumn, ViewColumn } from "./types";

/** The columns this control exists for: always shown, requested from the dataset when the view lacks them. */
export const REQUIRED_COLUMNS: readonly string[] = [Column.StatusReason, Column.SyncedWithProvider, Column.TimesCheckedIn];

/** Read for concurrency checks, never shown unless the maker put it in the view. */
export const TECHNICAL_COLUMNS: readonly string[] = [Column.Version];

export const CHECK_IN_COLUMN_KEY = "__checkIn";

const DEFAULT_WIDTH = 150;
/** Required columns the view didn't place go after all placed ones. */
const UNPLACED = 1e9;
const MIN_WIDTH = 60;
const MAX_WIDTH = 600;

/** Columns a view asks for but the dataset doesn't have yet. */
export function missingColumns(viewColumns: readonly ViewColumn[], wanted: readonly string[]): string[] {
  const present = new Set(viewColumns.map((c) => c.name));
  return wanted.filter((name) => !present.has(name));
}

function kindOf(column: ViewColumn): ColumnKind {
  switch (column.name) {
    case Column.StatusReason:
      return "status";
    case Column.SyncedWithProvider:
      return "sync";
    case Column.TimesCheckedIn:
      return "count";
  }
  if (column.isPrimary || column.name === Column.Name) return "name";
  return column.dataType.startsWith("Lookup.") ? "lookup" : "text";
}

function widthOf(column: ViewColumn): number {
  const width = column.visualSizeFactor > 0 ? column.visualSizeFactor : DEFAULT_WIDTH;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width)));
}

/**
 * View columns → grid columns: view order, hidden and unordered ones skipped, except the required columns,
 * which are always shown (at the end when the view didn't place them). The check-in action column follows
 * the check-in count.
 */
export function buildColumns(viewColumns: readonly ViewColumn[], hidden: ReadonlySet<string>, checkInLabel: string): GridColumn[] {
  const required = new Set(REQUIRED_COLUMNS);
  const visible = viewColumns
    .filter((c) => !hidden.has(c.name) && (required.has(c.name) || (!c.isHidden && c.order >= 0)))
    .map((c) => ({ c, rank: !c.isHidden && c.order >= 0 ? c.order : UNPLACED + REQUIRED_COLUMNS.indexOf(c.name) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ c }) => c);
  const columns: GridColumn[] = [];
  for (const c of visible) {
    const kind = kindOf(c);
    columns.push({ key: c.name, label: c.displayName, kind, width: widthOf(c), sortable: !c.disableSorting });
    if (kind === "count") {
      columns.push({ key: CHECK_IN_COLUMN_KEY, label: checkInLabel, kind: "checkIn", width: 170, sortable: false });
    }
  }
  return columns;
}
