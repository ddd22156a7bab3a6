/** The platform's Fluent, made to work offline: the icons the control uses, drawn inline. */

/* eslint-disable @typescript-eslint/no-explicit-any */
const React = window.React;
const Fluent = window.FluentUIReact;

/** The MDL2 icons Fluent's DetailsList, MessageBar, buttons and progress use, drawn inline (no icon font CDN). */
export function registerOfflineIcons(): void {
  const svg = (d: string, extra: Record<string, unknown> = {}) =>
    React.createElement("svg", { viewBox: "0 0 16 16", width: "1em", height: "1em", "aria-hidden": true, focusable: "false", style: { verticalAlign: "-0.125em" } },
      React.createElement("path", { d, fill: "none", stroke: "currentColor", strokeWidth: 1.5, strokeLinecap: "round", strokeLinejoin: "round", ...extra }));
  const solid = (d: string) => svg(d, { fill: "currentColor", stroke: "none" });
  const circle = (filled: boolean) =>
    React.createElement("svg", { viewBox: "0 0 16 16", width: "1em", height: "1em", "aria-hidden": true, focusable: "false" },
      React.createElement("circle", { cx: 8, cy: 8, r: 6.5, fill: filled ? "currentColor" : "none", stroke: "currentColor", strokeWidth: 1 }));
  const check = svg("M3 8.5l3 3 7-7");
  const chevronDown = svg("M4 6l4 4 4-4");
  const chevronUp = svg("M4 10l4-4 4 4");
  const cross = svg("M4 4l8 8M12 4l-8 8");
  const info = React.createElement("svg", { viewBox: "0 0 16 16", width: "1em", height: "1em", "aria-hidden": true, focusable: "false" },
    React.createElement("circle", { cx: 8, cy: 8, r: 6.5, fill: "none", stroke: "currentColor", strokeWidth: 1.2 }),
    React.createElement("path", { d: "M8 7v4.5M8 4.6v.2", stroke: "currentColor", strokeWidth: 1.5, strokeLinecap: "round" }));
  // Fluent's UMD build registers its MDL2 icon font (served from a CDN) as it loads. Drop those, so that an icon
  // missing here shows as Fluent's "used but not registered" warning instead of a network request.
  const registry = (window as any).__globalSettings__?.icons ?? {};
  Fluent.unregisterIcons(Object.keys(registry).filter((name) => !name.startsWith("__")));
  Fluent.registerIcons({
    icons: {
      CheckMark: check,
      StatusCircleCheckmark: check,
      CircleRing: circle(false),
      CircleShapeSolid: circle(true),
      SortUp: svg("M8 13V3M4.5 6.5L8 3l3.5 3.5"),
      SortDown: svg("M8 3v10M4.5 9.5L8 13l3.5-3.5"),
      Sort: svg("M5 13V3M2.5 5.5L5 3l2.5 2.5M11 3v10M8.5 10.5L11 13l2.5-2.5"),
      ChevronDown: chevronDown,
      ChevronDownSmall: chevronDown,
      ChevronDownMed: chevronDown,
      ChevronUp: chevronUp,
      ChevronUpSmall: chevronUp,
      ChevronRight: svg("M6 4l4 4-4 4"),
      ChevronRightMed: svg("M6 4l4 4-4 4"),
      DoubleChevronDown: svg("M4 4l4 4 4-4M4 8.5l4 4 4-4"),
      DoubleChevronUp: svg("M4 12l4-4 4 4M4 7.5l4-4 4 4"),
      Info: info,
      ErrorBadge: svg("M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM5.5 5.5l5 5M10.5 5.5l-5 5"),
      Blocked2: svg("M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM3.5 12.5l9-9"),
      Warning: svg("M8 2L1.5 13.5h13zM8 6.5v3.5M8 12v.2"),
      Completed: svg("M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM5 8.2l2 2 4-4"),
      Clear: cross,
      Cancel: cross,
      More: solid("M3 7h2v2H3zM7 7h2v2H7zM11 7h2v2h-2z"),
      Search: svg("M6.5 2a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zM10 10l4 4"),
      GripperBarVertical: solid("M7 2h2v12H7z"),
      Filter: svg("M2 3h12L9.5 8.5V13l-3-1.5v-3z"),
      GroupedDescending: chevronDown,
    },
  });
}
