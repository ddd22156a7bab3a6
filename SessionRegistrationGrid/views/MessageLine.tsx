import * as React from "react";
import { checkedInMessage } from "../model/describe";
import type { Announcer } from "./announcer";
import { useGrid } from "./GridContext";

/**
 * One line above the list, always there so nothing below it moves: on the left the latest outcome, read out
 * politely ("Ana Silva checked in — 2nd time"); on the right how many changes were not saved, with Retry all
 * and Discard all. The detail of each failure lives in its row.
 */
export const MessageLine = ({ announcer }: { announcer: Announcer }) => {
  const { text, editor } = useGrid();
  const [message, setMessage] = React.useState("");
  const [failures, setFailures] = React.useState(() => editor.failures().length);
  React.useEffect(() => announcer.subscribe(setMessage), [announcer]);
  React.useEffect(() => editor.subscribe(() => setFailures(editor.failures().length)), [editor]);
  // One person at a time is read out; a bulk run speaks through its summary instead.
  React.useEffect(() => editor.onCheckedIn((c) => c.source === "row" && setMessage(checkedInMessage(c.name, c.count, text))), [editor, text]);
  return (
    <div className="srg-messages">
      <span className="srg-status-line" role="status">
        {message}
      </span>
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
