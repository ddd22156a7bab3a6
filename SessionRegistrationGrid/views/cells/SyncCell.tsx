import { h } from "../jsx";
import { rowPolicy } from "../../model/editPolicy";
import type { RegistrationRow } from "../../model/types";
import { useGrid, useRegistration } from "../GridContext";

/** Yes/No with an icon (the CSS draws a check or a dash); a switch that saves at once when editable. */
export const SyncCell = ({ row }: { row: RegistrationRow }) => {
  const { text, policy, editor } = useGrid();
  const { shown } = useRegistration(row);
  const synced = !!shown.synced;
  const className = synced ? "srg-sync srg-yes" : "srg-sync";
  const label = text(synced ? "Sync_Yes" : "Sync_No");
  if (!rowPolicy(policy, shown.state).sync) return <span className={className}>{label}</span>;
  return (
    <button
      type="button"
      role="switch"
      aria-checked={synced}
      aria-label={text("Sync_SwitchLabel", row.name)}
      className={className}
      onClick={() => void editor.submit(row, { kind: "sync", synced: !synced })}
    >
      {label}
    </button>
  );
};
