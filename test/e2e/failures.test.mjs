// When Dataverse says no: throttling, refusals, a lost network, another user's change, and a bulk run with a
// failure in the middle. Each checked on screen (in the row itself, and the one line above the list) and in what
// reached the fake Dataverse.
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

    await h.checkIn(row, r.name).click();
    await expectText(row.locator(".srg-saving"), "Saving…");
    await expectText(row.getByText(/^Checked in ×/), `Checked in ×${before + 1}`, { timeout: 8000 });
    assert.equal(await row.locator(".srg-failed").count(), 0, "no failure: the user had nothing to do");
    assert.equal(await h.pending.innerText(), "");

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

  scenario("a check-in recorded but not counted, on someone already in, at 1366 px: the words give way, Retry and Discard stay in the cell", async ({ h }) => {
    // The control as a session form shows it on a 1366 × 768 screen.
    await h.open({ view: "session", width: 956, height: 560 });
    const r = await h.pick("r => r.state === 0 && r.count > 0");
    const row = h.rowAt(r.index);
    await h.failNext({ kind: "privilege", op: "update", id: r.id });
    await h.checkIn(row, r.name).click();
    await expectText(row.locator(".srg-failed-what"), await h.text("Row_RecordedNotCounted"));
    const cell = await row.locator(".srg-col--checkIn").boundingBox();
    for (const name of [await h.text("Row_RetryLabel", r.name), await h.text("Row_DiscardLabel", r.name)]) {
      const box = await row.getByRole("button", { name, exact: true }).boundingBox();
      assert.ok(box && box.width > 20, `${name} is shown`);
      assert.ok(box.x >= cell.x && box.x + box.width <= cell.x + cell.width + 0.5, `${name} lies inside the check-in cell (${JSON.stringify(box)} in ${JSON.stringify(cell)})`);
    }
  });

  scenario("a refused update is tried once, explained in its row, the old value stays, and Retry saves it", async ({ page, h }) => {
    await h.open({ view: "session" });
    const r = await h.pick("r => r.state === 0");
    await h.prepare(r.id, { [SYNC]: SYNC_NO });
    const row = h.rowAt(r.index);
    const sync = row.getByRole("switch", { name: `Synced with provider: ${r.name}`, exact: true });
    await h.failNext({ kind: "validation", op: "update", id: r.id });

    await sync.click();
    const note = row.locator(".srg-failed");
    await expectText(note.locator(".srg-failed-what"), await h.text("Row_NotSavedChange", await h.text("Change_syncYes")));
    await expectText(note.locator(".srg-failed-why"), await h.text("Reason_rejected"));
    // One press on the note shows why in full, Dataverse's own words included, on screen (no tooltip, which a
    // touch screen can't show); it selects nothing; another press hides it.
    const toggle = note.locator(".srg-failed-text");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    await toggle.click();
    // The explanation is a line of its own below the note, wrapped inside the check-in cell (never cut off).
    const detail = row.locator(".srg-failed-detail");
    await expectText(detail, await h.text("Problem_rejected", VALIDATION));
    assert.ok(await detail.isVisible());
    const [detailBox, cellBox] = [await detail.boundingBox(), await row.locator(".srg-col--checkIn").boundingBox()];
    assert.ok(detailBox.x + detailBox.width <= cellBox.x + cellBox.width + 1, `the explanation fits its cell (${JSON.stringify({ detailBox, cellBox })})`);
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.deepEqual(await h.eval(() => window.harness.host.dataset.selected), [], "pressing the note selects nothing");
    await toggle.press("Enter");
    assert.equal(await detail.count(), 0);
    await row.getByRole("button", { name: await h.text("Row_RetryLabel", r.name), exact: true }).waitFor();
    await row.getByRole("button", { name: await h.text("Row_DiscardLabel", r.name), exact: true }).waitFor();
    await expectText(h.pending.locator(".srg-pending-text"), "1 change not saved");
    await eventually(async () => (await sync.getAttribute("aria-checked")) === "false", { message: "the switch shows the stored No" });
    await expectText(sync, "No");
    await sleep(1500);
    const failed = await h.updates(r.id);
    assert.deepEqual(failed.map((u) => [u.data, u.outcome]), [[{ [SYNC]: SYNC_YES }, "error"]], "tried once, not retried");
    assert.equal((await h.row(r.id)).synced, SYNC_NO);
    await page.screenshot({ path: screenshotPath("failed-edit") });

    await row.getByRole("button", { name: await h.text("Row_RetryLabel", r.name), exact: true }).click();
    await eventually(async () => (await h.row(r.id)).synced === SYNC_YES, { message: "saved on Retry" });
    await eventually(async () => (await sync.getAttribute("aria-checked")) === "true", { message: "the switch shows Yes" });
    await eventually(async () => (await note.count()) === 0, { message: "the note is gone" });
    assert.equal(await h.pending.innerText(), "");
    assert.deepEqual((await h.updates(r.id)).map((u) => [u.data, u.outcome]), [[{ [SYNC]: SYNC_YES }, "error"], [{ [SYNC]: SYNC_YES }, "ok"]]);
  });

  scenario("the network breaks after the page thought it was online: the retries fail, the check-in waits (no failure), and lands once when it is back", async ({ h }) => {
    await h.open({ view: "session", latencyMs: 50 });
    const r = await h.pick("r => r.state === 0");
    const row = h.rowAt(r.index);
    const before = r.count ?? 0;
    await h.eval(() => window.harness.setNetwork(false));

    await h.checkIn(row, r.name).click();
    await expectText(row.locator(".srg-note"), await h.text("Row_Waiting"), { timeout: 30_000 });
    await row.getByRole("button", { name: `Times checked in: ${before + 1}`, exact: true }).waitFor();
    assert.equal(await row.locator(".srg-failed").count(), 0, "not a failure");
    await expectText(h.pending, await h.text("Pending_Waiting_one", 1));
    assert.ok((await h.calls()).length >= 4, "the usual retries were made");
    assert.equal((await h.calls()).filter((c) => c.committed).length, 0, "nothing reached the store");
    assert.equal((await h.row(r.id)).count, r.count);

    await h.eval(() => window.harness.setNetwork(true));
    await eventually(async () => (await h.row(r.id)).count === before + 1, { message: "saved when the connection is back" });
    await expectText(row.getByText(/^Checked in ×/), `Checked in ×${before + 1}`);
    await expectText(h.pending, "");
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

    // Their change was to the count; the sync flag is free to change: no conflict.
    await row.getByRole("switch", { name: `Synced with provider: ${r.name}`, exact: true }).click();
    await eventually(async () => (await h.row(r.id)).synced === SYNC_YES, { message: "the sync flag saved" });
    // A typed count over their count is a conflict.
    await row.getByRole("button", { name: "Times checked in: 1", exact: true }).click();
    const input = row.getByRole("textbox", { name: "Times checked in" });
    await input.fill("7");
    await input.press("Enter");
    await expectText(row.locator(".srg-failed-why"), await h.text("Reason_conflict"));
    // One press on the note says which change and why, in full, on screen.
    await row.locator(".srg-failed-text").click();
    await expectText(row.locator(".srg-failed-detail"), await h.text("Problem_conflict"));
    await expectText(row.locator(".srg-failed-what"), await h.text("Row_NotSavedChange", await h.text("Change_count", 7)));
    assert.deepEqual((await h.updates(r.id)).map((u) => u.data), [{ [SYNC]: SYNC_YES }], "nothing written over their count");
    await row.getByRole("button", { name: "Times checked in: 2", exact: true }).waitFor(); // their value
    await page.screenshot({ path: screenshotPath("conflict") });

    await row.getByRole("button", { name: await h.text("Row_RetryLabel", r.name), exact: true }).click();
    await eventually(async () => (await h.row(r.id)).count === 7, { message: "saved on Retry" });
    assert.deepEqual((await h.updates(r.id)).map((u) => u.data), [{ [SYNC]: SYNC_YES }, { [COUNT]: 7 }]);
    await eventually(async () => (await row.locator(".srg-failed").count()) === 0);
  });

  scenario("bulk check-in with one failure in the middle: a grouped summary, the failed row stays selected, Retry failed", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 150 });
    const picked = await h.pick("r => r.state === 0", { count: 5 });
    const failing = picked[2];
    for (const r of picked) await h.rowAt(r.index).getByRole("checkbox", { name: `Select ${r.name}`, exact: true }).click();
    await h.toolbar.waitFor();
    await expectText(h.toolbar, /^5 selected/);
    assert.deepEqual([...(await h.eval(() => window.harness.host.dataset.selected))].sort(), picked.map((r) => r.id).sort());
    await h.failNext({ kind: "validation", op: "update", id: failing.id });

    await h.toolbar.getByRole("button", { name: "Check in", exact: true }).click();
    await h.grid.getByText(/^\d of 5 done$/).first().waitFor();
    await page.screenshot({ path: screenshotPath("bulk-progress") });
    const summary = h.grid.locator(".srg-bulk-summary .ms-MessageBar-innerText");
    // The refusal's group quotes Dataverse's own words (a business rule says what is wrong).
    await expectText(summary, `Check in: 4 checked in, 1 refused by Dataverse: “${VALIDATION}”.`, { timeout: 15_000 });
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
    assert.deepEqual((await h.activity("setSelectedRecordIds")).at(-1).detail, [failing.id]);
    for (const r of picked.filter((x) => x !== failing)) {
      assert.equal(await h.rowAt(r.index).getByRole("checkbox", { name: `Select ${r.name}`, exact: true }).getAttribute("aria-checked"), "false");
      await expectText(h.rowAt(r.index).getByText(/^Checked in ×/), `Checked in ×${(r.count ?? 0) + 1}`);
    }

    await h.grid.getByRole("button", { name: "Retry failed" }).click();
    await expectText(summary, "Check in: 1 checked in.", { timeout: 15_000 });
    assert.equal((await h.row(failing.id)).count, (failing.count ?? 0) + 1);
  });
});
