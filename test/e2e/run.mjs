#!/usr/bin/env node
// `npm run test:e2e`: builds the control once (production, as shipped), bundles the harness page, then runs
// every test/e2e/*.test.mjs in THIS process with node:test: one harness server and one Chromium for all of
// them (see support.mjs), a new browser context per scenario. Exits non-zero when a test fails.
//
//   npm run test:e2e                          build, then all scenarios
//   npm run test:e2e -- --no-build            reuse out/controls/SessionRegistrationGrid
//   npm run test:e2e -- --no-build keyboard   only files whose name contains "keyboard"
//   npm run test:e2e -- --react-dev           React's development build (its warnings become console errors)
//
// Needs Debian's chromium at /usr/bin/chromium (or CHROMIUM_PATH); nothing downloads a browser.
// Screenshots land in test-results/screenshots/ (git-ignored). Output: node:test's spec reporter; for TAP run
// `node --test-reporter=tap test/e2e/run.mjs`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildControl, bundleHarness } from "../../harness/server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith("--"));
const started = Date.now();
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"; // as support.mjs launches it

if (!existsSync(CHROMIUM)) {
  console.error(`No Chromium at ${CHROMIUM}. Install Debian's: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}

try {
  if (!args.includes("--no-build")) {
    console.log("# building the control (npm run build:prod)");
    await buildControl({ quiet: true });
    console.log(`# built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!args.includes("--bundled")) await bundleHarness();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// node:test picks its reporter from the command line: run the tests in a child with the spec reporter (readable in
// CI logs too) unless a reporter was chosen (`node --test-reporter=tap test/e2e/run.mjs`) or this is that child.
if (!process.execArgv.some((a) => a.startsWith("--test-reporter"))) {
  const child = spawnSync(process.execPath, ["--test-reporter=spec", "--test-reporter-destination=stdout", fileURLToPath(import.meta.url), ...args.filter((a) => a !== "--no-build"), "--no-build", "--bundled"], { stdio: "inherit" });
  console.log(`# e2e wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(child.status ?? 1);
}

globalThis.__srgE2E = { harnessBundled: true, reactBuild: args.includes("--react-dev") ? "development" : "production" };

const files = readdirSync(here)
  .filter((f) => f.endsWith(".test.mjs") && (filters.length === 0 || filters.some((x) => f.includes(x))))
  .sort();
if (files.length === 0) {
  console.error(`No e2e test file matches ${filters.join(", ")}`);
  process.exit(1);
}
// node:test runs the tests these imports register, in this process, after this module finishes loading.
for (const file of files) await import(pathToFileURL(join(here, file)).href);
