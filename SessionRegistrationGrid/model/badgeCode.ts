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

/** The registrations a code points at, as rowsWithCode finds them, from an index of every code the rows carry. */
export type CodeLookup = (code: BadgeCode) => readonly RegistrationRow[];

/**
 * Indexes the codes the rows carry (their own ids, their event registrations' ids and readable IDs), so that a scan
 * finds its registration in a map instead of reading every row: at 5,000 rows that reading is most of an Enter's
 * work. The rows come out in the rows' order, as rowsWithCode gives them. Only valid for the rows as read now.
 */
export function indexCodes(rows: readonly RegistrationRow[]): CodeLookup {
  const byKey = new Map<string, RegistrationRow[]>();
  const add = (key: string, row: RegistrationRow) => {
    const found = byKey.get(key);
    if (!found) byKey.set(key, [row]);
    else if (found[found.length - 1] !== row) found.push(row);
  };
  for (const row of rows) {
    add(`guid:${bareGuid(row.id)}`, row);
    const eventRegistration = row.refs.eventRegistration;
    if (eventRegistration) {
      add(`guid:${bareGuid(eventRegistration.id)}`, row);
      add(`readable:${eventRegistration.name.trim().toLowerCase()}`, row);
    }
  }
  return (code) => byKey.get(`${code.kind}:${codeKey(code)}`) ?? [];
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
