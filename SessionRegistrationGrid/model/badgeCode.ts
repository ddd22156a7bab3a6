import { bareGuid } from "./checkInRecord";
import type { RegistrationRow } from "./types";

/**
 * What a badge's code can be. Event Management says only that the QR code holds "a registration ID": the event
 * registration's id (a GUID) or its readable registration ID (its name, "CBAS25-004711"). A GUID may come in any
 * case, with or without braces.
 */
export type BadgeCode = { kind: "guid"; id: string } | { kind: "readable"; code: string };

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/**
 * The code in what was typed or scanned, or undefined for anything that can't be one (a name): a GUID, or one word
 * with a digit in it (readable IDs number the registrations; names have no digits).
 */
export function readBadgeCode(input: string): BadgeCode | undefined {
  const text = input.trim();
  if (GUID.test(text)) return { kind: "guid", id: bareGuid(text) };
  return text.length <= 100 && /\d/.test(text) && !/\s/.test(text) ? { kind: "readable", code: text } : undefined;
}

/** The same code however it was written: a bare lower-case GUID, a readable ID without regard to case. */
export function codeKey(code: BadgeCode): string {
  return code.kind === "guid" ? code.id : code.code.toLowerCase();
}

/**
 * The registrations a code points at: for a GUID the session registration with that id or the ones pointing at
 * that event registration; for a readable ID the ones whose event registration is named so (ignoring case).
 */
export function rowsWithCode(rows: readonly RegistrationRow[], code: BadgeCode): RegistrationRow[] {
  if (code.kind === "guid") {
    return rows.filter((row) => bareGuid(row.id) === code.id || (row.refs.eventRegistration && bareGuid(row.refs.eventRegistration.id) === code.id));
  }
  const wanted = codeKey(code);
  return rows.filter((row) => row.refs.eventRegistration?.name.trim().toLowerCase() === wanted);
}

/**
 * Whether a rejected scan is the user closing the scanner. Microsoft documents only that the promise rejects with
 * an error carrying a message; closing is the ordinary case, so a rejection without a message, or one that says it
 * was cancelled or closed, is taken for it. Anything else (no camera permission, no camera) is a failure to show.
 */
export function isScannerClosed(error: unknown): boolean {
  const message = (error as { message?: unknown } | undefined)?.message;
  return !message || /cancel|abort|clos|dismiss/i.test(String(message));
}
