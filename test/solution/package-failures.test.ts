/**
 * The packager refuses, says why, and writes nothing, when the build is missing, stale, a development
 * build, or incomplete, or when the copies of the version disagree.
 */
import * as fs from "fs";
import * as path from "path";
import {
  BUILD_DIR,
  DEVELOPMENT_BUNDLE,
  MANIFEST,
  OUT_DIR,
  PRODUCTION_BUNDLE,
  SOLUTION_XML,
  listFiles,
  makeSandbox,
  read,
  removeSandboxes,
  runPackager,
  write,
  writeBuild,
} from "./support";

afterAll(removeSandboxes);

/** A sandbox whose out/solution already holds an earlier release, which a failed run must not touch. */
function sandboxWithEarlierRelease(): { root: string; earlier: string } {
  const root = makeSandbox();
  const earlier = path.join(root, OUT_DIR, "SessionRegistrationGrid_0_9_0_0.zip");
  write(root, path.relative(root, earlier), "earlier release");
  return { root, earlier };
}

function expectRefusal(root: string, earlier: string, message: RegExp): void {
  const run = runPackager(root);
  expect(run.status).toBe(1);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(/^Solution packaging failed; no zip was written:\n/);
  expect(run.stderr).toMatch(message);
  expect(listFiles(path.join(root, OUT_DIR))).toEqual(["SessionRegistrationGrid_0_9_0_0.zip"]);
  expect(fs.readFileSync(earlier, "utf8")).toBe("earlier release");
}

it("refuses when there is no build", () => {
  const { root, earlier } = sandboxWithEarlierRelease();
  expectRefusal(root, earlier, /no build at .*out\/controls\/SessionRegistrationGrid .*run npm run build:prod/);
});

it("refuses a stale build whose manifest version differs from the source", () => {
  const { root, earlier } = sandboxWithEarlierRelease();
  writeBuild(root, { version: "0.9.0" });
  expectRefusal(root, earlier, /stale build: .*ControlManifest\.xml has version "0\.9\.0" but .*ControlManifest\.Input\.xml has "1\.0\.0"/);
});

it("refuses a stale build whose manifest names other files than the source", () => {
  const { root, earlier } = sandboxWithEarlierRelease();
  writeBuild(root);
  const manifest = read(root, MANIFEST);
  write(
    root,
    MANIFEST,
    manifest.replace("</resources>", '  <resx path="strings/SessionRegistrationGrid.1036.resx" version="1.0.0" />\n    </resources>'),
  );
  expectRefusal(root, earlier, /stale build: the built manifest names \[.*\] but .* names \[.*1036\.resx\]/);
});

it("refuses a development build (webpack eval devtool)", () => {
  const { root, earlier } = sandboxWithEarlierRelease();
  writeBuild(root, { bundle: DEVELOPMENT_BUNDLE });
  expectRefusal(root, earlier, /bundle\.js is a development build \(webpack's "eval" devtool banner\): run npm run build:prod/);
});

it("refuses a development build without the banner but with eval module wrappers", () => {
  const { root, earlier } = sandboxWithEarlierRelease();
  writeBuild(root, { bundle: 'var a;(()=>{eval("{__webpack_require__.r(__webpack_exports__);}")})();' });
  expectRefusal(root, earlier, /is a development build \(eval\("…"\) module wrappers\)/);
});

it("refuses a bundle above the 5 MB production limit", () => {
  const { root, earlier } = sandboxWithEarlierRelease();
  writeBuild(root, { bundle: PRODUCTION_BUNDLE + "/*".padEnd(5 * 1024 * 1024, "x") + "*/" });
  expectRefusal(root, earlier, /is a development build \(it is 5\.0 MB, above the 5 MB production limit\)/);
});

it.each([
  ["resx", "strings/SessionRegistrationGrid.1033.resx"],
  ["css", "css/SessionRegistrationGrid.css"],
  ["code", "bundle.js"],
])("refuses when the %s file the manifest names is missing from the build", (_kind, relative) => {
  const { root, earlier } = sandboxWithEarlierRelease();
  writeBuild(root, { omit: [relative] });
  expect(fs.existsSync(path.join(root, BUILD_DIR, relative))).toBe(false);
  expectRefusal(root, earlier, new RegExp(`${relative.replace(/\./g, "\\.")} is named in the built manifest but missing`));
});

it("lists every missing file at once", () => {
  const { root, earlier } = sandboxWithEarlierRelease();
  writeBuild(root, { omit: ["strings/SessionRegistrationGrid.1033.resx", "css/SessionRegistrationGrid.css"] });
  expectRefusal(root, earlier, /- css\/SessionRegistrationGrid\.css is named .*\n {2}- strings\/SessionRegistrationGrid\.1033\.resx is named/);
});

it("refuses when Solution.xml's version is not the control version plus .0", () => {
  const { root, earlier } = sandboxWithEarlierRelease();
  writeBuild(root);
  write(root, SOLUTION_XML, read(root, SOLUTION_XML).replace("<Version>1.0.0.0</Version>", "<Version>1.0.1.0</Version>"));
  expectRefusal(
    root,
    earlier,
    /Solution\.xml has version "1\.0\.1\.0" but the control version .* is 1\.0\.0, so it must be "1\.0\.0\.0" \(fix: npm run version:bump -- sync\)/,
  );
});

it("refuses when package.json and package-lock.json carry another version", () => {
  const { root, earlier } = sandboxWithEarlierRelease();
  writeBuild(root);
  for (const file of ["package.json", "package-lock.json"]) {
    write(root, file, read(root, file).replace(/"version": "1\.0\.0"/g, '"version": "1.1.0"'));
  }
  const run = runPackager(root);
  expect(run.stderr.match(/^ {2}- /gm)).toHaveLength(3);
  expect(run.stderr).toMatch(/package\.json has version "1\.1\.0"/);
  expect(run.stderr).toMatch(/package-lock\.json \(version\) has version "1\.1\.0"/);
  expect(run.stderr).toMatch(/package-lock\.json \(packages\[""\]\.version\) has version "1\.1\.0"/);
  expectRefusal(root, earlier, /package\.json/);
});

it("refuses a control version that is not major.minor.patch", () => {
  const { root, earlier } = sandboxWithEarlierRelease();
  writeBuild(root);
  write(root, MANIFEST, read(root, MANIFEST).replace(/(<control\b[^>]*\sversion=")[^"]*"/, (_tag, start: string) => `${start}1.0"`));
  expectRefusal(root, earlier, /control version "1\.0" must be three numbers/);
});

it("rejects unknown arguments with exit code 2", () => {
  const root = makeSandbox();
  const run = runPackager(root, ["--bogus"]);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/unknown argument "--bogus"/);
  expect(fs.existsSync(path.join(root, OUT_DIR))).toBe(false);
});
