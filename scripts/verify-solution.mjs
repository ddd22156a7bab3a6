#!/usr/bin/env node
// Checks solution zips against the rules read off Microsoft-built ones
// (../shared/reference/solution-zip/README.md), independently of the code that wrote them:
// zips are read with yauzl and XML is parsed with a real XML parser (jsdom's DOMParser).
//
//   node scripts/verify-solution.mjs                 the current version's two zips in out/solution,
//                                                    compared byte for byte with out/controls
//   node scripts/verify-solution.mjs a.zip b.zip [--root DIR] [--build-dir DIR]
//
// Expectations (names, version, prefix) come from the solution and control source under --root.
// Exit code 0 when every zip passes, 1 otherwise.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";
import yauzl from "yauzl";

const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = {
  manifest: "SessionRegistrationGrid/ControlManifest.Input.xml",
  solution: "solution/src/Other/Solution.xml",
  build: "out/controls/SessionRegistrationGrid",
  out: "out/solution",
};
const WITH_BOM = ["solution.xml", "customizations.xml", "[Content_Types].xml"];
const FILE_RESOURCES = ["code", "css", "resx", "img", "html"];
const DEFLATE = 8;

// ---------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------

/** Every entry of a zip, in central-directory order, with its bytes. */
export function readZip(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, decodeStrings: true, strictFileNames: false }, (openError, zip) => {
      if (openError) return reject(openError);
      const entries = [];
      zip.on("error", reject);
      zip.on("end", () => resolve(entries));
      zip.on("entry", (entry) => {
        const record = { name: entry.fileName, method: entry.compressionMethod, crc: entry.crc32 };
        if (entry.fileName.endsWith("/")) {
          entries.push({ ...record, bytes: Buffer.alloc(0) });
          return zip.readEntry();
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks = [];
          stream.on("data", (chunk) => chunks.push(chunk));
          stream.on("error", reject);
          stream.on("end", () => {
            entries.push({ ...record, bytes: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

const { DOMParser } = new JSDOM("").window;

/** Parses XML text (a leading BOM is allowed); returns the document or an error message. */
export function parseXml(text) {
  const document = new DOMParser().parseFromString(text.replace(/^\uFEFF/, ""), "application/xml");
  const error = document.getElementsByTagName("parsererror")[0];
  return error ? { error: error.textContent.trim().split("\n")[0] } : { document };
}

function child(element, name) {
  return [...(element?.children ?? [])].find((candidate) => candidate.localName === name);
}

function textOf(element, ...names) {
  let node = element;
  for (const name of names) node = child(node, name);
  return node?.textContent.trim();
}

/** What the zip should contain, from the source under `root`. */
function readExpectations(root) {
  const manifestXml = fs.readFileSync(path.join(root, SOURCE.manifest), "utf8");
  const solutionXml = fs.readFileSync(path.join(root, SOURCE.solution), "utf8");
  const control = parseXml(manifestXml).document.getElementsByTagName("control")[0];
  const solution = child(parseXml(solutionXml).document.documentElement, "SolutionManifest");
  const prefix = textOf(solution, "Publisher", "CustomizationPrefix");
  const namespace = control.getAttribute("namespace");
  const constructor = control.getAttribute("constructor");
  const version = control.getAttribute("version");
  return {
    uniqueName: textOf(solution, "UniqueName"),
    prefix,
    namespace,
    constructor,
    controlVersion: version,
    solutionVersion: `${version}.0`,
    folder: `${prefix}_${namespace}.${constructor}`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------------

/** Files of a folder before its subfolders, each group in ordinal order (SolutionPackager's order). */
function packagerOrder(a, b) {
  const left = a.split("/");
  const right = b.split("/");
  for (let i = 0; ; i++) {
    const leftIsFile = i === left.length - 1;
    const rightIsFile = i === right.length - 1;
    if (leftIsFile !== rightIsFile) return leftIsFile ? -1 : 1;
    if (left[i] !== right[i]) return left[i] < right[i] ? -1 : 1;
    if (leftIsFile) return 0;
  }
}

function checkEntries(entries, problems) {
  const seen = new Set();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) problems.push(`directory entry "${entry.name}"`);
    if (entry.name.includes("\\")) problems.push(`backslash in entry name "${entry.name}"`);
    if (seen.has(entry.name)) problems.push(`duplicate entry "${entry.name}"`);
    seen.add(entry.name);
    if (entry.method !== DEFLATE) problems.push(`${entry.name} is stored with method ${entry.method}, not deflate`);
    if (typeof zlib.crc32 === "function" && zlib.crc32(entry.bytes) >>> 0 !== entry.crc >>> 0) {
      problems.push(`${entry.name} fails its CRC-32 check`);
    }
  }
}

function checkEncodings(byName, problems) {
  for (const [name, entry] of byName) {
    const hasBom = entry.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
    const wantsBom = WITH_BOM.includes(name);
    if (hasBom !== wantsBom) problems.push(`${name} ${wantsBom ? "lacks" : "has"} a UTF-8 byte-order mark`);
  }
}

/** Parses every XML-ish entry; returns the documents by name. */
function parseAll(byName, problems) {
  const documents = new Map();
  for (const [name, entry] of byName) {
    if (!/\.(xml|resx)$/i.test(name)) continue;
    const parsed = parseXml(entry.bytes.toString("utf8"));
    if (parsed.error) problems.push(`${name} is not well-formed XML: ${parsed.error}`);
    else documents.set(name, parsed.document);
  }
  return documents;
}

function checkSolutionXml(document, expected, managed, problems) {
  if (!document) return problems.push("solution.xml missing or unreadable");
  const manifest = child(document.documentElement, "SolutionManifest");
  const want = (what, actual, value) => {
    if (actual !== value) problems.push(`solution.xml ${what} is "${actual}", expected "${value}"`);
  };
  want("UniqueName", textOf(manifest, "UniqueName"), expected.uniqueName);
  want("Version", textOf(manifest, "Version"), expected.solutionVersion);
  want("Managed", textOf(manifest, "Managed"), managed ? "1" : "0");
  want("publisher CustomizationPrefix", textOf(manifest, "Publisher", "CustomizationPrefix"), expected.prefix);
  const roots = [...(child(manifest, "RootComponents")?.children ?? [])];
  const control = roots.filter((root) => root.getAttribute("type") === "66");
  if (control.length !== 1) return problems.push(`solution.xml has ${control.length} type-66 root components, expected 1`);
  want("type-66 RootComponent schemaName", control[0].getAttribute("schemaName"), expected.folder);
  want("type-66 RootComponent behavior", control[0].getAttribute("behavior"), "0");
}

function checkCustomizationsXml(document, expected, byName, problems) {
  if (!document) return problems.push("customizations.xml missing or unreadable");
  const controls = [...(child(document.documentElement, "CustomControls")?.children ?? [])];
  const ours = controls.filter((element) => textOf(element, "Name") === expected.folder);
  if (ours.length !== 1) return problems.push(`customizations.xml has ${ours.length} CustomControl named ${expected.folder}`);
  const fileName = textOf(ours[0], "FileName");
  if (fileName !== `/Controls/${expected.folder}/ControlManifest.xml`) {
    problems.push(`customizations.xml CustomControl FileName is "${fileName}"`);
  }
  if (!byName.has(fileName?.slice(1))) problems.push(`customizations.xml names ${fileName}, which is not in the zip`);
}

function checkContentTypes(document, names, problems) {
  if (!document) return problems.push("[Content_Types].xml missing or unreadable");
  const defaults = new Map();
  const overrides = new Set();
  for (const element of document.documentElement.children) {
    if (element.localName === "Default") defaults.set(element.getAttribute("Extension"), element.getAttribute("ContentType"));
    if (element.localName === "Override") overrides.add(element.getAttribute("PartName"));
  }
  const present = new Set(names.map((name) => path.posix.extname(name).slice(1).toLowerCase()).filter(Boolean));
  for (const extension of present) {
    const want = extension === "xml" ? "text/xml" : "application/octet-stream";
    if (defaults.get(extension) !== want) problems.push(`[Content_Types].xml: no Default ${extension} → ${want}`);
  }
  for (const extension of defaults.keys()) {
    if (!present.has(extension)) problems.push(`[Content_Types].xml: Default for absent extension "${extension}"`);
  }
  for (const name of names.filter((entry) => entry.endsWith("/ControlManifest.xml"))) {
    if (!overrides.has(`/${name}`)) problems.push(`[Content_Types].xml: no Override for /${name}`);
  }
}

/** The manifest's identity and named files; returns the control-folder entries the zip must have, in order. */
function checkManifest(document, expected, problems) {
  if (!document) {
    problems.push(`Controls/${expected.folder}/ControlManifest.xml missing or unreadable`);
    return [];
  }
  const control = document.getElementsByTagName("control")[0];
  for (const [attribute, value] of [
    ["namespace", expected.namespace],
    ["constructor", expected.constructor],
    ["version", expected.controlVersion],
  ]) {
    if (control?.getAttribute(attribute) !== value) {
      problems.push(`ControlManifest.xml ${attribute} is "${control?.getAttribute(attribute)}", expected "${value}"`);
    }
  }
  const resources = document.getElementsByTagName("resources")[0];
  return [...(resources?.children ?? [])]
    .filter((element) => FILE_RESOURCES.includes(element.localName) && element.getAttribute("path"))
    .map((element) => element.getAttribute("path"));
}

function checkOrder(names, expected, namedFiles, problems) {
  const folder = `Controls/${expected.folder}/`;
  const code = namedFiles[0];
  const inFolder = ["ControlManifest.xml", ...namedFiles];
  if (names.includes(`${folder}${code}.LICENSE.txt`)) inFolder.push(`${code}.LICENSE.txt`);
  const want = [
    "customizations.xml",
    "solution.xml",
    ...inFolder.sort(packagerOrder).map((relative) => folder + relative),
    "[Content_Types].xml",
  ];
  if (JSON.stringify(names) !== JSON.stringify(want)) {
    problems.push(`entries are\n      ${names.join("\n      ")}\n    expected\n      ${want.join("\n      ")}`);
  }
}

function checkBundle(byName, expected, code, problems) {
  const bundle = byName.get(`Controls/${expected.folder}/${code}`);
  if (!bundle) return;
  const text = bundle.bytes.toString("utf8");
  if (/The "eval" devtool|\beval\(\s*["'`]|\/\*{6}\/ /.test(text)) problems.push(`${code} is a development build`);
}

function checkAgainstBuild(byName, expected, buildDir, problems) {
  const folder = `Controls/${expected.folder}/`;
  for (const [name, entry] of byName) {
    if (!name.startsWith(folder) || name.endsWith("/")) continue;
    const file = path.join(buildDir, name.slice(folder.length));
    if (!fs.existsSync(file)) problems.push(`${name} has no counterpart in ${buildDir}`);
    else if (!fs.readFileSync(file).equals(entry.bytes)) problems.push(`${name} differs from ${file}`);
  }
}

/** Every problem found in one zip; an empty list means it passes. */
export async function verifyZip(file, { root = DEFAULT_ROOT, buildDir } = {}) {
  const problems = [];
  const expected = readExpectations(root);
  const managed = /_managed\.zip$/i.test(file);
  const entries = await readZip(file);
  const names = entries.map((entry) => entry.name);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));

  checkEntries(entries, problems);
  checkEncodings(byName, problems);
  const documents = parseAll(byName, problems);
  checkSolutionXml(documents.get("solution.xml"), expected, managed, problems);
  checkCustomizationsXml(documents.get("customizations.xml"), expected, byName, problems);
  checkContentTypes(documents.get("[Content_Types].xml"), names, problems);
  const namedFiles = checkManifest(documents.get(`Controls/${expected.folder}/ControlManifest.xml`), expected, problems);
  for (const relative of namedFiles) {
    if (!byName.has(`Controls/${expected.folder}/${relative}`)) problems.push(`${relative} is named in the manifest but not in the zip`);
  }
  checkOrder(names, expected, namedFiles, problems);
  checkBundle(byName, expected, namedFiles[0], problems);
  if (buildDir) checkAgainstBuild(byName, expected, buildDir, problems);
  return { entries, problems };
}

/** An unmanaged and a managed zip must differ only in solution.xml's Managed value. */
function comparePair(unmanaged, managed) {
  const problems = [];
  const names = (zip) => zip.entries.map((entry) => entry.name).join("\n");
  if (names(unmanaged) !== names(managed)) return ["the unmanaged and managed zips have different entries"];
  unmanaged.entries.forEach((entry, index) => {
    let left = entry.bytes.toString("latin1");
    let right = managed.entries[index].bytes.toString("latin1");
    if (entry.name === "solution.xml") {
      left = left.replace("<Managed>0</Managed>", "");
      right = right.replace("<Managed>1</Managed>", "");
    }
    if (left !== right) problems.push(`${entry.name} differs between the unmanaged and managed zips`);
  });
  return problems;
}

function parseArguments(argv) {
  const options = { root: DEFAULT_ROOT, zips: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--root") options.root = path.resolve(argv[++i]);
    else if (argv[i] === "--build-dir") options.buildDir = path.resolve(argv[++i]);
    else options.zips.push(path.resolve(argv[i]));
  }
  if (options.zips.length === 0) {
    const expected = readExpectations(options.root);
    const base = path.join(options.root, SOURCE.out, `${expected.uniqueName}_${expected.solutionVersion.replace(/\./g, "_")}`);
    options.zips = [`${base}.zip`, `${base}_managed.zip`];
    options.buildDir ??= path.join(options.root, SOURCE.build);
  }
  return options;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  let failed = false;
  const results = new Map();
  for (const zip of options.zips) {
    if (!fs.existsSync(zip)) {
      console.error(`FAIL ${zip}: no such file (run npm run package)`);
      failed = true;
      continue;
    }
    let result;
    try {
      result = await verifyZip(zip, options);
    } catch (error) {
      result = { entries: [], problems: [`could not be read: ${error.message}`] };
    }
    results.set(zip, result);
    if (result.problems.length === 0) {
      console.log(`ok   ${zip} (${result.entries.length} entries)`);
    } else {
      failed = true;
      console.error(`FAIL ${zip}:`);
      for (const problem of result.problems) console.error(`  - ${problem}`);
    }
  }
  const unmanaged = [...results.keys()].find((zip) => !/_managed\.zip$/i.test(zip));
  const managed = [...results.keys()].find((zip) => /_managed\.zip$/i.test(zip));
  if (results.size === 2 && unmanaged && managed) {
    const problems = comparePair(results.get(unmanaged), results.get(managed));
    for (const problem of problems) console.error(`FAIL pair: ${problem}`);
    failed ||= problems.length > 0;
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
