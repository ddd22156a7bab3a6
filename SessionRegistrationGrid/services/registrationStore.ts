import { Column, ENTITY, NOT_FOUND } from "../ManifestConstants";
import { bareGuid } from "../model/checkInRecord";
import { FIELD_COLUMNS, type FreshRow, type UpdatePayload } from "../model/edits";
import { asNumber, syncFlagOf } from "../model/rows";
import { inFilter } from "./odata";

/** The narrow slice of Dataverse the editor needs. The only place that calls context.webAPI. */
export interface RegistrationStore {
  read(id: string, columns: readonly string[]): Promise<FreshRow>;
  /** Several rows in one call, by bare id; a row deleted meanwhile is missing from the answer. */
  readMany?(ids: readonly string[], columns: readonly string[]): Promise<Map<string, FreshRow>>;
  write(id: string, payload: UpdatePayload): Promise<void>;
}

/** What retrieveRecord rejects with when the row is gone: a row a batched read came back without fails the same way. */
export const missingRow = (id: string) => ({ errorCode: NOT_FOUND, message: `${ENTITY} With Id = ${bareGuid(id)} Does Not Exist` });

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
  const key = `${entity}id`;
  return {
    async read(id, columns) {
      return toFreshRow(await webAPI.retrieveRecord(entity, id, `?$select=${columns.join(",")}`));
    },
    async readMany(ids, columns) {
      const { entities } = await webAPI.retrieveMultipleRecords(entity, `?$select=${[...columns, key].join(",")}&$filter=${inFilter(key, ids)}`);
      return new Map(entities.map((row) => [bareGuid(String(row[key])), toFreshRow(row)]));
    },
    async write(id, payload) {
      await webAPI.updateRecord(entity, id, payload);
    },
  };
}
