import * as React from "react";
import { h } from "./jsx";
import { arrivalsOf, BIN_MS, type Arrivals } from "../model/arrivals";
import { arrivalRows, arrivalsSummary } from "../model/arrivalWords";
import type { ArrivalsFeed } from "../services/arrivalsFeed";
import { ArrivalsTable } from "./ArrivalsTable";
import { useFeed, useThemeColours } from "./useFeed";
import { useGrid } from "./GridContext";
import { useElementId } from "./useElementId";

interface ArrivalsChartProps {
  feed: ArrivalsFeed;
  startsFolded(narrow: boolean): boolean;
  remember(folded: boolean): void;
  narrow: boolean;
}

/** Plot units: each 5-minute bin is 10 wide; the height is 100 (drawn stretched to the chart's box). */
const BIN_W = 10;
const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(2)}%`;

/**
 * The bars (check-ins per 5 minutes, on their own scale), the line of people checked in and the dashed capacity (on
 * one scale), the session's start; SVG stretched to the box, lines kept thin by non-scaling strokes. Right to left
 * mirrors the plot only (CSS), never text.
 */
const Plot = ({ arrivals }: { arrivals: Arrivals }) => {
  const { bins, before, busiest, capacity, start, window } = arrivals;
  const width = Math.max(1, bins.length) * BIN_W;
  const top = Math.max(capacity ?? 0, arrivals.people, 1) * 1.08;
  const y = (people: number) => (100 - (people / top) * 100).toFixed(2);
  const bar = (checkIns: number) => (checkIns / (busiest?.checkIns ?? 1)) * 55;
  const line = [`0,${y(before.people)}`, ...bins.map((b, i) => `${(i + 1) * BIN_W},${y(b.people)}`)].join(" ");
  const startX = window && start !== undefined && start > window.from && start < window.to ? ((start - window.from) / BIN_MS) * BIN_W : undefined;
  return (
    <svg className="srg-arrivals-plot" viewBox={`0 0 ${width} 100`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {bins.map((b, i) => b.checkIns > 0 && <rect key={b.from} className="srg-arrivals-bar" x={i * BIN_W + 1.5} width={BIN_W - 3} y={100 - bar(b.checkIns)} height={bar(b.checkIns)} />)}
      {startX !== undefined && <line className="srg-arrivals-start" x1={startX} x2={startX} y1={0} y2={100} vectorEffect="non-scaling-stroke" />}
      {capacity !== undefined && <line className="srg-arrivals-capacity" x1={0} x2={width} y1={y(capacity)} y2={y(capacity)} vectorEffect="non-scaling-stroke" />}
      <polyline className="srg-arrivals-people" points={line} vectorEffect="non-scaling-stroke" />
    </svg>
  );
};

/**
 * "Arrivals" on a session's form, below the desk's header line: a compact chart of the session's check-ins, named by
 * its summary (role img), with its numbers as a table on request, folded on request (remembered) or on a phone.
 */
export const ArrivalsChart = ({ feed, startsFolded, remember, narrow }: ArrivalsChartProps) => {
  const { text } = useGrid();
  const state = useFeed(feed);
  const [folded, setFolded] = React.useState(() => startsFolded(narrow));
  const [table, setTable] = React.useState(false);
  const ids = useElementId("srg-arrivals");
  const colours = useThemeColours();
  const arrivals = React.useMemo(() => arrivalsOf(state.checkIns, state.session, state.now), [state]);
  const summary = state.reading ? text(state.failed ? "Arrivals_Failed" : "Arrivals_Reading") : arrivalsSummary(arrivals, text);
  const fold = () => {
    setFolded(!folded);
    remember(!folded);
  };
  const { window, start, capacity } = arrivals;
  const startAt = window && start !== undefined && start > window.from && start < window.to ? pct(start - window.from, window.to - window.from) : undefined;
  return (
    <section className="srg-arrivals" aria-labelledby={`${ids}-title`} style={colours}>
      <div className="srg-arrivals-head">
        <span id={`${ids}-title`} className="srg-arrivals-title">{text("Arrivals_Title")}</span>
        {!folded && (
          <span className="srg-arrivals-legend">
            <span className="srg-key srg-key--bars">{text("Arrivals_LegendBars")}</span>
            <span className="srg-key srg-key--people">{text("Arrivals_LegendPeople")}</span>
            {capacity !== undefined && <span className="srg-key srg-key--capacity">{text("Arrivals_LegendCapacity")}</span>}
          </span>
        )}
        {!folded && (
          <button type="button" className="srg-small-button" aria-expanded={table} aria-controls={`${ids}-table`} onClick={() => setTable(!table)}>
            {text(table ? "Arrivals_HideTable" : "Arrivals_ShowTable")}
          </button>
        )}
        <button type="button" className="srg-small-button" aria-expanded={!folded} aria-controls={`${ids}-body`} onClick={fold}>
          {text(folded ? "Arrivals_Show" : "Arrivals_Hide")}
        </button>
      </div>
      <div id={`${ids}-body`} className="srg-arrivals-body" hidden={folded}>
        {!folded && (
          <div role="img" aria-label={summary} className="srg-arrivals-figure">
            {window ? <Plot arrivals={arrivals} /> : <p className="srg-arrivals-empty">{summary}</p>}
            {window && (
              <div className="srg-arrivals-axis">
                <span>{text.time(window.from)}</span>
                {startAt && start !== undefined && <span className="srg-arrivals-axis-start" style={{ insetInlineStart: startAt }}>{text("Arrivals_Start", text.time(start))}</span>}
                <span>{text.time(window.to)}</span>
              </div>
            )}
          </div>
        )}
        <div id={`${ids}-table`} hidden={!table}>
          {!folded && table && <ArrivalsTable rows={arrivalRows(arrivals, text)} arrivals={arrivals} />}
        </div>
      </div>
    </section>
  );
};
