#!/usr/bin/env node
// `npm run screenshot`: the README's picture (docs/screenshot.png), taken only when asked: the session's form as
// `npm start` shows it (the desk above the registrations), from the production build in a headless Chromium.
//
//   npm run screenshot                 build, then the picture
//   npm run screenshot -- --no-build   from the build already in out/controls
import { join } from "node:path";
import { chromium } from "playwright-core";
import { prepareAndServe, ROOT } from "../harness/server.mjs";
import { commandLine } from "./lib/cli.mjs";

const { flag } = commandLine();
const server = await prepareAndServe({ build: !flag("--no-build"), port: 0, quiet: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1000 }, locale: "en-US", timezoneId: "UTC", reducedMotion: "reduce" });
  await page.goto(`${server.url}?manual`);
  await page.waitForFunction(() => window.harness !== undefined);
  await page.evaluate(() => window.harness.ready);
  await page.evaluate(() => window.harness.mount({ view: "session", width: 1500, height: 620, latencyMs: 0, shared: false }));
  await page.evaluate(() => window.harness.idle());
  // The form's header and the control, as the e2e screenshots frame them.
  const box = await page.locator("#control-frame").boundingBox();
  const header = await page.locator(".form-header").boundingBox();
  const path = join(ROOT, "docs", "screenshot.png");
  await page.screenshot({ path, clip: { x: box.x - 1, y: header.y - 1, width: box.width + 2, height: box.y + box.height - header.y + 2 } });
  console.log(`wrote ${path}`);
} finally {
  await browser.close();
  await server.close();
}
