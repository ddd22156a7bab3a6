import type * as React from "react";
import type { StatusReason } from "../../model/statusReasons";
import type { CellRenderer } from "../gridTypes";
import type { Text } from "../../model/text";
import { h, useRef, useState } from "../h";
import { stopDoubleClick } from "./stopDoubleClick";

interface StatusCellProps {
  label: string;
  inactive: boolean;
  editable: boolean;
  reasons: readonly StatusReason[];
  current: number;
  text: Text;
  onChange: (reason: StatusReason) => void;
}

/**
 * Status reason as its label with an active/inactive cue (a filled or hollow dot, drawn by the CSS).
 * Editable: a native select, so screen readers, touch and keyboards get a real combobox. Choosing from the
 * list saves at once; arrow keys on the closed box only stage a choice, saved on Enter or on leaving it
 * (Esc puts it back), so stepping through the options never saves each one.
 */
export const StatusCell = ({ label, inactive, editable, reasons, current, text, onChange }: StatusCellProps) => {
  const [staged, setStaged] = useState<number>();
  const arrowKey = useRef(false);
  const className = inactive ? "srg-status srg-status--inactive" : "srg-status srg-status--active";
  if (!editable) return <span className={className}>{label}</span>;
  // A status reason the metadata doesn't list still shows as itself.
  const options = reasons.some((r) => r.value === current) ? reasons : [{ value: current, label, state: inactive ? 1 : 0 }, ...reasons];
  const commit = (value: number | undefined) => {
    setStaged(undefined);
    const reason = options.find((r) => r.value === value);
    if (reason && value !== current) onChange(reason);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    arrowKey.current = !e.altKey && e.key.startsWith("Arrow");
    // Enter and Space belong to the select here, not to the row (open the record, toggle selection).
    if (e.key === "Enter" || e.key === " ") e.stopPropagation();
    if (e.key === "Enter" && staged !== undefined) commit(staged);
    if (e.key === "Escape" && staged !== undefined) {
      e.stopPropagation();
      setStaged(undefined);
    }
  };
  return (
    <span className={className}>
      <select
        className="srg-select"
        aria-label={text("Status_PickerLabel")}
        value={staged ?? current}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          const value = Number(e.target.value);
          if (arrowKey.current) setStaged(value);
          else commit(value);
        }}
        onBlur={() => staged !== undefined && commit(staged)}
        onDoubleClick={stopDoubleClick}
      >
        {options.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
    </span>
  );
};

export const renderStatus: CellRenderer = ({ row, shown }, { text, policy, statusReasons, editor }) => (
  <StatusCell
    label={statusReasons.find((r) => r.value === shown.statusReason)?.label ?? row.statusLabel}
    inactive={shown.state !== 0}
    editable={policy.status}
    reasons={statusReasons}
    current={shown.statusReason}
    text={text}
    onChange={(r) => void editor.submit(row, { kind: "status", state: r.state, statusReason: r.value })}
  />
);
