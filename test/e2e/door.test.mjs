// Issue 9: the grid as door staff and organisers found it. Each scenario is named after what broke.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { eventually, expectText, scenario, screenshotPath, sleep } from "./support.mjs";

/** Where the first row is on screen: it must not move when a message comes. */
const firstRowTop = (h) => h.rowAt(0).evaluate((el) => Math.round(el.getBoundingClientRect().top));

describe("ready for the door (issue 9)", () => {
  scenario("Select all in a view with more rows than loaded: no crash, the bulk bar says how many, a check-in still works", async ({ page, h }) => {
    await h.open({ view: "all" });
    await expectText(h.pagingText, "250 of 5,000+");
    await page.getByRole("checkbox", { name: await h.text("Grid_SelectAll"), exact: true }).click();
    await expectText(h.toolbar.locator("span").first(), "250 selected; more not loaded yet");
    const selected = await h.eval(() => window.harness.host.dataset.selected);
    assert.equal(selected.length, 250, "the host has the loaded registrations");
    await page.screenshot({ path: screenshotPath("select-all-more-to-load") });

    // Scrolling to the end loads more: they arrive unselected, and the grid keeps rendering.
    await h.scrollGridToEnd();
    await expectText(h.pagingText, "500 of 5,000+", { timeout: 10_000 });
    assert.equal((await h.eval(() => window.harness.host.dataset.selected)).length, 250);
    await expectText(h.toolbar.locator("span").first(), "250 selected");
    await h.grid.evaluate((root) => root.querySelector(".srg-scroll").scrollTo(0, 0));
    const r = await h.pick("r => r.state === 0");
    await h.checkIn(h.rowAt(r.index), r.name).click();
    await eventually(async () => (await h.row(r.id)).count === (r.count ?? 0) + 1, { message: "the check-in after select-all saved" });
    assert.ok((await page.locator("#control-root .ms-DetailsRow").count()) > 5, "the grid still shows its rows");
  });

  scenario("a double click on Check in adds one, and another press three seconds later adds one more", async ({ h }) => {
    await h.open({ view: "session", latencyMs: 100 });
    const r = await h.pick("r => r.state === 0 && !r.count");
    const row = h.rowAt(r.index);
    await row.getByRole("button", { name: `Check in ${r.name}`, exact: true }).dblclick();
    await eventually(async () => (await h.row(r.id)).count === 1, { message: "counted once" });
    await h.idle();
    assert.equal((await h.updates(r.id)).length, 1, "one write for the double click");
    assert.deepEqual(await h.activity("openDatasetItem"), [], "a double click on the button doesn't open the record");
    // Someone already in is visible before the next press.
    const again = row.getByRole("button", { name: `Check in again: ${r.name}`, exact: true });
    await expectText(again, "Check in again");
    await sleep(3000);
    await again.click();
    await eventually(async () => (await h.row(r.id)).count === 2, { message: "the later press counted" });
    await expectText(h.statusLine, `${r.name} checked in — 2nd time`);
  });

  scenario("a failed check-in stays in its row with Retry; a press retries it, and the list doesn't move", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 50 });
    const r = await h.pick("r => r.state === 0 && !r.count");
    const row = h.rowAt(r.index);
    const top = await firstRowTop(h);
    // Dataverse refuses the count (a missing privilege): a failure the user must see, unlike a lost connection.
    await h.failNext({ kind: "privilege", op: "update" });
    await row.getByRole("button", { name: `Check in ${r.name}`, exact: true }).click();
    await expectText(row.locator(".srg-failed-why"), await h.text("Reason_privilege"), { timeout: 30_000 });
    await row.getByRole("button", { name: "Times checked in: 0", exact: true }).waitFor();
    await row.getByRole("button", { name: await h.text("Row_RetryLabel", r.name), exact: true }).waitFor();
    await row.getByRole("button", { name: await h.text("Row_DiscardLabel", r.name), exact: true }).waitFor();
    await expectText(h.pending.locator(".srg-pending-text"), "1 change not saved");
    assert.equal(await firstRowTop(h), top, "the message line was already there: the rows did not move");
    assert.equal(await page.locator("#control-root .ms-MessageBar").count(), 0, "no bar above the list");
    await page.screenshot({ path: screenshotPath("failed-check-in-in-row") });

    await sleep(2100);
    await row.getByRole("button", { name: `Check in ${r.name}`, exact: true }).click();
    await eventually(async () => (await h.row(r.id)).count === 1, { message: "the failed check-in saved" });
    await h.idle();
    await sleep(300);
    assert.equal((await h.row(r.id)).count, 1, "a press on the failed check-in retried it: one, not two");
    assert.equal(await row.locator(".srg-failed").count(), 0);
  }, { timeout: 90_000 });

  scenario("deactivating several registrations asks first, in the platform's dialog; Keep them changes nothing", async ({ page, h }) => {
    await h.open({ view: "session" });
    const picked = await h.pick("r => r.state === 0", { count: 3 });
    for (const r of picked) await h.rowAt(r.index).getByRole("checkbox", { name: `Select ${r.name}`, exact: true }).click();
    await h.toolbar.getByRole("button", { name: "Deactivate", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: "Deactivate 3 registrations?" });
    await dialog.waitFor();
    await page.screenshot({ path: screenshotPath("confirm-deactivate") });
    await dialog.getByRole("button", { name: "Keep them" }).click();
    await sleep(300);
    assert.deepEqual(await h.calls({ op: "update" }), []);
    await h.toolbar.getByRole("button", { name: "Deactivate", exact: true }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Deactivate 3" }).click();
    await expectText(h.grid.locator(".srg-bulk-summary .ms-MessageBar-innerText"), "Deactivate: 3 deactivated.");
    for (const r of picked) assert.equal((await h.row(r.id)).state, 1);
  });

  for (const [width, frame] of [[1366, 956], [390, 374]]) {
    scenario(`at ${width} px the attendee's name and the Check in button are on screen together`, async ({ page, h }) => {
      await h.open({ view: "session", width: frame, height: 560 });
      const r = await h.pick("r => r.state === 0");
      const row = h.rowAt(r.index);
      const box = await page.locator("#control-frame").boundingBox();
      const name = await row.locator('[data-automation-key="msevtmgt_name"]').boundingBox();
      const button = await h.checkIn(row, r.name).boundingBox();
      assert.ok(name.x >= box.x && button.x + button.width <= box.x + box.width, `name at ${name.x}, button ends at ${button.x + button.width}, frame ends at ${box.x + box.width}`);
      assert.ok(button.height >= 32, `the Check in button is ${button.height} px tall`);
      // Columns share the width before anything scrolls: the text columns are down to their minimum first.
      const widths = await page.$$eval("#control-root .ms-DetailsHeader-cell[data-item-key]", (cells) => Object.fromEntries(cells.map((c) => [c.getAttribute("data-item-key"), Math.round(c.getBoundingClientRect().width)])));
      if (width === 1366) assert.ok(widths.msevtmgt_contactid < 180 + 20, `the contact column gave up width (${widths.msevtmgt_contactid})`);
      await page.screenshot({ path: screenshotPath(`door-${width}`) });
    }, { viewport: { width, height: 800 } });
  }
});
