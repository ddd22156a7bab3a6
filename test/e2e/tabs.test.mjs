// Issue 21's acceptance in Chromium with the built bundle: two tabs of one browser (pages of one context, sharing
// localStorage, Web Locks and, with `shared`, the data). A change is sent by one tab only, ever: a tab reloaded while
// another still holds a waiting check-in leaves it to that tab, and a tab closed with one waiting hands it over.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { eventually, expectText, openAnotherTab, scenario, screenshotPath } from "./support.mjs";

const OPTIONS = { view: "session", latencyMs: 30, shared: true };
const activeRecords = (h, id) => h.eval((rid) => window.harness.checkIns((c) => c._msevtmgt_sessionregistration_value === rid && c.statecode === 0).length, id);
const kept = (h) => h.eval(() => Object.keys(localStorage).filter((k) => k.startsWith("srg:") && !k.includes(":c:")).map((k) => JSON.parse(localStorage.getItem(k)).length));
/** The harness's Offline switch in this tab only: its calls fail as fetch does, as when its Wi-Fi drops. */
const setNetwork = (h, online) => h.eval((o) => window.harness.setNetwork(o), online);

/** Tab A checks `row` in with its connection down: the check-in waits there, kept in the browser. */
async function checkInOffline(a, row) {
  await setNetwork(a, false);
  await a.checkIn(a.rowAt(row.index), row.name).click();
  await expectText(a.rowAt(row.index).locator(".srg-note"), await a.text("Row_Waiting"), { timeout: 10_000 });
  await expectText(a.pending, await a.text("Pending_Waiting_one", 1));
}

describe("two tabs of one browser (issue 21)", () => {
  scenario("A checks in offline, B is reloaded meanwhile and leaves it to A, A back online: counted once, one record", async ({ page, h: a }) => {
    const problems = [];
    await a.open(OPTIONS);
    const b = await openAnotherTab(page.context(), new URL(page.url()).origin, OPTIONS, problems);
    const r = await a.pick("r => r.state === 0 && !r.count");
    const recordsBefore = await activeRecords(a, r.id);
    await checkInOffline(a, r);

    // B is reloaded while A still waits: it finds A's check-in kept, and A alive.
    await b.open(OPTIONS);
    await b.idle();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal((await b.row(r.id)).count ?? 0, 0, "B sent A's check-in");
    assert.deepEqual(await b.calls({ op: "update" }), []);
    await expectText(b.pending, "");
    assert.deepEqual(await kept(b), [1], "A's check-in is still kept, once");

    await setNetwork(a, true);
    await eventually(async () => (await a.row(r.id)).count === 1, { message: "A sent it", timeout: 8000 });
    await a.idle();
    await expectText(a.pending, "");
    // Nothing more comes, from either tab.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await a.idle();
    assert.equal((await a.row(r.id)).count, 1);
    assert.equal(await activeRecords(a, r.id), recordsBefore + 1);
    assert.equal((await a.updates(r.id)).filter((u) => u.committed).length, 1);
    assert.deepEqual(await b.calls({ op: "update" }), []);
    await eventually(async () => (await b.row(r.id)).count === 1, { message: "B shows the shared count" });
    assert.deepEqual(await kept(a), []);
    await page.screenshot({ path: screenshotPath("tabs-sent-once-by-its-tab") });
    assert.deepEqual(problems, []);
  }, { timeout: 90_000 });

  scenario("a check-in left waiting in a tab that is then closed is sent once by the other tab, which is then reloaded", async ({ page, h: a }) => {
    const problems = [];
    await a.open(OPTIONS);
    const context = page.context();
    const origin = new URL(page.url()).origin;
    const b = await openAnotherTab(context, origin, OPTIONS, problems);
    const r = await a.pick("r => r.state === 0 && !r.count");
    const recordsBefore = await activeRecords(a, r.id);
    await checkInOffline(a, r);
    assert.equal((await b.row(r.id)).count ?? 0, 0);

    // A is closed with its check-in waiting; B, open all along, takes it over and is reloaded.
    await page.close();
    await b.open(OPTIONS);
    await eventually(async () => (await b.row(r.id)).count === 1, { message: "B sent A's check-in", timeout: 8000 });
    await b.idle();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await b.idle();
    assert.equal((await b.row(r.id)).count, 1, "counted once");
    assert.equal(await activeRecords(b, r.id), recordsBefore + 1, "one record");
    assert.deepEqual(await kept(b), [], "nothing left waiting");
    await expectText(b.pending, "");

    // A third tab finds nothing left to send.
    const c = await openAnotherTab(context, origin, OPTIONS, problems);
    await c.idle();
    assert.deepEqual(await c.calls({ op: "update" }), []);
    assert.equal((await c.row(r.id)).count, 1);
    assert.deepEqual(problems, []);
  }, { timeout: 90_000 });

  scenario("a tab closed while the other stays open: its waiting check-in is sent by the other at once, without a reload", async ({ page, h: a }) => {
    const problems = [];
    await a.open(OPTIONS);
    const b = await openAnotherTab(page.context(), new URL(page.url()).origin, OPTIONS, problems);
    const r = await a.pick("r => r.state === 0 && !r.count");
    await checkInOffline(a, r);
    await page.close();
    await eventually(async () => (await b.row(r.id)).count === 1, { message: "B sent A's check-in", timeout: 8000 });
    await b.idle();
    assert.equal((await b.updates(r.id)).filter((u) => u.committed).length, 1);
    assert.deepEqual(await kept(b), []);
    assert.deepEqual(problems, []);
  }, { timeout: 60_000 });
});
