import * as React from "react";
import {
  CheckboxVisibility,
  DefaultButton,
  MessageBar,
  MessageBarType,
  Selection,
  ShimmeredDetailsList,
  type IColumn,
  type IObjectWithKey,
} from "@fluentui/react";
import { allowedBulkActions } from "../model/bulkActions";
import type { EditPolicy } from "../model/editPolicy";
import { pagingText } from "../model/paging";
import { nextSort } from "../model/sorting";
import type { StatusReason } from "../model/statusReasons";
import type { Text } from "../model/text";
import type { GridColumn, GridSnapshot } from "../model/types";
import type { RegistrationEditor } from "../services/registrationEditor";
import { BulkBar } from "./BulkBar";
import { toFluentColumns } from "./fluentColumns";
import type { CellContext, GridActions, GridItem } from "./gridTypes";
import { renderProblems } from "./ProblemBar";
import { useGridItems } from "./useGridItems";

export interface RegistrationGridProps {
  grid: GridSnapshot;
  /** The space the host gives; -1 height means grow with the content. */
  layout: { width: number; height: number };
  policy: EditPolicy;
  statusReasons: readonly StatusReason[];
  text: Text;
  actions: GridActions;
  editor: RegistrationEditor;
  /** A one-off message from the host, such as a record that couldn't be opened. */
  notice?: string;
}

const idOf = (item: IObjectWithKey) => (item as GridItem).row.id;
const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

interface SelectionState {
  selection: Selection;
  selectedIds: readonly string[];
  /** Selects exactly these rows (after a bulk run, the failed ones). */
  selectOnly: (ids: readonly string[]) => void;
}

/**
 * Fluent's selection, mirrored to the dataset (the command bar acts on the dataset's) and kept in state here,
 * since hosts don't always re-render after setSelectedRecordIds.
 */
function useSelection(hostIds: readonly string[], select: (ids: string[]) => void): SelectionState {
  const [selectedIds, setSelectedIds] = React.useState(hostIds);
  const selectRef = React.useRef(select);
  selectRef.current = select;
  const selection = React.useMemo((): Selection => {
    const s: Selection = new Selection({
      getKey: idOf,
      onSelectionChanged: () => {
        const ids = s.getSelection().map(idOf);
        setSelectedIds(ids);
        selectRef.current(ids);
      },
    });
    return s;
  }, []);
  const selectOnly = React.useCallback(
    (ids: readonly string[]) => {
      if (sameIds(selection.getSelection().map(idOf), ids)) return;
      selection.setChangeEvents(false);
      selection.setAllSelected(false);
      for (const id of ids) selection.setKeySelected(id, true, false);
      selection.setChangeEvents(true);
    },
    [selection],
  );
  // The grid's selection wins over the host's, which a refresh clears (failed bulk rows must stay selected);
  // a selection the host brings while the grid has none is taken over.
  React.useEffect(() => {
    const own = selection.getSelection().map(idOf);
    if (own.length) {
      if (!sameIds(own, hostIds)) selectRef.current(own);
    } else selectOnly(hostIds);
  }, [selection, selectOnly, hostIds]);
  return { selection, selectedIds, selectOnly };
}

/** The grid: notices, bulk bar, the DetailsList of registrations and the paging footer. Plain props in. */
export const RegistrationGrid = ({ grid, layout, policy, statusReasons, text, actions, editor, notice }: RegistrationGridProps) => {
  const items = useGridItems(grid.rows, editor);
  const { selection, selectedIds, selectOnly } = useSelection(grid.selectedIds, actions.select);
  const ctx = React.useMemo<CellContext>(() => ({ text, policy, statusReasons, editor, actions }), [text, policy, statusReasons, editor, actions]);
  const columns = React.useMemo(() => toFluentColumns(grid.columns, grid.sort, ctx), [grid.columns, grid.sort, ctx]);
  const onColumnHeaderClick = (_e?: React.MouseEvent<HTMLElement>, column?: IColumn) => {
    const gridColumn = column?.data as GridColumn | undefined;
    if (gridColumn?.sortable) actions.sort(nextSort(grid.sort, gridColumn));
  };
  // A trailing empty slot: when the list renders it, the user has reached the end, so the next page loads.
  const listItems = grid.paging.hasMore ? [...items, null] : items;
  const selected = new Set(selectedIds);
  const selectedRows = grid.rows.filter((r) => selected.has(r.id));
  // "N of M"; Load more is there for keyboard users (reaching the end of the list loads more too).
  const paging = pagingText(grid.paging);
  return (
    <div className="srg-root" style={{ width: layout.width > 0 ? layout.width : undefined, height: layout.height > 0 ? layout.height : undefined }}>
      {[
        [MessageBarType.info, policy.readOnlyReason && text(policy.readOnlyReason)],
        [MessageBarType.warning, notice],
        [MessageBarType.error, grid.error && text("Grid_DatasetError", grid.error)],
      ].map(([type, message]) => message && <MessageBar key={type} messageBarType={type as MessageBarType}>{message}</MessageBar>)}
      {renderProblems(grid.rows, editor, text)}
      <div className="srg-scroll" data-is-scrollable="true">
        <ShimmeredDetailsList
          items={listItems as GridItem[]}
          columns={columns}
          enableShimmer={grid.loading && items.length === 0}
          ariaLabelForShimmer={text("Grid_Loading")}
          ariaLabelForGrid={text("Grid_Label")}
          ariaLabelForSelectAllCheckbox={text("Grid_SelectAll")}
          ariaLabelForSelectionColumn={text("Grid_SelectionColumn")}
          checkButtonAriaLabel={text("Grid_SelectRow")}
          selection={selection}
          checkboxVisibility={CheckboxVisibility.always}
          onItemInvoked={(item?: GridItem) => item && actions.open(item.row)}
          onColumnHeaderClick={onColumnHeaderClick}
          // Reaching the trailing placeholder means reaching the end: load the next page meanwhile.
          onRenderCustomPlaceholder={(rowProps, _index, placeholder) => {
            actions.loadMore();
            return placeholder?.(rowProps);
          }}
          // Pressing a button in a row acts on that registration, it doesn't select the row; arrowing
          // through rows doesn't select them either (Space and the checkboxes do).
          selectionZoneProps={{ selection, disableAutoSelectOnInputElements: true }}
          isSelectedOnFocus={false}
          // Without a set key Fluent clears the selection whenever the items change (every save does).
          setKey="r"
          useReducedRowRenderer
        />
        {!grid.loading && items.length === 0 && <p className="srg-empty">{text("Grid_Empty")}</p>}
      </div>
      {/* Below the list: appearing above it would move the rows under the pointer mid-click. */}
      <BulkBar selected={selectedRows} actions={allowedBulkActions(policy)} editor={editor} statusReasons={statusReasons} text={text} select={selectOnly} />
      <div className="srg-footer">
        <span aria-live="polite">{text(paging.key, paging.loaded, paging.total)}</span>
        {grid.paging.hasMore &&
          (grid.paging.loadingMore ? <span role="status">{text("Paging_LoadingMore")}</span> : <DefaultButton text={text("Paging_LoadMore")} onClick={actions.loadMore} />)}
      </div>
    </div>
  );
};
