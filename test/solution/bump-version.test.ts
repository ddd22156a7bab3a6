/**
 * `npm run version:bump` moves every copy of the version together (manifest, Solution.xml, package.json,
 * package-lock.json), changes nothing else, refuses to go backwards, and the packager follows it.
 */
import * as path from "path";
import {
  MANIFEST,
  SOLUTION_XML,
  makeSandbox,
  read,
  readZip,
  removeSandboxes,
  runPackager,
  runScript,
  write,
  writeBuild,
  zipPaths,
} from "./support";

const VERSIONED = [MANIFEST, SOLUTION_XML, "package.json", "package-lock.json"];

afterAll(removeSandboxes);

function bump(root: string, ...args: string[]) {
  return runScript("bump-version.mjs", [...args, "--root", root]);
}

function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(VERSIONED.map((file) => [file, read(root, file)]));
}

/** The copies of the version, as each file states it. */
function versions(root: string) {
  const lock = JSON.parse(read(root, "package-lock.json"));
  return {
    manifest: /<control\b[^>]*\sversion="([^"]+)"/.exec(read(root, MANIFEST).replace(/<!--[\s\S]*?-->/g, ""))![1],
    solution: /<Version>([^<]+)<\/Version>/.exec(read(root, SOLUTION_XML))![1],
    packageJson: JSON.parse(read(root, "package.json")).version,
    lock: lock.version,
    lockRoot: lock.packages[""].version,
  };
}

function allAt(version: string) {
  return { manifest: version, solution: `${version}.0`, packageJson: version, lock: version, lockRoot: version };
}

it.each([
  [[], "1.0.1"],
  [["patch"], "1.0.1"],
  [["minor"], "1.1.0"],
  [["major"], "2.0.0"],
  [["1.4.2"], "1.4.2"],
])("bump %j takes every copy from 1.0.0 to %s and changes nothing else", (args, next) => {
  const root = makeSandbox();
  const before = snapshot(root);
  expect(versions(root)).toEqual(allAt("1.0.0"));

  const run = bump(root, ...args);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(`Version 1.0.0 -> ${next} in:`);
  expect(versions(root)).toEqual(allAt(next));

  // Putting the old version back gives the original bytes: the bump touched only the version.
  const after = snapshot(root);
  const back = (text: string) =>
    text.split(`${next}.0`).join("1.0.0.0").replace(new RegExp(`"${next.replace(/\./g, "\\.")}"`, "g"), '"1.0.0"');
  for (const file of VERSIONED) expect([file, back(after[file])]).toEqual([file, before[file]]);
  // The resx `version` is the resource file's own version, not the control's.
  expect(after[MANIFEST]).toMatch(/<resx path="[^"]+" version="1\.0\.0"/);
});

it.each([["1.0.0"], ["0.9.9"], ["1.0"], ["banana"]])("refuses %s and changes nothing", (target) => {
  const root = makeSandbox();
  const before = snapshot(root);
  const run = bump(root, target);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/^version:bump failed; no file was changed:\n {2}- /);
  expect(snapshot(root)).toEqual(before);
});

it("refuses to bump from disagreeing copies, and `sync` repairs them from the manifest", () => {
  const root = makeSandbox();
  write(root, SOLUTION_XML, read(root, SOLUTION_XML).replace("<Version>1.0.0.0</Version>", "<Version>1.0</Version>"));
  const before = snapshot(root);
  const refused = bump(root, "patch");
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/Solution\.xml has version "1\.0" .* must be "1\.0\.0\.0" \(fix: npm run version:bump -- sync\)/);
  expect(snapshot(root)).toEqual(before);

  const synced = bump(root, "sync");
  expect(synced.status).toBe(0);
  expect(synced.stdout).toContain("Version 1.0.0 copied to:");
  expect(versions(root)).toEqual(allAt("1.0.0"));
});

it("ignores a version inside an XML comment", () => {
  const root = makeSandbox();
  write(root, MANIFEST, read(root, MANIFEST).replace("<manifest>", '<manifest>\n  <!-- <control version="9.9.9"> -->'));
  expect(bump(root, "patch").status).toBe(0);
  expect(read(root, MANIFEST)).toContain('<!-- <control version="9.9.9"> -->');
  expect(versions(root)).toEqual(allAt("1.0.1"));
});

it("makes the old build stale, and a rebuild packages as the new version", async () => {
  const root = makeSandbox();
  writeBuild(root);
  expect(bump(root, "minor").status).toBe(0);

  const stale = runPackager(root);
  expect(stale.status).toBe(1);
  expect(stale.stderr).toMatch(/stale build: .* has version "1\.0\.0" but .* has "1\.1\.0"/);

  writeBuild(root);
  expect(runPackager(root).status).toBe(0);
  const { unmanaged, managed } = zipPaths(root);
  expect(path.basename(unmanaged)).toBe("SessionRegistrationGrid_1_1_0_0.zip");
  for (const zip of [unmanaged, managed]) {
    const entries = await readZip(zip);
    const solution = entries.find((entry) => entry.name === "solution.xml")!.bytes.toString("utf8");
    expect(solution).toContain("<Version>1.1.0.0</Version>");
    const manifest = entries.find((entry) => entry.name.endsWith("/ControlManifest.xml"))!.bytes.toString("utf8");
    expect(manifest).toMatch(/<control\b[^>]*\sversion="1\.1\.0"/);
  }
});
