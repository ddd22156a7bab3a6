#!/usr/bin/env node
// `npm run bench`: the production bundle in the local host page (harness/), headless Debian chromium, and the
// figures of docs/PERFORMANCE.md: a printed table (figure | median | min | max | goal | met?) and
// bench/results/latest.json with the machine it ran on. It never fails on a time: only when it cannot measure.
//
//   npm run bench                     build (npm run build:prod), then 5 runs at 100, 1,000 and 5,000 records
//   npm run bench -- --no-build       measure the build already in out/controls/SessionRegistrationGrid
//   npm run bench -- --smoke          one run, 100 and 1,000 records, bulk of 100 (CI: it must finish and print)
//   npm run bench -- --runs 7 --sizes 1000,5000 --bulk 500 --out bench/results/mine.json
//
// How each figure is taken: docs/PERFORMANCE.md and bench/inpage.js.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { buildControl, CONTROL_DIR, prepareAndServe, ROOT } from "../harness/server.mjs";
import { arrivalsRows, measureArrivals } from "./arrivals.mjs";
import { measureFloor } from "./floor.mjs";
import { chromiumVersion, launchChromium, openBenchPage, settledHeap } from "./browser.mjs";
import { formatTable, GOALS, machineInfo, markdownTable, median, stats, verdict } from "./report.mjs";
import { commandLine } from "../scripts/lib/cli.mjs";

const { flag, value } = commandLine();
if (flag("--help") || flag("-h")) {
  console.log("Usage: npm run bench [-- --smoke] [--no-build] [--runs <n>] [--sizes 100,1000,5000] [--bulk <rows>] [--out <file.json>]");
  process.exit(0);
}

const smoke = flag("--smoke");
const config = {
  smoke,
  runs: Number(value("--runs") ?? (smoke ? 1 : 5)),
  sizes: (value("--sizes") ?? (smoke ? "100,1000" : "100,1000,5000")).split(",").map(Number),
  bulkRows: Number(value("--bulk") ?? (smoke ? 100 : 500)),
  /** Same-size updates per run (each is tiny: the figure is their median). */
  unchangedTimes: smoke ? 20 : 30,
  refreshTimes: smoke ? 2 : 3,
  checkInTimes: smoke ? 2 : 3,
  /** webAPI latency for the check-in's round trip and the bulk run; dataset loads and metadata take as long. */
  latencyMs: 50,
  container: { width: 1200, height: 640 },
  viewport: { width: 1600, height: 1000 },
};
const outFile = value("--out") ?? join(ROOT, "bench", "results", "latest.json");
const started = Date.now();
const log = (message) => console.log(`# ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- one page per record count: first render, warm mount, unchanged updates, refresh, check-in, heap ---------

/**
 * The "All Session Registrations" view with exactly `count` records, all in the first update (page size =
 * count). The control's own follow-up requests at mount (addColumn's reload, the table metadata) get
 * `followUpLatencyMs`: for the mount figures 600 ms, so that they land after the first frame instead of delaying
 * it; afterwards the same 50 ms as webAPI calls.
 */
function mountOptions(count, followUpLatencyMs = config.latencyMs) {
  return {
    view: "all", count, pageSize: count, hostPageSize: count, ...config.container,
    latencyMs: 0, datasetLatencyMs: followUpLatencyMs, metadataLatencyMs: followUpLatencyMs,
  };
}
const MOUNT_FOLLOW_UP_MS = 600;

/**
 * How long the mouse button stays down in a timed click. A person's click holds it for about 100 ms, so the press's
 * own work (focus moving to the button, Fluent's mousedown handlers) is done in an earlier frame than the release's.
 * Playwright's plain click sends press and release in the same millisecond: the click event's time is then the
 * release's, but it waits behind the press's work, which would be charged to the check-in (figure 6 reports it).
 */
const PRESS_MS = 80;

/**
 * One check-in: a real mouse click (or element.click() when `method` says so) on a visible row's button, the button
 * held down `pressMs`.
 */
async function checkIn(page, skip, method, optimisticTimeoutMs = 5000, pressMs = PRESS_MS) {
  const armed = await page.evaluate((s) => window.__bench.armCheckIn(s), skip);
  const button = page.locator(`#control-root [role="row"][data-item-index="${armed.index}"] .srg-checkin-button`);
  if (method === "mouse") await button.click({ delay: pressMs });
  else await button.evaluate((element) => element.click());
  const result = await page.evaluate((t) => window.__bench.checkInResult(t), optimisticTimeoutMs);
  // The save's own dataset refresh comes 300 ms after the last save, then a load: let it land.
  await sleep(350 + config.latencyMs);
  await page.evaluate(() => window.harness.idle());
  return result;
}

/**
 * Whether a real mouse click on a row's Check in button checks the attendee in. If the press lands on the row
 * first (Fluent's SelectionZone selects a row on mousedown) and the page moves under the pointer, it doesn't.
 */
async function probeMouseClick(browser, url) {
  const p = await openBenchPage(browser, url, { viewport: config.viewport });
  try {
    await p.page.evaluate((o) => window.harness.mount(o), mountOptions(100));
    await p.page.evaluate((ms) => window.harness.setLatency(ms), config.latencyMs);
    try {
      const result = await checkIn(p.page, 0, "mouse", 1500);
      return { works: true, result };
    } catch (error) {
      const after = await p.page.evaluate(() => ({
        selections: window.harness.activity("setSelectedRecordIds").map((a) => a.detail.length),
        updates: window.harness.updates().length,
      }));
      return { works: false, error: error.message.split("\n")[0], ...after };
    }
  } finally {
    await p.close();
  }
}

/** The session form's subgrid view (fewer columns than the 5,000-row view): its DOM per row. */
async function measureSubgrid(browser, url) {
  const p = await openBenchPage(browser, url, { viewport: config.viewport });
  try {
    const info = await p.page.evaluate((o) => window.harness.mount(o), { view: "session", ...config.container, latencyMs: 0 });
    return { loaded: info.loaded, ...(await p.page.evaluate(() => window.__bench.domStats())) };
  } finally {
    await p.close();
  }
}

async function measureSize(browser, url, count, clickMethod) {
  const p = await openBenchPage(browser, url, { viewport: config.viewport });
  const { page } = p;
  try {
    const options = mountOptions(count, MOUNT_FOLLOW_UP_MS);
    const cold = await page.evaluate((o) => window.__bench.mount(o), options);
    if (cold.followUpBeforePaint) log(`${count} records: the mount's follow-up update landed before the first paint; that figure includes it`);
    const heapAfter = await settledHeap(p);
    const domCounters = await p.cdp.send("Memory.getDOMCounters").catch(() => undefined);
    await page.evaluate(() => window.__bench.unmountAndRelease());
    await settledHeap(p);
    const warm = await page.evaluate((o) => window.__bench.mount(o), options);
    if (warm.followUpBeforePaint) log(`${count} records: the warm mount's follow-up update landed before the first paint; that figure includes it`);
    const warmHeapAfter = await settledHeap(p);
    // What the control itself holds (its rows and items, React's and Fluent's instances, what it keeps of the
    // dataset): the heap now, less the heap once it is unmounted while the host, its dataset and Dataverse are
    // kept alive. On the second mount, so that code compiled by the first unmount isn't counted.
    await page.evaluate(() => {
      const h = window.harness;
      window.__benchKeep = { host: h.host, dataverse: h.dataverse, context: h.context, conference: h.conference };
      window.__bench.unmountAndRelease();
    });
    const heapWithoutControl = await settledHeap(p);
    await page.evaluate(() => delete window.__benchKeep);
    // A third mount for the rest: the same data, its loads now 50 ms like the webAPI calls.
    await page.evaluate((o) => window.harness.mount(o), mountOptions(count));
    const unchanged = await page.evaluate((n) => window.__bench.unchanged(n), config.unchangedTimes);
    const refreshes = [];
    for (let i = 0; i < config.refreshTimes; i++) refreshes.push(await page.evaluate(() => window.__bench.refresh()));
    await page.evaluate((ms) => window.harness.setLatency(ms), config.latencyMs);
    const checkIns = [];
    for (let i = 0; i < config.checkInTimes; i++) checkIns.push(await checkIn(page, i, clickMethod));
    // The same click with press and release at once (how figure 6 was taken before 2026-12-07), for comparison.
    const checkInsAtOnce = [];
    for (let i = 0; i < config.checkInTimes; i++) checkInsAtOnce.push(await checkIn(page, config.checkInTimes + i, clickMethod, 5000, 0));
    const desk = await measureDesk(p);
    if (p.problems.length) throw new Error(`the page reported problems:\n  ${p.problems.join("\n  ")}`);
    return {
      count, cold, warm, heapAfter, heapWithoutControl, warmHeapAfter, domCounters, desk,
      unchanged: {
        totalMs: median(unchanged.samples.map((s) => s.totalMs)),
        updateViewMs: median(unchanged.samples.map((s) => s.updateViewMs)),
        rowRenders: unchanged.rowRenders,
      },
      refresh: {
        controlMs: median(refreshes.map((r) => r.controlMs)),
        lastUpdateMs: median(refreshes.map((r) => r.lastUpdateMs)),
        landedToPaintMs: median(refreshes.map((r) => r.landedToPaintMs)),
        rowRenders: median(refreshes.map((r) => r.rowRenders)),
        rowsInDom: refreshes[0]?.rowsInDom,
        samples: refreshes,
      },
      checkIn: {
        clickToPaintMs: median(checkIns.map((c) => c.clickToPaintMs)),
        clickToDomMs: median(checkIns.map((c) => c.clickToDomMs)),
        clickToSavedPaintMs: median(checkIns.map((c) => c.clickToSavedPaintMs)),
        rowRenders: median(checkIns.map((c) => c.rowRendersOptimistic)),
        atOncePaintMs: median(checkInsAtOnce.map((c) => c.clickToPaintMs)),
        samples: checkIns,
        samplesAtOnce: checkInsAtOnce,
      },
    };
  } finally {
    await p.close();
  }
}

/**
 * The desk at this size: a key press in an empty "Find attendee" → the filtered list painted (findPaintMs), and a
 * scanner's 36-character code typed at 10 ms a character, then Enter → the status line painted (scanPaintMs).
 */
/**
 * A badge scanner (a keyboard to the browser) typing `text` at its own pace, 10 ms a character, whatever the page is
 * doing: each key is sent on time with its own time, not after the page has handled the one before (as Playwright's
 * typing waits), so a page that is slow to handle keys gets them queued, as it would from the device.
 */
async function scanCode(cdp, text, msPerCharacter = 10) {
  const sent = [];
  for (const character of text) {
    const key = character === "\n"
      ? { key: "Enter", code: "Enter", windowsVirtualKeyCode: 13, text: "\r" }
      : { key: character, text: character, unmodifiedText: character };
    const timestamp = Date.now() / 1000;
    sent.push(cdp.send("Input.dispatchKeyEvent", { type: "keyDown", timestamp, ...key }));
    sent.push(cdp.send("Input.dispatchKeyEvent", { type: "keyUp", timestamp, key: key.key, code: key.code, windowsVirtualKeyCode: key.windowsVirtualKeyCode }));
    await sleep(msPerCharacter);
  }
  await Promise.all(sent);
}

async function measureDesk({ page, cdp }) {
  const strings = await page.evaluate(() => window.harness.strings);
  const box = page.getByRole("searchbox", { name: strings.Desk_FindLabel, exact: true });
  const find = [];
  for (const letter of ["m", "s", "a"]) {
    await box.fill("");
    await page.evaluate(() => window.__bench.quiet());
    await page.evaluate((key) => window.__bench.armDesk(key, "matches"), letter);
    await box.press(letter);
    find.push(await page.evaluate(() => window.__bench.deskResult()));
  }
  await box.fill("");
  // Codes of loaded active registrations: their own GUIDs, upper case as some QR codes carry them.
  const codes = await page.evaluate(() => window.harness.rows().filter((r) => r.state === 0).slice(20, 23).map((r) => r.id.toUpperCase()));
  const scan = [];
  for (const code of codes) {
    await page.evaluate(() => window.__bench.quiet());
    // Armed before the code: a scanner sends its Enter 10 ms after the last character, as it sent the others.
    await page.evaluate(() => window.__bench.armDesk("Enter", "status"));
    await box.focus();
    await scanCode(cdp, `${code}\n`);
    scan.push(await page.evaluate(() => window.__bench.deskResult()));
    await sleep(350 + config.latencyMs * 3);
    await page.evaluate(() => window.harness.idle());
  }
  return {
    findPaintMs: median(find.map((f) => f.toPaintMs)),
    findRows: median(find.map((f) => f.rowRenders)),
    scanPaintMs: median(scan.map((f) => f.toPaintMs)),
    samples: { find, scan },
  };
}

// ---- bulk: check in N selected rows against 50 ms per call ------------------------------------------------

async function measureBulk(browser, url, rows) {
  const p = await openBenchPage(browser, url, { viewport: config.viewport });
  const { page } = p;
  try {
    await page.evaluate((o) => window.harness.mount(o), mountOptions(rows));
    // Every selected registration can take a check-in: cancelled ones are made active first (another user).
    await page.evaluate(async () => {
      for (const row of window.harness.rows()) {
        if (row.state !== 0) window.harness.changeByAnotherUser(row.id, { statecode: 0, statuscode: 1 });
      }
      window.harness.refresh();
      await window.harness.idle();
    });
    const strings = await page.evaluate(() => window.harness.strings);
    await page.getByRole("checkbox", { name: strings.Grid_SelectAll }).click();
    const toolbar = page.getByRole("toolbar", { name: strings.Bulk_Toolbar });
    // "100 selected" (or "… more not loaded yet" when the view holds more than the page).
    await toolbar.getByText(new RegExp(`^${rows.toLocaleString("en-US")} `)).waitFor();
    await page.evaluate((ms) => {
      window.harness.setLatency(ms);
      window.harness.dataverse.resetCalls();
      window.__bench.armBulk();
    }, config.latencyMs);
    await toolbar.getByRole("button", { name: strings.Bulk_checkIn, exact: true }).click();
    const result = await page.evaluate((t) => window.__bench.bulkResult(t), 300_000);
    const calls = await page.evaluate(() => {
      const dv = window.harness.dataverse;
      const by = (op, entity = "msevtmgt_sessionregistration") => dv.calls.filter((c) => c.op === op && c.entity === entity);
      // Fresh reads go alone (retrieveRecord) or gathered (retrieveMultipleRecords with In, up to 50 ids each).
      const gathered = by("retrieveMultiple");
      const rowsGathered = gathered.reduce((n, c) => n + (c.options.match(/'[0-9a-f-]{36}'/g) ?? []).length, 0);
      return {
        maxInFlight: dv.maxInFlight, calls: dv.calls.length, reads: by("retrieve").length, gatheredReads: gathered.length, rowsGathered,
        writes: by("update").length, records: by("create", "msevtmgt_checkin").length, lookups: by("retrieveMultiple", "msevtmgt_eventregistration").length,
        failed: dv.calls.filter((c) => c.outcome === "error").length,
      };
    });
    if (p.problems.length) throw new Error(`the page reported problems:\n  ${p.problems.join("\n  ")}`);
    return { rows, ...result, ...calls };
  } finally {
    await p.close();
  }
}

// ---- the table ----------------------------------------------------------------------------------------------

function buildRows(bundle, sizeRuns, bulkRuns, floorRuns, clickMethod, subgrid) {
  const rows = [];
  const n = (v) => v.toLocaleString("en-US");
  const MB = 1024 * 1024;
  rows.push({ section: "1. Bundle (production build)" });
  rows.push({ key: "bundleBytes", label: "bundle.js", unit: "B", stats: stats([bundle.bytes]), goal: "bundleBytes" });
  rows.push({ key: "bundleGzip", label: "bundle.js gzip -9", unit: "B", stats: stats([bundle.gzip]) });
  const per = (count, pick) => stats(sizeRuns.filter((r) => r.count === count).map(pick));
  const sizes = config.sizes;
  rows.push({ section: "2. First render (new page): init + first updateView → painted" });
  for (const c of sizes) {
    rows.push({ key: `firstRenderMs@${c}`, label: `${n(c)} records: to painted`, unit: "ms", stats: per(c, (r) => r.cold.firstPaintMs) });
    rows.push({ key: `firstRenderJsMs@${c}`, label: `${n(c)} records: of which JS (init, updateView, ReactDOM.render)`, unit: "ms", stats: per(c, (r) => r.cold.jsMs) });
  }
  rows.push({ key: "updatesBeforeFirstPaint", label: "updates in the first frame (the first; the 'loading' of the control's own column request)", unit: "x", stats: per(sizes[0], (r) => r.cold.updatesBeforePaint) });
  for (const c of sizes) {
    rows.push({ key: `rowsInDomFirst@${c}`, label: `${n(c)} records: row elements in the DOM at first paint`, unit: "x", stats: per(c, (r) => r.cold.firstDom.rows) });
    rows.push({ key: `rowsInDom@${c}`, label: `${n(c)} records: row elements in the DOM once settled`, unit: "x", stats: per(c, (r) => r.cold.settledDom.rows) });
  }
  rows.push({ key: "elementsPerRowFirst", label: "DOM elements per row, first paint (read-only until metadata)", unit: "x", stats: per(sizes[0], (r) => r.cold.firstDom.elementsPerRow) });
  rows.push({ key: "elementsPerRowSvg", label: "DOM elements per row, editing on, 9 columns (as drawn here: SVG icons)", unit: "x", stats: per(sizes[0], (r) => r.cold.settledDom.elementsPerRow) });
  rows.push({ key: "elementsPerRow", label: "DOM elements per row, editing on, 9 columns (platform icon font)", unit: "x", stats: per(sizes[0], (r) => r.cold.settledDom.elementsPerRowFontIcons), goal: "elementsPerRow" });
  rows.push({ key: "elementsPerRowSubgrid", label: "DOM elements per row, editing on, subgrid view, 7 columns (icon font)", unit: "x", stats: stats([subgrid.elementsPerRowFontIcons]), goal: "elementsPerRow" });
  rows.push({ section: "3. Warm mount (second mount in the same page) → painted" });
  for (const c of sizes) {
    rows.push({ key: `warmMountMs@${c}`, label: `${n(c)} records`, unit: "ms", stats: per(c, (r) => r.warm.firstPaintMs), goal: "warmMountMs" });
    rows.push({ key: `warmMountJsMs@${c}`, label: `${n(c)} records: of which JS`, unit: "ms", stats: per(c, (r) => r.warm.jsMs) });
  }
  for (const c of sizes) {
    rows.push({ key: `followUpMs@${c}`, label: `${n(c)} records: the mount's follow-up updates (addColumn reload, metadata), JS`, unit: "ms", stats: per(c, (r) => r.warm.followUpMs) });
  }
  rows.push({ section: "4. Unchanged updateView (same data: the host reports the same size again)" });
  for (const c of sizes) {
    rows.push({ key: `unchangedMs@${c}`, label: `${n(c)} records: updateView + ReactDOM.render`, unit: "ms", stats: per(c, (r) => r.unchanged.totalMs), goal: "unchangedMs" });
    rows.push({ key: `unchangedRows@${c}`, label: `${n(c)} records: rows re-rendered`, unit: "x", stats: per(c, (r) => r.unchanged.rowRenders) });
  }
  rows.push({ section: "5. Refresh with the same data as new record objects (both updates: loading, loaded)" });
  for (const c of sizes) {
    rows.push({ key: `refreshMs@${c}`, label: `${n(c)} records: updateView + ReactDOM.render`, unit: "ms", stats: per(c, (r) => r.refresh.controlMs), goal: "refreshMs" });
    rows.push({ key: `refreshRows@${c}`, label: `${n(c)} records: rows re-rendered (of ${n(median(sizeRuns.filter((r) => r.count === c).map((r) => r.refresh.rowsInDom)) ?? 0)} in the DOM)`, unit: "x", stats: per(c, (r) => r.refresh.rowRenders), goal: "refreshRowRenders" });
  }
  rows.push({ section: `6. Check-in click (${clickMethod === "mouse" ? "real mouse click" : "element.click(): a real mouse click is lost, see notes"}; webAPI ${config.latencyMs} ms per call)` });
  for (const c of sizes) {
    rows.push({ key: `checkInPaintMs@${c}`, label: `${n(c)} records: click (held ${PRESS_MS} ms) → new count painted`, unit: "ms", stats: per(c, (r) => r.checkIn.clickToPaintMs), goal: "checkInPaintMs" });
    rows.push({ key: `checkInDomMs@${c}`, label: `${n(c)} records: click → new count in the DOM (the control's work)`, unit: "ms", stats: per(c, (r) => r.checkIn.clickToDomMs) });
    rows.push({ key: `checkInAtOncePaintMs@${c}`, label: `${n(c)} records: press and release at once → new count painted`, unit: "ms", stats: per(c, (r) => r.checkIn.atOncePaintMs) });
    rows.push({ key: `checkInSavedMs@${c}`, label: `${n(c)} records: click → saved state painted (read + write)`, unit: "ms", stats: per(c, (r) => r.checkIn.clickToSavedPaintMs) });
    rows.push({ key: `checkInRows@${c}`, label: `${n(c)} records: rows re-rendered by the click`, unit: "x", stats: per(c, (r) => r.checkIn.rowRenders) });
  }
  rows.push({ section: "6b. The check-in desk (Find attendee)" });
  for (const c of sizes) {
    rows.push({ key: `findPaintMs@${c}`, label: `${n(c)} records: a key press → the filtered rows painted`, unit: "ms", stats: per(c, (r) => r.desk.findPaintMs), goal: "deskPaintMs" });
    rows.push({ key: `scanPaintMs@${c}`, label: `${n(c)} records: a 36-character code at 10 ms a character, Enter → the status line painted`, unit: "ms", stats: per(c, (r) => r.desk.scanPaintMs), goal: "deskPaintMs" });
  }
  // bench/floor.mjs: the same key press in a bare DetailsList, none of the control.
  const floor = (pick) => stats(floorRuns.map(pick));
  const bare = `bare Fluent DetailsList (text, 9 columns, ${n(1000)} items), a key press → painted`;
  rows.push({ key: "floorUnchangedMs", label: `${bare}: the list unchanged (a key and a frame)`, unit: "ms", stats: floor((f) => f.unchanged) });
  rows.push({ key: "floorPositionMs", label: `${bare}: filtered, rows keyed by position (as the control's)`, unit: "ms", stats: floor((f) => f.position) });
  rows.push({ key: "floorPositionRows", label: `${bare}: rows drawn at that paint`, unit: "x", stats: floor((f) => f.positionRows) });
  rows.push({ key: "floorBoxMs", label: `${bare}: filtered, by position, the box's rows first (as the control)`, unit: "ms", stats: floor((f) => f.box) });
  rows.push({ key: "floorBoxRows", label: `${bare}: rows drawn at that paint, the box's rows first`, unit: "x", stats: floor((f) => f.boxRows) });
  rows.push({ key: "floorKeyMs", label: `${bare}: filtered, rows keyed by id`, unit: "ms", stats: floor((f) => f.key) });
  rows.push({ section: `7. Bulk check-in of ${n(config.bulkRows)} selected rows (webAPI ${config.latencyMs} ms per call)` });
  rows.push({ key: "bulkWallS", label: "click → summary painted", unit: "s", stats: stats(bulkRuns.map((b) => b.wallMs / 1000)), goal: config.bulkRows === 500 ? "bulkWallS" : undefined });
  rows.push({ key: "bulkMaxInFlight", label: "most webAPI calls in flight", unit: "x", stats: stats(bulkRuns.map((b) => b.maxInFlight)), goal: "bulkMaxInFlight" });
  rows.push({ key: "bulkCalls", label: "webAPI calls, all", unit: "x", stats: stats(bulkRuns.map((b) => b.calls)) });
  rows.push({ key: "bulkReadsAlone", label: "of which fresh reads alone (retrieveRecord)", unit: "x", stats: stats(bulkRuns.map((b) => b.reads)) });
  rows.push({ key: "bulkReadsGathered", label: "of which fresh reads gathered (retrieveMultipleRecords, In)", unit: "x", stats: stats(bulkRuns.map((b) => b.gatheredReads)) });
  rows.push({ key: "bulkRowsGathered", label: "rows read by the gathered reads", unit: "x", stats: stats(bulkRuns.map((b) => b.rowsGathered)) });
  rows.push({ key: "bulkWrites", label: "of which count writes (updateRecord)", unit: "x", stats: stats(bulkRuns.map((b) => b.writes)) });
  rows.push({ key: "bulkRecords", label: "of which check-in records (createRecord)", unit: "x", stats: stats(bulkRuns.map((b) => b.records)) });
  rows.push({ key: "bulkLookups", label: "of which event registration look-ups", unit: "x", stats: stats(bulkRuns.map((b) => b.lookups)) });
  rows.push({ key: "bulkListRenders", label: "DetailsList renders during the run", unit: "x", stats: stats(bulkRuns.map((b) => b.listRenders)) });
  rows.push({ key: "bulkRowRenders", label: "row renders during the run", unit: "x", stats: stats(bulkRuns.map((b) => b.rowRenders)) });
  rows.push({ section: "8. JS heap after render (forced GC), first mount in the page" });
  const largest = Math.max(...sizes);
  for (const c of sizes) {
    rows.push({ key: `heapGrowthMB@${c}`, label: `${n(c)} records: growth over the page before init`, unit: "MB", stats: per(c, (r) => (r.heapAfter - r.cold.heapBefore) / MB), goal: c === 5000 ? "heapGrowthMB" : undefined });
  }
  for (const c of sizes) {
    rows.push({ key: `heapControlMB@${c}`, label: `${n(c)} records: held by the control (vs unmounted, host and data kept)`, unit: "MB", stats: per(c, (r) => (r.warmHeapAfter - r.heapWithoutControl) / MB) });
  }
  rows.push({ key: `heapAfterMB@${largest}`, label: `${n(largest)} records: JS heap after render`, unit: "MB", stats: per(largest, (r) => r.heapAfter / MB) });
  rows.push({ key: `heapGrowthWarmMB@${largest}`, label: `${n(largest)} records: growth over the page before init, second mount`, unit: "MB", stats: per(largest, (r) => (r.warmHeapAfter - r.warm.heapBefore) / MB) });
  return rows;
}

// ---- main ----------------------------------------------------------------------------------------------------

let server;
let browser;
try {
  if (!flag("--no-build")) {
    log("building the control (npm run build:prod)");
    await buildControl({ quiet: true });
  }
  const bundlePath = join(CONTROL_DIR, "bundle.js");
  const bundleBytes = readFileSync(bundlePath);
  const bundle = { path: relative(ROOT, bundlePath), bytes: statSync(bundlePath).size, gzip: gzipSync(bundleBytes, { level: 9 }).length };
  log(`bundle.js ${bundle.bytes} bytes, ${bundle.gzip} gzip`);

  server = await prepareAndServe({ build: false, port: 0, quiet: true });
  browser = await launchChromium();
  const machine = machineInfo(chromiumVersion(browser));
  log(`${machine.cpu}, ${machine.cores} cores, ${machine.chromium}, node ${machine.node}, load average ${machine.loadAverage.join(" ")}`);
  if (machine.loadAverage[0] > 0.75 * machine.cores) log("the machine is busy (load average above 0.75 per core): times will be high and noisy");
  log(`${config.runs} run(s) at ${config.sizes.join(", ")} records; bulk of ${config.bulkRows}`);

  const probe = await probeMouseClick(browser, server.url);
  const clickMethod = probe.works ? "mouse" : "element.click()";
  const subgrid = await measureSubgrid(browser, server.url);
  if (!probe.works) log(`a real mouse click on Check in did not check in (${probe.error}); timing the click with element.click()`);

  const sizeRuns = [];
  const bulkRuns = [];
  const arrivalsRuns = [];
  const floorRuns = [];
  for (let run = 1; run <= config.runs; run++) {
    for (const count of config.sizes) {
      const t = Date.now();
      const result = await measureSize(browser, server.url, count, clickMethod);
      sizeRuns.push({ run, ...result });
      log(`run ${run}/${config.runs}, ${count} records: warm mount ${result.warm.firstPaintMs.toFixed(1)} ms, refresh ${result.refresh.controlMs.toFixed(1)} ms (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    }
    const arrivals = await measureArrivals(browser, server.url, { count: Math.max(...config.sizes), times: config.checkInTimes, latencyMs: config.latencyMs, viewport: config.viewport, container: config.container, clickMethod, checkIn });
    arrivalsRuns.push({ run, ...arrivals });
    log(`run ${run}/${config.runs}, Arrivals at ${arrivals.rows} registrations: check-in painted in ${arrivals.clickToPaintMs.toFixed(1)} ms`);
    const floor = await measureFloor(browser, server.url, { viewport: config.viewport, container: config.container });
    floorRuns.push({ run, ...floor });
    log(`run ${run}/${config.runs}, a bare DetailsList's key press: ${floor.unchanged.toFixed(1)} ms unchanged, filtered ${floor.position.toFixed(1)} ms (by position), ${floor.box.toFixed(1)} ms (the box's rows first), ${floor.key.toFixed(1)} ms (by id)`);
    const bulk = await measureBulk(browser, server.url, config.bulkRows);
    bulkRuns.push({ run, ...bulk });
    log(`run ${run}/${config.runs}, bulk ${bulk.rows}: ${(bulk.wallMs / 1000).toFixed(2)} s, at most ${bulk.maxInFlight} in flight`);
  }

  const rows = [...buildRows(bundle, sizeRuns, bulkRuns, floorRuns, clickMethod, subgrid), ...arrivalsRows(arrivalsRuns, clickMethod)];
  console.log("");
  console.log(formatTable(rows));
  console.log("");
  console.log(`${machine.cpu} · ${machine.cores} cores · ${machine.chromium} · node ${machine.node} · ${machine.date}`);

  const notes = [];
  if (!probe.works) {
    notes.push(`A real mouse click on a row's Check in button did not check in: ${probe.error}. Selections seen: ${JSON.stringify(probe.selections)}. The check-in figures use element.click() (no mousedown).`);
  }
  machine.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);
  const git = (...a) => {
    try {
      return execFileSync("git", a, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return undefined;
    }
  };
  const source = { commit: git("rev-parse", "--short", "HEAD"), controlChanged: (git("status", "--porcelain", "--", "SessionRegistrationGrid") ?? "") !== "" };
  const report = {
    machine,
    source,
    config,
    bundle,
    clickMethod,
    mouseClickProbe: probe,
    subgrid,
    figures: rows.filter((r) => !r.section).map((r) => ({
      key: r.key, label: r.label, unit: r.unit, median: r.stats.median, min: r.stats.min, max: r.stats.max, n: r.stats.n, values: r.stats.values,
      goal: r.goal ? GOALS[r.goal].text : undefined, met: r.goal ? verdict(r.goal, r.stats.median) : undefined,
    })),
    markdown: markdownTable(rows),
    notes,
    raw: { sizeRuns, bulkRuns, arrivalsRuns, floorRuns },
    wallSeconds: Math.round((Date.now() - started) / 100) / 10,
  };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(report, null, 2) + "\n");
  log(`wrote ${relative(ROOT, outFile)} in ${report.wallSeconds} s`);
} catch (error) {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
}
