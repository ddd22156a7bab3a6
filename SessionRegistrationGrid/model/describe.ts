import { State } from "../ManifestConstants";
import type { BulkSummary } from "./bulkActions";
import type { Edit } from "./edits";
import type { Text } from "./text";

/** A change in a few words, for a row that says which of its changes was not saved ("Count 7", "Synced: Yes"). */
export function describeChange(edit: Edit, text: Text): string {
  switch (edit.kind) {
    case "checkIn":
      return text("Change_checkIn");
    case "undoCheckIn":
      return text("Change_undoCheckIn");
    case "count":
      return text("Change_count", edit.value);
    case "sync":
      return text(edit.synced ? "Change_syncYes" : "Change_syncNo");
    case "status":
      return text(edit.state === State.Active ? "Change_activate" : "Change_deactivate");
    case "record":
      return text(edit.active ? "Change_recordRestore" : "Change_recordWithdraw");
  }
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
  const rest: string[] = [];
  if (summary.already) rest.push(text.count(`BulkAlready_${action}`, summary.already));
  for (const group of summary.failedByReason) rest.push(text("Bulk_NotSaved", group.count, text(`Reason_${group.problem}`)));
  if (summary.skipped) rest.push(text.count("Bulk_Skipped", summary.skipped));
  if (summary.notStarted) rest.push(text.count("Bulk_NotStarted", summary.notStarted));
  if (summary.waiting) rest.push(text.count("Pending_Waiting", summary.waiting));
  // "0 activated" says nothing when something else does.
  const parts = summary.changed || rest.length === 0 ? [text.count(`BulkDone_${action}`, summary.changed), ...rest] : rest;
  return text("Bulk_Summary", text(`Bulk_${action}`), parts.join(text("List_Separator")));
}
