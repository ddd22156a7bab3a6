/**
 * scripts/verify-solution.mjs is what CI runs on the real zips, so it must catch each broken rule.
 * Broken zips are made from a good one by rewriting it with JSZip.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import {
  BOM,
  CONTROL_FOLDER,
  type ZipEntry,
  makeSandbox,
  readZip,
  removeSandboxes,
  runPackager,
  runScript,
  writeBuild,
  zipPaths,
} from "./support";

const FOLDER = `Controls/${CONTROL_FOLDER}`;

let root: string;
let buildDir: string;
let good: ZipEntry[];

beforeAll(async () => {
  root = makeSandbox();
  buildDir = writeBuild(root);
  expect(runPackager(root).status).toBe(0);
  good = await readZip(zipPaths(root).managed);
});

afterAll(removeSandboxes);

/** Writes `entries` as a managed zip next to the good one and runs the verifier on it. */
async function verify(entries: ZipEntry[], options: JSZip.JSZipFileOptions = { createFolders: false }) {
  const zip = new JSZip();
  for (const entry of entries) zip.file(entry.name, entry.bytes, options);
  const file = path.join(root, "broken", "SessionRegistrationGrid_1_0_0_0_managed.zip");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return runScript("verify-solution.mjs", [file, "--root", root, "--build-dir", buildDir]);
}

function replaced(name: string, change: (bytes: Buffer) => Buffer): ZipEntry[] {
  return good.map((entry) => (entry.name === name ? { ...entry, bytes: change(entry.bytes) } : entry));
}

function edited(name: string, change: (text: string) => string): ZipEntry[] {
  return replaced(name, (bytes) => Buffer.from(change(bytes.toString("utf8")), "utf8"));
}

it("accepts the packager's zip", async () => {
  const run = await verify(good);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
});

it.each<[string, () => ZipEntry[], RegExp]>([
  ["a missing BOM", () => replaced("solution.xml", (bytes) => bytes.subarray(3)), /solution\.xml lacks a UTF-8 byte-order mark/],
  [
    "a BOM on ControlManifest.xml",
    () => replaced(`${FOLDER}/ControlManifest.xml`, (bytes) => Buffer.concat([BOM, bytes])),
    /ControlManifest\.xml has a UTF-8 byte-order mark/,
  ],
  ["entries out of order", () => [good[1], good[0], ...good.slice(2)], /entries are\n/],
  [
    "a missing resx",
    () => good.filter((entry) => !entry.name.endsWith(".resx")),
    /strings\/SessionRegistrationGrid\.1033\.resx is named in the manifest but not in the zip/,
  ],
  ["malformed XML", () => edited("customizations.xml", (text) => text.replace("</CustomControls>", "")), /customizations\.xml is not well-formed XML/],
  ["the wrong Managed flag", () => edited("solution.xml", (text) => text.replace("<Managed>1<", "<Managed>0<")), /Managed is "0", expected "1"/],
  [
    "no type-66 root component",
    () => edited("solution.xml", (text) => text.replace('type="66"', 'type="61"')),
    /solution\.xml has 0 type-66 root components/,
  ],
  [
    "a CustomControl FileName outside the zip",
    () => edited("customizations.xml", (text) => text.replace("/ControlManifest.xml</FileName>", "/Manifest.xml</FileName>")),
    /CustomControl FileName is/,
  ],
  [
    "an uncovered extension",
    () => edited("[Content_Types].xml", (text) => text.replace('<Default Extension="css" ContentType="application/octet-stream" />', "")),
    /no Default css/,
  ],
  ["a development bundle", () => edited(`${FOLDER}/bundle.js`, (text) => `eval("x");${text}`), /bundle\.js is a development build/],
])("rejects %s", async (_what, entries, message) => {
  const run = await verify(entries());
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(message);
});

it("rejects directory entries and stored (not deflated) entries", async () => {
  const run = await verify(good, { createFolders: true, compression: "STORE" });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/directory entry "Controls\/"/);
  expect(run.stderr).toMatch(/solution\.xml is stored with method 0, not deflate/);
});

it("rejects a control file that differs from the build", async () => {
  const run = await verify(edited(`${FOLDER}/css/SessionRegistrationGrid.css`, (text) => `${text}\n.x{}`));
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/css\/SessionRegistrationGrid\.css differs from /);
});

it("fails clearly when the zips haven't been built", () => {
  const empty = makeSandbox();
  const run = runScript("verify-solution.mjs", ["--root", empty]);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/FAIL .*SessionRegistrationGrid_1_0_0_0\.zip: no such file \(run npm run package\)/);
  expect(run.stderr).toMatch(/FAIL .*SessionRegistrationGrid_1_0_0_0_managed\.zip: no such file/);
});
