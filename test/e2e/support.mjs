// Shared plumbing for the end-to-end tests: one local harness server and one Chromium per process (started on
// first use, closed after the last test), a fresh browser context per scenario, and the rule every scenario
// obeys: no console errors, no page errors, no dialogs, no request leaving 127.0.0.1.
//
// `node test/e2e/run.mjs` builds first and runs every *.test.mjs in this process. A single file also runs on
// its own against the current build: `node --test test/e2e/editing.test.mjs`.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { chromium } from "playwright-core";
import { bundleHarness, ROOT, startHarnessServer } from "../../harness/server.mjs";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
// Playwright adds --headless and a fresh --user-data-dir (a temporary profile) itself.
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];
export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

let environment;
/** The server and the browser, started once. run.mjs may hand over options through globalThis.__srgE2E. */
export function env() {
  environment ??= (async () => {
    const options = globalThis.__srgE2E ?? {};
    if (!options.harnessBundled) await bundleHarness();
    const server = await startHarnessServer({ port: 0, reactBuild: options.reactBuild ?? "production" });
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    return { server, browser };
  })();
  return environment;
}

after(async () => {
  if (!environment) return;
  const { server, browser } = await environment;
  await browser.close();
  await server.close();
});

export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name.replace(/[^a-z0-9-]+/gi, "-").replace(/^-|-$/g, "").toLowerCase()}.png`);
}

/**
 * One scenario: a new browser context and page on the harness, `fn({ page, h })`, then the page must not have
 * logged an error, thrown, opened a dialog or tried to reach the network. A failure leaves a screenshot.
 */
export function scenario(name, fn, { timeout = 60_000, viewport = { width: 1600, height: 1000 }, hasTouch = false, only } = {}) {
  test(name, { timeout, only }, async () => {
    const { server, browser } = await env();
    const context = await browser.newContext({ viewport, hasTouch, reducedMotion: "reduce", locale: "en-US", timezoneId: "UTC" });
    context.setDefaultTimeout(10_000);
    const problems = [];
    const external = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith("data:")) return route.continue();
      external.push(url);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error") problems.push(`console.error: ${text}`);
      // A Fluent icon without a glyph here would show as an empty box (and, with the CDN, cost a request).
      else if (message.type() === "warning" && /was used but not registered/.test(text)) problems.push(`console.warn: ${text}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("dialog", (dialog) => {
      problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    const h = new HarnessPage(page, server.url);
    try {
      await fn({ page, h });
      assert.deepEqual(problems, [], "the page logged errors");
      assert.deepEqual(external, [], "the page tried to reach the network");
    } catch (error) {
      await page.screenshot({ path: screenshotPath(`FAILED ${name}`) }).catch(() => undefined);
      if (problems.length && error instanceof Error && !/logged errors/.test(error.message)) {
        error.message += `\n\nThe page also logged:\n  ${problems.join("\n  ")}`;
      }
      throw error;
    } finally {
      await context.close();
    }
  });
}

/**
 * Polls `check` (which throws or returns false while not yet true) until it passes or the time is up.
 * `message` (a string, or a function called on failure) says what was awaited.
 */
export async function eventually(check, { timeout = 5000, interval = 50, message } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const result = await check();
      if (result !== false) return result;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? lastError.message : "the condition stayed false";
      const what = typeof message === "function" ? message() : message;
      throw new assert.AssertionError({ message: `${what ? what + ": " : ""}not true within ${timeout} ms: ${detail}` });
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Waits until the locator's visible text matches (string: exact after trimming; RegExp: test). */
export async function expectText(locator, expected, { timeout = 5000 } = {}) {
  let last;
  await eventually(async () => {
    last = (await locator.innerText({ timeout: 500 })).replace(/\s+/g, " ").trim();
    return typeof expected === "string" ? last === expected : expected.test(last);
  }, { timeout, message: () => `expected text ${expected}, last seen ${JSON.stringify(last)}` });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Case- and accent-insensitive, as the fake Dataverse (and SQL Server's collation) compares text. */
export const fold = (text) => (text ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

export const formatCount = (n) => new Intl.NumberFormat("en-US").format(n);

/** {0}-style placeholders, as the control fills them (numbers in en-US). */
export function fill(template, args) {
  return template.replace(/\{(\d+)\}/g, (whole, i) => (Number(i) < args.length ? (typeof args[i] === "number" ? formatCount(args[i]) : String(args[i])) : whole));
}

export const SYNC_NO = 100000001;
export const SYNC_YES = 100000002;

/**
 * Another tab of the same browser (context) on the harness, mounted with `options`: another desk on the same shared
 * data. Its page errors and console errors go to `problems`, failing the scenario like the first tab's.
 */
export async function openAnotherTab(context, origin, options, problems) {
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => message.type() === "error" && problems.push(`console.error: ${message.text()}`));
  const h = new HarnessPage(page, origin + "/");
  await h.open(options);
  return h;
}

/** The page and its `window.harness`, with the locators the UI contract names. */
export class HarnessPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** Opens the page without mounting (?manual), then mounts the control with these options. */
  async open(options = {}) {
    await this.page.goto(`${this.baseUrl}?manual`);
    await this.page.waitForFunction(() => window.harness !== undefined);
    await this.page.evaluate(() => window.harness.ready);
    return this.mount(options);
  }

  mount(options = {}) {
    return this.page.evaluate((o) => window.harness.mount(o), { width: 1200, height: 640, ...options });
  }

  eval(fn, arg) {
    return this.page.evaluate(fn, arg);
  }

  rows() {
    return this.eval(() => window.harness.rows());
  }

  row(id) {
    return this.eval((rowId) => window.harness.row(rowId), id);
  }

  updates(id) {
    return this.eval((rowId) => window.harness.updates(rowId), id);
  }

  calls(filter = {}) {
    return this.eval((f) => window.harness.calls(f), filter);
  }

  activity(kind) {
    return this.eval((k) => window.harness.activity(k), kind);
  }

  failNext(spec) {
    return this.eval((s) => window.harness.failNext(s), spec);
  }

  changeByAnotherUser(id, changes) {
    return this.eval(([rowId, c]) => window.harness.changeByAnotherUser(rowId, c), [id, changes]);
  }

  idle() {
    return this.eval(() => window.harness.idle());
  }

  /** Sets up a row before the user acts: another user's write, then a dataset refresh so the grid shows it. */
  async prepare(id, changes) {
    await this.changeByAnotherUser(id, changes);
    await this.eval(() => window.harness.refresh());
    await this.idle();
    await this.eval(() => window.harness.clearLog());
  }

  // ---- the control's strings (its resx, as the page loaded it) -------------------------------------------

  /** The resx string for `key` (case-insensitive), placeholders filled; numbers formatted as the platform does. */
  async text(key, ...args) {
    this.strings ??= await this.eval(() => window.harness.strings);
    const found = Object.keys(this.strings).find((k) => k.toLowerCase() === key.toLowerCase());
    assert.ok(found, `the resx has no string ${key}`);
    return fill(this.strings[found], args);
  }

  /**
   * The message for a change that wasn't saved, from the resx: Edit_Failed with the registration's name, the
   * change described by `change` ([key, ...args]) when the template has a slot for it, and the reason (Problem_<kind>).
   */
  async failedEditText(name, change, problemKind, detail = "") {
    const template = await this.text("Edit_Failed");
    const reason = await this.text(`Problem_${problemKind}`, detail);
    return template.includes("{2}") ? fill(template, [name, await this.text(...change), reason]) : fill(template, [name, reason]);
  }

  // ---- locators ----------------------------------------------------------------------------------------

  get grid() {
    return this.page.locator("#control-root");
  }

  /** The grid row at this position of the dataset (rendered rows only: DetailsList virtualizes). */
  rowAt(index) {
    return this.page.locator(`#control-root [role="row"][data-item-index="${index}"]`);
  }

  /** The grid row showing this registration id (must be among the rendered rows). */
  async rowOf(id) {
    const ids = await this.eval(() => window.harness.host.dataset.sortedRecordIds);
    const index = ids.indexOf(id);
    assert.ok(index >= 0, `registration ${id} is not loaded in the grid`);
    return this.rowAt(index);
  }

  /** The footer's "N of M" / "N of 5,000+". */
  get pagingText() {
    return this.grid.getByText(/^[\d,]+ of [\d,]+\+?$/);
  }

  get loadMore() {
    return this.grid.getByRole("button", { name: "Load more", exact: true });
  }

  /** Scrolls the grid's scrolling container (whichever element inside the control scrolls) to the end. */
  scrollGridToEnd() {
    return this.grid.evaluate((root) => {
      const scrollers = [...root.querySelectorAll("*")].filter((el) => el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY));
      for (const el of scrollers) el.scrollTop = el.scrollHeight;
      return scrollers.length;
    });
  }

  /** A row's Check in button: "Check in <name>", or "Check in again: <name>" for someone already in. */
  checkIn(row, name) {
    return row.getByRole("button", { name: new RegExp(`^Check in (again: )?${escapeRegExp(name)}$`) });
  }

  /** The line above the list that counts changes not saved, with Retry all and Discard all. */
  get pending() {
    return this.page.locator("#control-root .srg-pending");
  }

  /** The grid's status line (role=status): the latest outcome, read out politely. */
  get statusLine() {
    return this.page.locator("#control-root .srg-status-line");
  }

  get toolbar() {
    return this.page.getByRole("toolbar", { name: "Actions for the selected registrations" });
  }

  /**
   * The first rows of the current order (index < `within`, so they are on screen) that satisfy `predicate`,
   * a function source over a RowSummary, e.g. "r => r.state === 0".
   */
  async pick(predicate, { count = 1, within = 10 } = {}) {
    const rows = (await this.rows()).map((r, index) => ({ ...r, index }));
    const test = new Function("r", `return (${predicate})(r);`);
    const found = rows.slice(0, within).filter((r) => test(r)).slice(0, count);
    assert.equal(found.length, count, `expected ${count} row(s) matching ${predicate} among the first ${within}`);
    return count === 1 ? found[0] : found;
  }
}
