import { DefaultButton, MessageBar, MessageBarButton, MessageBarType, ProgressIndicator } from "@fluentui/react";
import * as React from "react";
import { Fragment, h } from "./jsx";
import { allowedBulkActions, bulkEdit, needsConfirmation, summarizeBulk, type BulkAction, type BulkSummary } from "../model/bulkActions";
import { describeBulk } from "../model/describe";
import type { Edit } from "../model/edits";
import type { RegistrationRow } from "../model/types";
import { useGrid } from "./GridContext";

interface BulkBarProps {
  /** The selected registrations that are loaded. */
  selected: readonly RegistrationRow[];
  /** The view has rows that are not loaded yet (a select-all took only the loaded ones). */
  moreNotLoaded: boolean;
  /** After a run, the failed rows stay selected for a retry. */
  select: (ids: readonly string[]) => void;
}

/** Check in, mark synced or not, deactivate or activate the selected registrations, with progress and a summary. */
export const BulkBar = ({ selected, moreNotLoaded, select }: BulkBarProps) => {
  const { text, policy, statusReasons, editor, desk, actions: host } = useGrid();
  const actions = allowedBulkActions(policy);
  const [progress, setProgress] = React.useState<[done: number, total: number]>();
  const [summary, setSummary] = React.useState<BulkSummary>();
  const cancelled = React.useRef(false);
  /** The last run's rows and edits: Retry failed and Undo act on them. */
  const lastRun = React.useRef<{ rows: readonly RegistrationRow[]; editFor: (row: RegistrationRow) => Edit | undefined }>();

  const run = async (action: BulkAction, rows: readonly RegistrationRow[], editFor = (row: RegistrationRow) => bulkEdit(action, editor.shown(row), statusReasons)) => {
    cancelled.current = false;
    lastRun.current = { rows, editFor };
    setSummary(undefined);
    setProgress([0, rows.length]);
    const outcomes = await editor.runBulk(rows, editFor, {
      isCancelled: () => cancelled.current,
      onProgress: (done, total) => setProgress([done, total]),
    });
    const result = summarizeBulk(action, outcomes);
    setProgress(undefined);
    setSummary(result);
    select(result.failedIds);
  };
  // Cancelling several registrations asks first, in the platform's own dialog; so does checking in past a full
  // room's capacity (once for the whole run).
  const start = async (action: BulkAction, rows: readonly RegistrationRow[]) => {
    const n = rows.length;
    if (needsConfirmation(action, n) && !(await host.confirm(text(`BulkConfirm_${action}`, n), text(`BulkConfirmText_${action}`), text(`BulkConfirmYes_${action}`, n), text("BulkConfirm_No")))) return;
    if (action === "checkIn" && !(await desk.approveBulkCheckIn(rows))) return;
    await run(action, rows);
  };
  // The failed rows' changes are retried where they stopped (a check-in's record is not made twice).
  const retryFailed = () => {
    const failed = new Set(summary?.failedIds);
    const last = lastRun.current!;
    void run(summary!.action, last.rows.filter((row) => failed.has(row.id)), last.editFor);
  };
  // A bulk check-in's summary takes back the check-ins it made: each row's newest from this page.
  const undo = () => void run("undoCheckIn", lastRun.current!.rows.filter((row) => editor.undoEdit(row.id)), (row) => editor.undoEdit(row.id));

  // The toolbar takes its own line below the list, which gets shorter: the row in focus (whose circle was just
  // pressed) stays in view rather than slipping under the bar.
  const toolbarShown = selected.length > 0;
  React.useLayoutEffect(() => {
    if (toolbarShown) document.activeElement?.closest?.('[role="row"]')?.scrollIntoView({ block: "nearest" });
  }, [toolbarShown]);
  return (
    <>
      {summary && (
        <MessageBar
          className="srg-bulk-summary"
          isMultiline={false}
          messageBarType={summary.failedIds.length ? MessageBarType.warning : MessageBarType.success}
          actions={
            <div>
              {summary.failedIds.length > 0 && <MessageBarButton onClick={retryFailed}>{text("Bulk_RetryFailed")}</MessageBarButton>}
              {summary.action === "checkIn" && summary.changed > 0 && <MessageBarButton onClick={undo}>{text("Bulk_Undo")}</MessageBarButton>}
              <MessageBarButton onClick={() => setSummary(undefined)}>{text("Bulk_Dismiss")}</MessageBarButton>
            </div>
          }
        >
          {describeBulk(summary, text)}
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
            <span>{moreNotLoaded ? text.count("Bulk_SelectedMore", selected.length) : text.count("Bulk_Selected", selected.length)}</span>
            {actions.map((action) => (
              <DefaultButton key={action} text={text(`Bulk_${action}`)} onClick={() => void start(action, selected)} />
            ))}
          </div>
        )
      )}
    </>
  );
};
