import { MessageBar, MessageBarButton, MessageBarType } from "@fluentui/react";
import type { Edit } from "../model/edits";
import { problemKey } from "../model/errors";
import { labelOfStatus, type StatusReason } from "../model/statusReasons";
import type { Text } from "../model/text";
import type { RegistrationRow } from "../model/types";
import type { RegistrationEditor } from "../services/registrationEditor";
import { h } from "./h";

/** "check-in ×2", "status reason = Inactive": the change in words (resx Change_<kind>). */
function describe(edit: Edit, text: Text, reasons: readonly StatusReason[]): string {
  const value =
    edit.kind === "checkIn"
      ? edit.times
      : edit.kind === "count"
        ? edit.value
        : edit.kind === "sync"
          ? text(edit.synced ? "Sync_Yes" : "Sync_No")
          : labelOfStatus(reasons, edit.statusReason, String(edit.statusReason));
  return text(`Change_${edit.kind}`, value);
}

interface ProblemBarProps {
  rows: readonly RegistrationRow[];
  editor: RegistrationEditor;
  text: Text;
  statusReasons: readonly StatusReason[];
}

/** Changes that failed to save, one message per registration, each with Retry and Discard. Never a dialog. */
export const ProblemBar = ({ rows, editor, text, statusReasons }: ProblemBarProps) => {
  const failedIds = editor.failedRowIds();
  if (failedIds.length === 0) return null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (
    <div className="srg-problems">
      {failedIds.map((id) => {
        const row = byId.get(id);
        const failed = editor.stateOf(id).failed;
        const last = failed[failed.length - 1];
        const message = text(
          "Edit_Failed",
          row?.name ?? text("Grid_NoName"),
          failed.map((p) => describe(p.edit, text, statusReasons)).join(", "),
          text(problemKey(last.problem), last.problem.detail),
        );
        return (
          <MessageBar
            key={id}
            messageBarType={MessageBarType.error}
            isMultiline={false}
            actions={
              <div>
                {row && <MessageBarButton onClick={() => void editor.retryFailed(row)}>{text("Edit_Retry")}</MessageBarButton>}
                <MessageBarButton onClick={() => editor.discardFailed(id)}>{text("Edit_Discard")}</MessageBarButton>
              </div>
            }
          >
            {message}
          </MessageBar>
        );
      })}
    </div>
  );
};
