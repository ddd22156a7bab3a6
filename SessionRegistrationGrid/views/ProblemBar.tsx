import { MessageBar, MessageBarButton, MessageBarType } from "@fluentui/react";
import { explain } from "../model/errors";
import type { Text } from "../model/text";
import type { RegistrationRow } from "../model/types";
import type { RegistrationEditor } from "../services/registrationEditor";
import { h } from "./h";

interface ProblemBarProps {
  rows: readonly RegistrationRow[];
  editor: RegistrationEditor;
  text: Text;
}

/** Changes that failed to save, one message per registration, each with Retry and Discard. Never a dialog. */
export const ProblemBar = ({ rows, editor, text }: ProblemBarProps) => {
  const failedIds = editor.failedRowIds();
  if (failedIds.length === 0) return null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (
    <div className="srg-problems">
      {failedIds.map((id) => {
        const row = byId.get(id);
        const failed = editor.stateOf(id).failed;
        const last = failed[failed.length - 1];
        const message = text("Edit_Failed", row?.name ?? text("Grid_NoName"), explain(last.problem, text));
        return (
          <MessageBar
            key={id}
            messageBarType={MessageBarType.error}
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
