import * as React from "react";
import { MessageBar, MessageBarButton, MessageBarType } from "@fluentui/react";
import { explain } from "../model/errors";
import type { Text } from "../model/text";
import type { RegistrationRow } from "../model/types";
import type { RegistrationEditor } from "../services/registrationEditor";

/** Changes that failed to save, one message per registration, each with Retry and Discard. Never a dialog. */
export function renderProblems(rows: readonly RegistrationRow[], editor: RegistrationEditor, text: Text) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return editor.failedRowIds().map((id) => {
    const row = byId.get(id);
    const failed = editor.stateOf(id).failed;
    const last = failed[failed.length - 1];
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
        {text("Edit_Failed", row?.name ?? text("Grid_NoName"), explain(last.problem, text))}
      </MessageBar>
    );
  });
}
