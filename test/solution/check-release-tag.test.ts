/**
 * The release workflow's gate (scripts/check-release-tag.mjs): a tag v<x.y.z> publishes only when the
 * manifest's control version is x.y.z and every copy of it (Solution.xml, package.json, lock) agrees.
 * The sandbox copies the project's real files, so the tests work from whatever version the project is at.
 */
import { MANIFEST, SOLUTION_XML, makeSandbox, read, removeSandboxes, runScript, sourceVersion, write } from "./support";

afterAll(removeSandboxes);

function check(root: string, ...args: string[]) {
  return runScript("check-release-tag.mjs", [...args, "--root", root]);
}

/** `version` with one part raised: "1.2.3" → patch "1.2.4", major "2.0.0". */
function raised(version: string, part: "major" | "minor" | "patch"): string {
  const [major, minor, patch] = version.split(".").map(Number);
  if (part === "major") return `${major + 1}.0.0`;
  return part === "minor" ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

function solutionSays(root: string, version: string) {
  write(root, SOLUTION_XML, read(root, SOLUTION_XML).replace(/<Version>[^<]*<\/Version>/, `<Version>${version}.0</Version>`));
}

it.each([["v"], ["refs/tags/v"]])("%s<the manifest's version> passes when every copy agrees", (prefix) => {
  const root = makeSandbox();
  const version = sourceVersion(root);
  const run = check(root, `${prefix}${version}`);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(`Release tag ${prefix}${version} matches the control version ${version} and every copy of it.\n`);
});

it.each([
  ["v", "patch"],
  ["refs/tags/v", "major"],
] as const)("%s<a %s above the manifest> fails, naming both versions", (prefix, part) => {
  const root = makeSandbox();
  const version = sourceVersion(root);
  const wanted = raised(version, part);
  const tag = `${prefix}${wanted}`;
  const run = check(root, tag);
  expect(run.status).toBe(1);
  expect(run.stdout).toBe("");
  expect(run.stderr).toBe(
    `Release tag check failed for ${tag}:\n` +
      `  - tag ${tag} is version ${wanted} but ${MANIFEST} has control version ${version}: ` +
      `tag this commit v${version}, or tag a commit whose version is ${wanted} (npm run version:bump sets it)\n`,
  );
});

it("fails when Solution.xml disagrees with the manifest, even for the manifest's own tag", () => {
  const root = makeSandbox();
  const version = sourceVersion(root);
  solutionSays(root, raised(version, "patch"));
  const run = check(root, `v${version}`);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(
    `${SOLUTION_XML} has version "${raised(version, "patch")}.0" but the control version in ${MANIFEST} is ` +
      `${version}, so it must be "${version}.0"`,
  );
});

it("names every disagreement at once: the tag's and the solution's", () => {
  const root = makeSandbox();
  const next = raised(sourceVersion(root), "patch");
  solutionSays(root, next); // A half-done hand edit: Solution.xml raised, the manifest not.
  const run = check(root, `v${next}`);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`tag v${next} is version ${next} but ${MANIFEST} has control version`);
  expect(run.stderr).toContain(`${SOLUTION_XML} has version "${next}.0"`);
});

it("follows npm run version:bump: after a minor bump the new tag passes and the old one fails", () => {
  const root = makeSandbox();
  const before = sourceVersion(root);
  expect(runScript("bump-version.mjs", ["minor", "--root", root]).status).toBe(0);
  expect(check(root, `v${raised(before, "minor")}`).status).toBe(0);
  expect(check(root, `v${before}`).status).toBe(1);
});

it.each([["1.0.0"], ["v1.0"], ["v1.0.0-rc.1"], ["v01.0.0"], ["refs/heads/v1.0.0"]])("refuses %s: not a release tag", (tag) => {
  const run = check(makeSandbox(), tag);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`"${tag}" is not a release tag: release tags are v<major>.<minor>.<patch>`);
});

it("exits 2 without a tag", () => {
  const run = check(makeSandbox());
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^usage: /);
});
