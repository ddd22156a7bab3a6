import { State } from "../ManifestConstants";
import { failedChanges, isActive, type Change, type RecordStep, type RowEdits } from "./changes";
import type { RegistrationFields } from "./types";

/** What the row's check-in cell says beside (or instead of) its button. */
export type RowNote =
  /** A change of the row is being saved or waits its turn. */
  | { kind: "saving" }
  /** A change waits for the connection to come back. */
  | { kind: "waiting" }
  /** Another desk changed the registration (or checked the attendee in) moments ago. */
  | { kind: "elsewhere" | "checkedInElsewhere" }
  /** A change could not be saved: the newest failed one, and how many more the row holds. */
  | { kind: "failed"; change: Change; more: number }
  /** The last check-in was counted without a check-in record: there is no event registration to attach it to. */
  | { kind: "noRecord" };

/**
 * The row's note: a failure first (it needs the user), then waiting, then saving, then a change from another
 * desk, then a check-in that could only be counted (`lastRecord`: the record step of its last check-in here).
 */
export function rowNote(edits: RowEdits, lastRecord?: RecordStep, elsewhere?: "checkedIn" | "changed"): RowNote | undefined {
  const failed = failedChanges(edits);
  if (failed.length) return { kind: "failed", change: failed[failed.length - 1], more: failed.length - 1 };
  if (edits.changes.some((c) => c.status === "waiting")) return { kind: "waiting" };
  if (edits.changes.some(isActive)) return { kind: "saving" };
  if (elsewhere) return { kind: elsewhere === "checkedIn" ? "checkedInElsewhere" : "elsewhere" };
  return lastRecord === "noEventRegistration" ? { kind: "noRecord" } : undefined;
}

/** The check-in action a row offers: none on a cancelled registration, "again" for someone already in. */
export type CheckInAction = "cancelled" | "first" | "again";

export function checkInAction(shown: RegistrationFields): CheckInAction {
  if (shown.state !== State.Active) return "cancelled";
  return (shown.timesCheckedIn ?? 0) > 0 ? "again" : "first";
}

/** A press on a row whose check-in failed retries that check-in rather than adding a second one. */
export function failedCheckIn(edits: RowEdits): Change | undefined {
  return failedChanges(edits).find((c) => c.edit.kind === "checkIn");
}
