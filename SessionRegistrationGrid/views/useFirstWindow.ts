import * as React from "react";
import { rowsInView } from "../model/layout";
import { afterNextPaint } from "./afterPaint";

export interface FirstWindow {
  /** For the list's scroll box. */
  box: React.RefObject<HTMLDivElement>;
  /** How many rows the list draws now; undefined: what Fluent would draw. */
  drawOnly?: number;
}

/**
 * A new search (`search`: what the list is narrowed by) shows its matches from the top. Its first frame draws only
 * the rows the scroll box shows, and the rest follow once that frame is painted: Fluent's list draws a window as
 * tall as the browser's at every change of rows (twice or more what the box shows), all within the key press's
 * frame, and the person at the desk reads the top rows first. A box that grows with its rows (no height from the
 * host) shows them all: nothing is held back.
 */
export function useFirstWindow(search: string, rowCount: number): FirstWindow {
  const box = React.useRef<HTMLDivElement>(null);
  const rowsHeight = useRowsHeight(box);
  const [drawnFor, setDrawnFor] = React.useState(search);
  const fresh = drawnFor !== search;
  React.useEffect(() => (fresh ? afterNextPaint(() => setDrawnFor(search)) : undefined), [fresh, search]);
  // A new search's matches are read from the top, wherever the list was scrolled to before.
  React.useLayoutEffect(() => {
    if (fresh && box.current) box.current.scrollTop = 0;
  }, [fresh, search]);
  const inView = rowsHeight === undefined ? undefined : rowsInView(rowsHeight);
  return { box, drawOnly: fresh && inView !== undefined && inView < rowCount ? inView : undefined };
}

/**
 * The height the box leaves to rows, as last observed: its own less the column headers that stay at its top (kept,
 * not state: a resize alone redraws nothing).
 */
function useRowsHeight(box: React.RefObject<HTMLElement>): number | undefined {
  const height = React.useRef<number>();
  React.useEffect(() => {
    const observed = box.current;
    if (!observed || typeof ResizeObserver !== "function") return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const headers = observed.querySelector<HTMLElement>(".ms-DetailsList-headerWrapper");
      height.current = entry.contentRect.height - (headers?.offsetHeight ?? 0);
    });
    observer.observe(observed);
    return () => observer.disconnect();
  }, [box]);
  return height.current;
}
