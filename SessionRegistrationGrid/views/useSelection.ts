import { Selection, type IObjectWithKey } from "@fluentui/react";
import * as React from "react";
import { sameData } from "../model/sameData";
import type { RegistrationRow } from "../model/types";

const idOf = (item: IObjectWithKey) => (item as RegistrationRow).id;

/** Selects exactly these rows, by key; `quiet` keeps the change event from firing. */
function selectKeys(selection: Selection, ids: readonly string[], quiet: boolean) {
  selection.setChangeEvents(false);
  selection.setAllSelected(false);
  for (const id of ids) selection.setKeySelected(id, true, false);
  selection.setChangeEvents(true, quiet);
}

export interface SelectionState {
  selection: Selection;
  selectedIds: readonly string[];
  /** Selects exactly these rows (after a bulk run, the failed ones). */
  selectOnly(ids: readonly string[]): void;
}

/**
 * Fluent's selection, mirrored to the dataset (the command bar acts on the dataset's) and kept in state here,
 * since hosts don't always re-render after setSelectedRecordIds.
 *
 * A selection is always a list of registrations, never "all": Select all takes the rows loaded when it is
 * pressed, and rows that load later arrive unselected (Fluent's own "all selected" would take them too).
 */
export function useSelection(hostIds: readonly string[], select: (ids: string[]) => void): SelectionState {
  const [selectedIds, setSelectedIds] = React.useState(hostIds);
  const selectRef = React.useRef(select);
  selectRef.current = select;
  const selection = React.useMemo((): Selection => {
    const s: Selection = new Selection({
      getKey: idOf,
      onSelectionChanged: () => {
        // Select all means these rows: kept as keys, so rows loaded later are not selected with them.
        if (s.isAllSelected()) selectKeys(s, s.getSelection().map(idOf), true);
        const ids = s.getSelection().map(idOf);
        setSelectedIds(ids);
        selectRef.current(ids);
      },
    });
    return s;
  }, []);
  const selectOnly = React.useCallback(
    // Fluent raises the change event only when the selection differs.
    (ids: readonly string[]) => selectKeys(selection, ids, sameData(selection.getSelection().map(idOf), ids)),
    [selection],
  );
  // The grid's selection wins over the host's, which a refresh clears (failed bulk rows must stay selected);
  // a selection the host brings while the grid has none is taken over.
  React.useEffect(() => {
    const own = selection.getSelection().map(idOf);
    if (own.length) {
      if (!sameData(own, hostIds)) selectRef.current(own);
    } else if (hostIds.length) selectOnly(hostIds);
  }, [selection, selectOnly, hostIds]);
  return { selection, selectedIds, selectOnly };
}
