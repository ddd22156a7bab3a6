import * as React from "react";
import { h } from "./jsx";
import type { RowEdits } from "../model/changes";
import type { RegistrationFields, RegistrationRow } from "../model/types";
import type { GridServices } from "./gridTypes";

/** The grid's services for every cell, without threading them through DetailsList's props. */
export const GridContext = React.createContext<GridServices | undefined>(undefined);

/** RegistrationGrid provides them to everything it renders. */
export const useGrid = (): GridServices => React.useContext(GridContext)!;

interface RowState {
  row: RegistrationRow;
  edits: RowEdits;
  shown: RegistrationFields;
}

const RowContext = React.createContext<RowState | undefined>(undefined);

/**
 * A row's registration for its cells: one subscription per row (its edits, and its latest check-in time once the
 * desk has read it), not one per cell. When either changes, the row's cells re-render through this context; the
 * row itself (Fluent's DetailsRow) does not, and no other row does.
 */
export const RowWithEdits = ({ row, children }: { row: RegistrationRow; children: React.ReactNode }) => {
  const { editor, desk } = useGrid();
  const [version, rerender] = React.useReducer((n: number) => n + 1, 0);
  const value = React.useMemo(() => ({ row, edits: editor.edits(row.id), shown: editor.shown(row) }), [editor, row, version]);
  React.useEffect(() => {
    const offEdits = editor.subscribeRow(row.id, rerender);
    const offTimes = desk.subscribeRow(row.id, rerender);
    // An edit between this row's render and now would otherwise go unseen until the next one.
    if (editor.edits(row.id) !== value.edits) rerender();
    return () => {
      offEdits();
      offTimes();
    };
  }, [editor, desk, row.id]);
  return <RowContext.Provider value={value}>{children}</RowContext.Provider>;
};

/** The registration's edit state and the values it shows, for a cell of its row. */
export function useRegistration(row: RegistrationRow): { edits: RowEdits; shown: RegistrationFields } {
  const state = React.useContext(RowContext);
  const { editor } = useGrid();
  // Every cell sits in its row's RowWithEdits; read directly only if the row object is not the one it holds.
  return state?.row === row ? state : { edits: editor.edits(row.id), shown: editor.shown(row) };
}
