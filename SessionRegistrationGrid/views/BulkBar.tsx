import { DefaultButton, MessageBar, MessageBarButton, MessageBarType, ProgressIndicator } from "@fluentui/react";
import * as React from "react";
import { BULK_LABEL, bulkEdit, type BulkAction } from "../model/bulkActions";
import { problemKey } from "../model/errors";
import type { StatusReason } from "../model/statusReasons";
import type { Text } from "../model/text";
import type { RegistrationRow } from "../model/types";
import type { BulkSummary, RegistrationEditor } from "../services/registrationEditor";
import { Fragment, h } from "./h";

interface BulkBarProps {
  selected: readonly RegistrationRow[];
  actions: readonly BulkAction[];
  editor: RegistrationEditor;
  statusReasons: readonly StatusReason[];
  text: Text;
  /** After a run, the failed rows stay selected for a retry. */
  select: (ids: readonly string[]) => void;
}

type Run = { kind: "running"; done: number; total: number } | { kind: "finished"; summary: BulkSummary } | undefined;

/** Check in, mark synced or not, deactivate or activate the selected registrations, with progress and a summary. */
export const BulkBar = ({ selected, actions, editor, statusReasons, text, select }: BulkBarProps) => {
  const [run, setRun] = React.useState<Run>();
  const cancelled = React.useRef(false);
  const start = async (action: BulkAction) => {
    cancelled.current = false;
    setRun({ kind: "running", done: 0, total: selected.length });
    const summary = await editor.runBulk(selected, (row) => bulkEdit(action, row.fields, statusReasons), {
      isCancelled: () => cancelled.current,
      onProgress: (done, total) => setRun({ kind: "running", done, total }),
    });
    setRun({ kind: "finished", summary });
    select(summary.failed.map((f) => f.id));
  };
  if (run?.kind === "running") {
    return (
      <div className="srg-bulk" role="group" aria-label={text("Bulk_Toolbar")}>
        <ProgressIndicator className="srg-progress" label={text("Bulk_Progress", run.done, run.total)} percentComplete={run.total ? run.done / run.total : 0} />
        <DefaultButton text={text("Bulk_Cancel")} onClick={() => (cancelled.current = true)} />
      </div>
    );
  }
  return (
    <>
      {run?.kind === "finished" && <BulkSummaryBar summary={run.summary} text={text} onDismiss={() => setRun(undefined)} />}
      {selected.length > 0 && actions.length > 0 && (
        <div className="srg-bulk" role="toolbar" aria-label={text("Bulk_Toolbar")}>
          <span className="srg-selected">{text("Bulk_Selected", selected.length)}</span>
          {actions.map((action) => (
            <DefaultButton key={action} text={text(BULK_LABEL[action])} onClick={() => void start(action)} />
          ))}
        </div>
      )}
    </>
  );
};

const BulkSummaryBar = ({ summary, text, onDismiss }: { summary: BulkSummary; text: Text; onDismiss: () => void }) => {
  const headline = summary.notStarted
    ? text("Bulk_SummaryCancelled", summary.succeeded, summary.failed.length, summary.notStarted)
    : text("Bulk_Summary", summary.succeeded, summary.failed.length);
  return (
    <MessageBar
      messageBarType={summary.failed.length ? MessageBarType.warning : MessageBarType.success}
      isMultiline
      actions={<MessageBarButton onClick={onDismiss}>{text("Bulk_Dismiss")}</MessageBarButton>}
    >
      <span role="status">{headline}</span>
      {summary.failed.length > 0 && (
        <ul className="srg-failures">
          {summary.failed.map((f) => (
            <li key={f.id}>{text("Bulk_FailedRow", f.name || text("Grid_NoName"), text(problemKey(f.problem), f.problem.detail))}</li>
          ))}
        </ul>
      )}
    </MessageBar>
  );
};
