import { State } from "../ManifestConstants";
import type { EditPolicy } from "./editPolicy";
import type { Edit } from "./edits";
import { defaultReasonFor, type StatusReason } from "./statusReasons";
import type { RegistrationFields } from "./types";

export type BulkAction = "checkIn" | "markSynced" | "markNotSynced" | "deactivate" | "activate";

/** The bulk actions the policy allows, in toolbar order. */
export function allowedBulkActions(policy: EditPolicy): BulkAction[] {
  const actions: BulkAction[] = [];
  if (policy.checkIn) actions.push("checkIn");
  if (policy.sync) actions.push("markSynced", "markNotSynced");
  if (policy.status) actions.push("deactivate", "activate");
  return actions;
}

/**
 * The edit a bulk action makes to one registration, or undefined when the row can't take it:
 * inactive registrations are read-only but for their status.
 */
export function bulkEdit(action: BulkAction, fields: RegistrationFields, reasons: readonly StatusReason[]): Edit | undefined {
  const active = fields.state === State.Active;
  switch (action) {
    case "checkIn":
      return active ? { kind: "checkIn", times: 1 } : undefined;
    case "markSynced":
    case "markNotSynced":
      return active ? { kind: "sync", synced: action === "markSynced" } : undefined;
    case "deactivate":
    case "activate": {
      const state = action === "activate" ? State.Active : State.Inactive;
      const reason = defaultReasonFor(reasons, state);
      return reason && { kind: "status", state, statusReason: reason.value };
    }
  }
}
