import * as React from "react";
import { Fragment, h } from "../jsx";
import { parseCheckInCount } from "../../model/checkInCount";
import { rowPolicy } from "../../model/editPolicy";
import type { RegistrationRow } from "../../model/types";
import { useGrid, useRegistration } from "../GridContext";

/**
 * The check-in count: a number; F2, Enter or a click opens an editor. Enter saves a whole number 0–2,147,483,647,
 * Esc cancels; leaving saves a valid number and otherwise keeps nothing and says so. The editor's message sits
 * just below it, over the next row (the CSS raises the row being edited), and is the input's description.
 */
export const CountCell = ({ row }: { row: RegistrationRow }) => {
  const { text, policy, editor, announce } = useGrid();
  const { shown } = useRegistration(row);
  const [editing, setEditing] = React.useState<{ value: string; problem?: string }>();
  // Keyboard users get focus back on the count when the editor closes; it closes once (a blur follows Enter).
  const refocus = React.useRef(false);
  const closed = React.useRef(false);
  const count = shown.timesCheckedIn ?? 0;
  if (!rowPolicy(policy, shown.state).checkIn) return <span className="srg-count">{text.number(count)}</span>;
  const open = () => {
    closed.current = false;
    setEditing({ value: String(count) });
  };
  const close = (value: number | undefined, byKeyboard: boolean) => {
    if (closed.current) return;
    closed.current = true;
    refocus.current = byKeyboard;
    setEditing(undefined);
    if (value !== undefined && value !== count) void editor.submit(row, { kind: "count", value });
  };
  if (!editing) {
    return (
      <button
        type="button"
        className="srg-count srg-edit"
        aria-label={text("Count_CellLabel", count)}
        // The name stays "Times checked in: N"; the description (and tooltip) says it can be edited.
        title={text("Count_EditHint")}
        autoFocus={refocus.current}
        onClick={open}
        onKeyDown={(e) => e.key === "F2" && open()}
      >
        {text.number(count)}
      </button>
    );
  }
  const messageId = `srg-count-${row.id}`;
  const parsed = parseCheckInCount(editing.value);
  return (
    <>
      <input
        className="srg-count-input"
        aria-label={text("Count_EditorLabel")}
        aria-invalid={!!editing.problem}
        aria-describedby={editing.problem && messageId}
        inputMode="numeric"
        autoFocus
        onFocus={(e) => e.target.select()}
        value={editing.value}
        onChange={(e) => setEditing({ value: e.target.value })}
        onKeyDown={(e) => {
          if (e.key !== "Enter" && e.key !== "Escape") return;
          e.preventDefault();
          e.stopPropagation();
          if (e.key === "Escape") close(undefined, true);
          else if (parsed.ok) close(parsed.value, true);
          else setEditing({ ...editing, problem: text(parsed.problem) });
        }}
        onBlur={() => {
          if (!closed.current && !parsed.ok && editing.value !== String(count)) announce(text("Count_NotKept", row.name, text(parsed.problem)));
          close(parsed.ok ? parsed.value : undefined, false);
        }}
      />
      {editing.problem && (
        <span id={messageId} role="alert" className="srg-count-message">
          {editing.problem}
        </span>
      )}
    </>
  );
};
