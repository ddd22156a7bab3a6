// Issue 20 (issue 11's desk): find, scan, walk-ins, the quick filters, the phone's camera and a full room, in the
// built bundle on the local page. Expected words come from the resx as the page loaded it.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { eventually, expectText, scenario, screenshotPath } from "./support.mjs";

/** The session's rows with their readable registration IDs (the event registration each one links). */
async function rowsWithBadges(h) {
  return h.eval(() => {
    const m = window.harness;
    const erById = new Map(m.eventRegistrations().map((er) => [er.msevtmgt_eventregistrationid, er]));
    return m.host.dataset.sortedRecordIds.map((id) => {
      const r = m.dataverse.get(id);
      const er = r._msevtmgt_registrationid_value ? erById.get(r._msevtmgt_registrationid_value) : undefined;
      return { id, name: r.msevtmgt_name, count: r.msevtmgt_timescheckedin ?? 0, state: r.statecode, badge: er?.msevtmgt_name, erId: er?.msevtmgt_eventregistrationid };
    });
  });
}

const findBox = (page) => page.getByRole("searchbox", { name: "Find attendee", exact: true });
const countWrites = (h) => h.eval(() => window.harness.calls().filter((c) => c.op !== "retrieve" && c.op !== "retrieveMultiple").length);
const recordsOf = (h, id) => h.eval((rowId) => window.harness.checkIns({ _msevtmgt_sessionregistration_value: rowId, statecode: 0 }).length, id);

describe("the check-in desk (issue 20)", () => {
  scenario("type a unique name and press Enter: checked in once with its record, said with Undo, the box cleared and focused", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 40 });
    const rows = await rowsWithBadges(h);
    const names = rows.map((r) => r.name);
    const person = rows.find((r) => r.state === 0 && !r.count && r.badge && names.filter((n) => n === r.name).length === 1);
    const box = findBox(page);
    await box.click();
    await box.pressSequentially(person.name.toLowerCase(), { delay: 15 });
    await expectText(h.grid.locator(".srg-footer > span").first(), await h.text("Desk_Matches", 1, rows.length));
    const before = await recordsOf(h, person.id);
    await box.press("Enter");
    await expectText(h.statusLine, await h.text("CheckIn_Announced", person.name));
    await h.grid.locator(".srg-messages").getByRole("button", { name: await h.text("CheckIn_UndoLabel", person.name), exact: true }).waitFor();
    assert.equal(await box.inputValue(), "", "the box cleared");
    assert.equal(await box.evaluate((el) => el === document.activeElement), true, "the box kept the focus");
    // The list shows every row again (the frame after the status line's).
    await eventually(async () => (await h.grid.locator('[role="row"][data-item-index]').count()) > 1, { message: "every row listed again" });
    assert.notEqual(await h.grid.locator(".srg-footer > span").first().textContent(), await h.text("Desk_Matches", 1, rows.length));
    await eventually(async () => (await h.row(person.id)).count === 1, { message: "counted once" });
    await h.idle();
    assert.equal(await recordsOf(h, person.id), before + 1, "one check-in record");
    assert.equal((await h.updates(person.id)).length, 1);
    await page.screenshot({ path: screenshotPath("desk-find-enter") });
  });

  scenario("a scanner types a readable ID and a GUID with Enter: the right rows; the same badge again within 10 s counts once", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 20 });
    const rows = await rowsWithBadges(h);
    const [a, b] = rows.filter((r) => r.state === 0 && !r.count && r.badge);
    const box = findBox(page);
    await box.click();
    const scan = async (code) => {
      await box.pressSequentially(code, { delay: 10 });
      await box.press("Enter");
    };
    await scan(a.badge);
    await eventually(async () => (await h.row(a.id)).count === 1, { message: "the readable ID checked in its row" });
    await expectText(h.statusLine, await h.text("CheckIn_Announced", a.name));
    await scan(a.badge);
    await expectText(h.statusLine, await h.text("Desk_JustCheckedIn", a.name));
    await scan(`{${b.erId.toUpperCase()}}`);
    await eventually(async () => (await h.row(b.id)).count === 1, { message: "the GUID checked in its row" });
    await h.idle();
    assert.equal((await h.row(a.id)).count, 1, "the second scan of the same badge counted nothing");
    assert.equal(await box.inputValue(), "", "no code left in the box for the next scan");
  });

  scenario("a cancelled match makes no call; several matches say how many and ArrowDown moves into the first", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 0 });
    const rows = await rowsWithBadges(h);
    const cancelled = rows.find((r) => r.state === 1 && r.badge);
    await h.eval(() => window.harness.clearLog());
    const box = findBox(page);
    await box.fill(cancelled.badge);
    await box.press("Enter");
    await expectText(h.statusLine, await h.text("Desk_Cancelled", cancelled.name));
    await h.idle();
    assert.equal(await countWrites(h), 0, "nothing written for a cancelled registration");

    await box.fill("a");
    await box.press("Enter");
    const shown = await h.grid.locator('[role="row"][data-item-index]').count();
    assert.ok(shown > 1);
    await expectText(h.statusLine, /^\d+ attendees match/);
    await box.press("ArrowDown");
    await eventually(() => page.evaluate(() => !!document.activeElement?.closest('[role="row"][data-item-index="0"]')), { message: "focus in the first match's row" });
    assert.equal(await countWrites(h), 0);
  });

  scenario("quick filters: Not checked in shows only active rows with no check-in, and the counts follow the search", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 0 });
    const rows = await rowsWithBadges(h);
    const filter = (name) => page.getByRole("group", { name: "Show" }).getByRole("button", { name, exact: true });
    await filter("Not checked in").click();
    assert.equal(await filter("Not checked in").getAttribute("aria-pressed"), "true");
    const expected = rows.filter((r) => r.state === 0 && !r.count);
    await expectText(h.grid.locator(".srg-footer > span").first(), await h.text("Desk_Matches", expected.length, rows.length));
    const names = await h.grid.locator('[role="row"][data-item-index] .srg-checkin-button').allInnerTexts();
    assert.ok(names.length > 0 && names.every((t) => t === "Check in"), "only people not in yet");
    // The counts follow the search.
    const first = expected[0].name.split(" ")[0];
    await findBox(page).fill(first);
    const matching = rows.filter((r) => r.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(first.toLowerCase())));
    const describedCount = (name) => filter(name).evaluate((el) => document.getElementById(el.getAttribute("aria-describedby")).textContent);
    await eventually(async () => Number(await describedCount("All")) === matching.length, { message: "All counts the matches" });
    assert.equal(Number(await describedCount("Cancelled")), matching.filter((r) => r.state === 1).length);
    await page.screenshot({ path: screenshotPath("desk-filters") });
  });

  scenario("Add walk-in: the picked contact is registered for the form's session once and checked in", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 30 });
    const contact = await h.eval(() => {
      const m = window.harness;
      const here = new Set(m.rows().map((r) => m.dataverse.get(r.id)._msevtmgt_contactid_value));
      const c = m.conference.contacts.find((x) => !here.has(x.contactid) && m.conference.activeEventRegistrationByContact[x.contactid]);
      return { id: c.contactid, name: c.fullname };
    });
    await page.getByRole("button", { name: "Add walk-in", exact: true }).click();
    const picker = page.getByRole("alertdialog", { name: "Look up a contact" });
    await picker.getByRole("searchbox").fill(contact.name);
    await picker.getByRole("button", { name: contact.name, exact: true }).first().click();
    await expectText(h.statusLine, await h.text("CheckIn_Announced", contact.name), { timeout: 8000 });
    await h.idle();
    const created = await h.eval((c) => window.harness.dataverse.rows().filter((r) => r._msevtmgt_contactid_value === c && r._msevtmgt_sessionid_value === window.harness.conference.defaultSessionId), contact.id);
    assert.equal(created.length, 1, "one session registration");
    assert.equal(created[0].msevtmgt_timescheckedin, 1);
    assert.equal(await recordsOf(h, created[0].msevtmgt_sessionregistrationid), 1, "with its check-in record");
    await eventually(async () => (await h.rows()).some((r) => r.id === created[0].msevtmgt_sessionregistrationid), { message: "the grid shows the new registration" });
  });

  scenario("the phone app: Scan badge checks in the scanned row once; a closed scanner writes nothing and opens no dialog", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 20, phoneApp: true, width: 390 });
    const rows = await rowsWithBadges(h);
    await h.eval(() => window.harness.clearLog());
    const scanButton = page.getByRole("button", { name: "Scan badge", exact: true });
    await scanButton.click();
    await page.getByRole("alertdialog", { name: /Camera/ }).getByRole("button", { name: "Close the scanner" }).click();
    await h.idle();
    assert.equal(await countWrites(h), 0, "a closed scanner writes nothing");
    assert.equal(await h.statusLine.innerText(), "", "and says nothing");
    assert.equal((await h.activity("openConfirmDialog")).length, 0);

    await scanButton.click();
    const scanner = page.getByRole("alertdialog", { name: /Camera/ });
    const option = scanner.getByRole("button", { name: /\(not in yet\)$/ }).first();
    const code = (await option.innerText()).split(" · ")[0];
    const person = rows.find((r) => r.badge === code);
    await option.click();
    await eventually(async () => (await h.row(person.id)).count === 1, { message: "the scanned badge's row checked in" });
    await h.idle();
    assert.equal((await h.updates(person.id)).length, 1, "once");
    const box = await scanButton.boundingBox();
    assert.ok(box.height >= 44, `Scan badge is a 44 px target on a phone (${box.height})`);
    await page.screenshot({ path: screenshotPath("desk-phone-scan") });
  }, { viewport: { width: 390, height: 844 } });

  scenario("a full room: the first check-in of someone not in asks with the numbers; declined sends nothing, confirmed checks in; someone in is not asked", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 10 });
    const full = await h.eval(() => window.harness.checkedInAtSession());
    await h.eval((n) => window.harness.setSessionCapacity(n), full);
    await h.eval(() => window.harness.remount());
    await h.eval(() => window.harness.clearLog());
    const rows = await rowsWithBadges(h);
    const person = rows.slice(0, 10).find((r) => r.state === 0 && !r.count);
    const inside = rows.slice(0, 10).find((r) => r.state === 0 && r.count);
    const row = await h.rowOf(person.id);
    await h.checkIn(row, person.name).click();
    const dialog = page.getByRole("alertdialog");
    const session = await h.eval(() => window.harness.context.mode.contextInfo.entityRecordName);
    await expectText(dialog.locator("#host-dialog-text"), await h.text("Room_FullText", session, full, full, person.name));
    await page.screenshot({ path: screenshotPath("desk-full-room") });
    await dialog.getByRole("button", { name: await h.text("Room_FullNo"), exact: true }).click();
    await expectText(h.statusLine, await h.text("Desk_Declined", person.name));
    await h.idle();
    assert.equal(await countWrites(h), 0, "declined: nothing sent");

    await h.checkIn(row, person.name).click();
    await dialog.getByRole("button", { name: await h.text("Room_FullYes"), exact: true }).click();
    await eventually(async () => (await h.row(person.id)).count === 1, { message: "confirmed: checked in" });

    const asked = (await h.activity("openConfirmDialog")).length;
    await h.checkIn(await h.rowOf(inside.id), inside.name).click();
    await eventually(async () => (await h.row(inside.id)).count === inside.count + 1, { message: "someone in re-enters" });
    assert.equal((await h.activity("openConfirmDialog")).length, asked, "no question for someone already in");
    await expectText(page.locator("#control-root .srg-room-warning"), await h.text("Room_Full"));
  });

  scenario("the desk is accessible: names, keyboard, axe clean", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 0 });
    const box = findBox(page);
    await box.focus();
    await page.keyboard.type("an");
    await page.keyboard.press("Enter");
    await h.idle();
    for (const name of ["All", "Not checked in", "Checked in", "Cancelled", "Add walk-in"]) await page.getByRole("button", { name, exact: true }).waitFor();
    const violations = (await h.eval(() => window.harness.axe())).filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(violations, []);
  });
});
