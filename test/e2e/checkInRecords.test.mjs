// Issue 10's acceptance: every check-in makes a check-in record that Event Management sees, exactly once, and undo.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { eventually, expectText, scenario, screenshotPath } from "./support.mjs";

const recordsOf = (h, id) => h.eval((rid) => window.harness.checkIns((c) => c._msevtmgt_sessionregistration_value === rid), id);

describe("check-in records (issue 10)", () => {
  scenario("one press makes one record with the body Event Management expects, then one count update of fresh + 1", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 30 });
    const r = await h.pick("r => r.state === 0");
    const stored = await h.eval((id) => window.harness.dataverse.get(id), r.id);
    assert.ok(stored._msevtmgt_registrationid_value, "the sample row names its event registration");
    const existing = (await recordsOf(h, r.id)).length;
    await h.eval(() => window.harness.clearLog());

    await h.checkIn(h.rowAt(r.index), r.name).click();
    await eventually(async () => (await h.row(r.id)).count === (r.count ?? 0) + 1, { message: "counted" });
    await h.idle();
    const creates = await h.calls({ op: "create" });
    assert.equal(creates.length, 1, "exactly one create");
    assert.equal(creates[0].entity, "msevtmgt_checkin");
    const body = creates[0].data;
    assert.match(body.msevtmgt_checkinid, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(body.msevtmgt_checkintype, 100000000);
    assert.ok(Math.abs(Date.parse(body.msevtmgt_checkintime) - Date.now()) < 60_000, "checked in now, in UTC ISO 8601");
    assert.ok(body.msevtmgt_name.startsWith(r.contact) && body.msevtmgt_name.length <= 100, body.msevtmgt_name);
    assert.deepEqual(
      Object.fromEntries(Object.entries(body).filter(([k]) => k.endsWith("@odata.bind"))),
      {
        "msevtmgt_Contact@odata.bind": `/contacts(${stored._msevtmgt_contactid_value})`,
        "msevtmgt_SessionAttended@odata.bind": `/msevtmgt_sessions(${stored._msevtmgt_sessionid_value})`,
        "msevtmgt_SessionRegistration@odata.bind": `/msevtmgt_sessionregistrations(${r.id})`,
        "msevtmgt_RegistrationId@odata.bind": `/msevtmgt_eventregistrations(${stored._msevtmgt_registrationid_value})`,
        "msevtmgt_Event@odata.bind": `/msevtmgt_events(${stored._msevtmgt_event_value})`,
      },
    );
    assert.deepEqual((await h.updates(r.id)).map((u) => u.data), [{ msevtmgt_timescheckedin: (r.count ?? 0) + 1 }]);
    assert.equal((await recordsOf(h, r.id)).length, existing + 1);
    // The page's own list shows it.
    await expectText(page.locator("#checkin-list li").first(), new RegExp(r.contact.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await page.screenshot({ path: screenshotPath("check-in-record") });
  });

  scenario("a create whose answer is lost is retried: one record, one increment; Undo check-in of <name> takes both back", async ({ page, h }) => {
    await h.open({ view: "session", latencyMs: 30 });
    const r = await h.pick("r => r.state === 0");
    const existing = (await recordsOf(h, r.id)).length;
    await h.failNext({ kind: "networkAfterCommit", op: "create", entity: "msevtmgt_checkin" });
    await h.checkIn(h.rowAt(r.index), r.name).click();
    await eventually(async () => (await h.row(r.id)).count === (r.count ?? 0) + 1, { message: "counted" });
    await h.idle();
    const creates = await h.calls({ op: "create" });
    assert.equal(creates.length, 2, "the lost create and its retry");
    assert.equal(creates[0].data.msevtmgt_checkinid, creates[1].data.msevtmgt_checkinid, "the same id both times");
    assert.equal(creates[1].error.errorCode, -2147220937, "the retry met the duplicate key: the first landed");
    const mine = (await recordsOf(h, r.id)).filter((c) => c.msevtmgt_checkinid === creates[0].data.msevtmgt_checkinid);
    assert.equal((await recordsOf(h, r.id)).length, existing + 1);
    assert.equal(mine.length, 1);
    assert.equal((await h.updates(r.id)).filter((u) => u.committed).length, 1, "one increment");

    const undo = h.rowAt(r.index).getByRole("button", { name: `Undo check-in of ${r.name}`, exact: true });
    await undo.click();
    await eventually(async () => (await h.row(r.id)).count === (r.count ?? 0), { message: "the count is back" });
    const record = await h.eval((id) => window.harness.dataverse.getCheckIn(id), mine[0].msevtmgt_checkinid);
    assert.deepEqual([record.statecode, record.statuscode], [1, 2], "the record is deactivated");
    await expectText(h.statusLine, `Check-in of ${r.name} undone`);
    assert.equal(await undo.count(), 0, "nothing left to undo");
    await page.screenshot({ path: screenshotPath("check-in-undone") });
  });

  scenario("an attendee without any event registration is counted, and the row says there is no record", async ({ h }) => {
    await h.open({ view: "all", latencyMs: 30 });
    const name = await h.eval(() => {
      const without = new Set(window.harness.conference.contactsWithoutEventRegistration);
      const row = window.harness.dataverse.rows().find((r) => r.statecode === 0 && without.has(r._msevtmgt_contactid_value));
      return row.msevtmgt_name;
    });
    await h.eval((n) => window.harness.quickFind(n), name);
    await h.idle();
    const r = await h.pick(`r => r.name === ${JSON.stringify(name)} && r.state === 0`);
    const existing = (await recordsOf(h, r.id)).length;
    await h.checkIn(h.rowAt(r.index), r.name).click();
    await expectText(h.rowAt(r.index).locator(".srg-noRecord"), await h.text("Row_CountedWithoutRecord"));
    assert.equal((await h.row(r.id)).count, (r.count ?? 0) + 1);
    assert.equal((await recordsOf(h, r.id)).length, existing, "no record");
    assert.deepEqual(await h.calls({ op: "create" }), []);
  });
});
