import * as React from "react";
import type { CellRenderer } from "../gridTypes";
import { stopDoubleClick } from "./stopDoubleClick";

/** A link-styled button: text only, never markup. */
const link = (text: string, onOpen: () => void) => (
  <button type="button" className="srg-link" onClick={onOpen} onDoubleClick={stopDoubleClick}>
    {text}
  </button>
);

/** The primary name opens the registration. */
export const renderName: CellRenderer = ({ row }, { actions }) => link(row.name, () => actions.open(row));

/** A lookup (contact, session, event) opens the related record. */
export const renderLookup: CellRenderer = ({ row }, { actions }, column) => {
  const { text, lookup } = row.cells[column.key];
  return lookup ? link(text, () => actions.openLookup(lookup)) : <span>{text}</span>;
};

/** Anything else as the platform formatted it. */
export const renderText: CellRenderer = ({ row }, _ctx, column) => <span>{row.cells[column.key]?.text}</span>;
