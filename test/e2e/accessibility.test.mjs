// axe-core in the page, over the control only: no serious or critical violations.
import assert from "node:assert/strict";
import { describe } from "node:test";
import { expectText, scenario } from "./support.mjs";

const SERIOUS = new Set(["serious", "critical"]);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

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
    await h.rowAt(a.index).getByRole("checkbox", { name: "Select registration" }).click();
    await h.toolbar.waitFor();
    await h.failNext({ kind: "privilege", op: "update", id: b.id });
    await h.rowAt(b.index).getByRole("switch", { name: "Synced with provider" }).click();
    await expectText(h.problems.locator(".ms-MessageBar-text"), new RegExp(`^${escape(b.name)}: .*${escape(await h.text("Problem_privilege"))}$`));
    const count = h.rowAt(b.index).getByRole("button", { name: /^Times checked in: / });
    await count.click();
    const input = h.rowAt(b.index).getByRole("textbox", { name: "Times checked in" });
    await input.fill("x");
    await input.press("Enter");
    await h.rowAt(b.index).getByRole("alert").waitFor();
    const violations = await seriousViolations(h);
    assert.equal(violations.length, 0, describeViolations(violations));
  });
});
