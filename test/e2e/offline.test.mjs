// Issue 12's acceptance in Chromium with the built bundle: a check-in made offline waits, is kept through a reload
// (here: the tab closed while offline, a new one opened once the connection is back) and is saved once; another
// desk's check-in appears in the row within one liveRefreshSeconds interval, without a dataset refresh.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { eventually, expectText, openAnotherTab, scenario, screenshotPath } from "./support.mjs";

const recordsOf = (h, id) => h.eval((rid) => window.harness.checkIns((c) => c._msevtmgt_sessionregistration_value === rid && c.statecode === 0), id);

describe("offline and other desks (issue 12)", () => {
  scenario("offline: two check-ins wait and change nothing; the tab closes; a new one, online: each saved once", async ({ page, h }) => {
    const problems = [];
    await h.open({ view: "session", latencyMs: 30, shared: true });
    const [a, b] = await h.pick("r => r.state === 0 && !r.count", { count: 2 });
    const recordsBefore = [(await recordsOf(h, a.id)).length, (await recordsOf(h, b.id)).length];

    await page.context().setOffline(true);
    await h.checkIn(h.rowAt(a.index), a.name).click();
    await h.checkIn(h.rowAt(b.index), b.name).click();
    const waiting = await h.text("Row_Waiting");
    await expectText(h.rowAt(a.index).locator(".srg-note"), waiting);
    await expectText(h.rowAt(b.index).locator(".srg-note"), waiting);
    await expectText(h.pending, await h.text("Pending_Waiting_other", 2));
    // Shown as it will be, and nothing lasting: no call, nothing stored.
    await expectText(h.rowAt(a.index).getByRole("button", { name: await h.text("Count_CellLabel", 1) }), "1");
    assert.deepEqual(await h.calls({ op: "create" }), []);
    assert.deepEqual(await h.calls({ op: "update" }), []);
    assert.equal((await h.row(a.id)).count ?? 0, 0);
    await page.screenshot({ path: screenshotPath("offline-waiting") });

    // The tab is closed while offline (a reload can't load the page without a connection).
    const kept = await h.eval(() => Object.keys(localStorage).filter((k) => k.startsWith("srg:") && !k.includes(":c:")).map((k) => JSON.parse(localStorage.getItem(k)).length));
    assert.deepEqual(kept, [2], "both check-ins are kept in the browser");
    const context = page.context();
    const origin = new URL(page.url()).origin;
    await page.close();
    await context.setOffline(false);
    const next = await openAnotherTab(context, origin, { view: "session", latencyMs: 30, shared: true }, problems);

    await eventually(async () => (await next.row(a.id)).count === 1 && (await next.row(b.id)).count === 1, { message: "both counted once", timeout: 8000 });
    await next.idle();
    assert.equal((await recordsOf(next, a.id)).length, recordsBefore[0] + 1);
    assert.equal((await recordsOf(next, b.id)).length, recordsBefore[1] + 1);
    assert.equal((await next.updates(a.id)).filter((u) => u.committed).length, 1);
    assert.deepEqual(await next.eval(() => Object.keys(localStorage).filter((k) => k.startsWith("srg:"))), [], "nothing left waiting");
    await expectText(next.pending, "");
    await next.page.screenshot({ path: screenshotPath("offline-sent-after-reload") });
    assert.deepEqual(problems, []);
  });

  scenario("back online in the same page: what waited goes in the order made, once", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 30 });
    const r = await h.pick("r => r.state === 0 && !r.count");
    await page.context().setOffline(true);
    await h.checkIn(h.rowAt(r.index), r.name).click();
    await expectText(h.pending, await h.text("Pending_Waiting_one", 1));
    await page.context().setOffline(false);
    await eventually(async () => (await h.row(r.id)).count === 1, { message: "counted" });
    await h.idle();
    assert.equal((await recordsOf(h, r.id)).length >= 1, true);
    assert.deepEqual((await h.calls()).filter((c) => c.op !== "retrieveMultiple" && c.op !== "retrieve").map((c) => `${c.op} ${c.entity}`), ["create msevtmgt_checkin", "update msevtmgt_sessionregistration"]);
    await expectText(h.pending, "");
  });

  scenario("another desk's check-in appears in the row within one interval: marked, announced, no refresh, focus kept", async ({ page, h }) => {
    const problems = [];
    const live = { liveRefreshSeconds: 2 };
    await h.open({ view: "session", latencyMs: 30, shared: true, parameters: live });
    const [r, other] = await h.pick("r => r.state === 0 && !r.count", { count: 2 });
    const desk2 = await openAnotherTab(page.context(), new URL(page.url()).origin, { view: "session", latencyMs: 30, shared: true, desk: 2, parameters: live }, problems);
    await page.bringToFront();
    // Desk 1 is in the middle of something: focus on another row's button.
    await h.checkIn(h.rowAt(other.index), other.name).focus();
    const refreshes = (await h.activity("refresh")).length;

    await desk2.checkIn(desk2.rowAt(r.index), r.name).click();
    await eventually(async () => (await desk2.row(r.id)).count === 1, { message: "desk 2 saved it" });
    const savedAt = Date.now();
    await expectText(h.rowAt(r.index).locator(".srg-note"), await h.text("Row_CheckedInElsewhere"), { timeout: 2500 });
    assert.ok(Date.now() - savedAt <= 2500, `seen ${Date.now() - savedAt} ms after it was saved`);
    await expectText(h.rowAt(r.index).getByRole("button", { name: await h.text("Count_CellLabel", 1) }), "1");
    await expectText(h.statusLine, await h.text("Live_CheckedInElsewhere", r.name));
    assert.equal((await h.activity("refresh")).length, refreshes, "no dataset refresh");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), await h.text("CheckIn_ButtonLabel", other.name));
    await page.screenshot({ path: screenshotPath("another-desk") });
    // The mark goes after a few seconds; the count stays.
    await expectText(h.rowAt(r.index).locator(".srg-checked"), await h.text("CheckIn_Count", 1), { timeout: 9000 });
    assert.deepEqual(problems, []);
  }, { timeout: 60_000 });
});
