import * as React from "react";
import { rowPolicy } from "../../model/editPolicy";
import type { CellRenderer } from "../gridTypes";
import { stopDoubleClick } from "./stopDoubleClick";

/** The one-press check-in. It stays available after the first one: people re-enter rooms. */
export const renderCheckIn: CellRenderer = ({ row, shown, edit }, { text, policy, editor }) => (
  <span className="srg-checkin">
    {rowPolicy(policy, shown.state).checkIn && (
      <button
        type="button"
        className="srg-button"
        aria-label={text("CheckIn_ButtonLabel", row.name)}
        onClick={() => void editor.submit(row, { kind: "checkIn", times: 1 })}
        onDoubleClick={stopDoubleClick}
      >
        {text("CheckIn_Button")}
      </button>
    )}
    {edit.queued.length ? (
      <span className="srg-saving" role="status">
        {text("Edit_Saving")}
      </span>
    ) : (
      !!shown.timesCheckedIn && <span className="srg-checked">{text("CheckIn_Count", shown.timesCheckedIn)}</span>
    )}
  </span>
);
