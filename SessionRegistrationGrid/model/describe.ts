import { State } from "../ManifestConstants";
import type { BulkSummary } from "./bulkActions";
import type { DeskResult } from "./deskEntry";
import { explain } from "./errors";
import type { Edit } from "./edits";
import type { Text } from "./text";

/** A change in a few words, for a row that says which of its changes was not saved ("Count 7", "Synced: Yes"). */
export function describeChange(edit: Edit, text: Text): string {
  if (edit.kind === "count") return text("Change_count", edit.value);
  if (edit.kind === "sync") return text(edit.synced ? "Change_syncYes" : "Change_syncNo");
  if (edit.kind === "status") return text(edit.state === State.Active ? "Change_activate" : "Change_deactivate");
  if (edit.kind === "record") return text(edit.active ? "Change_recordRestore" : "Change_recordWithdraw");
  // What is left is a check-in or its undo (a new kind of edit would not compile here).
  const step: "checkIn" | "undoCheckIn" = edit.kind;
  return text(step === "checkIn" ? "Change_checkIn" : "Change_undoCheckIn");
}

/** "Ana Silva checked in", or "Ana Silva checked in — 2nd time" for someone already in. */
export function checkedInMessage(name: string, count: number, text: Text): string {
  return count > 1 ? text("CheckIn_AnnouncedAgain", name, text.ordinal(count)) : text("CheckIn_Announced", name);
}

/**
 * A bulk run in one sentence that names the action and counts what changed apart from what already was so:
 * "Activate: 7 activated, 23 were already active, 2 not saved: no connection."
 */
export function describeBulk(summary: BulkSummary, text: Text): string {
  const { action } = summary;
  const parts: string[] = [];
  if (summary.already) parts.push(text.count(`BulkAlready_${action}`, summary.already));
  for (const { count, problem, detail } of summary.failedByReason) {
    // "3 refused by Dataverse: “Check-in is closed for this session”": Dataverse's words, where they say what is wrong.
    parts.push(detail ? text("Bulk_NotSavedSaid", count, text(`Reason_${problem}`), detail) : text("Bulk_NotSaved", count, text(`Reason_${problem}`)));
  }
  if (summary.skipped) parts.push(text.count("Bulk_Skipped", summary.skipped));
  if (summary.notStarted) parts.push(text.count("Bulk_NotStarted", summary.notStarted));
  if (summary.waiting) parts.push(text.count("Pending_Waiting", summary.waiting));
  // What changed comes first; "0 activated" says nothing when something else does.
  if (summary.changed || !parts.length) parts.unshift(text.count(`BulkDone_${action}`, summary.changed));
  return text("Bulk_Summary", text(`Bulk_${action}`), parts.join(text("List_Separator")));
}

/** What the desk says on the status line (a saved check-in speaks for itself: checkedInMessage). */
export function describeDesk(result: DeskResult, text: Text): string {
  switch (result.kind) {
    case "none": return "";
    case "checkingIn": return text("Desk_CheckingIn", result.name);
    case "waiting": return text("Desk_Waiting", result.name);
    case "declined": return text("Desk_Declined", result.name);
    case "justCheckedIn": return text("Desk_JustCheckedIn", result.name);
    case "cancelled": return text("Desk_Cancelled", result.name);
    case "registering": return text("Desk_Registering", result.name);
    case "failed": return text("Desk_Failed", result.name, explain(result.problem, text));
    case "walkInFailed": return text("Desk_WalkInFailed", result.name, explain(result.problem, text));
    case "several": return text("Desk_Several", result.count);
    case "noMatch": return text("Desk_NoMatch", result.query);
    case "notRegistered": return result.who.contact ? text("Desk_NotRegisteredNamed", result.who.contact.name) : text("Desk_NotRegistered");
    case "scanFailed": return text("Desk_ScanFailed", result.detail);
  }
}
