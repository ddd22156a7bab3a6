import type { Change } from "../model/changes";
import type { CheckInStore } from "./checkInStore";

/**
 * Finds the event registration a check-in record needs when the session registration names none: the contact's
 * active one for the event. Asked once per registration per page load, "none" remembered too; a failed ask is
 * forgotten, so the next attempt asks again.
 */
export function createEventRegistrationFinder(store: CheckInStore): (change: Change) => Promise<string | null> {
  const found = new Map<string, Promise<string | null>>();
  const sessionEvents = new Map<string, Promise<string | null>>();
  const remember = <K>(cache: Map<K, Promise<string | null>>, key: K, ask: () => Promise<string | null>) => {
    let answer = cache.get(key);
    if (!answer) {
      answer = ask();
      cache.set(key, answer);
      answer.catch(() => cache.delete(key));
    }
    return answer;
  };
  return (change) => {
    const { registration, contact, event, session } = change.targets ?? { registration: change.rowId };
    if (!contact) return Promise.resolve(null);
    return remember(found, registration, async () => {
      const eventId = event ?? (session ? await remember(sessionEvents, session, () => store.sessionEvent(session)) : null);
      return eventId ? store.findEventRegistration(contact, eventId) : null;
    });
  };
}
