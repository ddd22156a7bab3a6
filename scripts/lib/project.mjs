// Where the project keeps the files that describe the control and its solution, and how to read them.
// Shared by package-solution.mjs and bump-version.mjs so both agree on the version rules.
//
// These files are machine-written XML of a fixed shape (pac / pcf-scripts templates), so a few anchored
// regular expressions read them; the output check (verify-solution.mjs) parses with a real XML parser.
import fs from "node:fs";
import path from "node:path";

/** Paths relative to the repository root. */
export const PATHS = {
  manifest: "SessionRegistrationGrid/ControlManifest.Input.xml",
  solutionXml: "solution/src/Other/Solution.xml",
  customizationsXml: "solution/src/Other/Customizations.xml",
  packageJson: "package.json",
  packageLock: "package-lock.json",
  buildDir: "out/controls/SessionRegistrationGrid",
  outDir: "out/solution",
};

/** Thrown for anything a person must fix; `problems` lists every one found, not just the first. */
export class ProjectError extends Error {
  constructor(problems) {
    super(problems.join("\n"));
    this.name = "ProjectError";
    this.problems = problems;
  }
}

const BOM = "\uFEFF";

/** Reads a UTF-8 text file, remembering whether it had a byte-order mark so a rewrite can keep it. */
export function readText(file) {
  const raw = fs.readFileSync(file, "utf8");
  const hasBom = raw.startsWith(BOM);
  return { text: hasBom ? raw.slice(1) : raw, hasBom };
}

export function writeText(file, { text, hasBom }) {
  fs.writeFileSync(file, (hasBom ? BOM : "") + text, "utf8");
}

function stripComments(xml) {
  return xml.replace(/<!--[\s\S]*?-->/g, "");
}

function decodeEntities(value) {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Attributes of one start tag, e.g. `namespace="EventOps" version="1.0.0"`. */
function parseAttributes(source) {
  const attributes = {};
  for (const match of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[match[1]] = decodeEntities(match[2] ?? match[3]);
  }
  return attributes;
}

/** Resource elements that name a file shipped next to bundle.js (platform-library names none). */
const FILE_RESOURCES = ["css", "resx", "img", "html"];

/**
 * Reads a control manifest (ControlManifest.Input.xml or the processed ControlManifest.xml).
 * Returns the identity, the version, the code path, every other file the manifest names and the platform
 * libraries (React, Fluent) the host provides at runtime.
 */
export function parseControlManifest(xml) {
  const text = stripComments(xml);
  const control = text.match(/<control\b([^>]*)>/);
  if (!control) throw new ProjectError(["no <control> element in the manifest"]);
  const { namespace, constructor, version } = parseAttributes(control[1]);

  const resourcesBlock = text.match(/<resources\b[^>]*>([\s\S]*?)<\/resources>/)?.[1] ?? "";
  const files = [];
  const platformLibraries = [];
  let codePath;
  for (const match of resourcesBlock.matchAll(/<([\w-]+)\b([^>]*?)\/?>/g)) {
    const [, element, attributeSource] = match;
    const { path: resourcePath, name, version: libraryVersion } = parseAttributes(attributeSource);
    if (element === "code") codePath = resourcePath;
    else if (element === "platform-library") platformLibraries.push({ name, version: libraryVersion });
    else if (FILE_RESOURCES.includes(element) && resourcePath) files.push({ element, path: resourcePath });
  }
  return { namespace, constructor, version, codePath, files, platformLibraries };
}

/** The text of the first `<tag>text</tag>` inside `xml`, or undefined. */
function elementText(xml, tag) {
  const match = xml.match(new RegExp(`<${tag}>([^<]*)</${tag}>`));
  return match ? decodeEntities(match[1].trim()) : undefined;
}

/** Reads the solution's unique name, version and publisher from Solution.xml (source form). */
export function parseSolutionXml(xml) {
  const text = stripComments(xml);
  const manifest = text.match(/<SolutionManifest>([\s\S]*)<\/SolutionManifest>/)?.[1] ?? "";
  const publisherBlock = manifest.match(/<Publisher>([\s\S]*?)<\/Publisher>/)?.[1] ?? "";
  // The solution's own UniqueName comes before the Publisher block, whose UniqueName is the publisher's.
  const beforePublisher = manifest.split("<Publisher>")[0];
  return {
    uniqueName: elementText(beforePublisher, "UniqueName"),
    version: elementText(beforePublisher, "Version"),
    managed: elementText(beforePublisher, "Managed"),
    publisher: {
      uniqueName: elementText(publisherBlock, "UniqueName"),
      customizationPrefix: elementText(publisherBlock, "CustomizationPrefix"),
      optionValuePrefix: elementText(publisherBlock, "CustomizationOptionValuePrefix"),
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Version: the control's `version` in ControlManifest.Input.xml is the one source of truth (Dataverse
// caches bundles by it). Every other file carries a copy that must match it:
//   Solution.xml <Version>   = <control version>.0   (solutions take four parts)
//   package.json "version"    = <control version>
//   package-lock.json         = <control version>   (root "version" and packages[""].version)
// ---------------------------------------------------------------------------------------------------

export const CONTROL_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function solutionVersionOf(controlVersion) {
  return `${controlVersion}.0`;
}

/** Every copy of the version in the repository at `root`, keyed by the file that holds it. */
export function readVersionCopies(root) {
  const manifest = parseControlManifest(readText(path.join(root, PATHS.manifest)).text);
  const solution = parseSolutionXml(readText(path.join(root, PATHS.solutionXml)).text);
  const copies = [
    { file: PATHS.manifest, found: manifest.version, isSource: true },
    { file: PATHS.solutionXml, found: solution.version, expected: (v) => solutionVersionOf(v) },
    { file: PATHS.packageJson, found: readJson(root, PATHS.packageJson).version, expected: (v) => v },
  ];
  const lockFile = path.join(root, PATHS.packageLock);
  if (fs.existsSync(lockFile)) {
    const lock = readJson(root, PATHS.packageLock);
    copies.push({ file: `${PATHS.packageLock} (version)`, found: lock.version, expected: (v) => v });
    copies.push({
      file: `${PATHS.packageLock} (packages[""].version)`,
      found: lock.packages?.[""]?.version,
      expected: (v) => v,
    });
  }
  return copies;
}

/** The control version, or a ProjectError listing the malformed or disagreeing copies. */
export function checkedVersion(root) {
  const copies = readVersionCopies(root);
  const version = copies[0].found;
  if (!CONTROL_VERSION.test(version ?? "")) {
    throw new ProjectError([
      `${PATHS.manifest}: control version "${version}" must be three numbers, major.minor.patch`,
    ]);
  }
  const problems = copies
    .filter((copy) => !copy.isSource && copy.found !== copy.expected(version))
    .map(
      (copy) =>
        `${copy.file} has version "${copy.found}" but the control version in ${PATHS.manifest} is ` +
        `${version}, so it must be "${copy.expected(version)}" (fix: npm run version:bump -- sync)`,
    );
  if (problems.length > 0) throw new ProjectError(problems);
  return version;
}

function readJson(root, file) {
  return JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));
}
