import { Column, SyncFlag } from "../ManifestConstants";
import type { RegistrationFields } from "./types";

/** What a user asked to change on one registration. */
export type Edit =
  | { kind: "checkIn"; times: number }
  | { kind: "count"; value: number }
  | { kind: "sync"; synced: boolean }
  | { kind: "status"; state: number; statusReason: number };

export type UpdatePayload = Record<string, number>;

/** A row as a fresh read returns it. */
export interface FreshRow {
  fields: Partial<RegistrationFields>;
  version?: string;
}

/** Columns to $select before writing an edit. A check-in only needs the count (increments never conflict). */
export function columnsToRead(edit: Edit): string[] {
  if (edit.kind === "checkIn") return [Column.TimesCheckedIn, Column.Version];
  return [Column.TimesCheckedIn, Column.SyncedWithProvider, Column.State, Column.StatusReason, Column.Version];
}

/** The fields an edit sets, given what is stored now (a check-in adds to the stored count). */
export function writtenFields(edit: Edit, stored: Partial<RegistrationFields>): Partial<RegistrationFields> {
  switch (edit.kind) {
    case "checkIn":
      return { timesCheckedIn: (stored.timesCheckedIn ?? 0) + edit.times };
    case "count":
      return { timesCheckedIn: edit.value };
    case "sync":
      return { synced: edit.synced };
    case "status":
      return { state: edit.state, statusReason: edit.statusReason };
  }
}

/** The fields after an edit is applied: what the grid shows optimistically. */
export function applyEdit(fields: RegistrationFields, edit: Edit): RegistrationFields {
  return { ...fields, ...writtenFields(edit, fields) };
}

/**
 * The update body, computed from a fresh read. A status change carries statecode and statuscode alone
 * (writtenFields gives nothing else), because Dataverse runs update plug-ins twice when state is mixed in.
 */
export function payloadFor(edit: Edit, fresh: FreshRow): UpdatePayload {
  const { timesCheckedIn, synced, state, statusReason } = writtenFields(edit, fresh.fields);
  // The JSON round trip drops the columns this edit doesn't set.
  return JSON.parse(
    JSON.stringify({
      [Column.TimesCheckedIn]: timesCheckedIn ?? undefined,
      [Column.SyncedWithProvider]: synced === undefined ? undefined : synced ? SyncFlag.Yes : SyncFlag.No,
      [Column.State]: state,
      [Column.StatusReason]: statusReason,
    }),
  );
}

/** True when the row already holds what a setting edit would write (e.g. a write whose response was lost). */
export function alreadyApplied(edit: Edit, fresh: FreshRow): boolean {
  if (edit.kind === "checkIn") return false;
  const wanted = writtenFields(edit, fresh.fields);
  return (Object.keys(wanted) as (keyof RegistrationFields)[]).every((k) => (fresh.fields[k] ?? (k === "synced" ? false : null)) === wanted[k]);
}

/** What the user last saw of the row, to tell whether someone else changed it since. */
export interface Expectation {
  version?: string;
  fields: RegistrationFields;
}

/**
 * Someone else changed the row: its versionnumber moved since it was loaded, or, when the version is not known
 * (right after our own write), the fields this edit depends on differ from what the user saw.
 * Check-ins never conflict: they add one to whatever is stored.
 */
export function isConflict(edit: Edit, expected: Expectation, fresh: FreshRow): boolean {
  if (edit.kind === "checkIn") return false;
  if (expected.version !== undefined && fresh.version !== undefined) return fresh.version !== expected.version;
  const touched = ["state", ...Object.keys(writtenFields(edit, fresh.fields))] as (keyof RegistrationFields)[];
  return touched.some((k) => fresh.fields[k] !== undefined && (fresh.fields[k] ?? null) !== (expected.fields[k] ?? null));
}

/** Merges a newer pending edit into an older one of the same kind: check-ins add up, settings replace. */
export function mergeEdits(older: Edit, newer: Edit): Edit {
  return older.kind === "checkIn" && newer.kind === "checkIn" ? { kind: "checkIn", times: older.times + newer.times } : newer;
}
