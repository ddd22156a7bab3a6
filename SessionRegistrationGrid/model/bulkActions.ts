import { State } from "../ManifestConstants";
import type { EditPolicy } from "./editPolicy";
import { allowedOn, type Edit } from "./edits";
import { saysItsWords, type Problem, type ProblemKind } from "./errors";
import type { StatusReason } from "./statusReasons";
import type { RegistrationFields } from "./types";

/** What a bulk run does; "undoCheckIn" takes back the check-ins of a bulk check-in (offered by its summary). */
export type BulkAction = "checkIn" | "markSynced" | "markNotSynced" | "deactivate" | "activate" | "undoCheckIn";

/** The bulk actions the policy allows, in toolbar order. */
export function allowedBulkActions(policy: EditPolicy): BulkAction[] {
  const actions: BulkAction[] = [];
  if (policy.checkIn) actions.push("checkIn");
  if (policy.sync) actions.push("markSynced", "markNotSynced");
  if (policy.status) actions.push("deactivate", "activate");
  return actions;
}

/** The edit a bulk action makes to one registration, or undefined when the row can't take it (cancelled ones). */
export function bulkEdit(action: BulkAction, fields: RegistrationFields, reasons: readonly StatusReason[]): Edit | undefined {
  // Each row's undo names its own check-in: the editor makes it.
  if (action === "undoCheckIn") return undefined;
  // Deactivate and activate write the first status reason of that state.
  const state = action === "activate" ? State.Active : State.Inactive;
  const reason = reasons.find((r) => r.state === state);
  const edit: Edit | undefined =
    action === "checkIn" ? { kind: "checkIn" }
    : action === "markSynced" || action === "markNotSynced" ? { kind: "sync", synced: action === "markSynced" }
    : reason && { kind: "status", state: reason.state, statusReason: reason.value };
  return edit && allowedOn(edit, fields) ? edit : undefined;
}

/** Cancelling registrations is not undone with one click: more than one asks first. */
export function needsConfirmation(action: BulkAction, count: number): boolean {
  return action === "deactivate" && count > 1;
}

/** What became of one row in a bulk run. */
export type BulkOutcome =
  | { id: string; result: "changed" | "already" | "skipped" | "notStarted" | "waiting" }
  /** `detail`: Dataverse's own words, for the kinds whose explanation quotes them (a business rule's refusal). */
  | { id: string; result: "failed"; problem: ProblemKind; detail?: string };

/** A failed row's outcome: the kind, and Dataverse's words where they say what is wrong. */
export function failedOutcome(id: string, problem: Problem): BulkOutcome {
  return saysItsWords(problem.kind) ? { id, result: "failed", problem: problem.kind, detail: problem.detail } : { id, result: "failed", problem: problem.kind };
}

export interface BulkSummary {
  action: BulkAction;
  changed: number;
  /** Rows that already held the value: nothing was written. */
  already: number;
  /** Cancelled registrations a field action can't change. */
  skipped: number;
  /** Rows a cancelled run never reached. */
  notStarted: number;
  /** Changes waiting for the connection: they go when it is back. */
  waiting: number;
  /** Failures grouped by reason (and Dataverse's words, where they are quoted), largest group first. */
  failedByReason: { problem: ProblemKind; detail?: string; count: number }[];
  /** The rows to try again with "Retry failed". */
  failedIds: string[];
}

export function summarizeBulk(action: BulkAction, outcomes: readonly BulkOutcome[]): BulkSummary {
  const summary: BulkSummary = { action, changed: 0, already: 0, skipped: 0, notStarted: 0, waiting: 0, failedByReason: [], failedIds: [] };
  const groups = new Map<string, { problem: ProblemKind; detail?: string; count: number }>();
  for (const outcome of outcomes) {
    if (outcome.result === "failed") {
      const key = JSON.stringify([outcome.problem, outcome.detail]);
      const group = groups.get(key) ?? { problem: outcome.problem, ...(outcome.detail !== undefined && { detail: outcome.detail }), count: 0 };
      group.count++;
      groups.set(key, group);
      summary.failedIds.push(outcome.id);
    } else summary[outcome.result]++;
  }
  summary.failedByReason = [...groups.values()].sort((a, b) => b.count - a.count);
  return summary;
}
