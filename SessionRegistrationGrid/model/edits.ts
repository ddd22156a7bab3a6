import { Column, MAX_CHECK_INS, State, SyncFlag } from "../ManifestConstants";
import type { RegistrationFields } from "./types";

/**
 * What a user asked to change on one registration. A check-in is always one person entering once; undoing one
 * takes back a check-in this grid made (`checkIn` is its id, which is also its check-in record's id).
 */
export type Edit =
  | { kind: "checkIn" }
  | { kind: "undoCheckIn"; checkIn: string; recorded: boolean }
  | { kind: "count"; value: number }
  | { kind: "sync"; synced: boolean }
  | { kind: "status"; state: number; statusReason: number }
  /**
   * A check-in record put back as it was, when a change that had changed it is discarded half done (the record
   * step done, the count not): the registration's own fields stay as they are.
   */
  | { kind: "record"; checkIn: string; active: boolean };

/**
 * The kinds that set a registration's value: repeating them changes nothing. A check-in and its undo add to the
 * count or take from it, from a fresh read: they never conflict.
 */
export type SettingEdit = Extract<Edit, { kind: "count" | "sync" | "status" }>;

export const isSetting = (edit: Edit): edit is SettingEdit => edit.kind === "count" || edit.kind === "sync" || edit.kind === "status";

export type UpdatePayload = Record<string, number>;

/** The column each field is stored in. */
export const FIELD_COLUMNS: Record<keyof RegistrationFields, string> = {
  timesCheckedIn: Column.TimesCheckedIn,
  synced: Column.SyncedWithProvider,
  state: Column.State,
  statusReason: Column.StatusReason,
};

/** A row as a fresh read returns it: the selected fields, and its versionnumber when selected. */
export interface FreshRow {
  fields: Partial<RegistrationFields>;
  version?: string;
}

/** Columns to $select before writing an edit: the fields it touches, the state it depends on, the version. */
export function columnsToRead(edit: Edit): string[] {
  // A record put back reads nothing of the row's.
  if (edit.kind === "record") return [];
  if (edit.kind === "count") return [Column.TimesCheckedIn, Column.State, Column.Version];
  if (edit.kind === "sync") return [Column.SyncedWithProvider, Column.State, Column.Version];
  if (edit.kind === "status") return [Column.State, Column.StatusReason, Column.Version];
  // A check-in or its undo (a new kind of edit would not compile here).
  edit satisfies Extract<Edit, { kind: "checkIn" | "undoCheckIn" }>;
  return [Column.TimesCheckedIn, Column.Version];
}

/** The fields a setting edit sets. */
function setFields(edit: SettingEdit): Partial<RegistrationFields> {
  if (edit.kind === "count") return { timesCheckedIn: edit.value };
  if (edit.kind === "sync") return { synced: edit.synced };
  return { state: edit.state, statusReason: edit.statusReason };
}

/** The fields an edit writes, given what is stored now: a check-in adds one to the stored count, an undo takes one (never below 0). */
export function writtenFields(edit: Edit, stored: Partial<RegistrationFields>): Partial<RegistrationFields> {
  const count = stored.timesCheckedIn ?? 0;
  // The column holds no more than 2,147,483,647: a check-in there keeps the count (its record is still made).
  if (edit.kind === "checkIn") return { timesCheckedIn: Math.min(count + 1, MAX_CHECK_INS) };
  if (edit.kind === "undoCheckIn") return { timesCheckedIn: Math.max(0, count - 1) };
  return isSetting(edit) ? setFields(edit) : {};
}

/** The fields after an edit is applied: what the grid shows while it saves. */
export function applyEdit(fields: RegistrationFields, edit: Edit): RegistrationFields {
  return { ...fields, ...writtenFields(edit, fields) };
}

/** Unset choices read as their default: an unset sync flag is "No". */
const normalized = (key: keyof RegistrationFields, value: unknown) => (key === "synced" ? !!value : (value ?? null));

/**
 * The update body, computed from a fresh read. A status change carries statecode and statuscode alone,
 * because Dataverse runs update plug-ins twice when state is mixed with other fields.
 */
export function payloadFor(edit: Edit, fresh: FreshRow): UpdatePayload {
  const payload: UpdatePayload = {};
  // Every edit writes a number or a boolean, never null (see writtenFields).
  for (const [field, value] of Object.entries(writtenFields(edit, fresh.fields)) as [keyof RegistrationFields, number | boolean][]) {
    payload[FIELD_COLUMNS[field]] = field === "synced" ? (value ? SyncFlag.Yes : SyncFlag.No) : Number(value);
  }
  return payload;
}

/** True when the row already holds what a setting edit would write (a lost response, or the same change by someone). */
export function isStored(edit: Edit, fresh: FreshRow): boolean {
  if (!isSetting(edit)) return false;
  const wanted = setFields(edit);
  return (Object.keys(wanted) as (keyof RegistrationFields)[]).every((k) => normalized(k, fresh.fields[k]) === wanted[k]);
}

/**
 * Someone else changed what this edit depends on since the user saw the row: the fields it sets, or the
 * registration's state (a cancelled registration is read-only but for its status). Fields the edit doesn't
 * touch may change freely, and check-ins never conflict: they add one to whatever is stored.
 */
export function isConflict(edit: Edit, seen: RegistrationFields, fresh: FreshRow): boolean {
  if (!isSetting(edit)) return false;
  const touched = ["state", ...Object.keys(setFields(edit))] as (keyof RegistrationFields)[];
  return touched.some((k) => k in fresh.fields && normalized(k, fresh.fields[k]) !== normalized(k, seen[k]));
}

/** Whether an edit can be made on a registration in this state: an inactive one takes only status changes. */
export function allowedOn(edit: Edit, fields: RegistrationFields): boolean {
  return edit.kind === "status" || fields.state === State.Active;
}
