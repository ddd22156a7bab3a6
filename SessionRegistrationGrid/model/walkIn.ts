import { Column, ENTITY, EntitySet, RegistrationBind, State } from "../ManifestConstants";
import { bareGuid, recordName, withBinds } from "./checkInRecord";
import type { LookupRef, RegistrationRow } from "./types";

/** Someone to register at the door: a contact picked from the platform's lookup, or the owner of a scanned badge. */
export interface WalkIn {
  contact: { id: string; name: string };
  session: { id: string; name: string };
  event?: string;
  /** The contact's event registration for the event, when they have one. */
  eventRegistration?: { id: string; name?: string };
}

/**
 * The create body of a walk-in's session registration: its id made beforehand (a repeated create is then refused
 * as a duplicate instead of registering the person twice), its name (the attendee, as the event's own registrations
 * are named) and its binds, bare GUIDs into case-sensitive navigation properties. Unset lookups are left out.
 */
export function walkInBody(id: string, walkIn: WalkIn): Record<string, unknown> {
  const body: Record<string, unknown> = { [`${ENTITY}id`]: bareGuid(id), [Column.Name]: recordName(walkIn.contact.name) };
  return withBinds(body, [
    [RegistrationBind.Contact, EntitySet.Contact, walkIn.contact.id],
    [RegistrationBind.Session, EntitySet.Session, walkIn.session.id],
    [RegistrationBind.Event, EntitySet.Event, walkIn.event],
    [RegistrationBind.EventRegistration, EntitySet.EventRegistration, walkIn.eventRegistration?.id],
  ]);
}

const ref = (id: string, name: string, entityType: string): LookupRef => ({ id: bareGuid(id), name, entityType });

/**
 * A registration the grid does not hold yet (a walk-in just registered, or one found in Dataverse): enough of a
 * row for the editor to check it in before the dataset brings the real one.
 */
export function registrationRow(id: string, walkIn: WalkIn, fields: { timesCheckedIn: number | null; state: number } = { timesCheckedIn: 0, state: State.Active }): RegistrationRow {
  const { contact, session, event, eventRegistration } = walkIn;
  return {
    id: bareGuid(id),
    name: contact.name,
    fields: { timesCheckedIn: fields.timesCheckedIn, synced: null, state: fields.state, statusReason: fields.state === State.Active ? 1 : 2 },
    statusLabel: "",
    cells: {},
    refs: {
      contact: ref(contact.id, contact.name, "contact"),
      session: ref(session.id, session.name, "msevtmgt_session"),
      event: event ? ref(event, "", "msevtmgt_event") : undefined,
      eventRegistration: eventRegistration ? ref(eventRegistration.id, eventRegistration.name ?? "", "msevtmgt_eventregistration") : undefined,
    },
  };
}
