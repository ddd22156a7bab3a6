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

/** The kinds of the required columns, in REQUIRED_COLUMNS order. */
const EDITED_KINDS: readonly ColumnKind[] = ["status", "sync", "count"];

function kindOf(column: ViewColumn): ColumnKind {
  const required = REQUIRED_COLUMNS.indexOf(column.name);
  if (required >= 0) return EDITED_KINDS[required];
  // By name, not isPrimary: some hosts (pcf-start) mark every column primary.
  if (column.name === Column.Name) return "name";
  return column.dataType.startsWith("Lookup.") ? "lookup" : "text";
}

const placed = (c: ViewColumn) => !c.isHidden && c.order >= 0;
const rank = (c: ViewColumn) => (placed(c) ? c.order : UNPLACED + REQUIRED_COLUMNS.indexOf(c.name));

/**
 * View columns → grid columns: view order, width from visualSizeFactor, hidden and unordered ones skipped,
 * except the required columns, which are always shown (at the end when the view didn't place them).
 * The check-in action column follows the check-in count.
 */
export function buildColumns(viewColumns: readonly ViewColumn[], hidden: ReadonlySet<string>, checkInLabel: string): GridColumn[] {
  return viewColumns
    .filter((c) => !hidden.has(c.name) && (placed(c) || REQUIRED_COLUMNS.includes(c.name)))
    .sort((a, b) => rank(a) - rank(b))
    .flatMap((c): GridColumn[] => {
      const column: GridColumn = {
        key: c.name,
        label: c.displayName,
        kind: kindOf(c),
        width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(c.visualSizeFactor > 0 ? c.visualSizeFactor : DEFAULT_WIDTH))),
        sortable: !c.disableSorting,
      };
      const checkIn: GridColumn = { key: CHECK_IN_COLUMN_KEY, label: checkInLabel, kind: "checkIn", width: 230, sortable: false };
      return column.kind === "count" ? [column, checkIn] : [column];
    });
}
