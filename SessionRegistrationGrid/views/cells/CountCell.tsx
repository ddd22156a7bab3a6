import { Callout, DirectionalHint } from "@fluentui/react";
import * as React from "react";
import { parseCheckInCount } from "../../model/checkInCount";
import { rowPolicy } from "../../model/editPolicy";
import type { RegistrationRow } from "../../model/types";
import { useGrid, useRegistration } from "../GridContext";
import { stopDoubleClick } from "./stopDoubleClick";

/** The check-in count: a number; F2, Enter or a click opens an editor (Enter saves, Esc cancels). */
export const CountCell = ({ row }: { row: RegistrationRow }) => {
  const { text, policy, editor } = useGrid();
  const { shown } = useRegistration(row);
  const [editing, setEditing] = React.useState(false);
  const button = React.useRef<HTMLButtonElement>(null);
  const refocus = React.useRef(false);
  // Keyboard users keep their place when the editor closes.
  React.useEffect(() => void (!editing && refocus.current && button.current?.focus()), [editing]);
  const count = shown.timesCheckedIn ?? 0;
  if (!rowPolicy(policy, shown.state).checkIn) return <span className="srg-count">{text.number(count)}</span>;
  if (editing) {
    return (
      <CountEditor
        row={row}
        initial={String(count)}
        onDone={(value, byKeyboard) => {
          refocus.current = byKeyboard;
          setEditing(false);
          if (value !== undefined && value !== count) void editor.submit(row, { kind: "count", value });
        }}
      />
    );
  }
  return (
    <button
      ref={button}
      type="button"
      className="srg-count srg-edit"
      aria-label={text("Count_CellLabel", count)}
      // The name stays "Times checked in: N"; the description (and tooltip) says it can be edited.
      title={text("Count_EditHint")}
      onClick={() => setEditing(true)}
      onDoubleClick={stopDoubleClick}
      onKeyDown={(e) => e.key === "F2" && setEditing(true)}
    >
      {text.number(count)}
    </button>
  );
};

interface CountEditorProps {
  row: RegistrationRow;
  initial: string;
  /** The accepted value, or undefined when cancelled or not valid. Called once. */
  onDone: (value: number | undefined, byKeyboard: boolean) => void;
}

/**
 * A plain input; its message sits in a callout beside it (a layer, so no row covers it) and is the input's
 * description. Leaving with a valid number saves it; leaving with anything else keeps nothing and says so.
 */
const CountEditor = ({ row, initial, onDone }: CountEditorProps) => {
  const { text, announce } = useGrid();
  const [value, setValue] = React.useState(initial);
  const [problem, setProblem] = React.useState<string>();
  const input = React.useRef<HTMLInputElement>(null);
  const finished = React.useRef(false);
  const messageId = `srg-count-message-${row.id}`;
  React.useEffect(() => input.current?.select(), []);
  const finish = (result: number | undefined, byKeyboard: boolean) => {
    if (!finished.current) onDone(result, byKeyboard);
    finished.current = true;
  };
  return (
    <>
      <input
        ref={input}
        className="srg-count-input"
        aria-label={text("Count_EditorLabel")}
        aria-invalid={!!problem}
        aria-describedby={problem ? messageId : undefined}
        inputMode="numeric"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setProblem(undefined);
        }}
        onKeyDown={(e) => {
          if (e.key !== "Enter" && e.key !== "Escape") return;
          e.preventDefault();
          e.stopPropagation();
          const parsed = parseCheckInCount(value);
          if (e.key === "Escape") finish(undefined, true);
          else if (parsed.ok) finish(parsed.value, true);
          else setProblem(text(parsed.problem));
        }}
        onBlur={() => {
          const parsed = parseCheckInCount(value);
          if (!parsed.ok && !finished.current && value !== initial) announce(text("Count_NotKept", row.name, text(parsed.problem)));
          finish(parsed.ok ? parsed.value : undefined, false);
        }}
      />
      {problem && (
        <Callout target={input} directionalHint={DirectionalHint.bottomLeftEdge} isBeakVisible={false} gapSpace={2} doNotLayer={false} preventDismissOnEvent={() => true} setInitialFocus={false} role="presentation">
          <p id={messageId} role="alert" className="srg-count-message">
            {problem}
          </p>
        </Callout>
      )}
    </>
  );
};
