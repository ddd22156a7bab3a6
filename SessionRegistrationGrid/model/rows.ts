import { Column, SyncFlag } from "../ManifestConstants";
import type { DisplayCell, GridColumn, LookupRef, RegistrationFields, RegistrationRefs, RegistrationRow } from "./types";

/** The part of a dataset record the model reads (PCF's EntityRecord has it), so tests need no PCF context. */
export interface RecordSource {
  getRecordId(): string;
  getValue(column: string): unknown;
  getFormattedValue(column: string): string | null;
}

/** Model-driven apps hand choices over as strings ("100000002"), canvas apps as numbers; unset is null. */
export function asNumber(value: unknown): number | null {
  const n = value === null || value === "" ? NaN : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Lookups arrive as EntityReference, whose id is `{guid}` or a string depending on the host. */
export function readLookup(value: unknown): LookupRef | undefined {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- hosts differ; read defensively
  const v: any = Array.isArray(value) ? value[0] : value;
  const id = v?.id?.guid ?? v?.id;
  return typeof id === "string" ? { id, name: String(v.name ?? ""), entityType: String(v.etn ?? v.entityType ?? "") } : undefined;
}

export function syncFlagOf(value: unknown): boolean | null {
  const n = asNumber(value);
  return n === SyncFlag.Yes ? true : n === SyncFlag.No ? false : null;
}

const formatted = (record: RecordSource, column: string) => record.getFormattedValue(column) ?? "";

export function readFields(record: RecordSource): RegistrationFields {
  const state = asNumber(record.getValue(Column.State));
  const statusReason = asNumber(record.getValue(Column.StatusReason)) ?? 1;
  return {
    timesCheckedIn: asNumber(record.getValue(Column.TimesCheckedIn)),
    synced: syncFlagOf(record.getValue(Column.SyncedWithProvider)),
    // Views rarely carry statecode; the documented pairs give it from the status reason.
    state: state ?? (statusReason === 2 ? 1 : 0),
    statusReason,
  };
}

/** The lookups a check-in record binds to. */
export function readRefs(record: RecordSource): RegistrationRefs {
  return {
    contact: readLookup(record.getValue(Column.Contact)),
    session: readLookup(record.getValue(Column.Session)),
    event: readLookup(record.getValue(Column.Event)),
    eventRegistration: readLookup(record.getValue(Column.EventRegistration)),
  };
}

/** What the grid calls a registration in its labels: its own name, else its attendee's (the contact). */
export function registrationName(record: RecordSource): string {
  const own = formatted(record, Column.Name) || record.getValue(Column.Name);
  return String(own || formatted(record, Column.Contact) || readLookup(record.getValue(Column.Contact))?.name || "").trim();
}

/** What a row shows of its record (everything but its id): read together, compared together. */
export type RowValues = Omit<RegistrationRow, "id">;

/** One dataset record's values as the grid shows them. Cells hold the platform's formatted text, never markup. */
export function readValues(record: RecordSource, columns: readonly GridColumn[], noName: string): RowValues {
  const cells: Record<string, DisplayCell> = {};
  for (const column of columns) {
    if (column.kind === "text" || column.kind === "name") {
      cells[column.key] = { text: formatted(record, column.key) };
    } else if (column.kind === "lookup") {
      const lookup = readLookup(record.getValue(column.key));
      cells[column.key] = { text: formatted(record, column.key) || lookup?.name || "", lookup };
    }
  }
  return {
    name: registrationName(record) || noName,
    fields: readFields(record),
    statusLabel: formatted(record, Column.StatusReason),
    cells,
    refs: readRefs(record),
  };
}

/** One dataset record → the row the grid shows, read at once (tests; the grid reads its rows lazily: RecordRow). */
export function toRow(record: RecordSource, columns: readonly GridColumn[], noName: string): RegistrationRow {
  return { id: record.getRecordId(), ...readValues(record, columns, noName) };
}
