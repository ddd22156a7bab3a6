import { Fragment, h } from "../jsx";
import type { GridColumn, RegistrationRow } from "../../model/types";
import { useGrid } from "../GridContext";

/** A link-styled button: text only, never markup. */
const Link = ({ text, onOpen }: { text: string; onOpen: () => void }) => (
  <button type="button" className="srg-link" onClick={onOpen}>
    {text}
  </button>
);

/** The registration's name opens the registration. */
export const NameCell = ({ row, column }: { row: RegistrationRow; column: GridColumn }) => {
  const { actions } = useGrid();
  return <Link text={row.cells[column.key]?.text || row.name} onOpen={() => actions.open(row)} />;
};

/** A lookup (contact, session, event) opens the related record. */
export const LookupCell = ({ row, column }: { row: RegistrationRow; column: GridColumn }) => {
  const { actions } = useGrid();
  const { text, lookup } = row.cells[column.key] ?? { text: "" };
  return lookup ? <Link text={text} onOpen={() => actions.openLookup(lookup)} /> : <>{text}</>;
};

/** Anything else as the platform formatted it: a text node in the cell (React escapes it), no element of its own. */
export const TextCell = ({ row, column }: { row: RegistrationRow; column: GridColumn }) => <>{row.cells[column.key]?.text}</>;
