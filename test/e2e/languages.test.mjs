// Issue 14 in Chromium with the built bundle: every shipped language, right to left, phones, high contrast.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe } from "node:test";
import { ROOT } from "../../harness/server.mjs";
import { escapeRegExp, expectText, scenario, screenshotPath } from "./support.mjs";

const SERIOUS = new Set(["serious", "critical"]);
/** A resx string as the page shows it: French's non-breaking spaces may come back as plain ones. */
const shown = (text) => new RegExp(`^${escapeRegExp(text).replace(/\s+/g, "\\s+")}$`);

function resx(lcid) {
  const text = readFileSync(join(ROOT, "SessionRegistrationGrid", "strings", `SessionRegistrationGrid.${lcid}.resx`), "utf8");
  const decode = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return Object.fromEntries([...text.matchAll(/<data name="([^"]+)"[^>]*>\s*<value>([\s\S]*?)<\/value>/g)].map((m) => [m[1], decode(m[2])]));
}
const english = resx(1033);

/**
 * English text a page in another language must not show: the literal parts of each English string (between its
 * placeholders) of two words or more, unless that language's string for the key has the same words.
 */
function englishLeftIn(seen, lcid) {
  const local = resx(lcid);
  const found = [];
  for (const [key, value] of Object.entries(english)) {
    if (key.endsWith("_Key")) continue; // the maker's property names: the designer shows them, not the grid
    for (const part of value.split(/\{\d\}/)) {
      const words = part.trim();
      if (!/[a-z]{2,} [a-z]{2,}/i.test(words) || local[key]?.includes(words)) continue;
      if (seen.includes(words)) found.push(`${key}: "${words}"`);
    }
  }
  return found;
}

/** Everything the control says, to the eye and to a screen reader: text, accessible names, tooltips. */
const everythingSaid = (page) => page.locator("#control-root").evaluate((root) => {
  const said = [root.innerText];
  for (const el of root.querySelectorAll("[aria-label], [title], [placeholder]")) said.push(el.getAttribute("aria-label") ?? "", el.getAttribute("title") ?? "", el.getAttribute("placeholder") ?? "");
  return said.join("\n");
});

describe("languages, right to left, phones, high contrast (issue 14)", () => {
  for (const lcid of [1031, 1036, 1041, 1025]) {
    scenario(`${lcid}: the grid speaks the language everywhere it was looked at, with no English left`, async ({ page, h }) => {
      await h.open({ view: "session", languageId: lcid, latencyMs: 20 });
      const local = resx(lcid);
      const [a, b] = await h.pick("r => r.state === 0 && !r.count", { count: 2 });
      // Something in every part: a check-in (status line, Undo), a selection (bulk bar), a refused count (its message).
      await h.rowAt(a.index).locator(".srg-checkin-button").click();
      await expectText(h.statusLine, shown(local.CheckIn_Announced.replace("{0}", a.name)));
      await h.rowAt(b.index).getByRole("checkbox").first().click();
      await h.page.getByRole("toolbar", { name: local.Bulk_Toolbar }).waitFor();
      await h.rowAt(b.index).locator("button.srg-count").click();
      const input = h.rowAt(b.index).locator("input.srg-count-input");
      await input.fill("1.5");
      await input.press("Enter");
      await expectText(h.rowAt(b.index).getByRole("alert"), shown(local.Count_NotWhole));
      assert.equal(await page.locator("#control-root [role=grid]").getAttribute("aria-label"), local.Grid_Label);
      assert.equal(await h.rowAt(a.index).locator(".srg-checkin-button").getAttribute("aria-label"), local.CheckIn_AgainLabel.replace("{0}", a.name));

      assert.deepEqual(englishLeftIn(await everythingSaid(page), lcid), [], "English strings left on the page");
      // The check-in column is as wide as its content in this language: nothing is cut.
      const cut = await page.locator("#control-root .srg-checkin").evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.parentElement.clientWidth + 1).length);
      assert.equal(cut, 0, "check-in cells cut short");
      assert.deepEqual(await h.eval(() => window.harness.host.missingStrings), []);
      assert.equal(await page.locator("#control-root .srg-root").getAttribute("dir"), lcid === 1025 ? "rtl" : null);
      await input.press("Escape");
      await page.screenshot({ path: screenshotPath(`language-${lcid}`) });
    });
  }

  scenario("Arabic, right to left: the grid mirrors (name on the right, then Check in), and axe finds nothing serious", async ({ page, h }) => {
    await h.open({ view: "session", languageId: 1025 });
    assert.equal(await page.locator("#control-root .srg-root").getAttribute("dir"), "rtl");
    const r = await h.pick("r => r.state === 0");
    const name = await h.rowAt(r.index).locator(".srg-col--name").boundingBox();
    const checkIn = await h.rowAt(r.index).locator(".srg-col--checkIn").boundingBox();
    const check = await h.rowAt(r.index).locator(".ms-DetailsRow-cellCheck").boundingBox();
    assert.ok(check.x > name.x && name.x > checkIn.x, `right to left: checkbox ${check.x}, name ${name.x}, check-in ${checkIn.x}`);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity));
    const violations = (await h.eval(() => window.harness.axe())).filter((v) => SERIOUS.has(v.impact));
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.slice(0, 2).join(" | ")}`), []);
    await page.screenshot({ path: screenshotPath("rtl-arabic") });
  });

  scenario("390 px wide: rows are cards; every Check in is at least 44 px tall; nothing scrolls sideways; the same names", async ({ page, h }) => {
    await h.open({ view: "session", width: 390, height: 700 });
    const rows = page.locator('#control-root [role="row"][data-item-index]');
    const count = await rows.count();
    assert.ok(count >= 4, `${count} rows rendered`);
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      if (!(await row.isVisible())) continue;
      const button = row.locator(".srg-checkin-button");
      if (await button.count()) {
        const box = await button.boundingBox();
        assert.ok(box.height >= 44 && box.width >= 44, `Check in is ${box.width} × ${box.height}`);
        assert.match(await button.getAttribute("aria-label"), /^Check in (again: )?\S/);
      }
      assert.ok(await row.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), `row ${i} scrolls sideways`);
    }
    const r = await h.pick("r => r.state === 0");
    const row = h.rowAt(r.index);
    for (const name of [`Select ${r.name}`]) await row.getByRole("checkbox", { name, exact: true }).waitFor();
    await row.getByRole("switch", { name: `Synced with provider: ${r.name}`, exact: true }).waitFor();
    await row.getByRole("combobox", { name: `Status reason of ${r.name}`, exact: true }).waitFor();
    await row.getByRole("button", { name: `Times checked in: ${r.count ?? 0}`, exact: true }).waitFor();
    const scroller = page.locator("#control-root .srg-scroll");
    assert.ok(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), "the list scrolls sideways");
    // A refused change: the line above wraps rather than pushing Retry all past the edge.
    await h.failNext({ kind: "privilege", op: "update", id: r.id });
    await row.getByRole("switch", { name: `Synced with provider: ${r.name}`, exact: true }).click();
    const retryAll = h.pending.getByRole("button", { name: "Retry all" });
    await retryAll.waitFor();
    const box = await retryAll.boundingBox();
    const frame = await page.locator("#control-root .srg-root").boundingBox();
    assert.ok(box.x >= frame.x && box.x + box.width <= frame.x + frame.width, `Retry all at ${box.x}–${box.x + box.width}, the control ${frame.x}–${frame.x + frame.width}`);
    // Selection and bulk still work.
    await row.getByRole("checkbox", { name: `Select ${r.name}`, exact: true }).click();
    await h.toolbar.waitFor();
    await page.screenshot({ path: screenshotPath("phone-390") });
  }, { viewport: { width: 390, height: 844 } });

  scenario("high contrast: status, sync, saving and failed cues keep borders, icons and words", async ({ page, h }) => {
    await page.emulateMedia({ forcedColors: "active" });
    await h.open({ view: "session", latencyMs: 20 });
    const [a, b] = await h.pick("r => r.state === 0", { count: 2 });
    await h.failNext({ kind: "privilege", op: "update", id: b.id });
    await h.rowAt(b.index).getByRole("switch").click();
    await expectText(h.rowAt(b.index).locator(".srg-failed-why"), await h.text("Reason_privilege"));
    const cues = await page.locator("#control-root").evaluate(() => {
      const before = (selector) => {
        const el = document.querySelector(`#control-root ${selector}`);
        if (!el) return null;
        const s = getComputedStyle(el, "::before");
        return { content: s.content, border: s.borderTopStyle !== "none" && s.borderTopWidth !== "0px", adjust: s.forcedColorAdjust };
      };
      const own = (selector) => {
        const el = document.querySelector(`#control-root ${selector}`);
        const s = el && getComputedStyle(el);
        return s && { border: s.borderTopStyle !== "none" && parseFloat(s.borderTopWidth) >= 1 };
      };
      return {
        statusDot: before(".srg-status"),
        syncIcon: before("button.srg-sync"),
        syncBorder: own("button.srg-sync"),
        checkIn: own(".srg-checkin-button"),
        failedIcon: before(".srg-failed-what"),
        retryBorder: own(".srg-small-button"),
      };
    });
    assert.equal(cues.statusDot.adjust, "none");
    assert.ok(cues.statusDot.border, "the status dot keeps its ring");
    assert.match(cues.syncIcon.content, /[\u2713\u2013]/);
    assert.ok(cues.syncBorder.border && cues.checkIn.border && cues.retryBorder.border, JSON.stringify(cues));
    assert.match(cues.failedIcon.content, /\u26A0/);
    await h.rowAt(a.index).locator(".srg-checkin-button").click();
    await page.screenshot({ path: screenshotPath("high-contrast") });
  });
});
