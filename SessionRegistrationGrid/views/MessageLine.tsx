import * as React from "react";
import { checkedInMessage } from "../model/describe";
import type { RegistrationRow } from "../model/types";
import type { SavedCheckIn } from "../services/registrationEditor";
import type { Announcer } from "./announcer";
import { useGrid } from "./GridContext";

/**
 * One line above the list, always there so nothing below it moves: on the left the latest outcome, read out
 * politely ("Ana Silva checked in — 2nd time"); on the right how many changes were not saved, with Retry all
 * and Discard all. The detail of each failure lives in its row.
 */
export const MessageLine = ({ announcer, rows }: { announcer: Announcer; rows: readonly RegistrationRow[] }) => {
  const { text, editor } = useGrid();
  /** The latest outcome, and the check-in it speaks of, which the line offers to undo. */
  const [{ message, checkedIn }, setSaid] = React.useState<{ message: string; checkedIn?: SavedCheckIn }>({ message: "" });
  const [, rerender] = React.useReducer((n: number) => n + 1, 0);
  React.useEffect(() => announcer.subscribe((message) => setSaid({ message })), [announcer]);
  React.useEffect(() => editor.subscribe(rerender), [editor]);
  // One person at a time is read out; a bulk run speaks through its summary instead.
  React.useEffect(() => editor.onCheckedIn((c) => c.source === "row" && setSaid({ message: checkedInMessage(c.name, c.count, text), checkedIn: c })), [editor, text]);
  const failures = editor.failures().length;
  const row = checkedIn && editor.undoable(checkedIn.rowId).some((c) => c.id === checkedIn.id) && rows.find((r) => r.id === checkedIn.rowId);
  return (
    <div className="srg-messages">
      <span className="srg-status-line" role="status">
        {message}
      </span>
      {row && (
        <button type="button" className="srg-small-button" aria-label={text("CheckIn_UndoLabel", row.name)} onClick={() => void editor.undoCheckIn(row, checkedIn.id).then((problem) => problem || setSaid({ message: text("CheckIn_Undone", row.name) }))}>
          {text("CheckIn_UndoShort")}
        </button>
      )}
      <span className="srg-pending" aria-live="polite">
        {failures > 0 && (
          <>
            <span className="srg-pending-text">{text.count("Pending_NotSaved", failures)}</span>
            <button type="button" className="srg-small-button" onClick={editor.retryAll}>
              {text("Pending_RetryAll")}
            </button>
            <button type="button" className="srg-small-button" onClick={editor.discardAll}>
              {text("Pending_DiscardAll")}
            </button>
          </>
        )}
      </span>
    </div>
  );
};
