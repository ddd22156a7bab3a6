import { Column } from "../ManifestConstants";
import { FIELD_COLUMNS, type FreshRow, type UpdatePayload } from "../model/edits";
import { asNumber, syncFlagOf } from "../model/rows";

/** The narrow slice of Dataverse the editor needs. The only place that calls context.webAPI. */
export interface RegistrationStore {
  read(id: string, columns: readonly string[]): Promise<FreshRow>;
  write(id: string, payload: UpdatePayload): Promise<void>;
}

type WebApiRow = Record<string, unknown>;

/** A Web API row → the fields it carries (only the selected ones are present). */
export function toFreshRow(row: WebApiRow): FreshRow {
  const fields: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
    if (column in row) fields[field] = field === "synced" ? syncFlagOf(row[column]) : asNumber(row[column]);
  }
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
