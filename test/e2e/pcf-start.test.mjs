// Smoke test: the production bundle renders in Microsoft's own test harness, pcf-start, offline.
// pcf-start's index.html loads React 16.14.0 and ReactDOM from unpkg: those two URLs are answered from
// node_modules. It serves the Fluent platform library itself (node_modules/pcf-start/lib/fluent_8_121_1.js,
// from the manifest's <platform-library name="Fluent" version="8.121.1"/>); FabricConfig.fontBaseUrl "" keeps
// that Fluent from fetching its web fonts. Its icon font is another matter: that copy of Fluent registers the MDL2
// icon font from Microsoft's CDN as it loads (as the real platform does); those requests are blocked here and
// their load errors tolerated, and so is pcf-start's own React warning about its empty container-size inputs.
// Everything else that leaves the machine, and any other error, fails the test.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { ROOT } from "../../harness/server.mjs";
import { env, eventually, screenshotPath } from "./support.mjs";

const UNPKG = {
  "https://unpkg.com/react@16.14.0/umd/react.development.js": join(ROOT, "node_modules", "react", "umd", "react.development.js"),
  "https://unpkg.com/react-dom@16.14.0/umd/react-dom.development.js": join(ROOT, "node_modules", "react-dom", "umd", "react-dom.development.js"),
};

/** Not the control's doing: pcf-start's copy of Fluent and pcf-start's own page. */
const TOLERATED_URL = /^https:\/\/res(-1)?\.cdn\.office\.net\/files\/fabric-cdn-prod_[\w.]+\/assets\/icons\//;
const TOLERATED_CONSOLE = /^Warning: `NaN` is an invalid value for the `%s` css style property\.%s width/;

let child;
after(() => {
  // Only the process group this file started.
  if (child && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
  }
});

/** Starts pcf-start on the production build; resolves with the URL it prints. */
function startPcfStart() {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, [join(ROOT, "node_modules", "pcf-start", "bin", "pcf-start.js"), "--codePath", "out/controls/SessionRegistrationGrid"], {
      cwd: ROOT,
      env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true", BROWSER: "none" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    const timer = setTimeout(() => reject(new Error(`pcf-start printed no URL within 30 s:\n${output}`)), 30_000);
    const onData = (data) => {
      output += data;
      // Browsersync: "Local: http://localhost:8181" (or the next free port).
      const match = /Local:\s*(http:\/\/(?:localhost|127\.0\.0\.1):\d+)/.exec(output.replace(new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g"), ""));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`pcf-start exited with ${code}:\n${output}`));
    });
  });
}

describe("Microsoft's pcf-start harness", () => {
  test("the production bundle renders its default three records without errors", { timeout: 90_000 }, async () => {
    const url = await startPcfStart();
    const { browser } = await env();
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const problems = [];
    const external = [];
    await context.addInitScript(() => {
      window.FabricConfig = { fontBaseUrl: "" };
    });
    await context.route("**/*", (route) => {
      const requested = route.request().url();
      if (UNPKG[requested]) return route.fulfill({ contentType: "text/javascript", body: readFileSync(UNPKG[requested], "utf8") });
      if (requested.startsWith(url) || /^(ws|wss|data):/.test(requested)) return route.continue();
      if (!TOLERATED_URL.test(requested)) external.push(requested);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (TOLERATED_CONSOLE.test(message.text()) || TOLERATED_URL.test(message.location().url ?? "")) return;
      problems.push(`console.error: ${message.text()}`);
    });
    page.on("dialog", (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    try {
      await page.goto(url);
      const rows = page.locator('[role="row"][data-item-index]');
      await eventually(async () => (await rows.count()) === 3, { timeout: 20_000, message: "three data rows" });
      await page.getByRole("grid", { name: "Session registrations" }).waitFor();
      assert.equal((await page.getByText(/^\d+ of \d+$/).innerText()).trim(), "3 of 3");
      assert.equal(await page.getByText("Error loading control").count(), 0);
      await page.screenshot({ path: screenshotPath("pcf-start") });
      assert.deepEqual(problems, [], "errors in pcf-start");
      assert.deepEqual(external, [], "requests that left the machine");
    } catch (error) {
      await page.screenshot({ path: screenshotPath("FAILED pcf-start") }).catch(() => undefined);
      if (problems.length && error instanceof Error) error.message += `\n\nThe page also logged:\n  ${problems.join("\n  ")}`;
      throw error;
    } finally {
      await context.close();
    }
  });
});
