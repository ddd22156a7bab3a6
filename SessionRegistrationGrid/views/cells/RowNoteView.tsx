import * as React from "react";
import { describeChange } from "../../model/describe";
import { explain } from "../../model/errors";
import type { RowNote } from "../../model/rowStatus";
import type { RegistrationRow } from "../../model/types";
import { useGrid } from "../GridContext";
import { stopDoubleClick } from "./stopDoubleClick";

/**
 * What is happening to the row's changes, in the row itself: "Saving…", a check-in counted without a record, or a change
 * that was not saved, with why and with Retry and Discard. The full explanation is the note's tooltip.
 */
export const RowNoteView = ({ row, note }: { row: RegistrationRow; note: RowNote }) => {
  const { text, editor } = useGrid();
  if (note.kind === "saving") return <span className="srg-note srg-saving">{text("Edit_Saving")}</span>;
  if (note.kind === "noRecord") return <span className="srg-note srg-no-record">{text("Row_CountedWithoutRecord")}</span>;
  const { change, more } = note;
  const problem = change.problem ?? { kind: "unknown" as const, detail: "" };
  let what = text("Row_NotSavedChange", describeChange(change.edit, text));
  // A check-in whose record was made but whose count wasn't: Retry writes only the count.
  if (change.edit.kind === "checkIn") what = text(change.record === "made" ? "Row_RecordedNotCounted" : "Row_NotSaved");
  return (
    <span className="srg-note srg-failed">
      <span className="srg-failed-text" title={`${what}: ${explain(problem, text)}`}>
        <span className="srg-failed-what">{more ? text("Row_NotSavedMore", what, more) : what}</span>
        <span className="srg-failed-why">{text(`Reason_${problem.kind}`)}</span>
      </span>
      <button type="button" className="srg-small-button" aria-label={text("Row_RetryLabel", row.name)} onClick={() => editor.retry(row.id)} onDoubleClick={stopDoubleClick}>
        {text("Edit_Retry")}
      </button>
      {/* A compact ✕ (drawn by the CSS): its name and tooltip say Discard. */}
      <button
        type="button"
        className="srg-small-button srg-discard"
        aria-label={text("Row_DiscardLabel", row.name)}
        title={text("Edit_Discard")}
        onClick={() => editor.discard(row.id)}
        onDoubleClick={stopDoubleClick}
      />
    </span>
  );
};
