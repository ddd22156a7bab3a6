import { DefaultButton, MessageBar, MessageBarButton, MessageBarType, type IDetailsList } from "@fluentui/react";
import * as React from "react";
import { h } from "./jsx";
import { Attendance } from "./Attendance";
import { pagingText } from "../model/paging";
import type { GridSnapshot } from "../model/types";
import { BulkBar } from "./BulkBar";
import { DeskBar } from "./DeskBar";
import { toFluentColumns } from "./fluentColumns";
import { GridContext } from "./GridContext";
import type { GridServices } from "./gridTypes";
import { checkInColumnWidth, headerWidth } from "./measure";
import { CARD_WIDTH, fitColumns } from "../model/layout";
import { MessageLine } from "./MessageLine";
import { RegistrationList } from "./RegistrationList";
import { RoomHeader } from "./RoomHeader";
import { useFind } from "./useFind";
import { useFirstWindow } from "./useFirstWindow";
import { useSelection } from "./useSelection";

export interface RegistrationGridProps {
  grid: GridSnapshot;
  /**
   * The space the host gives (-1: unbounded, the grid grows with its rows); right to left for the user's language;
   * a touch screen (a tablet or phone app, or a coarse pointer): every control a 44 px target.
   */
  layout: { width: number; height: number; rtl?: boolean; touch?: boolean };
  services: GridServices;
}

/**
 * The grid: read-only and load notices, the room (on a session's form), the desk, the message line, the list, the
 * bulk bar and the footer.
 */
export const RegistrationGrid = ({ grid, layout, services }: RegistrationGridProps) => {
  const { text, policy, actions } = services;
  const { selection, selectedIds, selectOnly } = useSelection(grid.selectedIds, actions.select);
  const find = useFind(grid.rows, grid.dataVersion, grid.paging, services);
  const firstWindow = useFirstWindow(find.search, find.rows.length);
  const list = React.useRef<IDetailsList>(null);
  // The check-in column as wide as its content (wider on a touch screen), then what fits the width: the columns
  // that give way by priority, or cards.
  const fitted = React.useMemo(() => {
    const checkInWidth = checkInColumnWidth(text, layout.touch);
    const sized = grid.columns.map((c) => (c.kind === "checkIn" ? { ...c, width: checkInWidth, minWidth: checkInWidth } : c));
    return fitColumns(sized, layout.width, (c) => headerWidth(c.label));
  }, [grid.columns, text, layout.touch, layout.width]);
  const columns = React.useMemo(
    () => toFluentColumns(fitted.columns, grid.sort, text),
    // The sort by value: every snapshot brings a new sort object, and new columns would re-render every row.
    [fitted.columns, text, grid.sort?.column, grid.sort?.descending],
  );
  const selected = React.useMemo(() => {
    const ids = new Set(selectedIds);
    return grid.rows.filter((row) => ids.has(row.id));
  }, [grid.rows, selectedIds]);
  // "N of M"; Load more is there for keyboard users (reaching the end of the list loads more too). While the desk
  // narrows the list: "3 of 250 match", and "Searching 5,000 of 12,400…" while the rest of the view loads.
  const paging = pagingText(grid.paging);
  const searching = find.narrowed && grid.paging.loadingAll;
  return (
    <GridContext.Provider value={services}>
      <div className={`srg-root${fitted.cards ? " srg-cards" : ""}${layout.touch ? " srg-touch" : ""}`} dir={layout.rtl ? "rtl" : undefined} style={{ width: layout.width > 0 ? layout.width : undefined, height: layout.height > 0 ? layout.height : undefined }}>
        {/* Notices are MessageBar's default kind: info. */}
        {policy.readOnlyReason && <MessageBar>{text(policy.readOnlyReason)}</MessageBar>}
        {policy.checkIn && !policy.records.create && policy.records.reason === "noPrivilege" && (
          <MessageBar>{text("Records_NoPrivilege")}</MessageBar>
        )}
        {grid.error && (
          // The rows loaded before stay; the line says they may be out of date, why, and offers to load again.
          <MessageBar
            messageBarType={MessageBarType.error}
            isMultiline
            actions={<MessageBarButton onClick={actions.refresh}>{text("Grid_TryAgain")}</MessageBarButton>}
          >
            {text(grid.rows.length ? "Grid_DatasetStale" : "Grid_DatasetError", grid.error)}
          </MessageBar>
        )}
        {services.onSessionForm && <RoomHeader rows={grid.rows} loadingAll={!!grid.paging.loadingAll} />}
        <Attendance narrow={layout.width > 0 && layout.width < CARD_WIDTH} />
        <DeskBar find={find} focusFirstRow={() => list.current?.focusIndex(0, true)} />
        <MessageLine rows={grid.rows} />
        <div className="srg-scroll" data-is-scrollable="true" ref={firstWindow.box}>
          <RegistrationList
            listRef={list}
            rows={find.rows}
            drawOnly={firstWindow.drawOnly}
            columns={columns}
            selection={selection}
            shimmer={grid.loading && !grid.rows.length}
            hasMore={grid.paging.hasMore && !find.narrowed}
          />
          {!grid.loading && find.rows.length === 0 && <p className="srg-empty">{text(find.narrowed ? "Desk_NoneMatch" : "Grid_Empty")}</p>}
        </div>
        {/* Below the list: appearing above it would move the rows under the pointer mid-click. */}
        <BulkBar selected={selected} moreNotLoaded={grid.paging.hasMore && selected.length === grid.rows.length} select={selectOnly} />
        <div className="srg-footer">
          <span aria-live="polite">
            {searching
              ? text("Desk_Searching", paging.loaded, paging.total)
              : find.narrowed
                ? text("Desk_Matches", find.rows.length, grid.rows.length)
                : text(paging.key, paging.loaded, paging.total)}
          </span>
          {grid.paging.hasMore && !find.narrowed &&
            (grid.paging.loadingMore ? <span role="status">{text("Paging_LoadingMore")}</span> : <DefaultButton text={text("Paging_LoadMore")} onClick={actions.loadMore} />)}
        </div>
      </div>
    </GridContext.Provider>
  );
};
