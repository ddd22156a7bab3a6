#!/usr/bin/env node
// Raises the control version and every copy of it together.
//
//   npm run version:bump                 1.0.0 -> 1.0.1 (patch is the default)
//   npm run version:bump -- minor        1.0.1 -> 1.1.0
//   npm run version:bump -- major        1.1.0 -> 2.0.0
//   npm run version:bump -- 1.4.0        an explicit version, higher than the current one
//   npm run version:bump -- sync         no bump: copy the manifest's version into the other files
//   node scripts/bump-version.mjs minor --root <dir>    (another checkout; used by the tests)
//
// The source of truth is the control `version` in ControlManifest.Input.xml: Dataverse caches control
// bundles by it, so every release needs a higher one. The copies (see lib/project.mjs) are Solution.xml
// <Version> (the same plus ".0"), package.json and package-lock.json. All files are computed first and
// written only when every one of them could be updated.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  CONTROL_VERSION,
  PATHS,
  ProjectError,
  checkedVersion,
  readText,
  readVersionCopies,
  solutionVersionOf,
  writeText,
} from "./lib/project.mjs";

const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The version after `change` (patch, minor, major, sync or x.y.z) is applied to `current`. */
export function nextVersion(current, change) {
  const [major, minor, patch] = current.split(".").map(Number);
  switch (change) {
    case "patch":
      return `${major}.${minor}.${patch + 1}`;
    case "minor":
      return `${major}.${minor + 1}.0`;
    case "major":
      return `${major + 1}.0.0`;
    case "sync":
      return current;
    default:
      if (!CONTROL_VERSION.test(change)) {
        throw new ProjectError([`unknown bump "${change}": use patch, minor, major, sync or a version like 1.2.3`]);
      }
      if (compareVersions(change, current) <= 0) {
        throw new ProjectError([
          `${change} is not higher than the current version ${current}: Dataverse would keep serving the cached bundle`,
        ]);
      }
      return change;
  }
}

function compareVersions(a, b) {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (left[i] !== right[i]) return left[i] - right[i];
  return 0;
}

/** Replaces the first match of `pattern` that is not inside an XML comment; fails if there is none. */
function replaceOutsideComments(text, pattern, replacement, what) {
  // Blank out comments (keeping offsets) so a commented-out example can't be matched.
  const masked = text.replace(/<!--[\s\S]*?-->/g, (comment) => " ".repeat(comment.length));
  const match = pattern.exec(masked);
  if (!match) throw new ProjectError([`could not find ${what}`]);
  const updated = match[0].replace(pattern, replacement);
  return text.slice(0, match.index) + updated + text.slice(match.index + match[0].length);
}

function withManifestVersion(text, version) {
  return replaceOutsideComments(
    text,
    /(<control\b[^>]*?\sversion\s*=\s*")[^"]*(")/,
    `$1${version}$2`,
    `the control version attribute in ${PATHS.manifest}`,
  );
}

function withSolutionVersion(text, version) {
  // The first <Version> is the solution's (the publisher block has none).
  return replaceOutsideComments(
    text,
    /(<Version>)[^<]*(<\/Version>)/,
    `$1${solutionVersionOf(version)}$2`,
    `<Version> in ${PATHS.solutionXml}`,
  );
}

/** npm writes JSON with two-space indents and a final newline; keep that so diffs show only the version. */
function jsonText(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** New contents of every file that carries the version, keyed by absolute path. */
function plannedWrites(root, version) {
  const writes = new Map();
  const manifestFile = path.join(root, PATHS.manifest);
  const manifest = readText(manifestFile);
  writes.set(manifestFile, { ...manifest, text: withManifestVersion(manifest.text, version) });

  const solutionFile = path.join(root, PATHS.solutionXml);
  const solution = readText(solutionFile);
  writes.set(solutionFile, { ...solution, text: withSolutionVersion(solution.text, version) });

  const packageFile = path.join(root, PATHS.packageJson);
  const pkg = JSON.parse(fs.readFileSync(packageFile, "utf8"));
  writes.set(packageFile, { text: jsonText({ ...pkg, version }), hasBom: false });

  const lockFile = path.join(root, PATHS.packageLock);
  if (fs.existsSync(lockFile)) {
    const lock = JSON.parse(fs.readFileSync(lockFile, "utf8"));
    lock.version = version;
    if (lock.packages?.[""]) lock.packages[""].version = version;
    writes.set(lockFile, { text: jsonText(lock), hasBom: false });
  }
  return writes;
}

/** Applies `change` in the checkout at `root`; returns the old and new versions. */
export function bumpVersion({ root = DEFAULT_ROOT, change = "patch" } = {}) {
  // A bump starts from agreeing copies, so a half-applied earlier edit can't be carried forward.
  // `sync` is the way out of disagreement: it copies the manifest's version everywhere.
  const current = change === "sync" ? readVersionCopies(root)[0].found : checkedVersion(root);
  if (!CONTROL_VERSION.test(current ?? "")) {
    throw new ProjectError([`${PATHS.manifest}: control version "${current}" must be three numbers, major.minor.patch`]);
  }
  const version = nextVersion(current, change);
  const writes = plannedWrites(root, version);
  for (const [file, content] of writes) writeText(file, content);
  checkedVersion(root); // Re-read: proves every copy now agrees.
  return { from: current, to: version, files: [...writes.keys()].map((file) => path.relative(root, file)) };
}

function parseArguments(argv) {
  const options = { root: DEFAULT_ROOT, change: "patch" };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--root") options.root = path.resolve(argv[++i]);
    else if (argv[i] === "--help" || argv[i] === "-h") options.help = true;
    else options.change = argv[i];
  }
  return options;
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.help) {
    console.log("usage: npm run version:bump -- [patch|minor|major|sync|x.y.z]   (default: patch)");
    return;
  }
  try {
    const { from, to, files } = bumpVersion(options);
    console.log(from === to ? `Version ${to} copied to:` : `Version ${from} -> ${to} in:`);
    for (const file of files) console.log(`  ${file}`);
    console.log("Next: npm run package, then import the managed zip as an upgrade (docs/SOLUTION.md).");
  } catch (error) {
    if (!(error instanceof ProjectError)) throw error;
    console.error("version:bump failed; no file was changed:");
    for (const problem of error.problems) console.error(`  - ${problem}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
