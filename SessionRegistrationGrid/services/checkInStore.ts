import { CheckIn, EventRegistration } from "../ManifestConstants";
import { bareGuid } from "../model/checkInRecord";

/** The slice of Dataverse a check-in record needs: create it, deactivate it, and find the event registration. */
export interface CheckInStore {
  create(body: Record<string, unknown>): Promise<void>;
  /** An inactive check-in no longer counts as attendance (undo); active again, it counts (a discarded undo). */
  setActive(id: string, active: boolean): Promise<void>;
  /** The contact's active event registration for the event, or null when there is none. */
  findEventRegistration(contact: string, event: string): Promise<string | null>;
}

export function webApiCheckInStore(webAPI: ComponentFramework.WebApi): CheckInStore {
  return {
    async create(body) {
      await webAPI.createRecord(CheckIn.Entity, body);
    },
    async setActive(id, active) {
      await webAPI.updateRecord(CheckIn.Entity, id, active ? { statecode: 0, statuscode: 1 } : { statecode: 1, statuscode: 2 });
    },
    async findEventRegistration(contact, event) {
      const filter = `${EventRegistration.ContactValue} eq ${bareGuid(contact)} and ${EventRegistration.EventValue} eq ${bareGuid(event)} and statecode eq 0`;
      const found = await webAPI.retrieveMultipleRecords(EventRegistration.Entity, `?$select=${EventRegistration.Id}&$filter=${filter}&$top=1`);
      const id = found.entities[0]?.[EventRegistration.Id];
      return typeof id === "string" ? id : null;
    },
  };
}
