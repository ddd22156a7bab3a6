// Issue 4's acceptance, the way a person uses the page `npm start` serves: the default page (the session subgrid,
// 150 ms per Dataverse call), the grid, and the page's own side panel. No harness API calls drive it.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { eventually, expectText, scenario, screenshotPath } from "./support.mjs";

describe("acceptance (the page as npm start serves it)", () => {
  scenario("check someone in, watch the count change, lose the network: the check-in waits, and goes once when it is back", async ({ page, h }) => {
    await page.goto(h.baseUrl);
    await page.waitForFunction(() => window.harness?.mounted);
    await expectText(page.locator("#status"), /^Session Registrations \(subgrid\): \d+ loaded of \d+/);
    const rows = await h.rows();
    const index = rows.findIndex((r) => r.state === 0);
    const r = rows[index];
    const row = h.rowAt(index);
    const count = r.count ?? 0;

    await h.checkIn(row, r.name).click();
    await expectText(row.getByText(/^Checked in ×/), `Checked in ×${count + 1}`);
    await row.getByRole("button", { name: `Times checked in: ${count + 1}`, exact: true }).waitFor();
    await eventually(async () => (await h.row(r.id)).count === count + 1, { message: "stored" });
    await expectText(page.locator("#log li").filter({ hasText: "webAPI.update" }).first(), /msevtmgt_timescheckedin.*→ ok/);

    // The panel's 429 button: Dataverse throttles the next write; it recovers by itself after Retry-After.
    await page.getByLabel("Retry-After (s)").fill("1");
    await page.getByRole("button", { name: "429 on the next write" }).click();
    await expectText(page.locator("#pending"), "Queued: throttle on update");
    await page.waitForTimeout(2100); // a press within two seconds of the last one is a repeat, not a person
    await h.checkIn(row, r.name).click();
    await expectText(row.getByText(/^Checked in ×/), `Checked in ×${count + 2}`, { timeout: 8000 });
    await expectText(page.locator("#pending"), "No failures queued.");

    // The Wi-Fi drops (the panel's Offline switch): the check-in is no failure, it waits in its row.
    const offline = page.locator("#offline");
    await offline.check();
    await page.waitForTimeout(2100);
    await h.checkIn(row, r.name).click();
    await expectText(row.locator(".srg-note"), await h.text("Row_Waiting"), { timeout: 30_000 });
    await expectText(h.pending, await h.text("Pending_Waiting_one", 1));
    await row.getByRole("button", { name: `Times checked in: ${count + 3}`, exact: true }).waitFor();
    assert.equal((await h.row(r.id)).count, count + 2, "nothing stored meanwhile");
    await page.screenshot({ path: screenshotPath("network-down") });

    // The connection is back (the browser's online event): it goes by itself, once.
    await offline.uncheck();
    await expectText(row.getByText(/^Checked in ×/), `Checked in ×${count + 3}`);
    await eventually(async () => (await h.row(r.id)).count === count + 3, { message: "stored when back online" });
    await expectText(h.pending, "");
    const committed = (await h.calls({ op: "update", id: r.id })).filter((c) => c.committed).map((c) => c.data.msevtmgt_timescheckedin);
    assert.deepEqual(committed, [count + 1, count + 2, count + 3], "each check-in landed once");
  }, { timeout: 90_000 });
});
