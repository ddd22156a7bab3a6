import { h } from "../jsx";
import { describeChange } from "../../model/describe";
import { explain } from "../../model/errors";
import type { RowNote } from "../../model/rowStatus";
import type { RegistrationRow } from "../../model/types";
import { useGrid } from "../GridContext";

/**
 * What is happening to the row's changes, in the row itself: "Saving…", "Waiting for connection", another desk's change, a check-in counted without a record, or a change
 * that was not saved, with why and with Retry and Discard. The full explanation is the note's tooltip.
 */
const NOTE_TEXT: Record<Exclude<RowNote["kind"], "failed">, string> = {
  saving: "Edit_Saving",
  waiting: "Row_Waiting",
  elsewhere: "Row_Elsewhere",
  checkedInElsewhere: "Row_CheckedInElsewhere",
  noRecord: "Row_CountedWithoutRecord",
};

export const RowNoteView = ({ row, note }: { row: RegistrationRow; note: RowNote }) => {
  const { text, editor } = useGrid();
  const className = `srg-note srg-${note.kind}`;
  if (note.kind !== "failed") return <span className={className}>{text(NOTE_TEXT[note.kind])}</span>;
  const { change, more } = note;
  const problem = change.problem ?? { kind: "unknown" as const, detail: "" };
  // A check-in whose record was made but whose count wasn't: Retry writes only the count.
  const what = change.edit.kind === "checkIn"
    ? text(change.record === "made" ? "Row_RecordedNotCounted" : "Row_NotSaved")
    : text("Row_NotSavedChange", describeChange(change.edit, text));
  return (
    <span className={className}>
      <span className="srg-failed-text" title={`${what}: ${explain(problem, text)}`}>
        <span className="srg-failed-what">{more ? text("Row_NotSavedMore", what, more) : what}</span>
        <span className="srg-failed-why">{text(`Reason_${problem.kind}`)}</span>
      </span>
      <button type="button" className="srg-small-button" aria-label={text("Row_RetryLabel", row.name)} onClick={() => editor.retry(row.id)}>
        {text("Edit_Retry")}
      </button>
      {/* A compact ✕ (drawn by the CSS): its name and tooltip say Discard. */}
      <button
        type="button"
        className="srg-discard"
        aria-label={text("Row_DiscardLabel", row.name)}
        title={text("Edit_Discard")}
        onClick={() => editor.discard(row.id)}
      />
    </span>
  );
};
