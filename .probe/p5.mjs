import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
await context.addInitScript(() => { window.FabricConfig = { fontBaseUrl: "" };
  const cf = {}; let reg;
  Object.defineProperty(cf, "registerControl", { configurable: true, get() { return reg; }, set(fn) { reg = (name, C) => {
    class W extends C {
      init(...a) { const ds = a[0].parameters.sessionRegistrations; if (!ds.sorting) ds.sorting = []; if (!ds.getSelectedRecordIds()) ds.getSelectedRecordIds = () => []; try { return super.init(...a); } catch (e) { console.log("INIT ERROR", e.message, e.stack); throw e; } }
      updateView(...a) { const ds = a[0].parameters.sessionRegistrations; console.log("COLS", JSON.stringify(ds.columns), JSON.stringify(ds.sortedRecordIds), ds.sortedRecordIds.length && JSON.stringify([ds.records[ds.sortedRecordIds[0]].getFormattedValue("name"), ds.records[ds.sortedRecordIds[0]].getValue("name")])); if (!ds.sorting) ds.sorting = []; if (!ds.getSelectedRecordIds()) ds.getSelectedRecordIds = () => []; try { return super.updateView(...a); } catch (e) { console.log("UPDATEVIEW ERROR", e.message, e.stack); throw e; } }
    }
    return fn(name, W);
  }; } });
  window.ComponentFramework = cf;
});
await context.route("**/*", (route) => {
  const u = route.request().url();
  if (u.includes("unpkg.com/react@")) return route.fulfill({ contentType: "text/javascript", body: readFileSync("node_modules/react/umd/react.development.js", "utf8") });
  if (u.includes("unpkg.com/react-dom@")) return route.fulfill({ contentType: "text/javascript", body: readFileSync("node_modules/react-dom/umd/react-dom.development.js", "utf8") });
  if (u.startsWith("http://localhost:8181")) return route.continue();
  console.log("EXTERNAL", u); return route.abort();
});
const page = await context.newPage();
page.on("console", (m) => console.log("console", m.type(), m.text().slice(0, 400)));
page.on("pageerror", (e) => console.log("pageerror", e.message, e.stack?.slice(0, 600)));
page.on("response", (r) => console.log("resp", r.status(), r.url()));
await page.goto("http://localhost:8181");
await page.waitForTimeout(4000);
await page.getByText("Error loading control").click().catch(()=>{});
await page.waitForTimeout(500);
console.log((await page.locator("body").innerText()).slice(0, 1500));
await page.screenshot({ path: "/tmp/probe/pcfstart.png" }); console.log(await page.locator('[role="row"][data-item-index]').count()); await browser.close();
