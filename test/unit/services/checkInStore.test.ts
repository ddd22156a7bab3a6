/** The check-in store finds the contact's active event registration for the event, or says there is none. */
import { webApiCheckInStore } from "../../../SessionRegistrationGrid/services/checkInStore";
import { FakeDataverse, generateConference } from "../../fixtures";

const conference = generateConference({ attendees: 40 });
const event = conference.event.msevtmgt_eventid;

describe("finding a contact's event registration", () => {
  it("answers the contact's active event registration for the event", async () => {
    const [contact, eventRegistration] = Object.entries(conference.activeEventRegistrationByContact)[0];
    const store = webApiCheckInStore(new FakeDataverse({ data: conference }).webApi);
    expect(await store.findEventRegistration(contact, event)).toBe(eventRegistration);
  });

  it("a contact without one gets null, not undefined", async () => {
    const store = webApiCheckInStore(new FakeDataverse({ data: conference }).webApi);
    expect(await store.findEventRegistration(conference.contactsWithoutEventRegistration[0], event)).toBeNull();
  });
});
