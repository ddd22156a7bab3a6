import { h } from "../jsx";
import type { RegistrationRow } from "../../model/types";
import { useGrid, useRegistration } from "../GridContext";

/** True while an arrow key's own action runs on a closed select (it changes the value one step). */
let arrowKeyDown = false;

/**
 * Status reason as its label with an active/inactive cue (a filled or hollow dot, drawn by the CSS).
 * Editable: a native select, so screen readers, touch and keyboards get a real combobox; choosing saves at once.
 * An arrow key on the closed box changes nothing (so stepping through the grid can't cancel a registration) and
 * still moves between cells and rows; the list opens with Alt+Down, F4 or Space, and Enter or a click chooses.
 */
export const StatusCell = ({ row }: { row: RegistrationRow }) => {
  const { text, policy, statusReasons, editor } = useGrid();
  const { shown } = useRegistration(row);
  const current = shown.statusReason;
  const listed = statusReasons.find((r) => r.value === current);
  const label = listed?.label ?? row.statusLabel;
  const className = shown.state ? "srg-status srg-inactive" : "srg-status";
  if (!policy.status) return <span className={className}>{label}</span>;
  // A status reason the metadata doesn't list still shows as itself.
  const options = listed ? statusReasons : [{ value: current, label, state: shown.state }, ...statusReasons];
  return (
    <span className={className}>
      <select
        className="srg-select"
        aria-label={text("Status_PickerLabel", row.name)}
        value={current}
        onKeyDown={(e) => {
          if (e.key.startsWith("Arrow") && !e.altKey) {
            arrowKeyDown = true;
            setTimeout(() => (arrowKeyDown = false));
          }
          // Enter and Space belong to the select here, not to the row (open the record, toggle selection).
          if (e.key === "Enter" || e.key === " ") e.stopPropagation();
        }}
        onChange={(e) => {
          // Ignored, so the controlled select snaps back to the stored value.
          if (arrowKeyDown) return;
          const reason = options.find((r) => r.value === Number(e.target.value));
          if (reason && reason.value !== current) void editor.submit(row, { kind: "status", state: reason.state, statusReason: reason.value });
        }}
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
