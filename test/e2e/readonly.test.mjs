// Read-only: a disabled control (a read-only form) and a user without write privilege.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { eventually, expectText, scenario, screenshotPath } from "./support.mjs";

async function assertNoEditControls(h) {
  const grid = h.grid;
  assert.equal(await grid.getByRole("button", { name: /^Check in / }).count(), 0, "no Check in buttons");
  assert.equal(await grid.getByRole("switch").count(), 0, "no sync switches");
  assert.equal(await grid.getByRole("combobox", { name: /^Status reason/ }).count(), 0, "no status pickers");
  assert.equal(await grid.getByRole("button", { name: /^Times checked in: / }).count(), 0, "counts are plain text");
}

describe("read-only", () => {
  scenario("disabled: one line says why, no edit controls, no bulk actions; enabling brings them back", async ({ page, h }) => {
    await h.open({ view: "session", disabled: true });
    const bar = h.grid.locator(".ms-MessageBar").first();
    await expectText(bar, await h.text("ReadOnly_Disabled"));
    await assertNoEditControls(h);
    const rows = await h.rows();
    await expectText(h.rowAt(0).locator('[data-automation-key="msevtmgt_timescheckedin"]'), String(rows[0].count ?? 0));
    await expectText(h.rowAt(0).locator('[data-automation-key="statuscode"]'), rows[0].status === 1 ? "Active" : "Inactive");

    // Selecting still works (the command bar needs it) but offers no grid actions.
    await h.rowAt(0).getByRole("checkbox", { name: /^Select / }).click();
    await eventually(async () => (await h.eval(() => window.harness.host.dataset.selected)).length === 1);
    assert.equal(await h.toolbar.count(), 0, "no bulk toolbar when nothing can be changed");
    // Opening a record is not editing: still there.
    await h.rowAt(0).locator("button.srg-link").first().click();
    await eventually(async () => (await h.activity("openDatasetItem")).length === 1);
    await page.screenshot({ path: screenshotPath("read-only-disabled") });
    assert.deepEqual(await h.calls({ op: "update" }), []);

    await h.eval(() => window.harness.setDisabled(false));
    await h.rowAt(0).getByRole("button", { name: /^Times checked in: / }).waitFor();
    const notice = await h.text("ReadOnly_Disabled");
    await eventually(async () => (await h.grid.getByText(notice).count()) === 0, { message: "the notice goes" });
  });

  scenario("no write privilege: one line says so, no edit controls", async ({ page, h }) => {
    await h.open({ view: "session", writePrivilege: false });
    await expectText(h.grid.locator(".ms-MessageBar").first(), await h.text("ReadOnly_NoPrivilege"));
    await assertNoEditControls(h);
    assert.ok((await h.activity("getEntityMetadata")).length >= 1, "asked for metadata (the privilege answer depends on it)");
    await h.rowAt(0).getByRole("checkbox", { name: /^Select / }).click();
    assert.equal(await h.toolbar.count(), 0);
    await page.screenshot({ path: screenshotPath("read-only-no-privilege") });
    assert.deepEqual(await h.calls({ op: "update" }), []);
  });
});
