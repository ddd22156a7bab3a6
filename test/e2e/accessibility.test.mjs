// axe-core in the page, over the control only: no serious or critical violations.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { expectText, scenario } from "./support.mjs";

const SERIOUS = new Set(["serious", "critical"]);

async function seriousViolations(h) {
  // Scan the settled page: Fluent fades rows in over 400 ms, and a half-faded link fails the contrast check.
  await h.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity));
  const violations = await h.eval(() => window.harness.axe());
  return violations.filter((v) => SERIOUS.has(v.impact));
}

function describeViolations(violations) {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 3).join("\n    ")}`).join("\n");
}

describe("accessibility (axe-core)", () => {
  scenario("the session subgrid", async ({ h }) => {
    await h.open({ view: "session" });
    const violations = await seriousViolations(h);
    assert.equal(violations.length, 0, describeViolations(violations));
  });

  scenario("all registrations (over 5,000)", async ({ h }) => {
    await h.open({ view: "all" });
    const violations = await seriousViolations(h);
    assert.equal(violations.length, 0, describeViolations(violations));
  });

  scenario("with the bulk toolbar, a failed edit and an open count editor", async ({ h }) => {
    await h.open({ view: "session" });
    const [a, b] = await h.pick("r => r.state === 0", { count: 2 });
    await h.rowAt(a.index).getByRole("checkbox", { name: `Select ${a.name}`, exact: true }).click();
    await h.toolbar.waitFor();
    await h.failNext({ kind: "privilege", op: "update", id: b.id });
    await h.rowAt(b.index).getByRole("switch", { name: `Synced with provider: ${b.name}`, exact: true }).click();
    await expectText(h.rowAt(b.index).locator(".srg-failed-why"), await h.text("Reason_privilege"));
    await expectText(h.pending.locator(".srg-pending-text"), "1 change not saved");
    const count = h.rowAt(b.index).getByRole("button", { name: /^Times checked in: / });
    await count.click();
    const input = h.rowAt(b.index).getByRole("textbox", { name: "Times checked in" });
    await input.fill("x");
    await input.press("Enter");
    await h.page.getByRole("alert").waitFor();
    const violations = await seriousViolations(h);
    assert.equal(violations.length, 0, describeViolations(violations));
  });
});
