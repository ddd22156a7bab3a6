import type { Change } from "../model/changes";
import type { CheckInStore } from "./checkInStore";

/**
 * Finds the event registration a check-in record needs when the session registration names none: the contact's
 * active one for the event. Asked once per registration per page load, "none" remembered too; a failed ask is
 * forgotten, so the next attempt asks again.
 */
export function createEventRegistrationFinder(store: CheckInStore): (change: Change) => Promise<string | null> {
  const found = new Map<string, Promise<string | null>>();
  return ({ rowId, targets }) => {
    if (!targets?.contact || !targets.event) return Promise.resolve(null);
    let answer = found.get(rowId);
    if (!answer) {
      found.set(rowId, (answer = store.findEventRegistration(targets.contact, targets.event)));
      answer.catch(() => found.delete(rowId));
    }
    return answer;
  };
}
