import { CheckIn, Column, ENTITY, EventRegistration, Session } from "../ManifestConstants";
import type { BadgeCode } from "../model/badgeCode";
import { bareGuid } from "../model/checkInRecord";
import { capacityOf } from "../model/room";
import { asNumber } from "../model/rows";
import { chunks, FORMATTED, inFilter, quoted, textOf } from "./odata";

/** The session the grid sits on (its form): what the desk's header and the full-room question need. */
export interface SessionInfo {
  id: string;
  name: string;
  capacity?: number;
  event?: string;
  /** Start and end as Dataverse keeps them (time-zone independent text), for Arrivals. */
  start?: string;
  end?: string;
}

/** A session registration as the desk finds it in Dataverse (it may not be loaded in the grid). */
export interface FoundRegistration {
  id: string;
  name: string;
  state: number;
  timesCheckedIn: number | null;
  eventRegistration?: string;
}

/** An event registration found from a badge: whose it is. */
export interface FoundEventRegistration {
  id: string;
  name: string;
  contact?: { id: string; name: string };
}

/** The slice of Dataverse the check-in desk needs beyond what the registration editor writes. */
export interface DeskStore {
  session(id: string): Promise<SessionInfo>;
  /** The contact's registration for the session (an active one first), or null: the grid may not hold every row. */
  registrationOf(contact: string, session: string): Promise<FoundRegistration | null>;
  /** Creates a session registration; its id is in the body, so a repeat of a create that landed is refused as a duplicate. */
  createRegistration(body: Record<string, unknown>): Promise<void>;
  /** The event registration a badge's code names (for the event, when known), or null. */
  eventRegistration(code: BadgeCode, event?: string): Promise<FoundEventRegistration | null>;
  /** The time of the latest active check-in record of each registration that has one (ms since 1970). */
  latestCheckIns(registrations: readonly string[]): Promise<Map<string, number>>;
}

type Row = Record<string, unknown>;
/** Dataverse's In() takes many values; 50 keeps each URL well within every host's limit. */
export const IDS_PER_CALL = 50;


export function webApiDeskStore(webAPI: ComponentFramework.WebApi): DeskStore {
  const ER_SELECT = `?$select=${EventRegistration.Id},msevtmgt_name,${EventRegistration.ContactValue}`;
  return {
    async session(id) {
      const row: Row = await webAPI.retrieveRecord(Session.Entity, bareGuid(id), `?$select=msevtmgt_name,${Session.Capacity},${Session.EventValue},${Session.Start},${Session.End}`);
      return {
        id: bareGuid(id), name: textOf(row.msevtmgt_name), capacity: capacityOf(row[Session.Capacity]), event: textOf(row[Session.EventValue]) || undefined,
        start: textOf(row[Session.Start]) || undefined, end: textOf(row[Session.End]) || undefined,
      };
    },
    async registrationOf(contact, session) {
      const filter = `_${Column.Contact}_value eq ${bareGuid(contact)} and _${Column.Session}_value eq ${bareGuid(session)}`;
      const select = [`${ENTITY}id`, Column.Name, Column.State, Column.TimesCheckedIn, `_${Column.EventRegistration}_value`].join(",");
      const { entities } = await webAPI.retrieveMultipleRecords(ENTITY, `?$select=${select}&$filter=${filter}&$orderby=statecode asc&$top=1`);
      const row: Row | undefined = entities[0];
      if (!row) return null;
      return {
        id: textOf(row[`${ENTITY}id`]),
        name: textOf(row[Column.Name]),
        state: asNumber(row[Column.State]) ?? 0,
        timesCheckedIn: asNumber(row[Column.TimesCheckedIn]),
        eventRegistration: textOf(row[`_${Column.EventRegistration}_value`]) || undefined,
      };
    },
    async createRegistration(body) {
      await webAPI.createRecord(ENTITY, body);
    },
    async eventRegistration(code, event) {
      const which = code.kind === "guid" ? `${EventRegistration.Id} eq ${code.id}` : `msevtmgt_name eq ${quoted(code.code)}`;
      const filter = event ? `${which} and ${EventRegistration.EventValue} eq ${bareGuid(event)}` : which;
      const { entities } = await webAPI.retrieveMultipleRecords(EventRegistration.Entity, `${ER_SELECT}&$filter=${filter} and statecode eq 0&$top=1`);
      const row: Row | undefined = entities[0];
      if (!row) return null;
      const contact = textOf(row[EventRegistration.ContactValue]);
      return {
        id: textOf(row[EventRegistration.Id]),
        name: textOf(row.msevtmgt_name),
        contact: contact ? { id: contact, name: textOf(row[EventRegistration.ContactValue + FORMATTED]) } : undefined,
      };
    },
    async latestCheckIns(registrations) {
      const latest = new Map<string, number>();
      for (const part of chunks(registrations, IDS_PER_CALL)) {
        const filter = `statecode eq 0 and ${inFilter("msevtmgt_sessionregistration", part)}`;
        const { entities } = await webAPI.retrieveMultipleRecords(CheckIn.Entity, `?$select=${CheckIn.SessionRegistrationValue},${CheckIn.Time},createdon&$filter=${filter}`);
        for (const row of entities as Row[]) {
          const id = textOf(row[CheckIn.SessionRegistrationValue]);
          const at = Date.parse(textOf(row[CheckIn.Time]) || textOf(row.createdon));
          if (id && Number.isFinite(at) && at > (latest.get(id) ?? -Infinity)) latest.set(id, at);
        }
      }
      return latest;
    },
  };
}
