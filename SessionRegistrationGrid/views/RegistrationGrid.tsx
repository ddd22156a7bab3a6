import {
  CheckboxVisibility,
  ConstrainMode,
  DetailsListLayoutMode,
  MessageBar,
  MessageBarType,
  Selection,
  SelectionMode,
  ShimmeredDetailsList,
  type IColumn,
  type IObjectWithKey,
} from "@fluentui/react";
import * as React from "react";
import { allowedBulkActions } from "../model/bulkActions";
import type { EditPolicy } from "../model/editPolicy";
import { nextSort } from "../model/sorting";
import type { StatusReason } from "../model/statusReasons";
import type { Text } from "../model/text";
import type { GridColumn, GridSnapshot } from "../model/types";
import type { RegistrationEditor } from "../services/registrationEditor";
import { BulkBar } from "./BulkBar";
import { toFluentColumns } from "./fluentColumns";
import type { CellContext, GridActions, GridItem } from "./gridTypes";
import { PagingFooter } from "./PagingFooter";
import { ProblemBar } from "./ProblemBar";
import { useGridItems } from "./useGridItems";
import { h } from "./h";

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

/** Keeps Fluent's selection and the dataset's in step both ways (the command bar acts on the dataset's). */
function useSelection(selectedIds: readonly string[], select: (ids: string[]) => void): Selection {
  const selectRef = React.useRef(select);
  selectRef.current = select;
  const selection = React.useMemo((): Selection => {
    const s: Selection = new Selection({ getKey: idOf, onSelectionChanged: () => selectRef.current(s.getSelection().map(idOf)) });
    return s;
  }, []);
  React.useEffect(() => {
    const current = selection.getSelection().map(idOf);
    if (sameIds(current, selectedIds)) return;
    selection.setChangeEvents(false);
    selection.setAllSelected(false);
    for (const id of selectedIds) selection.setKeySelected(id, true, false);
    selection.setChangeEvents(true, true);
  }, [selection, selectedIds]);
  return selection;
}

/** The grid: notices, bulk bar, the DetailsList of registrations and the paging footer. Plain props in. */
export const RegistrationGrid = ({ grid, layout, policy, statusReasons, text, actions, editor, notice }: RegistrationGridProps) => {
  const items = useGridItems(grid.rows, editor);
  const selection = useSelection(grid.selectedIds, actions.select);
  const ctx = React.useMemo<CellContext>(() => ({ text, policy, statusReasons, editor, actions }), [text, policy, statusReasons, editor, actions]);
  const columns = React.useMemo(() => toFluentColumns(grid.columns, grid.sort, ctx), [grid.columns, grid.sort, ctx]);
  const onColumnHeaderClick = React.useCallback(
    (_e?: React.MouseEvent<HTMLElement>, column?: IColumn) => {
      const gridColumn = column?.data as GridColumn | undefined;
      if (gridColumn?.sortable) actions.sort(nextSort(grid.sort, gridColumn));
    },
    [actions, grid.sort],
  );
  // A trailing empty slot: when the list renders it, the user has reached the end, so the next page loads.
  const listItems = grid.paging.hasMore ? [...items, null] : items;
  const selectedRows = React.useMemo(() => grid.rows.filter((r) => grid.selectedIds.includes(r.id)), [grid.rows, grid.selectedIds]);
  const bounded = layout.height > 0;
  return (
    <div className={bounded ? "srg-root srg-root--bounded" : "srg-root"} style={{ width: layout.width > 0 ? layout.width : undefined, height: bounded ? layout.height : undefined }}>
      {policy.readOnlyReason && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline={false}>
          {text(policy.readOnlyReason)}
        </MessageBar>
      )}
      {notice && <MessageBar messageBarType={MessageBarType.warning}>{notice}</MessageBar>}
      {grid.error && <MessageBar messageBarType={MessageBarType.error}>{text("Grid_DatasetError", grid.error)}</MessageBar>}
      <ProblemBar rows={grid.rows} editor={editor} text={text} statusReasons={statusReasons} />
      <BulkBar selected={selectedRows} actions={allowedBulkActions(policy)} editor={editor} statusReasons={statusReasons} text={text} select={actions.select} />
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
          selectionMode={SelectionMode.multiple}
          checkboxVisibility={CheckboxVisibility.always}
          selectionPreservedOnEmptyClick
          layoutMode={DetailsListLayoutMode.fixedColumns}
          constrainMode={ConstrainMode.unconstrained}
          setKey="registrations"
          getKey={(item?: GridItem) => item?.row.id ?? ""}
          onItemInvoked={(item?: GridItem) => item && actions.open(item.row)}
          onColumnHeaderClick={onColumnHeaderClick}
          onRenderMissingItem={() => {
            actions.loadMore();
            return null;
          }}
          useReducedRowRenderer
        />
        {!grid.loading && items.length === 0 && <p className="srg-empty">{text("Grid_Empty")}</p>}
      </div>
      <PagingFooter paging={grid.paging} text={text} onLoadMore={actions.loadMore} />
    </div>
  );
};
