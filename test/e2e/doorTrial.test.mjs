// Issue 21, door trial round two: failures a tablet can read, taps that never select, targets a finger can hit, no
// sideways scrolling, headers that read whole, a failed load that keeps the rows, dates in Arabic in their order.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { eventually, expectText, scenario, screenshotPath } from "./support.mjs";

const VALIDATION = "A validation error occurred. A business rule rejected the change to this msevtmgt_sessionregistration.";
const TABLET = { width: 768, height: 1024 };

/** Every control in the grid's rows, with its size: buttons, switches, pickers, links, the selection circles. */
const rowControls = (h) => h.grid.evaluate((root) =>
  [...root.querySelectorAll('[role="row"][data-item-index] :is(button, select, input, a, [role="checkbox"], [role="switch"])')]
    .filter((el) => el.getClientRects().length)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { what: `${el.tagName.toLowerCase()}.${el.className} ${el.getAttribute("aria-label") ?? el.textContent}`, width: Math.round(r.width), height: Math.round(r.height) };
    }));

/** Whether anything in the control scrolls sideways (or is wider than the control). */
const scrollsSideways = (h) => h.grid.evaluate((root) => {
  const control = root.querySelector(".srg-root");
  const wide = [...control.querySelectorAll("*")].filter((el) => el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(el).overflowX));
  return { wide: wide.map((el) => el.className), controlWider: control.scrollWidth > control.clientWidth + 1 };
});

describe("door trial, round two (issue 21)", () => {
  scenario("on a tablet (768 px, touch, form factor 2) every control in a row is 44 × 44 px and nothing scrolls sideways", async ({ page, h }) => {
    await h.open({ view: "session", formFactor: 2, width: TABLET.width, height: 900, latencyMs: 10 });
    // A failure in a row too, so its Retry, Discard and note are among the controls measured.
    const r = await h.pick("r => r.state === 0 && !r.count");
    await h.failNext({ kind: "validation", op: "update", id: r.id });
    await h.checkIn(h.rowAt(r.index), r.name).click();
    await h.rowAt(r.index).locator(".srg-failed").waitFor();
    const controls = await rowControls(h);
    assert.ok(controls.length > 20, `the rows' controls were found (${controls.length})`);
    const small = controls.filter((c) => c.width < 44 || c.height < 44);
    assert.deepEqual(small, [], "every control is a 44 × 44 px target");
    assert.deepEqual(await scrollsSideways(h), { wide: [], controlWider: false });
    // Undo and Discard say their word beside their sign.
    await expectText(h.rowAt(r.index).locator(".srg-discard"), await h.text("Edit_Discard"));
    await page.screenshot({ path: screenshotPath("tablet-768") });
  }, { viewport: TABLET });

  scenario("at 768 px wide in a desktop browser nothing scrolls sideways either: columns give way, Created On first", async ({ h }) => {
    await h.open({ view: "all", width: 1000, height: 600 });
    const headers = async () => (await h.grid.locator("[role=columnheader]").allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    assert.ok(!(await headers()).includes("Created On"), "Created On gave way at 1,000 px");
    assert.ok((await headers()).includes("Check-in"));
    assert.deepEqual(await scrollsSideways(h), { wide: [], controlWider: false });
    await h.eval(() => window.harness.resize(768, 600));
    await eventually(async () => (await h.grid.locator(".srg-root").getAttribute("class")).includes("srg-cards"), { message: "rows became cards" });
    assert.deepEqual(await scrollsSideways(h), { wide: [], controlWider: false });
  });

  scenario("at 1366 px every column header reads whole", async ({ page, h }) => {
    await h.open({ view: "session", width: 1366, height: 600 });
    const cut = await h.grid.evaluate((root) =>
      [...root.querySelectorAll(".ms-DetailsHeader-cellName")].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
    assert.deepEqual(cut, []);
    assert.ok((await h.grid.locator("[role=columnheader]").allInnerTexts()).some((t) => t.includes("Created On")), "no column gave way at 1,366 px");
    await page.screenshot({ path: screenshotPath("headers-1366") });
  }, { viewport: { width: 1920, height: 900 } });

  scenario("a business rule's refusal: its own words on screen after one tap on the row's failure, which selects nothing", async ({ page, h }) => {
    await h.open({ view: "session", formFactor: 2, width: TABLET.width, height: 900, latencyMs: 10 });
    const r = await h.pick("r => r.state === 0 && !r.count");
    const row = h.rowAt(r.index);
    await h.failNext({ kind: "validation", op: "update", id: r.id });
    await h.checkIn(row, r.name).click();
    const note = row.locator(".srg-failed-text");
    await note.waitFor();
    // The short note wraps rather than cutting its first words.
    assert.equal(await note.evaluate((el) => [...el.querySelectorAll("span")].some((s) => s.scrollWidth > s.clientWidth + 1)), false, "nothing cut");
    await note.tap();
    await expectText(row.locator(".srg-failed-detail"), await h.text("Problem_rejected", VALIDATION));
    // All of it on screen: wrapped inside the check-in cell, not cut off at its edge.
    assert.equal(await row.locator(".srg-col--checkIn").evaluate((cell) => cell.scrollWidth > cell.clientWidth + 1), false, "the explanation fits its cell");
    assert.deepEqual(await h.eval(() => window.harness.host.dataset.selected), [], "the tap selected nothing");
    assert.equal(await h.page.getByRole("toolbar").count(), 0, "no bulk toolbar");
    // Tapping the row's other controls and its plain text selects nothing either; the circle does.
    await row.locator(".srg-col--name, .srg-col--count").first().tap();
    await row.locator(".srg-failed-why").tap();
    assert.deepEqual(await h.eval(() => window.harness.host.dataset.selected), []);
    await row.getByRole("checkbox").first().tap();
    await eventually(async () => (await h.eval(() => window.harness.host.dataset.selected)).length === 1, { message: "the circle selects" });
    // The toolbar takes its own line: the failed row's Retry and Discard stay visible above it.
    const toolbar = page.getByRole("toolbar");
    await toolbar.waitFor();
    const retry = await row.getByRole("button", { name: await h.text("Row_RetryLabel", r.name), exact: true }).boundingBox();
    const bar = await toolbar.boundingBox();
    assert.ok(retry.y + retry.height <= bar.y, "Retry is above the toolbar, not under it");
    await page.screenshot({ path: screenshotPath("tablet-failure-explained") });
  }, { viewport: TABLET, hasTouch: true });

  scenario("a bulk summary quotes Dataverse's words for each group of refusals", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 5 });
    const rows = await h.pick("r => r.state === 0", { count: 4 });
    for (const r of rows.slice(0, 3)) await h.failNext({ kind: "validation", op: "update", id: r.id });
    for (const r of rows) await h.rowAt(r.index).getByRole("checkbox").first().click();
    await page.getByRole("toolbar").getByRole("button", { name: await h.text("Bulk_checkIn"), exact: true }).click();
    const summary = h.grid.locator(".srg-bulk-summary");
    await summary.waitFor({ timeout: 15_000 });
    await expectText(summary.locator(".ms-MessageBar-innerText"), new RegExp(`3 ${await h.text("Reason_rejected")}: “${VALIDATION.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}”`));
  });

  scenario("a failed load keeps the rows shown, says they may be out of date and why, and Try again loads them", async ({ h }) => {
    await h.open({ view: "session" });
    const before = await h.grid.locator('[role="row"][data-item-index]').count();
    await h.eval(() => window.harness.host.failNextRefresh("The server did not answer in time."));
    await h.eval(() => window.harness.refresh());
    await h.idle();
    const bar = h.grid.locator(".ms-MessageBar");
    await expectText(bar.locator(".ms-MessageBar-innerText"), await h.text("Grid_DatasetStale", "The server did not answer in time."));
    assert.ok(await h.grid.locator('[role="row"][data-item-index]').count() >= before, "the rows stay");
    await expectText(h.pagingText, /^\d+ of \d+$/);
    await bar.getByRole("button", { name: await h.text("Grid_TryAgain"), exact: true }).click();
    await h.idle();
    await eventually(async () => (await bar.count()) === 0, { message: "the message goes once the load succeeds" });
  });

  scenario("Arabic: a date reads in its own order (isolated), and the latest check-in's time inside a sentence too", async ({ h }) => {
    await h.open({ view: "session", languageId: 1025 });
    const bidi = await h.grid.locator(".ms-DetailsRow-cell.srg-col--text").first().evaluate((el) => getComputedStyle(el).unicodeBidi);
    assert.equal(bidi, "plaintext");
    const r = await h.pick("r => r.state === 0 && !r.count");
    await h.rowAt(r.index).locator(".srg-checkin-button").click();
    const at = h.rowAt(r.index).locator(".srg-checked-at");
    await at.waitFor();
    assert.match(await at.evaluate((el) => el.textContent), /\u2068.+\u2069/, "the time is isolated");
  });
});
