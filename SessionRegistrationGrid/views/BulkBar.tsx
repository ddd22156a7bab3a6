import { DefaultButton, Dialog, DialogFooter, DialogType, MessageBar, MessageBarButton, MessageBarType, PrimaryButton, ProgressIndicator } from "@fluentui/react";
import * as React from "react";
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
  const { text, policy, statusReasons, editor } = useGrid();
  const actions = allowedBulkActions(policy);
  const [progress, setProgress] = React.useState<[done: number, total: number]>();
  const [summary, setSummary] = React.useState<BulkSummary>();
  const [confirming, setConfirming] = React.useState<{ action: BulkAction; rows: readonly RegistrationRow[] }>();
  /** The check-ins the last bulk check-in made, by registration: its summary offers to undo them. */
  const [madeCheckIns, setMadeCheckIns] = React.useState<{ rows: readonly RegistrationRow[]; ids: ReadonlyMap<string, string> }>();
  const cancelled = React.useRef(false);
  /** The last run's edits, for Retry failed. */
  const lastEdits = React.useRef<(row: RegistrationRow) => Edit | undefined>(() => undefined);

  const run = async (action: BulkAction, rows: readonly RegistrationRow[], editFor = (row: RegistrationRow) => bulkEdit(action, editor.shown(row), statusReasons)) => {
    cancelled.current = false;
    lastEdits.current = editFor;
    setSummary(undefined);
    setMadeCheckIns(undefined);
    setProgress([0, rows.length]);
    const inRun = new Set(rows.map((row) => row.id));
    const made = new Map<string, string>();
    const stopListening = editor.onCheckedIn((c) => c.source === "bulk" && inRun.has(c.rowId) && made.set(c.rowId, c.id));
    const outcomes = await editor.runBulk(rows, editFor, {
      isCancelled: () => cancelled.current,
      onProgress: (done, total) => setProgress([done, total]),
    });
    stopListening();
    const result = summarizeBulk(action, outcomes);
    setProgress(undefined);
    setSummary(result);
    if (made.size) setMadeCheckIns({ rows: rows.filter((row) => made.has(row.id)), ids: made });
    select(result.failedIds);
  };
  const undoRun = () => madeCheckIns && void run("undoCheckIn", madeCheckIns.rows, (row) => editor.undoEdit(row.id, madeCheckIns.ids.get(row.id)));
  const start = (action: BulkAction, rows: readonly RegistrationRow[]) => {
    if (needsConfirmation(action, rows.length)) setConfirming({ action, rows });
    else void run(action, rows);
  };
  // The failed rows' changes are retried where they stopped (a check-in's record is not made twice).
  const retryFailed = () => {
    if (!summary) return;
    const failed = new Set(summary.failedIds);
    void run(summary.action, selected.filter((row) => failed.has(row.id)), lastEdits.current);
  };

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
              {madeCheckIns && <MessageBarButton onClick={undoRun}>{text("Bulk_Undo")}</MessageBarButton>}
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
              <DefaultButton key={action} text={text(`Bulk_${action}`)} onClick={() => start(action, selected)} />
            ))}
          </div>
        )
      )}
      {confirming && (
        <Dialog
          hidden={false}
          onDismiss={() => setConfirming(undefined)}
          dialogContentProps={{
            type: DialogType.normal,
            // Its "Close" would be Fluent's English; Keep them says the same in the user's language.
            showCloseButton: false,
            title: text(`BulkConfirm_${confirming.action}`, confirming.rows.length),
            subText: text(`BulkConfirmText_${confirming.action}`),
          }}
          modalProps={{ isBlocking: true }}
        >
          <DialogFooter>
            <PrimaryButton
              text={text(`BulkConfirmYes_${confirming.action}`, confirming.rows.length)}
              onClick={() => {
                setConfirming(undefined);
                void run(confirming.action, confirming.rows);
              }}
            />
            <DefaultButton text={text("BulkConfirm_No")} onClick={() => setConfirming(undefined)} />
          </DialogFooter>
        </Dialog>
      )}
    </>
  );
};
