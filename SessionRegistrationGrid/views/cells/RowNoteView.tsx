import * as React from "react";
import { Fragment, h } from "../jsx";
import type { Change } from "../../model/changes";
import { describeChange } from "../../model/describe";
import { explain } from "../../model/errors";
import type { RowNote } from "../../model/rowStatus";
import type { RegistrationRow } from "../../model/types";
import { useGrid } from "../GridContext";

/**
 * What is happening to the row's changes, in the row itself: "Saving…", "Waiting for connection", another desk's
 * change, a check-in counted without a record, or a change that was not saved, with why and with Retry and Discard.
 */
const NOTE_TEXT: Record<Exclude<RowNote["kind"], "failed">, string> = {
  saving: "Edit_Saving",
  waiting: "Row_Waiting",
  elsewhere: "Row_Elsewhere",
  checkedInElsewhere: "Row_CheckedInElsewhere",
  noRecord: "Row_CountedWithoutRecord",
};

export const RowNoteView = ({ row, note }: { row: RegistrationRow; note: RowNote }) => {
  const { text } = useGrid();
  if (note.kind === "failed") return <FailedNote row={row} change={note.change} more={note.more} />;
  return <span className={`srg-note srg-${note.kind}`}>{text(NOTE_TEXT[note.kind])}</span>;
};

/**
 * A change that was not saved: a short note (what, and why in two words) that wraps rather than being cut, and is
 * itself a button: a tap, a click or Enter shows the whole explanation, Dataverse's own words included (a business
 * rule or a plug-in often says what to do), on screen and not in a tooltip; again hides it. Then Retry and Discard.
 */
const FailedNote = ({ row, change, more }: { row: RegistrationRow; change: Change; more: number }) => {
  const { text, editor } = useGrid();
  const [open, setOpen] = React.useState(false);
  const detail = React.useRef<HTMLSpanElement>(null);
  // Opened near the bottom of the list, the explanation scrolls into view.
  React.useEffect(() => {
    if (open) detail.current?.scrollIntoView?.({ block: "nearest" });
  }, [open]);
  const problem = change.problem ?? { kind: "unknown" as const, detail: "" };
  // A check-in whose record was made but whose count wasn't: Retry writes only the count.
  const what = change.edit.kind === "checkIn"
    ? text(change.record === "made" ? "Row_RecordedNotCounted" : "Row_NotSaved")
    : text("Row_NotSavedChange", describeChange(change.edit, text));
  const detailId = `srg-why-${row.id}`;
  // The explanation takes a line of its own below the note, in the cell (the note's line keeps its place).
  return (
    <>
      <span className="srg-note srg-failed">
        <button type="button" className="srg-failed-text" aria-expanded={open} aria-controls={open ? detailId : undefined} onClick={() => setOpen(!open)}>
          <span className="srg-failed-what">{more ? text("Row_NotSavedMore", what, more) : what}</span>
          <span className="srg-failed-why">{text(`Reason_${problem.kind}`)}</span>
        </button>
        <button type="button" className="srg-small-button" aria-label={text("Row_RetryLabel", row.name)} onClick={() => editor.retry(row.id)}>
          {text("Edit_Retry")}
        </button>
        {/* ✕ and, on touch screens, the word (the CSS shows it). */}
        <button type="button" className="srg-discard" aria-label={text("Row_DiscardLabel", row.name)} title={text("Edit_Discard")} onClick={() => editor.discard(row.id)}>
          <span className="srg-icon-word">{text("Edit_Discard")}</span>
        </button>
      </span>
      {open && (
        <span id={detailId} ref={detail} className="srg-failed-detail">
          {explain(problem, text)}
        </span>
      )}
    </>
  );
};
