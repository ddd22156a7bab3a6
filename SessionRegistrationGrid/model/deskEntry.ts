import { State } from "../ManifestConstants";
import { readBadgeCode, rowsWithCode, type BadgeCode, type CodeLookup } from "./badgeCode";
import type { Problem } from "./errors";
import { findRows } from "./search";
import type { RegistrationFields, RegistrationRow } from "./types";

/** A second scan of the same badge within this long is the same person still at the desk, not a re-entry. */
export const RESCAN_WINDOW_MS = 10_000;

/** What Enter in "Find attendee" (or a scan) comes to. */
export type DeskEntry =
  | { kind: "empty" }
  /** One active registration: check it in. `code` when it was found by a badge's code. */
  | { kind: "checkIn"; row: RegistrationRow; code?: BadgeCode }
  /** The same badge was checked in moments ago: nothing more is counted. */
  | { kind: "justCheckedIn"; row: RegistrationRow }
  /** Only cancelled registrations match: never checked in from the box. */
  | { kind: "cancelled"; row: RegistrationRow }
  /** More than one active registration matches: the user picks. */
  | { kind: "several"; count: number }
  /** Nothing matches; a badge's code that matches nothing is someone not registered for what the grid shows. */
  | { kind: "noMatch"; code?: BadgeCode };

export interface EntryContext {
  rows: readonly RegistrationRow[];
  /** The fields the grid shows for a row (its saved and pending changes included). */
  shown(row: RegistrationRow): RegistrationFields;
  /** Whether this registration was checked in by a scan within the last RESCAN_WINDOW_MS. */
  scannedRecently(rowId: string): boolean;
  /** The rows a code points at, from an index of the rows' codes (indexCodes); without it, the rows are read. */
  withCode?: CodeLookup;
}

/**
 * Decides what Enter does, without doing it: a badge's code (a GUID or a readable registration ID) is looked for
 * first, then the words of a name. Exactly one active match is checked in; cancelled registrations never are.
 */
export function decideEntry(query: string, context: EntryContext): DeskEntry {
  if (!query.trim()) return { kind: "empty" };
  const code = readBadgeCode(query);
  const byCode = code ? (context.withCode?.(code) ?? rowsWithCode(context.rows, code)) : [];
  const matches = byCode.length ? byCode : findRows(context.rows, query);
  if (!matches.length) return { kind: "noMatch", code };
  const active = matches.filter((row) => context.shown(row).state === State.Active);
  if (active.length > 1) return { kind: "several", count: matches.length };
  if (!active.length) return { kind: "cancelled", row: matches[0] };
  const [row] = active;
  if (byCode.length && context.scannedRecently(row.id)) return { kind: "justCheckedIn", row };
  return { kind: "checkIn", row, code: byCode.length ? code : undefined };
}

/** Someone a badge names who is not registered for the session: who they are, when Dataverse knows. */
export interface Unregistered {
  contact?: { id: string; name: string };
  eventRegistration?: { id: string; name: string };
}

/**
 * What the desk tells the person at it, on the status line. A check-in that saves is announced by the grid's own
 * "<name> checked in" (with Undo); these are the other outcomes, and the steps before.
 */
export type DeskResult =
  | { kind: "none" }
  /** Pressed and on its way; "waiting": kept until the connection is back; "declined" at a full room. */
  | { kind: "checkingIn" | "waiting" | "declined" | "justCheckedIn" | "cancelled" | "registering"; name: string }
  /** The check-in, or a walk-in's registration, could not be saved. */
  | { kind: "failed" | "walkInFailed"; name: string; problem: Problem }
  | { kind: "several"; count: number }
  | { kind: "noMatch"; query: string }
  | { kind: "notRegistered"; who: Unregistered }
  /** The camera's scanner failed (not closed by the user): its own words. */
  | { kind: "scanFailed"; detail: string };
