// Issue 23: Arrivals on a session's form (a live chart of its check-ins, as an image named by its summary and as a
// table) and Sessions in a view across sessions (fullest first, Dataverse's counts), in the built bundle.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { eventually, expectText, scenario, screenshotPath } from "./support.mjs";

/** During the sample session (9:00 to 10:00 on 12 June 2025, after its generated arrivals): the chart runs to now. */
const DURING = "2025-06-12T09:40:00Z";
const chart = (page) => page.locator('#control-root [role="img"][aria-label^="Arrivals"]');
const nameOf = (page) => chart(page).getAttribute("aria-label");
const button = (page, name) => page.locator("#control-root").getByRole("button", { name, exact: true });
const activeRecords = (h) => h.eval(() => window.harness.checkIns({ _msevtmgt_sessionattended_value: window.harness.conference.defaultSessionId, statecode: 0 }).length);

/** What has focus: its accessible name and the grid row it is in. */
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { name: e?.getAttribute("aria-label") ?? (e?.textContent ?? "").trim(), row: e?.closest("[data-item-index]")?.getAttribute("data-item-index") };
});
async function pressUntil(page, key, done, max = 40) {
  for (let i = 0; i < max && !done(await focused(page)); i++) await page.keyboard.press(key);
  const f = await focused(page);
  assert.ok(done(f), `pressing ${key} never got there; focus is on ${JSON.stringify(f)}`);
}

/** Records, in the page, the animation frame in which the row's count and the chart's name change. */
function watchFrames(h, index) {
  return h.eval((i) => {
    const row = document.querySelector(`#control-root [role="row"][data-item-index="${i}"]`);
    const img = document.querySelector('#control-root [role="img"][aria-label^="Arrivals"]');
    const seen = { frame: 0, count: undefined, chart: undefined };
    const tick = () => {
      seen.frame++;
      if (seen.count === undefined || seen.chart === undefined) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const countText = () => row.querySelector(".srg-count")?.textContent;
    const before = { count: countText(), chart: img.getAttribute("aria-label") };
    new MutationObserver(() => (seen.count ??= countText() !== before.count ? seen.frame : undefined)).observe(row, { subtree: true, childList: true, characterData: true });
    new MutationObserver(() => (seen.chart ??= img.getAttribute("aria-label") !== before.chart ? seen.frame : undefined)).observe(img, { attributes: true });
    window.__arrivalFrames = seen;
  }, index);
}

describe("Arrivals on a session's form (issue 23)", () => {
  scenario("12 people in: the image says 12; a check-in from the grid, keyboard only, says 13 in the count's frame; the table's 5-minute counts add up", async ({ page, h }) => {
    await h.open({ view: "session", now: DURING, latencyMs: 30 });
    assert.deepEqual(await h.eval(() => window.harness.setSessionCheckIns(12)), { people: 12, records: 12 });
    await h.eval(() => window.harness.remount());
    await eventually(async () => /^Arrivals: 12 checked in of 250; busiest .+ to .+ with \d+$/.test(await nameOf(page)), { message: "the image says 12" });
    assert.equal(await activeRecords(h), 12);

    // Keyboard only: into the list, down to someone not in yet, along the row to Check in, Enter.
    const rows = await h.rows();
    const target = rows.findIndex((r, i) => i >= 2 && r.state === 0 && !r.count);
    await page.locator("body").focus();
    await pressUntil(page, "Tab", (f) => f.row === "0");
    await pressUntil(page, "ArrowDown", (f) => f.row === String(target));
    await pressUntil(page, "ArrowRight", (f) => f.name === `Check in ${rows[target].name}`);
    await watchFrames(h, target);
    await page.keyboard.press("Enter");
    await eventually(async () => /^Arrivals: 13 checked in of 250/.test(await nameOf(page)), { message: "the image says 13" });
    const frames = await eventually(() => h.eval(() => window.__arrivalFrames.count !== undefined && window.__arrivalFrames), { message: "the row's count changed" });
    assert.equal(frames.chart, frames.count, `the chart moved in the count's frame (${JSON.stringify(frames)})`);
    await h.idle();
    assert.equal(await activeRecords(h), 13, "one more check-in record");

    // Show as table: the 5-minute counts add up to the check-ins.
    await pressUntil(page, "Shift+Tab", (f) => f.name === "Show as table");
    await page.keyboard.press("Enter");
    assert.equal(await button(page, "Hide table").getAttribute("aria-expanded"), "true");
    const table = page.locator("#control-root .srg-arrivals-table table");
    const counts = (await table.locator('tbody tr[data-kind="bin"] td:nth-child(2)').allInnerTexts()).map(Number);
    assert.equal(await table.locator('tbody tr:not([data-kind="bin"])').count(), 0, "nothing before or after the window");
    assert.equal(counts.length, 15, "8:30 to 9:40: 5-minute lines");
    assert.equal(counts.reduce((a, b) => a + b, 0), 13);
    assert.match(await table.locator('tbody tr[data-kind="bin"] th').first().innerText(), /^8:30 AM to 8:35 AM$/);
    await expectText(table.locator("tfoot tr"), "Total 13 13");
    await page.screenshot({ path: screenshotPath("arrivals-table") });
    const violations = (await h.eval(() => window.harness.axe())).filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(violations, [], "axe: no serious violation with the chart and its table");
  });

  scenario("live: an undo takes the check-in back; other desks' arrivals join with the live poll; Hide arrivals is remembered", async ({ page, h }) => {
    await h.open({ view: "session", now: DURING, latencyMs: 10, parameters: { liveRefreshSeconds: 2 } });
    await h.eval(() => window.harness.setSessionCheckIns(20));
    await h.eval(() => window.harness.remount());
    await eventually(async () => /^Arrivals: 20 checked in/.test(await nameOf(page)), { message: "20 in" });
    const person = await h.pick("r => r.state === 0 && !r.count", { within: 25 });
    await h.checkIn(h.rowAt(person.index), person.name).click();
    await eventually(async () => /^Arrivals: 21 checked in/.test(await nameOf(page)));
    await h.idle();
    await page.locator("#control-root .srg-messages").getByRole("button", { name: await h.text("CheckIn_UndoLabel", person.name), exact: true }).click();
    await eventually(async () => /^Arrivals: 20 checked in/.test(await nameOf(page)), { message: "the undo took it back" });

    const names = await h.eval(() => window.harness.arrivalsBurst(8));
    assert.equal(names.length, 8);
    await eventually(async () => /^Arrivals: 28 checked in/.test(await nameOf(page)), { timeout: 8000, message: "other desks' arrivals joined" });
    await page.screenshot({ path: screenshotPath("arrivals-live") });

    const hide = button(page, "Hide arrivals");
    assert.equal(await hide.getAttribute("aria-expanded"), "true");
    await hide.click();
    assert.equal(await button(page, "Show arrivals").getAttribute("aria-expanded"), "false");
    assert.equal(await chart(page).count(), 0);
    await h.eval(() => window.harness.remount());
    await button(page, "Show arrivals").waitFor();
    assert.equal(await chart(page).count(), 0, "folded again after a reload: remembered");
    await button(page, "Show arrivals").click();
    await chart(page).waitFor();
  });

  scenario("on a phone it starts folded", async ({ page, h }) => {
    await h.open({ view: "session", now: DURING, phoneApp: true, width: 390 });
    assert.equal(await button(page, "Show arrivals").getAttribute("aria-expanded"), "false");
    assert.equal(await chart(page).count(), 0);
    await button(page, "Show arrivals").click();
    await chart(page).waitFor();
    await page.screenshot({ path: screenshotPath("arrivals-phone") });
  }, { viewport: { width: 430, height: 900 } });

  scenario("forced colours keep every line and bar in system colours; right to left mirrors the plot, not its text", async ({ page, h }) => {
    await page.emulateMedia({ forcedColors: "active" });
    await h.open({ view: "session", now: DURING });
    await chart(page).waitFor();
    const styles = await page.evaluate(() => {
      const of = (selector, property) => getComputedStyle(document.querySelector(`#control-root ${selector}`))[property];
      return { bar: of(".srg-arrivals-bar", "fill"), people: of(".srg-arrivals-people", "stroke"), capacity: of(".srg-arrivals-capacity", "stroke"), adjust: of(".srg-arrivals-plot", "forcedColorAdjust") };
    });
    const system = await page.evaluate(() => {
      const probe = document.createElement("div");
      document.body.append(probe);
      const colour = (c) => ((probe.style.color = c), getComputedStyle(probe).color);
      const found = { Highlight: colour("Highlight"), CanvasText: colour("CanvasText"), LinkText: colour("LinkText") };
      probe.remove();
      return found;
    });
    assert.deepEqual(styles, { bar: system.Highlight, people: system.CanvasText, capacity: system.LinkText, adjust: "none" });
    await page.screenshot({ path: screenshotPath("arrivals-forced-colors") });

    await page.emulateMedia({ forcedColors: "none" });
    await h.mount({ view: "session", now: DURING, languageId: 1025 });
    const arabic = page.locator('#control-root [role="img"]').first();
    await eventually(async () => (await arabic.getAttribute("aria-label")).startsWith(await h.text("Arrivals_Title")));
    assert.match(await page.evaluate(() => getComputedStyle(document.querySelector("#control-root .srg-arrivals-plot")).transform), /^matrix\(-1, 0, 0, 1/);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("#control-root .srg-arrivals-axis")).transform), "none");
    await page.screenshot({ path: screenshotPath("arrivals-rtl") });
  });
});

describe("Sessions in a view across sessions (issue 23)", () => {
  scenario("the sessions the rows span, fullest first, with Dataverse's counts; live", async ({ page, h }) => {
    await h.open({ view: "all", latencyMs: 10, parameters: { liveRefreshSeconds: 2 } });
    const strip = page.locator("#control-root .srg-sessions");
    await strip.getByRole("listitem").first().waitFor();
    const expected = await h.eval(() => {
      const m = window.harness;
      const loaded = new Set(m.rows().map((r) => m.dataverse.get(r.id)._msevtmgt_sessionid_value));
      const all = m.dataverse.rows();
      return m.conference.sessions.filter((s) => loaded.has(s.msevtmgt_sessionid)).map((s) => {
        const regs = all.filter((r) => r._msevtmgt_sessionid_value === s.msevtmgt_sessionid && r.statecode === 0);
        const checkedIn = regs.filter((r) => (r.msevtmgt_timescheckedin ?? 0) > 0).length;
        const inRows = m.rows().filter((r) => m.dataverse.get(r.id)._msevtmgt_sessionid_value === s.msevtmgt_sessionid).length;
        return { id: s.msevtmgt_sessionid, name: s.msevtmgt_name, checkedIn, registered: regs.length, capacity: s.msevtmgt_sessionmaxcapacity, fill: checkedIn / s.msevtmgt_sessionmaxcapacity, inRows };
      }).sort((a, b) => b.fill - a.fill || b.registered / b.capacity - a.registered / a.capacity || a.name.localeCompare(b.name));
    });
    assert.ok(expected.length > 5);
    const items = strip.getByRole("listitem");
    assert.equal(await items.count(), 5);
    for (let i = 0; i < 5; i++) {
      await expectText(items.nth(i), `${expected[i].name} ${await h.text("Room_HeaderCapacity", expected[i].checkedIn, expected[i].registered, expected[i].capacity)}`);
    }
    assert.ok(expected.some((s) => s.registered > s.inRows), "counted in Dataverse, not over the loaded rows");
    await button(page, `Show all ${expected.length} sessions`).click();
    assert.equal(await items.count(), expected.length);
    assert.equal(await button(page, "Show fewer sessions").getAttribute("aria-expanded"), "true");

    // Another desk checks someone of the first session in: the strip follows the live poll.
    const first = expected[0];
    const row = await h.eval((id) => window.harness.dataverse.rows().find((r) => r._msevtmgt_sessionid_value === id && r.statecode === 0 && !r.msevtmgt_timescheckedin)?.msevtmgt_sessionregistrationid, first.id);
    assert.ok(row, "someone of the fullest session is not in yet");
    await h.changeByAnotherUser(row, { msevtmgt_timescheckedin: 1 });
    await expectText(items.first(), `${first.name} ${await h.text("Room_HeaderCapacity", first.checkedIn + 1, first.registered, first.capacity)}`, { timeout: 8000 });
    await page.screenshot({ path: screenshotPath("sessions-strip") });
  });
});
