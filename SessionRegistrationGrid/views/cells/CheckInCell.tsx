import { h } from "../jsx";
import { rowPolicy } from "../../model/editPolicy";
import { checkInAction, failedCheckIn, rowNote } from "../../model/rowStatus";
import type { RegistrationRow } from "../../model/types";
import { useGrid, useRegistration } from "../GridContext";
import { RowNoteView } from "./RowNoteView";

/**
 * The row's check-in: "Check in", or "Check in again" for someone already in (a different look, so staff see
 * it before pressing). A cancelled registration says so. Beside it, what is happening to the row's changes.
 */
export const CheckInCell = ({ row }: { row: RegistrationRow }) => {
  const { text, policy, editor, desk, undoCheckIn } = useGrid();
  const { edits, shown } = useRegistration(row);
  // The latest check-in's time, once the desk has read it (for a search's matches): the row hears of it.
  const lastAt = desk.latestCheckIn(row);
  const last = editor.undoable(row.id).at(-1);
  const note = rowNote(edits, last?.record, editor.elsewhere(row.id));
  const action = checkInAction(shown);
  const canCheckIn = rowPolicy(policy, shown.state).checkIn;
  // A press on a failed check-in retries it: the button then reads plain "Check in".
  const again = action === "again" && !failedCheckIn(edits);
  return (
    <div className="srg-checkin">
      {action === "cancelled" ? (
        <span className="srg-cancelled">{text("CheckIn_Cancelled")}</span>
      ) : (
        canCheckIn && (
          <button
            type="button"
            className={again ? "srg-checkin-button srg-again" : "srg-checkin-button"}
            aria-label={text(again ? "CheckIn_AgainLabel" : "CheckIn_ButtonLabel", row.name)}
            // Through the desk: at a full room a first check-in asks first.
            onClick={() => void desk.checkIn(row)}
          >
            {text(again ? "CheckIn_Again" : "CheckIn_Button")}
          </button>
        )
      )}
      {/* Until the page is reloaded, a check-in made here can be taken back. A compact ↶ (drawn by the CSS), with its word on touch screens. */}
      {last && action === "again" && canCheckIn && (
        <button
          type="button"
          className="srg-undo"
          aria-label={text("CheckIn_UndoLabel", row.name)}
          title={text("CheckIn_Undo")}
          onClick={() => undoCheckIn(row)}
        >
          <span className="srg-icon-word">{text("CheckIn_UndoShort")}</span>
        </button>
      )}
      {note ? (
        <RowNoteView row={row} note={note} />
      ) : (
        action === "again" && (
          <span className="srg-in">
            <span className="srg-checked">{text("CheckIn_Count", shown.timesCheckedIn ?? 0)}</span>
            {lastAt !== undefined && <span className="srg-checked-at">{text("CheckIn_LastAt", text.when(lastAt))}</span>}
          </span>
        )
      )}
    </div>
  );
};
