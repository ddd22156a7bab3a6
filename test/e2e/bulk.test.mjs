// Issue 22: a bulk run paces itself to what Dataverse allows. The built bundle in the plain page, against a
// Dataverse that refuses any call beyond 3 at once (the panel's input), a bulk check-in of 120 through select-all
// and the toolbar: every row counted once, one check-in record each where one is due, no failure left.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { expectText, scenario, screenshotPath } from "./support.mjs";

const ROWS = 120;

describe("bulk", () => {
  scenario(`a bulk check-in of ${ROWS} against a Dataverse that refuses more than 3 calls at once: each counted once, a record each where due, no failure`, async ({ page, h }) => {
    await h.open({ view: "all", count: ROWS, pageSize: ROWS, hostPageSize: ROWS });
    // Every registration can take a check-in: the cancelled ones are made active first (another user).
    const before = await h.eval(async () => {
      const hx = window.harness;
      for (const row of hx.rows()) if (row.state !== 0) hx.changeByAnotherUser(row.id, { statecode: 0, statuscode: 1 });
      hx.refresh();
      await hx.idle();
      // A record is due where the check-in form has an event registration: on the row, or the contact's for the event.
      const active = hx.eventRegistrations().filter((er) => er.statecode === 0);
      return hx.rows().map(({ id, count }) => {
        const row = hx.dataverse.get(id);
        const due = !!row._msevtmgt_registrationid_value || active.some((er) => er._msevtmgt_contactid_value === row._msevtmgt_contactid_value && er._msevtmgt_eventid_value === row._msevtmgt_event_value);
        return { id, count: count ?? 0, due, records: hx.checkIns({ _msevtmgt_sessionregistration_value: id, statecode: 0 }).length };
      });
    });
    assert.equal(before.length, ROWS);
    assert.ok(before.some((r) => r.due) && before.some((r) => !r.due), "rows with and without a record due");
    await h.eval(() => window.harness.setLatency(30));
    // The page's own input, as a person trying it would set it.
    await page.locator("#max-concurrent").fill("3");
    await page.locator("#max-concurrent").dispatchEvent("change");
    assert.deepEqual(await h.eval(() => window.harness.options.serviceProtection), { maxConcurrent: 3 });
    await h.eval(() => window.harness.clearLog());

    await h.grid.getByRole("checkbox", { name: await h.text("Grid_SelectAll") }).click();
    await expectText(h.toolbar.getByText(/ selected/), `${ROWS} selected`);
    await h.toolbar.getByRole("button", { name: await h.text("Bulk_checkIn"), exact: true }).click();
    const summary = h.grid.locator(".srg-bulk-summary .ms-MessageBar-innerText");
    await expectText(summary, `Check in: ${ROWS} checked in.`, { timeout: 90_000 });
    await page.screenshot({ path: screenshotPath("bulk-paced-summary") });
    assert.equal(await h.grid.locator(".srg-failed").count(), 0, "no failure left for the user to retry");
    await h.idle();

    const calls = await h.calls();
    const refused = calls.filter((c) => c.refusedBy === "concurrent");
    assert.ok(refused.length > 0, "Dataverse refused calls beyond 3 at once");
    assert.ok(refused.every((c) => c.error.status === 429 && c.error.errorCode === -2147015898 && c.error.retryAfter >= 0), "with 429, the concurrent-requests code and Retry-After");
    assert.ok(calls.some((c) => c.op === "retrieveMultiple" && c.entity === "msevtmgt_sessionregistration" && /Microsoft\.Dynamics\.CRM\.In\(/.test(c.options)), "fresh reads gathered with In");
    const after = await h.eval((ids) => ids.map((id) => ({
      count: window.harness.row(id).count ?? 0,
      records: window.harness.checkIns({ _msevtmgt_sessionregistration_value: id, statecode: 0 }).length,
      writes: window.harness.updates(id).filter((u) => u.committed).length,
    })), before.map((r) => r.id));
    before.forEach((r, i) => {
      assert.deepEqual(after[i], { count: r.count + 1, records: r.records + (r.due ? 1 : 0), writes: 1 }, `registration ${r.id}`);
    });
  }, { timeout: 150_000 });
});
