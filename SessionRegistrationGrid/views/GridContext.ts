import * as React from "react";
import type { RowEdits } from "../model/changes";
import type { RegistrationFields, RegistrationRow } from "../model/types";
import type { GridServices } from "./gridTypes";

/** The grid's services for every cell, without threading them through DetailsList's props. */
export const GridContext = React.createContext<GridServices | undefined>(undefined);

/** RegistrationGrid provides them to everything it renders. */
export const useGrid = (): GridServices => React.useContext(GridContext)!;

/**
 * The registration's edit state and the values it shows, re-rendering the calling cell (and nothing else)
 * whenever that registration's edits change.
 */
export function useRegistration(row: RegistrationRow): { edits: RowEdits; shown: RegistrationFields } {
  const { editor } = useGrid();
  const [, rerender] = React.useReducer((n: number) => n + 1, 0);
  React.useEffect(() => editor.subscribeRow(row.id, rerender), [editor, row.id]);
  return { edits: editor.edits(row.id), shown: editor.shown(row) };
}
