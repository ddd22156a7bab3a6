/**
 * The production minifier shortens the property names in scripts/internalNames.js. That is safe only while
 * (1) the control never uses one of them as a string (a key looked up by a string value, or compared with
 * Object.keys), and (2) none of them is a name the outside world reads: React, Fluent UI, the PCF API, the DOM.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { INTERNAL_PROPERTY_NAMES } = require("../../../scripts/internalNames.js") as { INTERNAL_PROPERTY_NAMES: string[] };

const root = join(__dirname, "../../..");

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

const controlSource = filesUnder(join(root, "SessionRegistrationGrid"), /\.tsx?$/).map((f) => readFileSync(f, "utf8"));

const externalTypings = [
  "node_modules/@types/powerapps-component-framework/componentframework.d.ts",
  "node_modules/@types/react/index.d.ts",
  "node_modules/typescript/lib/lib.dom.d.ts",
  ...["DetailsList", "MessageBar", "Button", "ProgressIndicator", "Shimmer", "Check", "GroupedList", "List"].flatMap((c) =>
    filesUnder(join(root, "node_modules/@fluentui/react/lib/components", c), /\.types\.d\.ts$/).map((f) => f.slice(root.length + 1)),
  ),
  "node_modules/@fluentui/utilities/lib/selection/Selection.types.d.ts",
].map((f) => readFileSync(join(root, f), "utf8"));

describe("names the minifier shortens", () => {
  it("is not empty", () => {
    expect(INTERNAL_PROPERTY_NAMES.length).toBeGreaterThan(10);
  });

  it.each(INTERNAL_PROPERTY_NAMES)("%s is never used as a string in the control", (name) => {
    const asString = new RegExp(`["'\`]${name}["'\`]`);
    expect(controlSource.filter((source) => asString.test(source))).toEqual([]);
  });

  it.each(INTERNAL_PROPERTY_NAMES)("%s is not a member of React, Fluent UI, PCF or DOM typings", (name) => {
    const asMember = new RegExp(`[\\s;{(,]${name}\\??\\s*[:(]`);
    expect(externalTypings.some((typing) => asMember.test(typing))).toBe(false);
  });
});
