// When Dataverse says no: throttling, refusals, a lost network, another user's change, and a bulk run with a
// failure in the middle. Each checked on screen and in what reached the fake Dataverse.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { eventually, expectText, scenario, screenshotPath, sleep, SYNC_NO, SYNC_YES } from "./support.mjs";

const COUNT = "msevtmgt_timescheckedin";
const SYNC = "msevtmgt_syncedwithprovider";
/** What the fake Dataverse answers to an injected "validation" failure. */
const VALIDATION = "A validation error occurred. A business rule rejected the change to this msevtmgt_sessionregistration.";

describe("failures", () => {
  scenario("a 429 with a retry interval recovers by itself, after the interval, and counts once", async ({ h }) => {
    await h.open({ view: "session", latencyMs: 50 });
    const r = await h.pick("r => r.state === 0");
    const row = h.rowAt(r.index);
    const before = r.count ?? 0;
    await h.failNext({ kind: "throttle", op: "update", retryAfterSeconds: 1 });

    await row.getByRole("button", { name: `Check in ${r.name}`, exact: true }).click();
    await expectText(row.getByRole("status"), "Saving…");
    await expectText(row.getByText(/^Checked in ×/), `Checked in ×${before + 1}`, { timeout: 8000 });
    assert.equal(await h.problems.count(), 0, "no message: the user had nothing to do");

    const updates = await h.calls({ op: "update", id: r.id });
    assert.equal(updates.length, 2, "the throttled write and its retry");
    assert.equal(updates[0].outcome, "error");
    assert.equal(updates[0].error.status, 429);
    assert.equal(updates[1].outcome, "ok");
    assert.ok(updates[1].start - updates[0].end >= 950, `waited the Retry-After interval (${updates[1].start - updates[0].end} ms)`);
    assert.deepEqual(updates.map((u) => u.data), [{ [COUNT]: before + 1 }, { [COUNT]: before + 1 }]);
    await h.idle();
    assert.equal((await h.row(r.id)).count, before + 1, "counted once");
  });

  scenario("a refused update is tried once, explained, the old value stays, and Retry saves it", async ({ page, h }) => {
    await h.open({ view: "session" });
    const r = await h.pick("r => r.state === 0");
    await h.prepare(r.id, { [SYNC]: SYNC_NO });
    const row = h.rowAt(r.index);
    const sync = row.getByRole("switch", { name: "Synced with provider" });
    await h.failNext({ kind: "validation", op: "update", id: r.id });

    await sync.click();
    const bar = h.problems.locator(".ms-MessageBar", { hasText: r.name });
    await expectText(bar.locator(".ms-MessageBar-text"), await h.failedEditText(r.name, ["Change_sync", await h.text("Sync_Yes")], "rejected", VALIDATION));
    await bar.getByRole("button", { name: "Retry" }).waitFor();
    await bar.getByRole("button", { name: "Discard" }).waitFor();
    await eventually(async () => (await sync.getAttribute("aria-checked")) === "false", { message: "the switch shows the stored No" });
    await expectText(sync, "No");
    await sleep(1500);
    const failed = await h.updates(r.id);
    assert.deepEqual(failed.map((u) => [u.data, u.outcome]), [[{ [SYNC]: SYNC_YES }, "error"]], "tried once, not retried");
    assert.equal((await h.row(r.id)).synced, SYNC_NO);
    await page.screenshot({ path: screenshotPath("failed-edit") });

    await bar.getByRole("button", { name: "Retry" }).click();
    await eventually(async () => (await h.row(r.id)).synced === SYNC_YES, { message: "saved on Retry" });
    await eventually(async () => (await sync.getAttribute("aria-checked")) === "true", { message: "the switch shows Yes" });
    await eventually(async () => (await h.problems.locator(".ms-MessageBar").count()) === 0, { message: "the message is gone" });
    assert.deepEqual((await h.updates(r.id)).map((u) => [u.data, u.outcome]), [[{ [SYNC]: SYNC_YES }, "error"], [{ [SYNC]: SYNC_YES }, "ok"]]);
  });

  scenario("the network breaks: the check-in is kept with Retry, and lands once when the network is back", async ({ h }) => {
    await h.open({ view: "session", latencyMs: 50 });
    const r = await h.pick("r => r.state === 0");
    const row = h.rowAt(r.index);
    const before = r.count ?? 0;
    await h.eval(() => window.harness.setNetwork(false));

    await row.getByRole("button", { name: `Check in ${r.name}`, exact: true }).click();
    const bar = h.problems.locator(".ms-MessageBar", { hasText: r.name });
    await expectText(bar.locator(".ms-MessageBar-text"), await h.failedEditText(r.name, ["Change_checkIn", 1], "network"), { timeout: 30_000 });
    await row.getByRole("button", { name: `Times checked in: ${before}`, exact: true }).waitFor();
    assert.equal(await row.getByRole("status").count(), 0, "not saving any more");
    assert.equal((await h.calls()).filter((c) => c.committed).length, 0, "nothing reached the store");
    assert.equal((await h.row(r.id)).count, r.count);

    await h.eval(() => window.harness.setNetwork(true));
    await bar.getByRole("button", { name: "Retry" }).click();
    await eventually(async () => (await h.row(r.id)).count === before + 1, { message: "saved after Retry" });
    await expectText(row.getByText(/^Checked in ×/), `Checked in ×${before + 1}`);
    await eventually(async () => (await h.problems.locator(".ms-MessageBar").count()) === 0, { message: "the message is gone" });
    await h.idle();
    const committed = (await h.calls({ op: "update", id: r.id })).filter((c) => c.committed);
    assert.deepEqual(committed.map((c) => c.data), [{ [COUNT]: before + 1 }], "one write landed");
  }, { timeout: 90_000 });

  scenario("a change by another user is detected before writing; Retry saves over it, keeping their count", async ({ page, h }) => {
    await h.open({ view: "session" });
    const r = await h.pick("r => r.state === 0");
    await h.prepare(r.id, { [SYNC]: SYNC_NO, [COUNT]: 1 });
    const row = h.rowAt(r.index);

    // Through the page's own control: focus the row, then "Another user changes the focused row" (count + 1).
    await row.locator('[data-automation-key="createdon"]').click();
    await eventually(async () => (await h.eval(() => window.harness.focusedRowId())) === r.id, { message: "the harness saw the focused row" });
    await page.getByRole("button", { name: "Another user changes the focused row" }).click();
    assert.equal((await h.row(r.id)).count, 2);
    await row.getByRole("button", { name: "Times checked in: 1", exact: true }).waitFor(); // the grid doesn't know yet

    await row.getByRole("switch", { name: "Synced with provider" }).click();
    const bar = h.problems.locator(".ms-MessageBar", { hasText: r.name });
    await expectText(bar.locator(".ms-MessageBar-text"), await h.failedEditText(r.name, ["Change_sync", await h.text("Sync_Yes")], "conflict"));
    assert.deepEqual(await h.updates(r.id), [], "nothing written over their change");
    await row.getByRole("button", { name: "Times checked in: 2", exact: true }).waitFor(); // their value
    await page.screenshot({ path: screenshotPath("conflict") });

    await bar.getByRole("button", { name: "Retry" }).click();
    await eventually(async () => (await h.row(r.id)).synced === SYNC_YES, { message: "saved on Retry" });
    assert.deepEqual((await h.updates(r.id)).map((u) => u.data), [{ [SYNC]: SYNC_YES }], "only the sync flag is written");
    assert.equal((await h.row(r.id)).count, 2, "their count is kept");
    await eventually(async () => (await h.problems.locator(".ms-MessageBar").count()) === 0);
  });

  scenario("bulk check-in of selected rows with one failure in the middle: summary, failed row stays selected", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 150 });
    const picked = await h.pick("r => r.state === 0", { count: 5 });
    const failing = picked[2];
    for (const r of picked) await h.rowAt(r.index).getByRole("checkbox", { name: "Select registration" }).click();
    await h.toolbar.waitFor();
    await expectText(h.toolbar, /^5 selected/);
    assert.deepEqual([...(await h.eval(() => window.harness.host.dataset.selected))].sort(), picked.map((r) => r.id).sort());
    await h.failNext({ kind: "validation", op: "update", id: failing.id });

    await h.toolbar.getByRole("button", { name: "Check in", exact: true }).click();
    await h.grid.getByText(/^\d of 5 done$/).first().waitFor();
    await page.screenshot({ path: screenshotPath("bulk-progress") });
    const summary = await h.text("Bulk_Summary", 4, 1);
    await h.grid.getByText(summary, { exact: true }).waitFor({ timeout: 15_000 });
    await expectText(h.grid.getByRole("listitem"), await h.text("Bulk_FailedRow", failing.name, await h.text("Problem_rejected", VALIDATION)));
    await page.screenshot({ path: screenshotPath("bulk-summary") });

    for (const r of picked) {
      const stored = (await h.row(r.id)).count;
      assert.equal(stored, r === failing ? r.count : (r.count ?? 0) + 1, `${r.name}: stored count`);
      const updates = await h.updates(r.id);
      assert.equal(updates.length, 1, `${r.name}: one write`);
      assert.deepEqual(updates[0].data, { [COUNT]: (r.count ?? 0) + 1 });
    }
    await eventually(async () => {
      const selected = await h.eval(() => window.harness.host.dataset.selected);
      return selected.length === 1 && selected[0] === failing.id;
    }, { message: "only the failed row stays selected" });
    const last = (await h.activity("setSelectedRecordIds")).at(-1);
    assert.deepEqual(last.detail, [failing.id]);
    await eventually(async () => (await h.rowAt(failing.index).getByRole("checkbox", { name: "Select registration" }).getAttribute("aria-checked")) === "true");
    for (const r of picked.filter((x) => x !== failing)) {
      assert.equal(await h.rowAt(r.index).getByRole("checkbox", { name: "Select registration" }).getAttribute("aria-checked"), "false");
      await expectText(h.rowAt(r.index).getByText(/^Checked in ×/), `Checked in ×${(r.count ?? 0) + 1}`);
    }
  });
});
