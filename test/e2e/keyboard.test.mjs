// Keyboard only: reach a row, select it, open it, check in, edit a count, open a related record. No mouse.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { eventually, expectText, scenario, screenshotPath } from "./support.mjs";

const COUNT = "msevtmgt_timescheckedin";

/** What has focus: the grid row it is in, its role and accessible name (aria-label or text). */
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    const row = e?.closest("[data-item-index]");
    return {
      column: e?.closest("[data-automation-key]")?.getAttribute("data-automation-key") ?? undefined,
      tag: e?.tagName,
      role: e?.getAttribute("role"),
      name: e?.getAttribute("aria-label") ?? (e?.textContent ?? "").trim(),
      row: row ? Number(row.getAttribute("data-item-index")) : undefined,
      inGrid: !!e?.closest("#control-root"),
    };
  });
}

async function pressUntil(page, key, done, max = 15) {
  for (let i = 0; i < max; i++) {
    const f = await focused(page);
    if (done(f)) return f;
    await page.keyboard.press(key);
  }
  const f = await focused(page);
  assert.ok(done(f), `pressing ${key} never reached the target; focus is on ${JSON.stringify(f)}`);
  return f;
}

describe("keyboard", () => {
  scenario("keyboard only: reach a row and open it, check in, edit a count, open the contact", async ({ page, h }) => {
    await h.open({ view: "session" });
    const rows = await h.rows();
    const target = 2;
    const r = rows[target];
    assert.equal(r.state, 0, "the third row of the sample session is active");

    // Tab into the grid: the header's select-all checkbox, then the first row.
    await page.locator("body").focus();
    await pressUntil(page, "Tab", (f) => f.role === "row");
    let f = await focused(page);
    assert.equal(f.row, 0);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    f = await focused(page);
    assert.equal(f.row, target, "arrow keys move between rows");

    // Enter on the row opens the registration.
    await page.keyboard.press("Enter");
    await eventually(async () => (await h.activity("openDatasetItem")).length === 1, { message: "Enter on the row opens the record" });
    assert.equal((await h.activity("openDatasetItem"))[0].detail.id.guid, r.id);

    // Into the row's cells: the Check in button.
    f = await pressUntil(page, "ArrowRight", (x) => /^Check in /.test(x.name) && x.name.endsWith(r.name));
    assert.equal(f.row, target);
    await page.keyboard.press("Enter");
    await eventually(async () => (await h.row(r.id)).count === (r.count ?? 0) + 1, { message: "Enter checked in" });
    await expectText(h.rowAt(target).getByText(/^Checked in ×/), `Checked in ×${(r.count ?? 0) + 1}`);

    // The count, right of the check-in: Enter opens the editor, type, Enter saves, focus comes back to the cell.
    f = await pressUntil(page, "ArrowRight", (x) => /^Times checked in: /.test(x.name));
    await page.keyboard.press("Enter");
    f = await focused(page);
    assert.equal(f.tag, "INPUT", "Enter opens the count editor");
    assert.equal(f.name, "Times checked in");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("7");
    await page.keyboard.press("Enter");
    await eventually(async () => (await h.row(r.id)).count === 7, { message: "Enter saved 7" });
    await eventually(async () => (await focused(page)).name === "Times checked in: 7", { message: "focus is back on the count" });

    // F2 opens it too; Esc cancels without a write.
    await page.keyboard.press("F2");
    assert.equal((await focused(page)).tag, "INPUT", "F2 opens the count editor");
    await page.keyboard.type("9");
    await page.screenshot({ path: screenshotPath("keyboard-count-editor") });
    await page.keyboard.press("Escape");
    await eventually(async () => (await focused(page)).name === "Times checked in: 7", { message: "Esc closes the editor, focus back" });
    await h.idle();
    assert.deepEqual((await h.updates(r.id)).map((u) => u.data), [{ [COUNT]: (r.count ?? 0) + 1 }, { [COUNT]: 7 }], "no write for the cancelled edit");

    // The registration's name opens the record; the contact opens its form.
    f = await pressUntil(page, "ArrowLeft", (x) => x.column === "msevtmgt_name" && x.tag === "BUTTON" && x.row === target, 10);
    assert.equal(f.name, r.name);
    await page.keyboard.press("Enter");
    await eventually(async () => (await h.activity("openDatasetItem")).length === 2, { message: "Enter on the name opens the record" });
    f = await pressUntil(page, "ArrowRight", (x) => x.column === "msevtmgt_contactid", 6);
    assert.equal(f.name, r.contact);
    await page.keyboard.press("Enter");
    await eventually(async () => (await h.activity("openForm")).length === 1, { message: "Enter on the contact opens its form" });
    const form = (await h.activity("openForm"))[0].detail.options;
    assert.equal(form.entityName, "contact");
    const contactId = await h.eval((id) => window.harness.dataverse.get(id)._msevtmgt_contactid_value, r.id);
    assert.equal(form.entityId.toLowerCase().replace(/[{}]/g, ""), contactId);
  });
});
