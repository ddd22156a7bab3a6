import * as React from "react";
import { TextField, type ITextField } from "@fluentui/react";
import { parseCheckInCount } from "../../model/checkInCount";
import { rowPolicy } from "../../model/editPolicy";
import type { Text } from "../../model/text";
import type { CellRenderer } from "../gridTypes";
import { stopDoubleClick } from "./stopDoubleClick";

interface CountCellProps {
  count: number | null;
  editable: boolean;
  text: Text;
  onSave: (value: number) => void;
}

/** The check-in count: a number; F2, Enter or a click opens an editor (Enter saves, Esc cancels). */
export const CountCell = ({ count, editable, text, onSave }: CountCellProps) => {
  const [editing, setEditing] = React.useState(false);
  const button = React.useRef<HTMLButtonElement>(null);
  const refocus = React.useRef(false);
  // Keyboard users keep their place when the editor closes.
  React.useEffect(() => void (!editing && refocus.current && button.current?.focus()), [editing]);
  const shown = count ?? 0;
  if (!editable) return <span className="srg-count">{text.number(shown)}</span>;
  if (editing) {
    return (
      <CountEditor
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
      className="srg-count srg-edit"
      aria-label={text("Count_CellLabel", shown)}
      onClick={() => setEditing(true)}
      onDoubleClick={stopDoubleClick}
      onKeyDown={(e) => e.key === "F2" && setEditing(true)}
    >
      {text.number(shown)}
    </button>
  );
};

interface CountEditorProps {
  initial: string;
  text: Text;
  /** The accepted value, or undefined when cancelled. Called once. */
  onDone: (value: number | undefined, byKeyboard: boolean) => void;
}

/** Fluent's TextField shows the message (role alert) and wires aria-invalid and aria-describedby. */
const CountEditor = ({ initial, text, onDone }: CountEditorProps) => {
  const [value, setValue] = React.useState(initial);
  const [problem, setProblem] = React.useState<string>();
  const field = React.useRef<ITextField>(null);
  const finished = React.useRef(false);
  React.useEffect(() => field.current?.select(), []);
  const finish = (result: number | undefined, byKeyboard: boolean) => {
    if (!finished.current) onDone(result, byKeyboard);
    finished.current = true;
  };
  return (
    <TextField
      componentRef={field}
      ariaLabel={text("Count_EditorLabel")}
      inputMode="numeric"
      value={value}
      errorMessage={problem}
      onChange={(_e, typed) => {
        setValue(typed ?? "");
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
      // Leaving the editor keeps nothing half-typed: a valid new value is saved, anything else dropped.
      onBlur={() => {
        const parsed = parseCheckInCount(value);
        finish(parsed.ok ? parsed.value : undefined, false);
      }}
    />
  );
};

export const renderCount: CellRenderer = ({ row, shown }, { text, policy, editor }) => (
  <CountCell count={shown.timesCheckedIn} editable={rowPolicy(policy, shown.state).checkIn} text={text} onSave={(value) => void editor.submit(row, { kind: "count", value })} />
);
