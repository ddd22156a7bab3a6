// Issue 23's figure for `npm run bench`: a check-in on a session's form with the Arrivals chart shown, the form's session
// holding as many registrations as the largest size (harness mount option sessionSize), all of them loaded. Timed
// like figure 6 (a real mouse click → the new count painted), plus whether the chart's name changed before that
// paint: in the same frame as the count.
import { openBenchPage } from "./browser.mjs";
import { median, stats } from "./report.mjs";

/** During the sample session (its generated arrivals are before it): the chart runs to now and takes the new bar. */
const DURING = "2025-06-12T09:40:00Z";

/** Watches the chart from the click on: when anything in it (a bar, the line, its name) first changes (performance.now()). */
function armChart(page) {
  return page.evaluate(() => {
    const figure = document.querySelector("#control-root .srg-arrivals-figure");
    if (!figure) throw new Error("bench: no Arrivals chart");
    const state = { at: undefined, label: undefined };
    new MutationObserver((_, observer) => {
      state.at = performance.now();
      state.label = figure.getAttribute("aria-label");
      observer.disconnect();
    }).observe(figure, { attributes: true, childList: true, subtree: true, characterData: true });
    window.__arrivalsBench = state;
    return figure.getAttribute("aria-label");
  });
}

/**
 * `times` check-ins at `count` registrations; `checkIn(page, skip, method)` is run.mjs's timed click. Returns the
 * medians and the samples.
 */
export async function measureArrivals(browser, url, { count, times, latencyMs, viewport, container, clickMethod, checkIn }) {
  const p = await openBenchPage(browser, url, { viewport });
  const { page } = p;
  try {
    await page.evaluate((o) => window.harness.mount(o), {
      view: "session", sessionSize: count, pageSize: count, hostPageSize: count, now: DURING, ...container, latencyMs: 0, datasetLatencyMs: latencyMs, metadataLatencyMs: latencyMs,
    });
    await page.waitForFunction(() => /^Arrivals: \d/.test(document.querySelector('#control-root [role="img"]')?.getAttribute("aria-label") ?? ""));
    const rows = await page.evaluate(() => window.harness.host.dataset.sortedRecordIds.length);
    await page.evaluate((ms) => window.harness.setLatency(ms), latencyMs);
    const samples = [];
    for (let i = 0; i < times; i++) {
      const before = await armChart(page);
      const result = await checkIn(page, i, clickMethod);
      const chart = await page.evaluate(() => ({ at: window.__arrivalsBench.at, label: window.__arrivalsBench.label, clickAt: window.__bench.checkIn.clickAt }));
      const paintAt = chart.clickAt + result.clickToPaintMs;
      samples.push({ ...result, before, after: chart.label, clickToChartMs: chart.at - chart.clickAt, sameFrame: chart.at !== undefined && chart.at <= paintAt });
    }
    // The same form with the chart folded: what the chart itself costs the click.
    const strings = await page.evaluate(() => window.harness.strings);
    await page.getByRole("button", { name: strings.Arrivals_Hide, exact: true }).click();
    const folded = [];
    for (let i = 0; i < times; i++) folded.push(await checkIn(page, times + i, clickMethod));
    if (p.problems.length) throw new Error(`the page reported problems:\n  ${p.problems.join("\n  ")}`);
    return { count, rows, clickToPaintMs: median(samples.map((s) => s.clickToPaintMs)), foldedPaintMs: median(folded.map((s) => s.clickToPaintMs)), samples, folded };
  } finally {
    await p.close();
  }
}

/** The table's section for these runs. */
export function arrivalsRows(runs, clickMethod) {
  if (!runs.length) return [];
  const n = runs[0].count.toLocaleString("en-US");
  const all = runs.flatMap((r) => r.samples);
  return [
    { section: `9. Check-in on a session's form of ${n} registrations with Arrivals shown (${clickMethod})` },
    { key: `arrivalsCheckInPaintMs@${runs[0].count}`, label: `${n} registrations: click → new count painted`, unit: "ms", stats: stats(runs.map((r) => r.clickToPaintMs)), goal: "checkInPaintMs" },
    { key: `arrivalsFoldedPaintMs@${runs[0].count}`, label: `${n} registrations, Arrivals folded: click → new count painted`, unit: "ms", stats: stats(runs.map((r) => r.foldedPaintMs)) },
    { key: `arrivalsChartMs@${runs[0].count}`, label: `${n} registrations: click → the chart changed (in the DOM)`, unit: "ms", stats: stats(all.map((s) => s.clickToChartMs)) },
    { key: `arrivalsSameFrame@${runs[0].count}`, label: `${n} registrations: check-ins whose chart changed before the count's paint (of ${all.length})`, unit: "x", stats: stats([all.filter((s) => s.sameFrame).length]) },
  ];
}
