import type { Text } from "../../model/text";
import { stopDoubleClick } from "./stopDoubleClick";
import { h } from "../h";

interface SyncCellProps {
  synced: boolean;
  editable: boolean;
  text: Text;
  onChange: (synced: boolean) => void;
}

/** Yes/No with an icon (the CSS draws a check or a dash), as a switch that saves at once when editable. */
export const SyncCell = ({ synced, editable, text, onChange }: SyncCellProps) => {
  const className = synced ? "srg-sync srg-sync--yes" : "srg-sync srg-sync--no";
  const label = text(synced ? "Sync_Yes" : "Sync_No");
  if (!editable) return <span className={className}>{label}</span>;
  return (
    <button
      type="button"
      role="switch"
      aria-checked={synced}
      aria-label={text("Sync_SwitchLabel")}
      className={className}
      onClick={() => onChange(!synced)}
      onDoubleClick={stopDoubleClick}
    >
      {label}
    </button>
  );
};
