import * as React from "react";
import { parseCheckInCount } from "../../model/checkInCount";
import type { Text } from "../../model/text";
import { stopDoubleClick } from "./stopDoubleClick";
import { h } from "../h";

interface CountCellProps {
  rowId: string;
  count: number | null;
  editable: boolean;
  text: Text;
  onSave: (value: number) => void;
}

/** The check-in count: a number; F2, Enter or a click opens an editor (Enter saves, Esc cancels). */
export const CountCell = ({ rowId, count, editable, text, onSave }: CountCellProps) => {
  const [editing, setEditing] = React.useState(false);
  const button = React.useRef<HTMLButtonElement>(null);
  const refocus = React.useRef(false);
  React.useEffect(() => {
    // Keyboard users keep their place when the editor closes.
    if (!editing && refocus.current) button.current?.focus();
    refocus.current = false;
  }, [editing]);
  const shown = count ?? 0;
  if (!editable) return <span className="srg-count">{text.number(shown)}</span>;
  if (editing) {
    return (
      <CountEditor
        id={`srg-count-${rowId}`}
        initial={String(shown)}
        text={text}
        onDone={(value, byKeyboard) => {
          refocus.current = byKeyboard;
          setEditing(false);
          if (value !== undefined && value !== shown) onSave(value);
        }}
      />
    );
  }
  return (
    <button
      ref={button}
      type="button"
      className="srg-count srg-count--editable"
      aria-label={text("Count_CellLabel", shown)}
      onClick={() => setEditing(true)}
      onDoubleClick={stopDoubleClick}
      onKeyDown={(e) => {
        if (e.key === "F2") {
          e.preventDefault();
          setEditing(true);
        }
      }}
    >
      {text.number(shown)}
    </button>
  );
};

interface CountEditorProps {
  id: string;
  initial: string;
  text: Text;
  /** The accepted value, or undefined when cancelled. Called once. */
  onDone: (value: number | undefined, byKeyboard: boolean) => void;
}

const CountEditor = ({ id, initial, text, onDone }: CountEditorProps) => {
  const [value, setValue] = React.useState(initial);
  const [problem, setProblem] = React.useState<string>();
  const input = React.useRef<HTMLInputElement>(null);
  const finished = React.useRef(false);
  React.useEffect(() => input.current?.select(), []);
  const finish = (result: number | undefined, byKeyboard: boolean) => {
    if (finished.current) return;
    finished.current = true;
    onDone(result, byKeyboard);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== "Enter" && e.key !== "Escape") return;
    e.preventDefault();
    e.stopPropagation();
    if (e.key === "Escape") return finish(undefined, true);
    const parsed = parseCheckInCount(value);
    if (parsed.ok) finish(parsed.value, true);
    else setProblem(text(parsed.problem));
  };
  return (
    <span className="srg-count-editor">
      <input
        ref={input}
        className="srg-input"
        aria-label={text("Count_EditorLabel")}
        aria-invalid={!!problem}
        aria-describedby={problem ? `${id}-problem` : undefined}
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setProblem(undefined);
        }}
        onKeyDown={onKeyDown}
        // Leaving the editor keeps nothing half-typed: a valid new value is saved, anything else dropped.
        onBlur={() => {
          const parsed = parseCheckInCount(value);
          finish(parsed.ok ? parsed.value : undefined, false);
        }}
      />
      {problem && (
        <span id={`${id}-problem`} className="srg-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
};
