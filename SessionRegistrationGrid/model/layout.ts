import type { ColumnKind, GridColumn } from "./types";

/** How the rows are drawn in the width the host gives: as a table of these columns, or as two-line cards. */
export interface RowLayout {
  cards: boolean;
  /** The columns the table shows (the cards show the registration's own cells, whatever this says). */
  columns: readonly GridColumn[];
}

/** Under this width every row is a card, however few the columns (a phone, a narrow form section). */
export const CARD_WIDTH = 600;
/** What Fluent's rows take besides the columns: the selection column, and each cell's padding (12 + 8). */
const SELECTION_COLUMN = 48;
const CELL_PADDING = 20;
/** The scroll bar the list may show: kept free so the columns never push the grid sideways. */
const SCROLL_BAR = 18;
/** Which columns give way first when the width runs out: plain values (Created On…), then lookups; the last first. */
const GIVES_WAY: readonly ColumnKind[] = ["text", "lookup"];

const needed = (columns: readonly GridColumn[]) => SELECTION_COLUMN + SCROLL_BAR + columns.reduce((sum, c) => sum + c.minWidth + CELL_PADDING, 0);

/**
 * The layout for `width` px (-1: the host doesn't say, and the table shows every column as Fluent fits them).
 * Nothing scrolls sideways: columns that don't fit give way by priority; when the name, the check-in and the
 * editors alone don't fit, the rows become cards. The room left widens the columns, in order, until their headers
 * read whole (`headerWidth`: what a column's header needs), before Fluent gives what is still left to the first ones.
 * The same columns array when nothing changes.
 */
export function fitColumns(columns: readonly GridColumn[], width: number, headerWidth: (column: GridColumn) => number = () => 0): RowLayout {
  if (width < 0) return { cards: false, columns };
  if (width < CARD_WIDTH) return { cards: true, columns };
  const shown = [...columns];
  for (const kind of GIVES_WAY) {
    for (let i = shown.length - 1; i >= 0 && needed(shown) > width; i--) if (shown[i].kind === kind) shown.splice(i, 1);
  }
  if (needed(shown) > width) return { cards: true, columns };
  let room = width - needed(shown);
  const widened = shown.map((column) => {
    const more = Math.min(room, Math.max(0, headerWidth(column) - column.minWidth));
    room -= more;
    return more ? { ...column, minWidth: column.minWidth + more, width: Math.max(column.width, column.minWidth + more) } : column;
  });
  const same = widened.length === columns.length && widened.every((column, i) => column === columns[i]);
  return { cards: false, columns: same ? columns : widened };
}

/** The least a row takes: Fluent's row is at least 42 px high (44 px targets on a touch screen make it more). */
const ROW_MIN_HEIGHT = 42;

/**
 * How many rows fit a height (px) at most, counting the one cut by its bottom edge: a new search draws these
 * first. Rows are never shorter than ROW_MIN_HEIGHT, so none that shows is left out.
 */
export function rowsInView(height: number): number {
  return Math.ceil(Math.max(0, height) / ROW_MIN_HEIGHT) + 1;
}
