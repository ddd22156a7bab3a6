// Editing on the built bundle, checked on screen and against what reached the fake Dataverse (issue 3's acceptance).
import assert from "node:assert/strict";
import { describe } from "node:test";
import { escapeRegExp, eventually, expectText, scenario, screenshotPath, sleep, SYNC_NO, SYNC_YES } from "./support.mjs";

const COUNT = "msevtmgt_timescheckedin";
const SYNC = "msevtmgt_syncedwithprovider";

describe("editing", () => {
  scenario("check in one row: Saving…, then the new count, one read and one write", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 400 });
    const r = await h.pick("r => r.state === 0");
    const row = h.rowAt(r.index);
    const before = r.count ?? 0;
    const refreshes = (await h.activity("refresh")).length;

    await h.checkIn(row, r.name).click();
    // The new count shows at once, with Saving… beside the button.
    await row.getByRole("button", { name: `Times checked in: ${before + 1}`, exact: true }).waitFor();
    await expectText(row.locator(".srg-saving"), "Saving…");
    await page.screenshot({ path: screenshotPath("saving") });
    await expectText(row.getByText(/^Checked in ×/), `Checked in ×${before + 1}`);
    assert.equal(await row.locator(".srg-saving").count(), 0, "Saving… is gone");
    await expectText(h.statusLine, before ? new RegExp(`^${escapeRegExp(r.name)} checked in — ${before + 1}\\w\\w time$`) : `${r.name} checked in`);

    assert.equal((await h.row(r.id)).count, before + 1);
    const calls = (await h.calls({ id: r.id })).map((c) => c.op);
    assert.deepEqual(calls, ["retrieve", "update"], "a fresh read, then one write");
    assert.deepEqual((await h.updates(r.id)).map((u) => u.data), [{ [COUNT]: before + 1 }]);
    // No dataset refresh: in a model-driven app it would go back to page one, under the user's pointer.
    await h.idle();
    await sleep(500);
    assert.equal((await h.activity("refresh")).length, refreshes, "no refresh after a save");
    await expectText(row.getByText(/^Checked in ×/), `Checked in ×${before + 1}`);
  });

  scenario("Check in adds one to what Dataverse stores now: loaded 2, stored 5, writes 6 exactly once", async ({ h }) => {
    await h.open({ view: "session", latencyMs: 50 });
    const r = await h.pick("r => r.state === 0");
    const row = h.rowAt(r.index);
    await h.changeByAnotherUser(r.id, { [COUNT]: 2 });
    await h.eval(() => window.harness.refresh());
    await h.idle();
    await row.getByRole("button", { name: "Times checked in: 2", exact: true }).waitFor();

    await h.changeByAnotherUser(r.id, { [COUNT]: 5 }); // someone else, elsewhere; the grid still shows 2
    await expectText(row.getByText(/^Checked in ×/), "Checked in ×2");
    await h.checkIn(row, r.name).click();

    await eventually(async () => (await h.row(r.id)).count === 6, { message: "stored 6" });
    await expectText(row.getByText(/^Checked in ×/), "Checked in ×6");
    await h.idle();
    await sleep(400);
    assert.deepEqual((await h.updates(r.id)).map((u) => u.data), [{ [COUNT]: 6 }], "one write of 6");
    assert.equal((await h.row(r.id)).count, 6);
  });

  scenario("a typed count: invalid entries show why and send nothing; 3 saves 3 once", async ({ page, h }) => {
    await h.open({ view: "session" });
    const r = await h.pick("r => r.state === 0 && (r.count ?? 0) !== 3");
    const row = h.rowAt(r.index);
    await row.getByRole("button", { name: `Times checked in: ${r.count ?? 0}`, exact: true }).click();
    const input = row.getByRole("textbox", { name: "Times checked in" });
    await input.waitFor();
    assert.ok(await input.evaluate((el) => el === document.activeElement), "the editor takes focus");

    const invalid = [
      ["-1", "Count_Negative"],
      ["abc", "Count_NotWhole"],
      ["1.5", "Count_NotWhole"],
      ["2147483648", "Count_TooLarge"],
      ["", "Count_Empty"],
    ];
    for (const [typed, key] of invalid) {
      const message = await h.text(key);
      await input.fill(typed);
      await input.press("Enter");
      // The message lies over the next row, not under it: what is on top at its centre is the message itself.
      await expectText(page.getByRole("alert"), message);
      const onTop = await page.getByRole("alert").evaluate((el) => {
        const box = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
      });
      assert.equal(onTop, true, "the message is readable, not covered by the next row");
      assert.equal(await input.getAttribute("aria-invalid"), "true", `${JSON.stringify(typed)} is marked invalid`);
      if (typed === "abc") await page.screenshot({ path: screenshotPath("count-invalid") });
    }
    await sleep(200);
    assert.deepEqual(await h.calls({ op: "update" }), [], "no write for invalid input");

    await input.fill("3");
    await input.press("Enter");
    await row.getByRole("button", { name: "Times checked in: 3", exact: true }).waitFor();
    assert.equal(await page.getByRole("alert").count(), 0);
    await eventually(async () => (await h.row(r.id)).count === 3, { message: "stored 3" });
    await h.idle();
    await sleep(400);
    assert.deepEqual((await h.updates(r.id)).map((u) => u.data), [{ [COUNT]: 3 }], "3 saved once");
  });

  scenario("a status change sends exactly statecode and statuscode; an inactive row is read-only but for its status", async ({ h }) => {
    await h.open({ view: "session" });
    const r = await h.pick("r => r.state === 0");
    const row = h.rowAt(r.index);
    const status = row.getByRole("combobox", { name: `Status reason of ${r.name}`, exact: true });
    await status.selectOption({ label: "Inactive" });

    await eventually(async () => (await h.row(r.id)).state === 1, { message: "stored inactive" });
    assert.deepEqual((await h.updates(r.id)).map((u) => u.data), [{ statecode: 1, statuscode: 2 }]);
    assert.equal((await h.row(r.id)).status, 2);
    await eventually(async () => (await status.inputValue()) === "2");
    await eventually(async () => (await h.checkIn(row, r.name).count()) === 0, { message: "no check-in on an inactive row" });
    await expectText(row.locator(".srg-cancelled"), "Cancelled");
    assert.equal(await row.getByRole("switch").count(), 0, "no sync switch on an inactive row");
    await h.idle();

    await status.selectOption({ label: "Active" });
    await eventually(async () => (await h.row(r.id)).state === 0, { message: "stored active again" });
    assert.deepEqual((await h.updates(r.id)).map((u) => u.data), [{ statecode: 1, statuscode: 2 }, { statecode: 0, statuscode: 1 }]);
    await h.checkIn(row, r.name).waitFor();
  });

  scenario("the sync switch sends the option value: 100000002 Yes, 100000001 No", async ({ h }) => {
    await h.open({ view: "session" });
    const r = await h.pick("r => r.state === 0");
    await h.prepare(r.id, { [SYNC]: SYNC_NO });
    const row = h.rowAt(r.index);
    const sync = row.getByRole("switch", { name: `Synced with provider: ${r.name}`, exact: true });
    assert.equal(await sync.getAttribute("aria-checked"), "false");
    await expectText(sync, "No");

    await sync.click();
    await eventually(async () => (await sync.getAttribute("aria-checked")) === "true", { message: "switch on" });
    await expectText(sync, "Yes");
    await eventually(async () => (await h.row(r.id)).synced === SYNC_YES, { message: "stored Yes" });
    await h.idle();

    await sync.click();
    await eventually(async () => (await h.row(r.id)).synced === SYNC_NO, { message: "stored No" });
    await eventually(async () => (await sync.getAttribute("aria-checked")) === "false");
    await expectText(sync, "No");
    assert.deepEqual((await h.updates(r.id)).map((u) => u.data), [{ [SYNC]: SYNC_YES }, { [SYNC]: SYNC_NO }]);
  });
});
