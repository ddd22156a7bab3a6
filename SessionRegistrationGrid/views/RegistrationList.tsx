import {
  CheckboxVisibility, ShimmeredDetailsList,
  type IColumn, type IComponentAsProps, type IDetailsColumnRenderTooltipProps, type IDetailsList, type IDetailsRowFieldsProps, type IDetailsHeaderProps, type IDetailsRowProps, type IRenderFunction, type Selection,
} from "@fluentui/react";
import * as React from "react";
import { h } from "./jsx";
import { nextSort } from "../model/sorting";
import type { GridColumn, RegistrationRow } from "../model/types";
import { RowWithEdits, useGrid } from "./GridContext";

export interface RegistrationListProps {
  /** The list itself, for moving focus into it (ArrowDown from the desk's box). */
  listRef: React.RefObject<IDetailsList>;
  /** The same array while no row changed: then the list (and each of its rows) does no work at all. */
  rows: readonly RegistrationRow[];
  columns: IColumn[];
  selection: Selection;
  /** Placeholder rows while the first page loads. */
  shimmer: boolean;
  /** The view has rows not loaded yet. */
  hasMore: boolean;
  /** Draw only this many rows for now (a new search's first frame: what the scroll box shows). */
  drawOnly?: number;
}

/** A header's full name as a tooltip, for the mouse user who sees it cut short. */
const headerTooltip = (props?: IDetailsColumnRenderTooltipProps) => (
  <span className={props?.hostClassName} title={props?.column?.name}>
    {props?.children}
  </span>
);

/**
 * A row's cells, marked so that nothing in them selects the row: a tap on a button, a note, a link or the space
 * around them acts on that thing (or nothing), never on the selection. Only the selection circle (and Space on
 * the row, Ctrl+A) selects. `display: contents` (CSS) keeps the row's layout as Fluent draws it.
 */
const CellsWithoutSelection = ({ defaultRender: Cells, ...props }: IComponentAsProps<IDetailsRowFieldsProps>) => (
  // data-is-visible: Fluent's focus zones skip what has no box of its own (display: contents) unless told.
  <div className="srg-cells" data-selection-disabled="true" data-is-visible="true">
    {Cells && <Cells {...props} />}
  </div>
);

/**
 * The list keeps one screen's worth of rows drawn above and below the view (Fluent's default is two): a search, a
 * quick filter or a load that changes the rows then redraws about half as many, and a page holds fewer elements.
 */
const LIST_WINDOWS = { renderedWindowsAhead: 1, renderedWindowsBehind: 1 };

/**
 * The selection circle and its check are drawn by the CSS on Fluent's own checkbox element (role, name and
 * aria-checked stay Fluent's): Fluent's glyph is five to seven elements and two icon components in every row.
 */
const noCheckGlyph = () => null;

/**
 * The DetailsList of registrations. Rows are the snapshot's row objects, unchanged between refreshes that
 * bring the same values, so only changed rows re-render. Coming near the end of the list loads the next page.
 */
export const RegistrationList = React.memo(({ listRef, rows, columns, selection, shimmer, hasMore, drawOnly }: RegistrationListProps) => {
  const { text, actions } = useGrid();
  // The items stay every row (the selection and the row count screen readers hear are the list's), only fewer are drawn.
  const listProps = React.useMemo(() => (drawOnly === undefined ? LIST_WINDOWS : { ...LIST_WINDOWS, renderCount: drawOnly }), [drawOnly]);
  const onColumnHeaderClick = (_e?: React.MouseEvent<HTMLElement>, column?: IColumn) => {
    const gridColumn = column?.data as GridColumn | undefined;
    // The column knows whether it is the sorted one, and which way.
    if (gridColumn?.sortable) actions.sort(nextSort(column!.isSorted ? { column: gridColumn.key, descending: !!column!.isSortedDescending } : undefined, gridColumn));
  };
  // Each checkbox names its registration ("Select Ana Silva"), not just "Select registration".
  const onRenderRow: IRenderFunction<IDetailsRowProps> = (props, defaultRender) => {
    if (!props || !defaultRender) return null;
    const row = props.item as RegistrationRow;
    return <RowWithEdits row={row}>{defaultRender({ ...props, checkButtonAriaLabel: text("Grid_SelectRow", row.name), rowFieldsAs: CellsWithoutSelection })}</RowWithEdits>;
  };
  const onRenderDetailsHeader: IRenderFunction<IDetailsHeaderProps> = (props, defaultRender) =>
    props && defaultRender ? defaultRender({ ...props, onRenderColumnHeaderTooltip: headerTooltip }) : null;
  return (
    <ShimmeredDetailsList
      componentRef={listRef}
      items={rows as RegistrationRow[]}
      columns={columns}
      // Fluent's defaults hold: a justified layout, which fits the columns to the width it measures, again when a
      // column arrives or the host resizes it (fixed mode would pin the first widths it saw for good), and
      // multiple selection.
      enableShimmer={shimmer}
      ariaLabelForShimmer={text("Grid_Loading")}
      ariaLabelForGrid={text("Grid_Label")}
      ariaLabelForSelectAllCheckbox={text("Grid_SelectAll")}
      ariaLabelForSelectionColumn={text("Grid_SelectionColumn")}
      selection={selection}
      checkboxVisibility={CheckboxVisibility.always}
      onRenderCheckbox={noCheckGlyph}
      // A double click or Enter on a cell's control is that control's, not "open the record".
      onItemInvoked={(row?: RegistrationRow, _index?: number, event?: Event) => row && !(event?.target as Element)?.closest("button,select,input") && actions.open(row)}
      onColumnHeaderClick={onColumnHeaderClick}
      onRenderRow={onRenderRow}
      onRenderDetailsHeader={onRenderDetailsHeader}
      // Pressing anything in a row acts on that registration, it doesn't select the row (CellsWithoutSelection);
      // arrowing through rows doesn't select them either (Space and the checkboxes do).
      selectionZoneProps={{ selection, disableAutoSelectOnInputElements: true }}
      isSelectedOnFocus={false}
      // Without a set key Fluent clears the selection whenever the items change (every refresh does).
      setKey="registrations"
      useReducedRowRenderer
      listProps={listProps}
      // The list renders a little ahead of the view: when the last loaded row appears, the user is near the
      // end, so the next page loads before they get there.
      onRowDidMount={(_row?: RegistrationRow, index?: number) => hasMore && index === rows.length - 1 && actions.loadMore()}
    />
  );
});
