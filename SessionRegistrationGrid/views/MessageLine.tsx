import * as React from "react";
import { Fragment, h } from "./jsx";
import { checkedInMessage } from "../model/describe";
import type { RegistrationRow } from "../model/types";
import { useGrid } from "./GridContext";
import { useElementId } from "./useElementId";

/**
 * One line above the list, always there so nothing below it moves: on the left the latest outcome, read out
 * politely ("Ana Silva checked in — 2nd time"); on the right how many changes were not saved, with Retry all
 * and Discard all. The detail of each failure lives in its row.
 */
export const MessageLine = ({ rows }: { rows: readonly RegistrationRow[] }) => {
  const { text, editor, live, said, actions, undoCheckIn, desk, policy } = useGrid();
  const [, rerender] = React.useReducer((n: number) => n + 1, 0);
  React.useEffect(() => said.subscribe(rerender), [said]);
  React.useEffect(() => editor.subscribe(rerender), [editor]);
  React.useEffect(() => live.subscribe(rerender), [live]);
  // One person at a time is read out; a bulk run speaks through its summary instead.
  React.useEffect(() => editor.onCheckedIn((c) => c.source === "row" && said.set({ message: checkedInMessage(c.name, c.count, text), checkedIn: c })), [editor, said, text]);
  const { message, checkedIn, unregistered } = said.get();
  const { paused, newRegistrations } = live.get();
  const waiting = editor.waiting();
  const otherTab = editor.foreignWaiting();
  const failures = editor.failures().length;
  const hintId = useElementId("srg-other-tab");
  const row = checkedIn && editor.undoable(checkedIn.rowId).some((c) => c.id === checkedIn.id) && rows.find((r) => r.id === checkedIn.rowId);
  return (
    <>
      <div className="srg-messages">
        <span className="srg-status-line" role="status">
          {message}
        </span>
        {row && (
          <button type="button" className="srg-small-button" aria-label={text("CheckIn_UndoLabel", row.name)} onClick={() => undoCheckIn(row, checkedIn.id)}>
            {text("CheckIn_UndoShort")}
          </button>
        )}
        {/* A badge of someone not registered for this session: register them here (the picker when the badge says not whom). */}
        {unregistered && desk.canRegister && policy.checkIn && (
          <button
            type="button"
            className="srg-small-button"
            aria-label={unregistered.contact ? text("Desk_RegisterLabel", unregistered.contact.name) : undefined}
            onClick={() => {
              const { contact, eventRegistration } = unregistered;
              if (contact) void desk.walkIn(contact, eventRegistration);
              else void actions.pickContact().then((picked) => picked && desk.walkIn(picked));
            }}
          >
            {text(unregistered.contact ? "Desk_Register" : "Desk_RegisterPick")}
          </button>
        )}
        {newRegistrations > 0 && (
          <button type="button" className="srg-small-button" onClick={actions.refresh}>
            {text.count("Live_New", newRegistrations)}
          </button>
        )}
        <span className="srg-pending" aria-live="polite">
          {paused && <span className="srg-paused">{text("Live_Paused")}</span>}
          {waiting > 0 && <span className="srg-waiting">{text.count("Pending_Waiting", waiting)}</span>}
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
      {/* Only without Web Locks: nothing tells a closed tab from an open one, so the person decides, told why. */}
      {otherTab > 0 && (
        <div className="srg-messages srg-other-tab" role="status">
          <span className="srg-waiting">{text.count("Pending_OtherTab", otherTab)}</span>
          <span id={hintId} className="srg-hint">
            {text("Pending_SendHereHint")}
          </span>
          <button type="button" className="srg-small-button" aria-describedby={hintId} onClick={editor.adoptForeign}>
            {text("Pending_SendHere")}
          </button>
        </div>
      )}
    </>
  );
};
