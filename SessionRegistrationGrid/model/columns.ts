import { Column } from "../ManifestConstants";
import type { ColumnKind, GridColumn, ViewColumn } from "./types";

/** The columns this control exists for: always shown, requested from the dataset when the view lacks them. */
export const REQUIRED_COLUMNS: readonly string[] = [Column.TimesCheckedIn, Column.SyncedWithProvider, Column.StatusReason];

export const CHECK_IN_COLUMN_KEY = "__checkIn";

const DEFAULT_WIDTH = 150;
const MAX_WIDTH = 600;

/** The narrowest a column of each kind may become before the grid scrolls sideways. */
const MIN_WIDTH: Record<ColumnKind, number> = { name: 100, lookup: 80, text: 70, checkIn: 0, count: 56, sync: 76, status: 110 };
/** Editors need their room: these kinds keep their width and never shrink. */
const FIXED_WIDTH: Partial<Record<ColumnKind, number>> = { count: 56, sync: 76, status: 110 };

/** Columns a view asks for but the dataset doesn't have yet. */
export function missingColumns(viewColumns: readonly ViewColumn[], wanted: readonly string[]): string[] {
  const present = new Set(viewColumns.map((c) => c.name));
  return wanted.filter((name) => !present.has(name));
}

function kindOf(column: ViewColumn): ColumnKind {
  const { name } = column;
  if (name === Column.TimesCheckedIn) return "count";
  if (name === Column.SyncedWithProvider) return "sync";
  if (name === Column.StatusReason) return "status";
  // By name, not isPrimary: some hosts (pcf-start) mark every column primary.
  if (name === Column.Name) return "name";
  return column.dataType.startsWith("Lookup.") ? "lookup" : "text";
}

const placed = (c: ViewColumn) => !c.isHidden && c.order >= 0;

export interface ColumnLabels {
  checkIn: string;
  /** The grid's own name for the count: the table's is "(Deprecated) Times checked-in", which confuses staff. */
  count: string;
}

/**
 * View columns → grid columns: the view's order and widths, hidden and unordered columns skipped, except the
 * required ones, which are always shown. The check-in action comes right after the name, so the attendee and
 * the button to check them in are always seen together; required columns the view didn't place follow it.
 */
export function buildColumns(viewColumns: readonly ViewColumn[], labels: ColumnLabels, checkInWidth: number): GridColumn[] {
  const toColumn = (c: ViewColumn): GridColumn => {
    const kind = kindOf(c);
    const width = FIXED_WIDTH[kind] ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH[kind], Math.round(c.visualSizeFactor > 0 ? c.visualSizeFactor : DEFAULT_WIDTH)));
    return { key: c.name, label: kind === "count" ? labels.count : c.displayName, kind, width, minWidth: FIXED_WIDTH[kind] ?? MIN_WIDTH[kind], sortable: !c.disableSorting };
  };
  const shown = viewColumns.filter(placed).sort((a, b) => a.order - b.order).map(toColumn);
  const unplaced = REQUIRED_COLUMNS.filter((name) => !shown.some((c) => c.key === name))
    .map((name) => viewColumns.find((c) => c.name === name))
    .filter((c): c is ViewColumn => !!c)
    .map(toColumn);
  const checkIn: GridColumn = { key: CHECK_IN_COLUMN_KEY, label: labels.checkIn, kind: "checkIn", width: checkInWidth, minWidth: checkInWidth, sortable: false };
  const nameAt = shown.findIndex((c) => c.kind === "name");
  shown.splice(nameAt + 1, 0, checkIn, ...unplaced);
  return shown;
}
