import { Column } from "../ManifestConstants";
import type { FreshRow, UpdatePayload } from "../model/edits";
import { asNumber, syncFlagOf } from "../model/rows";
import type { RegistrationFields } from "../model/types";

/** The narrow slice of Dataverse the editor needs. The only place that calls context.webAPI. */
export interface RegistrationStore {
  read(id: string, columns: readonly string[]): Promise<FreshRow>;
  write(id: string, payload: UpdatePayload): Promise<void>;
}

type WebApiRow = Record<string, unknown>;

/** A Web API row → the fields it carries (only the selected ones are present). */
export function toFreshRow(row: WebApiRow): FreshRow {
  const fields: Partial<RegistrationFields> = {};
  if (Column.TimesCheckedIn in row) fields.timesCheckedIn = asNumber(row[Column.TimesCheckedIn]);
  if (Column.SyncedWithProvider in row) fields.synced = syncFlagOf(row[Column.SyncedWithProvider]);
  if (Column.State in row) fields.state = Number(row[Column.State]);
  if (Column.StatusReason in row) fields.statusReason = Number(row[Column.StatusReason]);
  const version = row[Column.Version];
  return { fields, version: version === null || version === undefined ? undefined : String(version) };
}

export function webApiStore(webAPI: ComponentFramework.WebApi, entity: string): RegistrationStore {
  return {
    async read(id, columns) {
      return toFreshRow(await webAPI.retrieveRecord(entity, id, `?$select=${columns.join(",")}`));
    },
    async write(id, payload) {
      await webAPI.updateRecord(entity, id, payload);
    },
  };
}
