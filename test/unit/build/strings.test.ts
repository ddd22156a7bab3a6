/**
 * Every string a user sees comes from the resx: each key the control asks for exists, each resx key is used
 * (by the code or the manifest), and the control's sources hold no user-visible English of their own.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { loadStrings } from "../../fixtures/resx";

const root = join(__dirname, "../../..");
const control = join(root, "SessionRegistrationGrid");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [readFileSync(path, "utf8")] : [];
  });
}

const code = sources(control).join("\n");
const manifest = readFileSync(join(control, "ControlManifest.Input.xml"), "utf8");
const strings = loadStrings();
const keys = Object.keys(strings);

describe("resx strings", () => {
  it("has every key the control asks for", () => {
    const asked = [...code.matchAll(/text\("([A-Za-z_]+)"/g)].map((m) => m[1]);
    expect(asked.length).toBeGreaterThan(25);
    expect(asked.filter((k) => !(k in strings))).toEqual([]);
  });

  // Keys the code builds: Problem_/Reason_<problem kind>, Bulk_<bulk action>, per-action summary parts, plural
  // forms of counted texts (text.count: <key>_one, <key>_other) and ordinals (Ordinal_<CLDR category>).
  const kinds = ["network", "throttled", "privilege", "notFound", "rejected", "conflict", "inactive", "unknown"];
  const actions = ["checkIn", "markSynced", "markNotSynced", "deactivate", "activate", "undoCheckIn"];
  const plural = (key: string) => [`${key}_one`, `${key}_other`];
  const counted = [...code.matchAll(/text\.count\("([A-Za-z_]+)"/g)].map((m) => m[1]);
  const built = [
    ...kinds.flatMap((k) => [`Problem_${k}`, `Reason_${k}`]),
    ...actions.flatMap((a) => [`Bulk_${a}`, ...plural(`BulkDone_${a}`), ...(a === "checkIn" || a === "undoCheckIn" ? [] : plural(`BulkAlready_${a}`))]),
    ...["one", "two", "few", "other"].map((c) => `Ordinal_${c}`),
    ...["all", "notCheckedIn", "checkedIn", "cancelled"].map((f) => `Filter_${f}`),
    ...counted.flatMap(plural),
    "BulkConfirm_deactivate", "BulkConfirmText_deactivate", "BulkConfirmYes_deactivate",
  ];

  it("has every key the code builds", () => {
    for (const template of ["`Problem_${", "`Reason_${", "`Bulk_${", "`BulkDone_${", "`BulkAlready_${", "`Ordinal_${", "`BulkConfirm_${", "`Filter_${"]) expect(code).toContain(template);
    expect(counted.length).toBeGreaterThan(3);
    expect(built.filter((k) => !(k in strings))).toEqual([]);
  });

  it("has every display-name and description key the manifest names", () => {
    const named = [...manifest.matchAll(/(?:display-name-key|description-key)="([^"]+)"/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((k) => !(k in strings))).toEqual([]);
  });

  it("holds no key that nothing uses", () => {
    const used = (key: string) => code.includes(`"${key}"`) || manifest.includes(`"${key}"`) || built.includes(key);
    expect(keys.filter((k) => !used(k))).toEqual([]);
  });

  it("keeps the accessible names other checks rely on, word for word", () => {
    expect(strings.CheckIn_ButtonLabel).toBe("Check in {0}");
    expect(strings.CheckIn_AgainLabel).toMatch(/^Check in .*\{0\}$/);
    expect(strings.Count_CellLabel).toBe("Times checked in: {0}");
    expect(strings.Count_EditorLabel).toBe("Times checked in");
    expect(strings.Sync_SwitchLabel).toMatch(/^Synced with provider.*\{0\}$/);
    expect(strings.Status_PickerLabel).toBe("Status reason of {0}");
    expect(strings.Grid_SelectRow).toBe("Select {0}");
    expect(strings.CheckIn_Count).toBe("Checked in ×{0}");
    expect([strings.Edit_Retry, strings.Edit_Discard]).toEqual(["Retry", "Discard"]);
    expect(strings.Row_RetryLabel).toMatch(/^Retry /);
    expect(strings.Row_DiscardLabel).toMatch(/^Discard /);
    // The desk (issues 11 and 20).
    expect([strings.Desk_FindLabel, strings.Desk_ScanBadge, strings.Desk_AddWalkIn]).toEqual(["Find attendee", "Scan badge", "Add walk-in"]);
    expect([strings.Filter_all, strings.Filter_notCheckedIn, strings.Filter_checkedIn, strings.Filter_cancelled]).toEqual(["All", "Not checked in", "Checked in", "Cancelled"]);
    expect(strings.Room_HeaderCapacity).toBe("Checked in {0} · Registered {1} · Capacity {2}");
    expect(strings.Desk_NotRegistered).toBe("Not registered for this session");
    expect(strings.Desk_JustCheckedIn).toBe("{0} was just checked in");
    expect(strings.Room_FullText).toBe("{0} is full: {1} of {2} checked in. Check in {3} anyway?");
    // Arrivals (issue 23): the chart's buttons, and its name starts with "Arrivals" in each of its forms.
    expect([strings.Arrivals_ShowTable, strings.Arrivals_HideTable, strings.Arrivals_Hide, strings.Arrivals_Show]).toEqual(["Show as table", "Hide table", "Hide arrivals", "Show arrivals"]);
    const summaries = ["None", "NoneCapacity", "Summary", "SummaryCapacity", "SummaryBusiest", "SummaryCapacityBusiest", "Reading", "Failed"].map((k) => strings[`Arrivals_${k}`]);
    expect(summaries.filter((s) => !s.startsWith("Arrivals"))).toEqual([]);
    expect(strings.Arrivals_SummaryCapacityBusiest).toBe("Arrivals: {0} checked in of {1}; busiest {2} to {3} with {4}");
  });

  it("leaves no user-visible text in the views' markup", () => {
    const views = sources(join(control, "views")).join("\n");
    // Words written between JSX tags, outside any {expression}: <span>Some words</span>
    const literalText = [...views.matchAll(/>([^<>{}=;()]*[A-Za-z]{2}[^<>{}=;()]*)<\//g)].map((m) => m[1].trim());
    expect(literalText).toEqual([]);
  });
});

describe("the languages the control ships", () => {
  const shipped = [...manifest.matchAll(/<resx path="strings\/SessionRegistrationGrid\.(\d+)\.resx"/g)].map((m) => Number(m[1]));
  const placeholders = (text: string) => [...text.matchAll(/\{\d\}/g)].map((m) => m[0]).sort();

  it("are English, German, French, Japanese and Arabic, each listed in the manifest", () => {
    expect(shipped.sort()).toEqual([1025, 1031, 1033, 1036, 1041]);
  });

  it.each([1031, 1036, 1041, 1025])("%i has every English key, no other, and every placeholder of each English string", (lcid) => {
    const local = loadStrings(join(control, "strings", `SessionRegistrationGrid.${lcid}.resx`));
    expect(Object.keys(local).sort()).toEqual(keys.slice().sort());
    const lost = keys.filter((k) => placeholders(local[k]).join() !== placeholders(strings[k]).join());
    expect(lost).toEqual([]);
    // Translated, not copied: only a few strings may read the same (names like "Dataverse", "OK").
    const same = keys.filter((k) => local[k] === strings[k] && /[a-z]{3}/i.test(strings[k]));
    expect(same.length).toBeLessThan(keys.length * 0.05);
    expect(keys.filter((k) => !local[k].trim())).toEqual([]);
  });
});
