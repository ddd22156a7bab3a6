import type { Text } from "../../model/text";
import { stopDoubleClick } from "./stopDoubleClick";
import { h } from "../h";

interface CheckInCellProps {
  name: string;
  timesCheckedIn: number | null;
  saving: boolean;
  editable: boolean;
  text: Text;
  onCheckIn: () => void;
}

/** The one-press check-in. It stays available after the first one: people re-enter rooms. */
export const CheckInCell = ({ name, timesCheckedIn, saving, editable, text, onCheckIn }: CheckInCellProps) => (
  <span className="srg-checkin">
    {editable && (
      <button type="button" className="srg-button" aria-label={text("CheckIn_ButtonLabel", name)} onClick={onCheckIn} onDoubleClick={stopDoubleClick}>
        {text("CheckIn_Button")}
      </button>
    )}
    {saving ? (
      <span className="srg-saving" role="status">{text("Edit_Saving")}</span>
    ) : (
      !!timesCheckedIn && <span className="srg-checked">{text("CheckIn_Count", timesCheckedIn)}</span>
    )}
  </span>
);
