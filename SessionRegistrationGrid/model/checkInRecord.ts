import { CheckIn, CheckInType, EntitySet } from "../ManifestConstants";

/** What a check-in record points at; ids as Dataverse writes them (lower case, no braces). */
export interface CheckInTargets {
  registration: string;
  contact?: string;
  session?: string;
  event?: string;
  eventRegistration?: string;
}

/** Longest msevtmgt_name the table takes. */
export const MAX_NAME = 100;

/** Lookups arrive as "{GUID}" in upper case from some hosts and pickers; binds take the bare, lower-case GUID. */
export function bareGuid(id: string): string {
  return id.trim().replace(/[{}]/g, "").toLowerCase();
}

/** The record's name (the attendee and the session), cut to what the column holds. */
export function recordName(formatted: string): string {
  return formatted.length <= MAX_NAME ? formatted : `${formatted.slice(0, MAX_NAME - 1).trimEnd()}…`;
}

/**
 * The create body of a session check-in, as Event Management's own check-ins are made. Its id is made before
 * the first attempt, so every attempt sends the same one and Dataverse can refuse a second copy.
 */
export function checkInRecordBody(id: string, name: string, targets: CheckInTargets, at: Date): Record<string, unknown> {
  const body: Record<string, unknown> = {
    [CheckIn.Id]: bareGuid(id),
    [CheckIn.Name]: recordName(name),
    [CheckIn.Type]: CheckInType.Session,
    [CheckIn.Time]: at.toISOString(),
  };
  return withBinds(body, [
    [CheckIn.SessionRegistration, EntitySet.SessionRegistration, targets.registration],
    [CheckIn.Contact, EntitySet.Contact, targets.contact],
    [CheckIn.SessionAttended, EntitySet.Session, targets.session],
    [CheckIn.EventRegistration, EntitySet.EventRegistration, targets.eventRegistration],
    [CheckIn.Event, EntitySet.Event, targets.event],
  ]);
}

/** A lookup to set in a create body: its navigation property (case-sensitive), the target's entity set and id. */
export type Bind = [navigation: string, entitySet: string, id?: string];

/** The body with these lookups bound (`nav@odata.bind: /set(guid)`, bare GUIDs); unset ones are left out, not bound to null. */
export function withBinds(body: Record<string, unknown>, binds: readonly Bind[]): Record<string, unknown> {
  for (const [navigation, entitySet, target] of binds) if (target) body[`${navigation}@odata.bind`] = `/${entitySet}(${bareGuid(target)})`;
  return body;
}
