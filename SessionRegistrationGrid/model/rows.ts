import { Column, SyncFlag } from "../ManifestConstants";
import type { DisplayCell, GridColumn, LookupRef, RegistrationFields, RegistrationRow } from "./types";

/** How the model reads one dataset record: plain accessors, so tests need no PCF context. */
export interface RecordSource {
  id: string;
  value(column: string): unknown;
  formatted(column: string): string;
}

function asNumber(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** Lookups arrive as EntityReference, whose id is `{guid}` or a string depending on the host. */
export function readLookup(value: unknown): LookupRef | undefined {
  const v = (Array.isArray(value) ? value[0] : value) as Record<string, unknown> | null | undefined;
  if (!v || typeof v !== "object") return undefined;
  const rawId = v.id as { guid?: string } | string | undefined;
  const id = typeof rawId === "string" ? rawId : rawId?.guid;
  if (!id) return undefined;
  const entityType = String(v.etn ?? v.entityType ?? v.LogicalName ?? "");
  return { id, name: String(v.name ?? ""), entityType };
}

export function syncFlagOf(value: unknown): boolean | null {
  const n = asNumber(value);
  return n === SyncFlag.Yes ? true : n === SyncFlag.No ? false : null;
}

export function readFields(record: RecordSource): RegistrationFields {
  const state = asNumber(record.value(Column.State));
  const statusReason = asNumber(record.value(Column.StatusReason)) ?? 1;
  return {
    timesCheckedIn: asNumber(record.value(Column.TimesCheckedIn)),
    synced: syncFlagOf(record.value(Column.SyncedWithProvider)),
    // Views rarely carry statecode; the documented pairs give it from the status reason.
    state: state ?? (statusReason === 2 ? 1 : 0),
    statusReason,
  };
}

/** One dataset record → the row the grid shows. Cells hold the platform's formatted text, never markup. */
export function toRow(record: RecordSource, columns: readonly GridColumn[]): RegistrationRow {
  const cells: Record<string, DisplayCell> = {};
  for (const column of columns) {
    if (column.kind === "text" || column.kind === "name") {
      cells[column.key] = { text: record.formatted(column.key) };
    } else if (column.kind === "lookup") {
      const lookup = readLookup(record.value(column.key));
      cells[column.key] = { text: record.formatted(column.key) || lookup?.name || "", lookup };
    }
  }
  const version = record.value(Column.Version);
  return {
    id: record.id,
    name: String(record.formatted(Column.Name) || record.value(Column.Name) || ""),
    fields: readFields(record),
    version: version === null || version === undefined || version === "" ? undefined : String(version),
    statusLabel: record.formatted(Column.StatusReason),
    cells,
  };
}

const sameValues = <T extends object>(a: T, b: T) => (Object.keys(a) as (keyof T)[]).every((k) => a[k] === b[k]);

/** Nothing the row shows differs. Cheap field-by-field checks: this runs for every row on every refresh. */
export function sameRow(a: RegistrationRow, b: RegistrationRow): boolean {
  const keys = Object.keys(a.cells);
  return (
    a.id === b.id && a.name === b.name && a.version === b.version && a.statusLabel === b.statusLabel &&
    sameValues(a.fields, b.fields) &&
    keys.length === Object.keys(b.cells).length &&
    keys.every((k) => a.cells[k].text === b.cells[k]?.text && a.cells[k].lookup?.id === b.cells[k]?.lookup?.id)
  );
}

/**
 * Keeps the previous object for every row whose content didn't change, so a refresh that brings
 * the same data as new record objects re-renders only the rows that really changed.
 */
export function reuseUnchangedRows(previous: ReadonlyMap<string, RegistrationRow>, next: RegistrationRow[]): RegistrationRow[] {
  return next.map((row) => {
    const old = previous.get(row.id);
    return old && sameRow(old, row) ? old : row;
  });
}
