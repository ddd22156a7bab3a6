import { CheckIn, Column, ENTITY, Session } from "../ManifestConstants";
import type { Arrival } from "../model/arrivals";
import { bareGuid } from "../model/checkInRecord";
import { capacityOf } from "../model/room";
import { asNumber } from "../model/rows";
import type { RegistrationGroup } from "../model/sessionFill";
import { chunks, FORMATTED, inFilter, textOf } from "./odata";

/** A check-in record as read: what the chart counts, whether it is still active, and when it last changed. */
export interface StoredArrival extends Arrival {
  active: boolean;
  modifiedOn: string;
}

/** What Arrivals and Sessions read from Dataverse. */
export interface ArrivalsStore {
  /**
   * The session's check-in records: every active one, or (with `since`, the newest modifiedon already seen) every one
   * changed since, active or not (an undo deactivates). All pages, following the next link.
   */
  checkIns(session: string, since?: string): Promise<StoredArrival[]>;
  /** Each session's active registrations grouped by their check-in count: one aggregate query per 100 sessions. */
  registrationGroups(sessions: readonly string[]): Promise<RegistrationGroup[]>;
  /** The sessions' names and capacities. */
  sessions(ids: readonly string[]): Promise<Map<string, { name: string; capacity?: number }>>;
}

type Row = Record<string, unknown>;
/** Sessions per aggregate query and per capacity read: 100 ids keep each URL well within a host's limit. */
export const SESSIONS_PER_CALL = 100;
const CHECK_IN_SELECT = [CheckIn.Id, CheckIn.Time, "createdon", "modifiedon", "statecode", CheckIn.SessionRegistrationValue, CheckIn.ContactValue].join(",");

/** A check-in record as the chart counts it; none without a time to place it at. */
function arrivalOf(row: Row): StoredArrival | undefined {
  const id = bareGuid(textOf(row[CheckIn.Id]));
  // The check-in time, as Event Management keeps it; a record made without one counts from its creation.
  const at = Date.parse(textOf(row[CheckIn.Time]) || textOf(row.createdon));
  if (!id || !Number.isFinite(at)) return undefined;
  const person = textOf(row[CheckIn.ContactValue]) || textOf(row[CheckIn.SessionRegistrationValue]) || id;
  return { id, person: bareGuid(person), at, active: asNumber(row.statecode) === 0, modifiedOn: textOf(row.modifiedon) };
}

/**
 * The grouped count behind the Sessions strip. FetchXML can't count "active with a count of at least 1" beside "active"
 * in one query, so it groups by session and by the count: a session has a handful of count values, and the model adds
 * them up (model/sessionFill.ts).
 */
export function registrationGroupsFetch(sessions: readonly string[]): string {
  const values = sessions.map((id) => `<value>${bareGuid(id)}</value>`).join("");
  return `<fetch aggregate="true"><entity name="${ENTITY}">`
    + `<attribute name="${Column.Session}" alias="session" groupby="true"/>`
    + `<attribute name="${Column.TimesCheckedIn}" alias="times" groupby="true"/>`
    + `<attribute name="${ENTITY}id" alias="registrations" aggregate="count"/>`
    + `<filter type="and"><condition attribute="statecode" operator="eq" value="0"/><condition attribute="${Column.Session}" operator="in">${values}</condition></filter>`
    + "</entity></fetch>";
}

export function webApiArrivalsStore(webAPI: ComponentFramework.WebApi, pageSize = 5000): ArrivalsStore {
  /** Every page of a query: the next link's query part is the next call's options. */
  const allPages = async (entity: string, options: string): Promise<Row[]> => {
    const rows: Row[] = [];
    for (let next: string | undefined = options; next;) {
      const page = await webAPI.retrieveMultipleRecords(entity, next, pageSize);
      rows.push(...(page.entities as Row[]));
      next = page.nextLink ? `?${page.nextLink.split("?")[1]}` : undefined;
    }
    return rows;
  };
  return {
    async checkIns(session, since) {
      const filter = [`${CheckIn.SessionAttendedValue} eq ${bareGuid(session)}`, since ? `modifiedon ge ${since}` : "statecode eq 0"].join(" and ");
      const rows = await allPages(CheckIn.Entity, `?$select=${CHECK_IN_SELECT}&$filter=${filter}`);
      return rows.map(arrivalOf).filter((a): a is StoredArrival => !!a);
    },
    async registrationGroups(sessions) {
      const groups: RegistrationGroup[] = [];
      for (const part of chunks(sessions, SESSIONS_PER_CALL)) {
        const { entities } = await webAPI.retrieveMultipleRecords(ENTITY, `?fetchXml=${encodeURIComponent(registrationGroupsFetch(part))}`);
        for (const row of entities as Row[]) {
          groups.push({ session: bareGuid(textOf(row.session)), name: textOf(row[`session${FORMATTED}`]) || undefined, timesCheckedIn: asNumber(row.times ?? null), registrations: asNumber(row.registrations) ?? 0 });
        }
      }
      return groups;
    },
    async sessions(ids) {
      const known = new Map<string, { name: string; capacity?: number }>();
      for (const part of chunks(ids, SESSIONS_PER_CALL)) {
        const rows = await allPages(Session.Entity, `?$select=msevtmgt_name,${Session.Capacity}&$filter=${inFilter("msevtmgt_sessionid", part)}`);
        for (const row of rows) known.set(bareGuid(textOf(row.msevtmgt_sessionid)), { name: textOf(row.msevtmgt_name), capacity: capacityOf(row[Session.Capacity]) });
      }
      return known;
    },
  };
}
