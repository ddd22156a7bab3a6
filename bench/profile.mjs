#!/usr/bin/env node
// Profiles one benchmark action in the same page and Chromium as `npm run bench`, through the DevTools protocol:
// where the main thread's time goes (self time by script and by function, and the inclusive time of the
// control's own functions, shown with a snippet of the minified bundle to find them in the source), or, with
// `heap`, what the control holds at N records (by object shape) and what keeps it.
//
//   node bench/profile.mjs refresh --records 1000        dataset.refresh() with the same data, 10 times
//   node bench/profile.mjs warm --records 5000           unmount + mount again
//   node bench/profile.mjs click --records 1000          the Check in button (element.click()), 10 times
//   node bench/profile.mjs bulk --records 100            bulk check-in of every row, 50 ms per webAPI call
//   node bench/profile.mjs find --records 5000           a key press in an empty "Find attendee", 10 times
//   node bench/profile.mjs heap --records 5000           heap: what unmounting the control frees, by shape
//   add --trace out.json for a Chrome trace (chrome://tracing, DevTools Performance), --no-build to skip the build
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONTROL_DIR, prepareAndServe } from "../harness/server.mjs";
import { launchChromium, openBenchPage } from "./browser.mjs";

const args = process.argv.slice(2);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const action = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a) && a !== value("--trace")) ?? "refresh";
const records = Number(value("--records", 1000));
const times = Number(value("--times", action === "warm" || action === "bulk" ? 3 : 10));
const top = Number(value("--top", 25));
const traceFile = value("--trace");
const bundle = readFileSync(join(CONTROL_DIR, "bundle.js"), "utf8");

const server = await prepareAndServe({ build: !args.includes("--no-build"), port: 0, quiet: true });
const browser = await launchChromium();
try {
  const p = await openBenchPage(browser, server.url);
  const { page, cdp } = p;
  const options = { view: "all", count: records, pageSize: records, hostPageSize: records, width: 1200, height: 640, latencyMs: 0, datasetLatencyMs: 0, metadataLatencyMs: 0 };
  await page.evaluate((o) => window.__bench.mount(o), options);

  if (action === "heap") {
    await heapByShape(page, cdp);
  } else {
    const run = actions(page, options)[action];
    if (!run) throw new Error(`Unknown action ${action}: warm, refresh, click, find, bulk, unchanged or heap`);
    await run(); // warm-up
    if (traceFile) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing"] });
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    const results = [];
    for (let i = 0; i < times; i++) results.push(await run());
    const { profile } = await cdp.send("Profiler.stop");
    if (traceFile) {
      writeFileSync(traceFile, await browser.stopTracing());
      console.log(`trace written to ${traceFile}`);
    }
    console.log(`${action} at ${records} records, ${times} times: ${JSON.stringify(results)}`);
    summarize(profile, times);
  }
  await p.close();
} finally {
  await browser.close();
  await server.close();
}

function actions(page, options) {
  // Each click on a different row: a second press on the row just checked in is the press guard's to ignore.
  let clicks = 0;
  return {
    refresh: () => page.evaluate(() => window.__bench.refresh().then((r) => `${r.controlMs.toFixed(1)} ms, ${r.rowRenders} rows`)),
    unchanged: () => page.evaluate(() => window.__bench.unchanged(50).then((r) => r.samples.reduce((s, x) => s + x.totalMs, 0).toFixed(2) + " ms / 50")),
    warm: () => page.evaluate(async (o) => {
      window.__bench.unmountAndRelease();
      await window.__bench.paint();
      const m = await window.__bench.mount(o);
      return `${m.jsMs.toFixed(1)} ms JS, ${m.firstPaintMs.toFixed(1)} ms to paint`;
    }, options),
    click: async () => {
      const r = await page.evaluate(async (skip) => {
        window.harness.setLatency(50);
        const armed = window.__bench.armCheckIn(skip);
        document.querySelector(`#control-root [role="row"][data-item-index="${armed.index}"] .srg-checkin-button`).click();
        return window.__bench.checkInResult();
      }, clicks++);
      await page.evaluate(async () => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await window.harness.idle();
      });
      return `${r.clickToPaintMs.toFixed(1)} ms to paint, ${r.rowRendersOptimistic} rows`;
    },
    find: async () => {
      const box = page.locator("#control-root .srg-find-box");
      await box.fill("");
      await page.evaluate(() => window.__bench.quiet());
      await page.evaluate(() => window.__bench.armDesk("m", "matches"));
      await box.press("m");
      const r = await page.evaluate(() => window.__bench.deskResult());
      return `${r.toPaintMs.toFixed(1)} ms to paint, ${r.rowRenders} rows`;
    },
    bulk: async () => {
      const strings = await page.evaluate(() => window.harness.strings);
      await page.evaluate((o) => window.harness.mount(o), options);
      await page.getByRole("checkbox", { name: strings.Grid_SelectAll }).click();
      const toolbar = page.getByRole("toolbar", { name: strings.Bulk_Toolbar });
      await page.evaluate(() => {
        window.harness.setLatency(50);
        window.__bench.armBulk();
      });
      await toolbar.getByRole("button", { name: strings.Bulk_checkIn, exact: true }).click();
      const r = await page.evaluate(() => window.__bench.bulkResult(300_000));
      return `${(r.wallMs / 1000).toFixed(2)} s, ${r.listRenders} list renders`;
    },
  };
}

/** Self time by script and by function, and the inclusive time of the bundle's functions (per action). */
function summarize(profile, n) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const file = (cf) => cf.url.split("/").pop() || cf.functionName;
  const keyOf = (cf) => `${cf.functionName || "(anonymous)"} ${file(cf)}:${cf.lineNumber + 1}:${cf.columnNumber + 1}`;
  const self = new Map();
  const inclusive = new Map();
  const byFile = new Map();
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(profile.samples[i]);
    if (node.callFrame.functionName === "(idle)") continue;
    busy += dt;
    self.set(keyOf(node.callFrame), (self.get(keyOf(node.callFrame)) ?? 0) + dt);
    byFile.set(file(node.callFrame), (byFile.get(file(node.callFrame)) ?? 0) + dt);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parentOf.get(id)) {
      const cf = byId.get(id).callFrame;
      if (!cf.url.endsWith("/bundle.js")) continue;
      const key = keyOf(cf);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, { ms: (inclusive.get(key)?.ms ?? 0) + dt, column: cf.columnNumber });
    }
  }
  const ms = (us) => (us / 1000 / n).toFixed(2).padStart(8);
  console.log(`\nbusy ${ms(busy).trim()} ms per action. Self time by script (bundle.js = the control; main.js = the host page and its fakes; (program) = style, layout, paint and other native work):`);
  console.log(`  ${[...byFile].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([f, t]) => `${f} ${ms(t).trim()}`).join(" | ")}`);
  console.log(`\ntop self time (ms per action):`);
  for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(t)}  ${key}`);
  console.log(`\nthe control's functions, inclusive (ms per action), with the minified code where they start:`);
  for (const [key, { ms: t, column }] of [...inclusive].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
    console.log(`${ms(t)}  ${key.padEnd(34)} ${bundle.slice(column, column + 90).replace(/\s+/g, " ")}`);
  }
}

/** Heap snapshots with the control mounted and after unmounting it (host, dataset, Dataverse kept): what was freed. */
async function heapByShape(page, cdp) {
  await cdp.send("HeapProfiler.enable");
  await page.evaluate(() => window.__bench.quiet(500));
  const mounted = await snapshot(cdp);
  await page.evaluate(async () => {
    const h = window.harness;
    window.__benchKeep = { host: h.host, dataverse: h.dataverse, context: h.context, conference: h.conference };
    window.__bench.unmountAndRelease();
    await window.__bench.quiet(500);
  });
  const unmounted = await snapshot(cdp);
  const alive = new Set(unmounted.ids);
  const byShape = new Map();
  let total = 0;
  for (let i = 0; i < mounted.ids.length; i++) {
    if (alive.has(mounted.ids[i])) continue;
    const entry = byShape.get(mounted.shapes[i]) ?? { size: 0, count: 0 };
    entry.size += mounted.sizes[i];
    entry.count++;
    total += mounted.sizes[i];
    byShape.set(mounted.shapes[i], entry);
  }
  console.log(`${records} records: unmounting the control frees ${(total / 1048576).toFixed(2)} MB (V8 heap snapshot self sizes; "native" are DOM objects, outside the JS heap figure)`);
  for (const [shape, { size, count }] of [...byShape].sort((a, b) => b[1].size - a[1].size).slice(0, top)) {
    console.log(`${(size / 1024).toFixed(0).padStart(8)} KB ${String(count).padStart(7)}  ${shape.slice(0, 130)}`);
  }
}

async function snapshot(cdp) {
  const chunks = [];
  const onChunk = (event) => chunks.push(event.chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  cdp.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
  const snap = JSON.parse(chunks.join(""));
  const meta = snap.snapshot.meta;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const [T, NAME, ID, SIZE, EC] = ["type", "name", "id", "self_size", "edge_count"].map((f) => meta.node_fields.indexOf(f));
  const [ET, EN] = ["type", "name_or_index"].map((f) => meta.edge_fields.indexOf(f));
  const types = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const ids = [];
  const sizes = [];
  const shapes = [];
  for (let i = 0, e = 0; i < snap.nodes.length; i += nf) {
    const type = types[snap.nodes[i + T]];
    const edges = snap.nodes[i + EC];
    let shape = type;
    if (type === "object" || type === "closure") {
      const names = [];
      for (let k = 0; k < edges && names.length < 7; k++) {
        if (edgeTypes[snap.edges[e + k * ef + ET]] === "property") names.push(snap.strings[snap.edges[e + k * ef + EN]]);
      }
      shape = `${type === "closure" ? "closure " : ""}${snap.strings[snap.nodes[i + NAME]].slice(0, 40)} {${names.join(", ")}}`;
    }
    ids.push(snap.nodes[i + ID]);
    sizes.push(snap.nodes[i + SIZE]);
    shapes.push(shape);
    e += edges * ef;
  }
  return { ids, sizes, shapes };
}
