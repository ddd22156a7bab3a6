// Chromium for the benchmarks: Debian's headless chromium with the e2e tests' flags (test/e2e/support.mjs; that
// module registers node:test hooks on import, so the few lines are repeated here), plus what measuring needs:
// --expose-gc and precise performance.memory. Each page is cross-origin isolated (COOP/COEP on the document,
// added by routing), which gives performance.now() 5 µs resolution instead of 100 µs.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const E2E_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];
// --no-flush-bytecode: a forced GC would otherwise drop the bytecode of functions not run lately, and the heap
// figures would move with what happened to run before them rather than with what the control holds.
export const BENCH_ARGS = [...E2E_ARGS, "--js-flags=--expose-gc --no-flush-bytecode", "--enable-precise-memory-info"];
const INPAGE = join(dirname(fileURLToPath(import.meta.url)), "inpage.js");

/** Playwright adds --headless and a fresh temporary --user-data-dir itself. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: BENCH_ARGS });
}

export function chromiumVersion(browser) {
  try {
    return execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return `Chromium ${browser?.version() ?? "?"}`;
  }
}

/**
 * A fresh browser context and page on the harness (?manual: nothing mounted), instrumented by inpage.js, with
 * window.harness ready. Requests leaving the local server are refused; page errors are collected.
 * Returns { page, cdp, problems, close }.
 */
export async function openBenchPage(browser, baseUrl, { viewport = { width: 1600, height: 1000 } } = {}) {
  const context = await browser.newContext({ viewport, reducedMotion: "reduce", locale: "en-US", timezoneId: "UTC" });
  context.setDefaultTimeout(30_000);
  const problems = [];
  await context.route("**/*", async (route) => {
    const request = route.request();
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith("data:")) {
      problems.push(`request outside the local server: ${url}`);
      return route.abort("blockedbyclient");
    }
    if (request.resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    return route.fulfill({
      response,
      headers: { ...response.headers(), "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" },
    });
  });
  await context.addInitScript({ path: INPAGE });
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
  });
  await page.goto(`${baseUrl}?manual`);
  await page.waitForFunction(() => window.harness !== undefined && window.__bench !== undefined);
  await page.evaluate(() => window.harness.ready);
  const isolated = await page.evaluate(() => crossOriginIsolated);
  const cdp = await context.newCDPSession(page);
  return { page, cdp, problems, isolated, close: () => context.close() };
}

/**
 * The JS heap (performance.memory.usedJSHeapSize, the figure init's reading uses) once it has settled: a full GC
 * through the DevTools protocol (from an empty JS stack, unlike gc() called from the page, which can leave
 * garbage that a stale stack slot still points at) every 250 ms, until two readings agree within 32 KB.
 */
export async function settledHeap({ page, cdp }) {
  let last = Infinity;
  for (let i = 0; i < 16; i++) {
    await page.evaluate(() => window.__bench.quiet());
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await page.evaluate(() => performance.memory.usedJSHeapSize);
    if (Math.abs(heap - last) < 32 * 1024) return heap;
    last = heap;
  }
  return last;
}
