#!/usr/bin/env node
// Builds the control for production and packs it into two Dataverse solution zips, unmanaged and
// managed, shaped like the ones Microsoft's cdsproj + SolutionPackager build writes (see docs/SOLUTION.md
// and ../shared/reference/solution-zip/README.md). No .NET SDK or pac needed.
//
//   npm run package                                  production build, then out/solution/*.zip
//   node scripts/package-solution.mjs --skip-build   pack the existing out/controls build
//   node scripts/package-solution.mjs --root <dir> --build-dir <dir> --out-dir <dir> --skip-build
//
// Everything is checked before anything is written; on any problem no zip is written and every problem
// is listed. Exit code 0 on success, 1 on a problem to fix, 2 on bad arguments.
// Zip entry times are "now", or SOURCE_DATE_EPOCH (seconds) when set, for byte-identical rebuilds.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import {
  PATHS,
  ProjectError,
  checkedVersion,
  parseControlManifest,
  parseSolutionXml,
  readText,
  solutionVersionOf,
} from "./lib/project.mjs";

const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** pcf-scripts refuses production bundles above 5 MB (pcf-1045); a bigger one can only be a dev build. */
export const MAX_BUNDLE_BYTES = 5 * 1024 * 1024;

/**
 * Signs that bundle.js came from `pcf-scripts build` without `--buildMode production`. Webpack's
 * development mode uses the "eval" devtool (Solution Checker flags eval) and leaves its runtime
 * unminified; a minified production bundle contains neither marker.
 */
const DEVELOPMENT_MARKERS = [
  { pattern: /The "eval" devtool has been used/, reason: 'webpack\'s "eval" devtool banner' },
  { pattern: /\beval\(\s*["'`]/, reason: "eval(\"…\") module wrappers" },
  { pattern: /\/\*{6}\/ /, reason: "webpack's unminified runtime (/******/ comments)" },
  { pattern: /\/\/# sourceURL=webpack:\/\//, reason: "inline sourceURL comments" },
];

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

// ---------------------------------------------------------------------------------------------------
// Reading and checking the inputs
// ---------------------------------------------------------------------------------------------------

/** Names must be plain identifiers: they become zip paths and XML text without escaping surprises. */
function checkIdentity({ prefix, namespace, constructor }) {
  const problems = [];
  if (!/^[a-z][a-z0-9]{1,7}$/.test(prefix ?? "")) {
    problems.push(`${PATHS.solutionXml}: CustomizationPrefix "${prefix}" must be 2-8 lowercase letters/digits`);
  }
  for (const [what, value] of [["namespace", namespace], ["constructor", constructor]]) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value ?? "")) {
      problems.push(`${PATHS.manifest}: control ${what} "${value}" must be letters, digits and underscores`);
    }
  }
  return problems;
}

/** A manifest-named path must stay inside the control folder. */
function isSafeRelativePath(relative) {
  return (
    typeof relative === "string" &&
    relative.length > 0 &&
    !path.isAbsolute(relative) &&
    !relative.includes("\\") &&
    !relative.split("/").some((part) => part === ".." || part === "" || part === ".")
  );
}

export function developmentBuildReason(bundle) {
  if (bundle.length > MAX_BUNDLE_BYTES) {
    return `it is ${(bundle.length / 1048576).toFixed(1)} MB, above the ${MAX_BUNDLE_BYTES / 1048576} MB production limit`;
  }
  const text = bundle.toString("utf8");
  return DEVELOPMENT_MARKERS.find(({ pattern }) => pattern.test(text))?.reason;
}

/** Reads the source side: version (all copies agreeing), solution source and source manifest. */
function readSource(root) {
  const version = checkedVersion(root);
  const sourceManifest = parseControlManifest(readText(path.join(root, PATHS.manifest)).text);
  const solutionXml = readText(path.join(root, PATHS.solutionXml)).text;
  const customizationsXml = readText(path.join(root, PATHS.customizationsXml)).text;
  const solution = parseSolutionXml(solutionXml);

  const problems = checkIdentity({
    prefix: solution.publisher.customizationPrefix,
    namespace: sourceManifest.namespace,
    constructor: sourceManifest.constructor,
  });
  if (!solution.uniqueName) problems.push(`${PATHS.solutionXml}: no solution <UniqueName>`);
  if (!["0", "1", "2"].includes(solution.managed)) {
    problems.push(`${PATHS.solutionXml}: <Managed> must be 0, 1 or 2 (pac writes 2), found "${solution.managed}"`);
  }
  if (!/<RootComponents\s*\/>|<\/RootComponents>/.test(solutionXml)) {
    problems.push(`${PATHS.solutionXml}: no <RootComponents> element`);
  }
  if (!/<CustomControls\s*\/>|<\/CustomControls>/.test(customizationsXml)) {
    problems.push(`${PATHS.customizationsXml}: no <CustomControls> element`);
  }
  if (problems.length > 0) throw new ProjectError(problems);
  return { version, sourceManifest, solution, solutionXml, customizationsXml };
}

/**
 * Reads the build output and checks it is a complete production build of the current source.
 * Returns the files to ship, as { relative path inside the control folder, bytes }, in zip order.
 */
function readBuild(buildDir, sourceManifest) {
  const builtManifestFile = path.join(buildDir, "ControlManifest.xml");
  if (!fs.existsSync(builtManifestFile)) {
    throw new ProjectError([
      `no build at ${buildDir} (ControlManifest.xml missing): run npm run build:prod, or npm run package without --skip-build`,
    ]);
  }
  const builtManifestBytes = fs.readFileSync(builtManifestFile);
  const built = parseControlManifest(builtManifestBytes.toString("utf8"));
  const problems = [];

  // Stale: the build must be of this source. The version is what Dataverse caches by, so it must match;
  // the identity and the list of named files catch a build of an older manifest with the same version.
  for (const key of ["namespace", "constructor", "version"]) {
    if (built[key] !== sourceManifest[key]) {
      problems.push(
        `stale build: ${builtManifestFile} has ${key} "${built[key]}" but ${PATHS.manifest} has ` +
          `"${sourceManifest[key]}": run npm run build:prod`,
      );
    }
  }
  const names = (manifest) => manifest.files.map((file) => `${file.element}:${file.path}`).join(", ");
  if (names(built) !== names(sourceManifest)) {
    problems.push(
      `stale build: the built manifest names [${names(built)}] but ${PATHS.manifest} names ` +
        `[${names(sourceManifest)}]: run npm run build:prod`,
    );
  }

  const named = [built.codePath, ...built.files.map((file) => file.path)];
  for (const relative of named) {
    if (!isSafeRelativePath(relative)) problems.push(`the built manifest names an unsafe path "${relative}"`);
  }
  if (problems.length > 0) throw new ProjectError(problems);

  // bundle.js.LICENSE.txt is not named by the manifest, but webpack writes it next to the bundle when
  // any module carries a license comment, and Microsoft's build ships it; it may also be absent.
  const licenseFile = `${built.codePath}.LICENSE.txt`;
  const shipped = ["ControlManifest.xml", ...named];
  if (fs.existsSync(path.join(buildDir, licenseFile))) shipped.push(licenseFile);

  const files = [];
  for (const relative of shipped) {
    const absolute = path.join(buildDir, relative);
    if (!fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
      problems.push(`${relative} is named in the built manifest but missing from ${buildDir}`);
      continue;
    }
    files.push({ relative, bytes: relative === "ControlManifest.xml" ? builtManifestBytes : fs.readFileSync(absolute) });
  }
  const bundle = files.find((file) => file.relative === built.codePath);
  const devReason = bundle && developmentBuildReason(bundle.bytes);
  if (devReason) {
    problems.push(
      `${path.join(buildDir, built.codePath)} is a development build (${devReason}): ` +
        "run npm run build:prod (pcf-scripts build --buildMode production)",
    );
  }
  if (problems.length > 0) throw new ProjectError(problems);
  return { built, files: files.sort((a, b) => compareZipOrder(a.relative, b.relative)) };
}

/**
 * SolutionPackager writes a folder's files (ordinal name order) before its subfolders (also ordinal):
 * ControlManifest.xml, bundle.js, bundle.js.LICENSE.txt, css/…, strings/….
 */
function compareZipOrder(a, b) {
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

// ---------------------------------------------------------------------------------------------------
// Writing the solution files as the build fills them in
// ---------------------------------------------------------------------------------------------------

/** `<Tag />` becomes `<Tag>` + child + `</Tag>`; an existing `<Tag>…</Tag>` gets the child appended. */
function addChild(xml, tag, childLines) {
  const empty = new RegExp(`^([ \\t]*)<${tag}\\s*/>`, "m");
  const emptyMatch = xml.match(empty);
  if (emptyMatch) {
    const indent = emptyMatch[1];
    const body = childLines.map((line) => `${indent}  ${line}`).join("\n");
    return xml.replace(empty, `${indent}<${tag}>\n${body}\n${indent}</${tag}>`);
  }
  const close = new RegExp(`^([ \\t]*)</${tag}>`, "m");
  const indent = xml.match(close)[1];
  const body = childLines.map((line) => `${indent}  ${line}`).join("\n");
  return xml.replace(close, `${body}\n${indent}</${tag}>`);
}

/** SolutionPackager writes these files as UTF-8 with a byte-order mark and CRLF line ends. */
function packagerText(xml) {
  return Buffer.concat([BOM, Buffer.from(xml.replace(/\r\n/g, "\n").replace(/\n/g, "\r\n"), "utf8")]);
}

function builtSolutionXml(solutionXml, { managed, componentName }) {
  let xml = solutionXml.replace(/<Managed>\s*[012]\s*<\/Managed>/, `<Managed>${managed ? 1 : 0}</Managed>`);
  if (!xml.includes(`schemaName="${componentName}"`)) {
    // Type 66 = custom control; behavior 0 = include the component with all its subcomponents.
    xml = addChild(xml, "RootComponents", [`<RootComponent type="66" schemaName="${componentName}" behavior="0" />`]);
  }
  return packagerText(xml);
}

function builtCustomizationsXml(customizationsXml, { componentName }) {
  if (customizationsXml.includes(`<Name>${componentName}</Name>`)) return packagerText(customizationsXml);
  return packagerText(
    addChild(customizationsXml, "CustomControls", [
      "<CustomControl>",
      `  <Name>${componentName}</Name>`,
      `  <FileName>/Controls/${componentName}/ControlManifest.xml</FileName>`,
      "</CustomControl>",
    ]),
  );
}

/** One Default per extension present (xml first, as text/xml), one Override per control manifest. */
function contentTypesXml(entryNames) {
  const extensions = ["xml"];
  for (const name of entryNames) {
    const extension = path.posix.extname(name).slice(1).toLowerCase();
    if (extension && !extensions.includes(extension)) extensions.push(extension);
  }
  const defaults = extensions.map(
    (extension) =>
      `<Default Extension="${extension}" ContentType="${extension === "xml" ? "text/xml" : "application/octet-stream"}" />`,
  );
  const overrides = entryNames
    .filter((name) => /^Controls\/[^/]+\/ControlManifest\.xml$/.test(name))
    .map((name) => `<Override PartName="/${name}" ContentType="application/octet-stream" />`);
  return Buffer.concat([
    BOM,
    Buffer.from(
      '<?xml version="1.0" encoding="utf-8"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        defaults.join("") +
        overrides.join("") +
        "</Types>",
      "utf8",
    ),
  ]);
}

/** Entries in the order Microsoft's build writes them; [Content_Types].xml last. */
function solutionEntries(source, build, { managed }) {
  const componentName = `${source.solution.publisher.customizationPrefix}_${build.built.namespace}.${build.built.constructor}`;
  const entries = [
    { name: "customizations.xml", bytes: builtCustomizationsXml(source.customizationsXml, { componentName }) },
    { name: "solution.xml", bytes: builtSolutionXml(source.solutionXml, { managed, componentName }) },
    ...build.files.map((file) => ({ name: `Controls/${componentName}/${file.relative}`, bytes: file.bytes })),
  ];
  entries.push({ name: "[Content_Types].xml", bytes: contentTypesXml(entries.map((entry) => entry.name)) });
  return entries;
}

async function zipBytes(entries, date) {
  const zip = new JSZip();
  // createFolders: false, or JSZip adds "Controls/" directory entries that SolutionPackager never writes.
  for (const { name, bytes } of entries) zip.file(name, bytes, { createFolders: false, date, binary: true });
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
    platform: "DOS",
  });
}

/** Both zips land together or not at all: write to temporary names, then rename. */
function writeAtomically(files) {
  const temporary = files.map(({ file, bytes }) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, bytes);
    return { temp, file };
  });
  try {
    for (const { temp, file } of temporary) fs.renameSync(temp, file);
  } finally {
    for (const { temp } of temporary) fs.rmSync(temp, { force: true });
  }
}

/**
 * Packs an existing build into the two solution zips. Throws ProjectError (and writes nothing) when
 * anything is missing, stale, a development build, or out of step with the version copies.
 */
export async function packageSolution({
  root = DEFAULT_ROOT,
  buildDir = path.join(root, PATHS.buildDir),
  outDir = path.join(root, PATHS.outDir),
  date = process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date(),
} = {}) {
  const source = readSource(root);
  const build = readBuild(buildDir, source.sourceManifest);
  const baseName = `${source.solution.uniqueName}_${solutionVersionOf(source.version).replace(/\./g, "_")}`;

  const outputs = [];
  for (const managed of [false, true]) {
    const entries = solutionEntries(source, build, { managed });
    outputs.push({
      managed,
      file: path.join(outDir, `${baseName}${managed ? "_managed" : ""}.zip`),
      entries: entries.map((entry) => entry.name),
      bytes: await zipBytes(entries, date),
    });
  }
  writeAtomically(outputs);
  return {
    version: solutionVersionOf(source.version),
    outputs: outputs.map(({ managed, file, entries, bytes }) => ({ managed, file, entries, size: bytes.length })),
  };
}

/** `npm run build:prod` with telemetry off; the same build the cdsproj runs in Release. */
function runProductionBuild(root) {
  const env = { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true" };
  // Under `npm run`, npm_execpath is npm's own CLI script: reuse it so the same npm runs the build.
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli?.endsWith(".js")
    ? [process.execPath, [npmCli, "run", "build:prod"]]
    : ["npm", ["run", "build:prod"]];
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit", shell: process.platform === "win32" && command === "npm" });
  if (result.status !== 0) {
    throw new ProjectError([`the production build failed (npm run build:prod exited with ${result.status ?? result.signal})`]);
  }
}

function parseArguments(argv) {
  const options = {};
  const pathOptions = { "--root": "root", "--build-dir": "buildDir", "--out-dir": "outDir" };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument in pathOptions && argv[i + 1]) options[pathOptions[argument]] = path.resolve(argv[++i]);
    else if (argument === "--skip-build") options.skipBuild = true;
    else if (argument === "--help" || argument === "-h") options.help = true;
    else throw new Error(`unknown argument "${argument}"`);
  }
  if (options.root && !options.buildDir) options.buildDir = path.join(options.root, PATHS.buildDir);
  if (options.root && !options.outDir) options.outDir = path.join(options.root, PATHS.outDir);
  return options;
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`package-solution: ${error.message} (see --help)`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log("usage: node scripts/package-solution.mjs [--skip-build] [--root DIR] [--build-dir DIR] [--out-dir DIR]");
    return;
  }
  try {
    // Check the version copies before spending a build on them.
    checkedVersion(options.root ?? DEFAULT_ROOT);
    if (!options.skipBuild) runProductionBuild(options.root ?? DEFAULT_ROOT);
    const result = await packageSolution(options);
    console.log(`Solution ${result.version}:`);
    for (const output of result.outputs) {
      console.log(`  ${output.managed ? "managed  " : "unmanaged"} ${output.file} (${output.entries.length} entries, ${output.size} bytes)`);
    }
  } catch (error) {
    if (!(error instanceof ProjectError)) throw error;
    console.error("Solution packaging failed; no zip was written:");
    for (const problem of error.problems) console.error(`  - ${problem}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
