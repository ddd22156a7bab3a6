import * as React from "react";
import { DefaultButton, MessageBar, MessageBarButton, MessageBarType, ProgressIndicator } from "@fluentui/react";
import { bulkEdit, type BulkAction } from "../model/bulkActions";
import { explain } from "../model/errors";
import type { StatusReason } from "../model/statusReasons";
import type { Text } from "../model/text";
import type { RegistrationRow } from "../model/types";
import type { BulkSummary, RegistrationEditor } from "../services/registrationEditor";

interface BulkBarProps {
  selected: readonly RegistrationRow[];
  actions: readonly BulkAction[];
  editor: RegistrationEditor;
  statusReasons: readonly StatusReason[];
  text: Text;
  /** After a run, the failed rows stay selected for a retry. */
  select: (ids: readonly string[]) => void;
}

/** Check in, mark synced or not, deactivate or activate the selected registrations, with progress and a summary. */
export const BulkBar = ({ selected, actions, editor, statusReasons, text, select }: BulkBarProps) => {
  const [progress, setProgress] = React.useState<[done: number, total: number]>();
  const [summary, setSummary] = React.useState<BulkSummary>();
  const cancelled = React.useRef(false);
  const start = async (action: BulkAction) => {
    cancelled.current = false;
    setSummary(undefined);
    setProgress([0, selected.length]);
    const result = await editor.runBulk(selected, (row) => bulkEdit(action, row.fields, statusReasons), {
      isCancelled: () => cancelled.current,
      onProgress: (done, total) => setProgress([done, total]),
    });
    setProgress(undefined);
    setSummary(result);
    select(result.failed.map((f) => f.id));
  };
  const { succeeded, failed, notStarted } = summary ?? { failed: [] };
  return (
    <React.Fragment>
      {summary && (
        <MessageBar
          messageBarType={failed.length ? MessageBarType.warning : MessageBarType.success}
          actions={<MessageBarButton onClick={() => setSummary(undefined)}>{text("Bulk_Dismiss")}</MessageBarButton>}
        >
          <span>{notStarted ? text("Bulk_SummaryCancelled", succeeded!, failed.length, notStarted) : text("Bulk_Summary", succeeded!, failed.length)}</span>
          <ul className="srg-failures">
            {failed.map((f) => (
              <li key={f.id}>{text("Bulk_FailedRow", f.name, explain(f.problem, text))}</li>
            ))}
          </ul>
        </MessageBar>
      )}
      {progress ? (
        <div className="srg-bulk">
          <ProgressIndicator className="srg-progress" label={text("Bulk_Progress", ...progress)} percentComplete={progress[0] / progress[1]} />
          <DefaultButton text={text("Bulk_Cancel")} onClick={() => (cancelled.current = true)} />
        </div>
      ) : (
        selected.length > 0 &&
        actions.length > 0 && (
          <div className="srg-bulk" role="toolbar" aria-label={text("Bulk_Toolbar")}>
            <span>{text("Bulk_Selected", selected.length)}</span>
            {actions.map((action) => (
              <DefaultButton key={action} text={text(`Bulk_${action}`)} onClick={() => void start(action)} />
            ))}
          </div>
        )
      )}
    </React.Fragment>
  );
};
