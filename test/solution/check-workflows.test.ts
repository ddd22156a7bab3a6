/**
 * scripts/check-workflows.mjs (a .ci/run step) passes the repository's own .github files and fails on a
 * broken workflow or Dependabot file, so a mistake shows here rather than on the code host. The broken
 * files are written into a sandbox copy of the project; the real .github is never touched.
 */
import * as fs from "fs";
import * as path from "path";
import { MANIFEST, REPO, makeSandbox, read, removeSandboxes, runScript, write } from "./support";

afterAll(removeSandboxes);

const CI = ".github/workflows/ci.yml";
const DEPENDABOT = ".github/dependabot.yml";

function sandboxWithGithub(): string {
  const root = makeSandbox();
  fs.cpSync(path.join(REPO, ".github"), path.join(root, ".github"), { recursive: true });
  return root;
}

function check(root: string) {
  return runScript("check-workflows.mjs", ["--root", root]);
}

/** A sandbox where `file` has had `from` replaced by `to` (which must change it). */
function broken(file: string, from: string | RegExp, to: string): string {
  const root = sandboxWithGithub();
  const text = read(root, file);
  const changed = text.replace(from, to);
  expect(changed).not.toBe(text);
  write(root, file, changed);
  return root;
}

it("passes the repository's own workflows and Dependabot file", () => {
  const run = runScript("check-workflows.mjs", []);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(
    "ok   .github/workflows/ci.yml\nok   .github/workflows/release.yml\nok   .github/dependabot.yml\n",
  );
});

it("fails a workflow with a misspelt key, naming the file and the key", () => {
  const run = check(broken(CI, "    runs-on: ubuntu-latest", "    runs_on: ubuntu-latest"));
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`FAIL ${CI}\n`);
  expect(run.stderr).toContain("Additional property 'runs_on' is not allowed");
  expect(run.stdout).toContain("ok   .github/workflows/release.yml");
});

it("fails a workflow written from scratch with an unknown trigger, and one that is not YAML", () => {
  const root = sandboxWithGithub();
  write(root, ".github/workflows/extra.yml", "on: pushes\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n");
  write(root, ".github/workflows/bad.yaml", "on: [push\njobs: {}\n");
  const run = check(root);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/FAIL \.github\/workflows\/extra\.yml\n {2}- \/on: /);
  expect(run.stderr).toMatch(/FAIL \.github\/workflows\/bad\.yaml\n {2}- line \d+: Parse Error/);
});

it("fails a step that both runs a command and uses an action", () => {
  const run = check(broken(CI, "      - uses: actions/checkout@v4\n", "      - uses: actions/checkout@v4\n        run: echo both\n"));
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/FAIL \.github\/workflows\/ci\.yml\n {2}- \/jobs\/ci\/steps\/0: /);
});

it("fails when there is no workflow at all", () => {
  const root = sandboxWithGithub();
  fs.rmSync(path.join(root, ".github/workflows"), { recursive: true });
  const run = check(root);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("FAIL .github/workflows\n  - no workflow found");
});

it.each([
  ["an unknown interval", "interval: weekly", "interval: weakly", "/updates/0/schedule/interval must be equal to one of the allowed values"],
  ["an unknown option", "    open-pull-requests-limit: 5", "    open-pull-request-limit: 5", "must NOT have additional properties: open-pull-request-limit"],
  ["a wrong update type", '["version-update:semver-major"]', '["major"]', "must be equal to one of the allowed values"],
  ["a duplicate key", "    schedule:\n      interval: weekly\n", "    schedule:\n      interval: weekly\n    schedule:\n      interval: daily\n", "Map keys must be unique"],
])("fails a Dependabot file with %s", (_what, from, to, message) => {
  const run = check(broken(DEPENDABOT, from, to));
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`FAIL ${DEPENDABOT}\n`);
  expect(run.stderr).toContain(message);
});

/** The version of a manifest platform-library (React, Fluent) in the sandbox. */
function platformVersion(root: string, name: string): string {
  return new RegExp(`<platform-library name="${name}" version="([^"]+)"`).exec(read(root, MANIFEST))![1];
}

it("fails when Dependabot could move React past the manifest's platform library", () => {
  const root = broken(DEPENDABOT, /(dependency-name: react\n\s+versions: )\[[^\]]*\]/, '$1[">99.0.0"]');
  const react = platformVersion(root, "React");
  const run = check(root);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(
    `npm ignore for react must have versions [">${react}"]: the manifest's platform-library React is ${react}`,
  );
  expect(run.stderr).not.toContain("react-dom");
});

it("follows the manifest: a new platform Fluent version needs the Dependabot rule moved with it", () => {
  const root = broken(MANIFEST, /(<platform-library name="Fluent" version=")[^"]*"/, '$199.0.0"');
  const run = check(root);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('npm ignore for @fluentui/react must have versions [">99.0.0"]');
});
