import { State } from "../ManifestConstants";
import { bareGuid } from "../model/checkInRecord";
import type { DeskResult } from "../model/deskEntry";
import { isDuplicateKey } from "../model/errors";
import type { RegistrationRow } from "../model/types";
import { registrationRow, walkInBody, type WalkIn } from "../model/walkIn";
import type { DeskStore, SessionInfo } from "./deskStore";
import { problemOf } from "./retry";

/** Whether a check-in may go: at once ("yes"), or after the full room's question. "busy": another is open. */
export type Approval = "yes" | "no" | "busy";

/** What a walk-in needs of the desk it is made at. */
export interface WalkInDesk {
  /** The session whose form the grid sits on. */
  session: { id: string };
  store: DeskStore;
  rows(): readonly RegistrationRow[];
  /** The session's name, event and capacity: read once. */
  loadSession(session: { id: string }): Promise<SessionInfo>;
  /** A call tried again on the failures worth trying again. */
  retrying<T>(call: () => Promise<T>): Promise<T>;
  approve(counts: readonly (number | null)[], person?: string): "yes" | Promise<Approval>;
  /** `asked`: the full room was asked about already. */
  checkIn(row: RegistrationRow, how: "walkIn", asked?: boolean): Promise<void>;
  findEventRegistration(contact: string, event: string): Promise<string | null>;
  refresh(): void;
  newId(): string;
  announce(result: DeskResult): void;
}

/**
 * "Add walk-in": registers the picked person for the form's session, never twice, and checks them in. Someone
 * registered already (the grid may not hold the row) is checked in on that registration; a cancelled one is not.
 * Two walk-ins of one person at once: the second waits, then finds the registration the first made.
 */
export function createWalkIns(d: WalkInDesk) {
  const running = new Map<string, Promise<void>>();

  const register = async (contact: { id: string; name: string }, known?: { id: string; name: string }) => {
    const session = await d.loadSession(d.session);
    const found = await d.retrying(() => d.store.registrationOf(contact.id, session.id));
    const eventRegistration = known ?? (found?.eventRegistration ? { id: found.eventRegistration, name: "" } : undefined);
    const walkIn: WalkIn = { contact, session, event: session.event, eventRegistration };
    if (found) {
      if (found.state !== State.Active) return d.announce({ kind: "cancelled", name: contact.name });
      const held = d.rows().find((row) => bareGuid(row.id) === bareGuid(found.id));
      return d.checkIn(held ?? registrationRow(found.id, walkIn, found), "walkIn");
    }
    const approved = await d.approve([0], contact.name);
    if (approved === "busy") return;
    if (approved === "no") return d.announce({ kind: "declined", name: contact.name });
    d.announce({ kind: "registering", name: contact.name });
    if (!walkIn.eventRegistration && session.event) {
      const id = await d.retrying(() => d.findEventRegistration(contact.id, session.event!));
      if (id) walkIn.eventRegistration = { id };
    }
    const id = d.newId();
    const body = walkInBody(id, walkIn);
    // The id is made here: a create whose answer was lost and is sent again is refused as a duplicate, not doubled.
    await d.retrying(() => d.store.createRegistration(body).catch((error) => {
      if (!isDuplicateKey(error)) throw error;
    }));
    d.refresh();
    await d.checkIn(registrationRow(id, walkIn), "walkIn", true);
  };

  return async (contact: { id: string; name: string }, eventRegistration?: { id: string; name: string }) => {
    const key = bareGuid(contact.id);
    const previous = running.get(key) ?? Promise.resolve();
    const next = previous.then(() => register({ ...contact, id: key }, eventRegistration)).catch((error) => {
      d.announce({ kind: "walkInFailed", name: contact.name, problem: problemOf(error) });
    });
    running.set(key, next);
    await next;
  };
}
