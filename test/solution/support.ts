/**
 * Helpers for the solution packaging tests: a throw-away copy of the project's version-carrying files,
 * a synthetic production build shaped like `pcf-scripts build --buildMode production` output, the
 * scripts run as a user runs them (node, child process), and an independent zip reader (yauzl).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { JSDOM } from "jsdom";
import * as yauzl from "yauzl";

export const REPO = path.resolve(__dirname, "../..");
export const CONTROL_FOLDER = "evops_EventOps.SessionRegistrationGrid";
export const MANIFEST = "SessionRegistrationGrid/ControlManifest.Input.xml";
export const SOLUTION_XML = "solution/src/Other/Solution.xml";
export const BUILD_DIR = "out/controls/SessionRegistrationGrid";
export const OUT_DIR = "out/solution";
export const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The files of the real project a packaging run reads, copied so a test can change them. */
const COPIED = [
  MANIFEST,
  SOLUTION_XML,
  "solution/src/Other/Customizations.xml",
  "solution/src/Other/Relationships.xml",
  "package.json",
];

const sandboxes: string[] = [];

/** A temporary project root with copies of the real source files (and a trimmed package-lock.json). */
export function makeSandbox(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "srg-solution-"));
  sandboxes.push(root);
  for (const file of COPIED) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO, file), path.join(root, file));
  }
  // The real lock is large; the version copies are all that matters here.
  const lock = JSON.parse(fs.readFileSync(path.join(REPO, "package-lock.json"), "utf8"));
  const trimmed = {
    name: lock.name,
    version: lock.version,
    lockfileVersion: lock.lockfileVersion,
    requires: true,
    packages: { "": { name: lock.name, version: lock.packages[""].version } },
  };
  fs.writeFileSync(path.join(root, "package-lock.json"), `${JSON.stringify(trimmed, null, 2)}\n`);
  return root;
}

export function removeSandboxes(): void {
  for (const root of sandboxes.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

export function read(root: string, file: string): string {
  return fs.readFileSync(path.join(root, file), "utf8");
}

export function write(root: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

export function sourceVersion(root: string): string {
  return /<control\b[^>]*\sversion="([^"]+)"/.exec(read(root, MANIFEST))![1];
}

/** css/resx/img/html paths the source manifest names, in manifest order. */
export function namedResources(root: string): { element: string; path: string }[] {
  const resources = /<resources>([\s\S]*?)<\/resources>/.exec(read(root, MANIFEST))![1];
  return [...resources.matchAll(/<(css|resx|img|html)\b[^>]*\spath="([^"]+)"/g)].map((match) => ({
    element: match[1],
    path: match[2],
  }));
}

/** A minified production bundle: webpack library + the registration trailer pcf-scripts appends. */
export const PRODUCTION_BUNDLE =
  "/*! For license information please see bundle.js.LICENSE.txt */\n" +
  'var pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad;(()=>{"use strict";var e={};const t=Reactv16,r=FluentUIReactv81211;' +
  "class o{init(e,t,r){this.c=e}updateView(e){return t.createElement(r.DetailsList,{items:[]})}getOutputs(){return{}}destroy(){}}" +
  "e.SessionRegistrationGrid=o,pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad=e})();\n" +
  "if (window.ComponentFramework && window.ComponentFramework.registerControl) {\n" +
  "\tComponentFramework.registerControl('EventOps.SessionRegistrationGrid', pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad.SessionRegistrationGrid);\n" +
  "} else {\n" +
  "\tvar EventOps = EventOps || {};\n" +
  "\tEventOps.SessionRegistrationGrid = pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad.SessionRegistrationGrid;\n" +
  "\tpcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad = undefined;\n" +
  "}\n";

/** The start of what `pcf-scripts build` (development mode) writes. */
export const DEVELOPMENT_BUNDLE =
  "/*\n" +
  ' * ATTENTION: The "eval" devtool has been used (maybe by default in mode: "development").\n' +
  " */\n" +
  "var pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad;\n" +
  "/******/ (() => { // webpackBootstrap\n" +
  '/******/ \t"use strict";\n' +
  '/***/ "./SessionRegistrationGrid/index.ts"\n' +
  '(__unused_webpack_module, __webpack_exports__, __webpack_require__) {\n' +
  'eval("{__webpack_require__.r(__webpack_exports__);\\n}\\n\\n//# sourceURL=webpack://pcf_tools/./SessionRegistrationGrid/index.ts?");\n' +
  "}\n";

export const LICENSE_TEXT =
  "/*!******************************************************!*\\\n" +
  "  !*** ./SessionRegistrationGrid/index.ts + 9 modules ***!\n" +
  "  \\******************************************************/\n";

/** The processed manifest pcf-scripts writes: no comments, code → bundle.js, api-version, built-by. */
export function processedManifest(sourceManifest: string, version?: string): string {
  let xml = sourceManifest
    .replace(/<!--[\s\S]*?-->\s*/g, "")
    .replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
    .replace(/(<code\b[^>]*\spath=")[^"]*(")/, "$1bundle.js$2")
    .replace(/(<control\b[^>]*?)(\s*>)/, '$1 api-version="1.3.18"$2')
    .replace(/(\s*)<\/control>/, '$1  <built-by name="pac" version="1.51.1"/>$1</control>');
  if (version) xml = xml.replace(/(<control\b[^>]*\sversion=")[^"]*(")/, `$1${version}$2`);
  return xml;
}

export interface BuildOptions {
  /** Version in the built manifest (default: the source's). */
  version?: string;
  /** Write bundle.js.LICENSE.txt (webpack omits it when nothing carries a license comment). */
  license?: boolean;
  bundle?: string | Buffer;
  /** Relative paths to leave out of the build. */
  omit?: string[];
}

/** Writes a production-like build of the sandbox's source manifest into <root>/out/controls/…. */
export function writeBuild(root: string, options: BuildOptions = {}): string {
  const dir = path.join(root, BUILD_DIR);
  fs.rmSync(dir, { recursive: true, force: true });
  const files = new Map<string, string | Buffer>();
  files.set("ControlManifest.xml", processedManifest(read(root, MANIFEST), options.version));
  files.set("bundle.js", options.bundle ?? PRODUCTION_BUNDLE);
  if (options.license ?? true) files.set("bundle.js.LICENSE.txt", LICENSE_TEXT);
  for (const resource of namedResources(root)) {
    const real = path.join(REPO, "SessionRegistrationGrid", resource.path);
    files.set(
      resource.path,
      resource.element === "resx" && fs.existsSync(real)
        ? fs.readFileSync(real)
        : `/* ${resource.path} */\n.srg-root { display: flex; flex-direction: column; }\n`,
    );
  }
  for (const [relative, content] of files) {
    if (options.omit?.includes(relative)) continue;
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), content);
  }
  return dir;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[]): Run {
  const result = spawnSync(process.execPath, [path.join(REPO, "scripts", script), ...args], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Packs the sandbox's synthetic build (never runs the real build). */
export function runPackager(root: string, extra: string[] = []): Run {
  return runScript("package-solution.mjs", ["--root", root, "--skip-build", ...extra]);
}

export function zipPaths(root: string, version = sourceVersion(root)): { unmanaged: string; managed: string } {
  const base = path.join(root, OUT_DIR, `SessionRegistrationGrid_${version.replace(/\./g, "_")}_0`);
  return { unmanaged: `${base}.zip`, managed: `${base}_managed.zip` };
}

/** Files under a folder (relative paths), or [] when it doesn't exist. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((relative) => fs.statSync(path.join(dir, relative)).isFile())
    .sort();
}

export interface ZipEntry {
  name: string;
  compressionMethod: number;
  generalPurposeBitFlag: number;
  bytes: Buffer;
}

/** Every entry of a zip in central-directory order, read with yauzl (not the writer's JSZip). */
export function readZip(file: string): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, decodeStrings: true, strictFileNames: false }, (openError, zip) => {
      if (openError) return reject(openError);
      const entries: ZipEntry[] = [];
      zip.on("error", reject);
      zip.on("end", () => resolve(entries));
      zip.on("entry", (entry: yauzl.Entry) => {
        const record = {
          name: entry.fileName,
          compressionMethod: entry.compressionMethod,
          generalPurposeBitFlag: entry.generalPurposeBitFlag,
        };
        if (entry.fileName.endsWith("/")) {
          entries.push({ ...record, bytes: Buffer.alloc(0) });
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
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

/** Parses UTF-8 XML bytes (BOM allowed) with a conforming XML parser; throws if not well-formed. */
export function parseXml(bytes: Buffer | string): Document {
  const text = (typeof bytes === "string" ? bytes : bytes.toString("utf8")).replace(/^\uFEFF/, "");
  const document = new DOMParser().parseFromString(text, "application/xml");
  const error = document.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return document;
}

/** Text of the first element at the end of a path of child element names. */
export function textAt(element: Element, ...names: string[]): string | undefined {
  let node: Element | undefined = element;
  for (const name of names) node = node && [...node.children].find((element) => element.localName === name);
  return node?.textContent?.trim();
}

export function childElements(element: Element | undefined, name: string): Element[] {
  return [...(element?.children ?? [])].filter((candidate) => candidate.localName === name);
}
