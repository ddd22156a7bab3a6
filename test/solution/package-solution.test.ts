/**
 * `npm run package` output, read back with yauzl and a conforming XML parser, against the rules read off
 * Microsoft-built solution zips (../shared/reference/solution-zip/README.md). The build is synthetic
 * (support.ts), so these tests don't depend on the control code compiling.
 */
import * as fs from "fs";
import * as path from "path";
import {
  BOM,
  CONTROL_FOLDER,
  OUT_DIR,
  type ZipEntry,
  childElements,
  listFiles,
  makeSandbox,
  parseXml,
  read,
  readZip,
  removeSandboxes,
  runPackager,
  runScript,
  textAt,
  writeBuild,
  zipPaths,
} from "./support";

const FOLDER = `Controls/${CONTROL_FOLDER}`;
const ENTRIES = [
  "customizations.xml",
  "solution.xml",
  `${FOLDER}/ControlManifest.xml`,
  `${FOLDER}/bundle.js`,
  `${FOLDER}/bundle.js.LICENSE.txt`,
  `${FOLDER}/css/SessionRegistrationGrid.css`,
  // Every language the manifest ships, in the order SolutionPackager writes them (by name).
  ...[1025, 1031, 1033, 1036, 1041].map((lcid) => `${FOLDER}/strings/SessionRegistrationGrid.${lcid}.resx`),
  "[Content_Types].xml",
];
const DEFLATE = 8;

/** What SolutionPackager does to a source file: UTF-8 with BOM, CRLF line ends. */
function asPackaged(text: string): Buffer {
  return Buffer.concat([BOM, Buffer.from(text.replace(/^\uFEFF/, "").replace(/\r?\n/g, "\r\n"), "utf8")]);
}

function entry(entries: ZipEntry[], name: string): ZipEntry {
  const found = entries.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${name} is not in the zip`);
  return found;
}

let root: string;
let buildDir: string;
let unmanaged: ZipEntry[];
let managed: ZipEntry[];

beforeAll(async () => {
  root = makeSandbox();
  buildDir = writeBuild(root);
  const run = runPackager(root);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  unmanaged = await readZip(zipPaths(root).unmanaged);
  managed = await readZip(zipPaths(root).managed);
});

afterAll(removeSandboxes);

describe.each([
  ["unmanaged", () => unmanaged, "0"],
  ["managed", () => managed, "1"],
])("the %s zip", (_kind, entries, managedFlag) => {
  it("has Microsoft's entries in Microsoft's order, no directory entries, all deflated", () => {
    expect(entries().map((candidate) => candidate.name)).toEqual(ENTRIES);
    for (const candidate of entries()) {
      expect(candidate.name).not.toMatch(/\/$|\\/);
      expect([candidate.name, candidate.compressionMethod]).toEqual([candidate.name, DEFLATE]);
    }
  });

  it("has byte-order marks on solution.xml, customizations.xml and [Content_Types].xml only", () => {
    const withBom = entries()
      .filter((candidate) => candidate.bytes.subarray(0, 3).equals(BOM))
      .map((candidate) => candidate.name);
    expect(withBom).toEqual(["customizations.xml", "solution.xml", "[Content_Types].xml"]);
  });

  it("has XML entries (xml and resx) that all parse", () => {
    const xmlEntries = entries().filter((candidate) => /\.(xml|resx)$/.test(candidate.name));
    expect(xmlEntries).toHaveLength(9); // solution, customizations, content types, manifest, five resx
    for (const candidate of xmlEntries) expect(() => parseXml(candidate.bytes)).not.toThrow();
  });

  it(`has solution.xml = the source Solution.xml with Managed ${managedFlag} and the type-66 root component`, () => {
    const bytes = entry(entries(), "solution.xml").bytes;
    const source = read(root, "solution/src/Other/Solution.xml");
    expect(source).toContain("<Managed>2</Managed>");
    expect(source).toContain("    <RootComponents />\n");
    const expected = source
      .replace("<Managed>2</Managed>", `<Managed>${managedFlag}</Managed>`)
      .replace(
        "    <RootComponents />\n",
        "    <RootComponents>\n" +
          `      <RootComponent type="66" schemaName="${CONTROL_FOLDER}" behavior="0" />\n` +
          "    </RootComponents>\n",
      );
    expect(bytes.toString("utf8")).toBe(asPackaged(expected).toString("utf8"));

    const manifest = childElements(parseXml(bytes).documentElement, "SolutionManifest")[0];
    expect(textAt(manifest, "UniqueName")).toBe("SessionRegistrationGrid");
    expect(childElements(childElements(manifest, "LocalizedNames")[0], "LocalizedName")[0].getAttribute("description")).toBe(
      "Session Registration Grid",
    );
    expect(textAt(manifest, "Version")).toBe("1.0.0.0");
    expect(textAt(manifest, "Managed")).toBe(managedFlag);
    expect(textAt(manifest, "Publisher", "UniqueName")).toBe("eventops");
    expect(textAt(manifest, "Publisher", "CustomizationPrefix")).toBe("evops");
    expect(textAt(manifest, "Publisher", "CustomizationOptionValuePrefix")).toBe("10417");
    const roots = childElements(childElements(manifest, "RootComponents")[0], "RootComponent");
    expect(roots.map((element) => [element.getAttribute("type"), element.getAttribute("schemaName"), element.getAttribute("behavior")])).toEqual([
      ["66", CONTROL_FOLDER, "0"],
    ]);
  });

  it("has customizations.xml with the CustomControl pointing at its ControlManifest.xml", () => {
    const bytes = entry(entries(), "customizations.xml").bytes;
    // Microsoft's built customizations.xml, line for line, with our control's name.
    const expected = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      "  <Entities />",
      "  <Roles />",
      "  <Workflows />",
      "  <FieldSecurityProfiles />",
      "  <Templates />",
      "  <EntityMaps />",
      "  <EntityRelationships />",
      "  <OrganizationSettings />",
      "  <optionsets />",
      "  <CustomControls>",
      "    <CustomControl>",
      `      <Name>${CONTROL_FOLDER}</Name>`,
      `      <FileName>/${FOLDER}/ControlManifest.xml</FileName>`,
      "    </CustomControl>",
      "  </CustomControls>",
      "  <SolutionPluginAssemblies />",
      "  <EntityDataProviders />",
      "  <Languages>",
      "    <Language>1033</Language>",
      "  </Languages>",
      "</ImportExportXml>",
    ].join("\n");
    expect(bytes.toString("utf8")).toBe(asPackaged(expected).toString("utf8"));

    const controls = childElements(childElements(parseXml(bytes).documentElement, "CustomControls")[0], "CustomControl");
    expect(controls).toHaveLength(1);
    const fileName = textAt(controls[0], "FileName")!;
    expect(entries().map((candidate) => `/${candidate.name}`)).toContain(fileName);
  });

  it("has [Content_Types].xml with a Default per extension present and an Override per control manifest", () => {
    const bytes = entry(entries(), "[Content_Types].xml").bytes;
    expect(bytes.toString("utf8")).toBe(
      "\uFEFF" +
        '<?xml version="1.0" encoding="utf-8"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="text/xml" />' +
        '<Default Extension="js" ContentType="application/octet-stream" />' +
        '<Default Extension="txt" ContentType="application/octet-stream" />' +
        '<Default Extension="css" ContentType="application/octet-stream" />' +
        '<Default Extension="resx" ContentType="application/octet-stream" />' +
        `<Override PartName="/${FOLDER}/ControlManifest.xml" ContentType="application/octet-stream" />` +
        "</Types>",
    );
    const types = parseXml(bytes).documentElement;
    const defaults = childElements(types, "Default").map((element) => element.getAttribute("Extension"));
    const present = new Set(entries().map((candidate) => path.extname(candidate.name).slice(1)));
    expect(new Set(defaults)).toEqual(present);
  });

  it("has the processed manifest and every file of the build byte for byte, and nothing else", () => {
    const controlEntries = entries().filter((candidate) => candidate.name.startsWith(`${FOLDER}/`));
    expect(controlEntries.map((candidate) => candidate.name.slice(FOLDER.length + 1)).sort()).toEqual(listFiles(buildDir));
    for (const candidate of controlEntries) {
      expect(candidate.bytes.equals(fs.readFileSync(path.join(buildDir, candidate.name.slice(FOLDER.length + 1))))).toBe(true);
    }
    // The processed manifest (code → bundle.js, built-by), keeping the plain namespace: only the folder
    // carries the publisher prefix.
    const control = parseXml(entry(entries(), `${FOLDER}/ControlManifest.xml`).bytes).getElementsByTagName("control")[0];
    expect(["namespace", "constructor", "version"].map((name) => control.getAttribute(name))).toEqual([
      "EventOps",
      "SessionRegistrationGrid",
      "1.0.0",
    ]);
    expect(control.getElementsByTagName("code")[0].getAttribute("path")).toBe("bundle.js");
    expect(control.getElementsByTagName("built-by")).toHaveLength(1);
  });

  it("has every file its manifest names (code, css, resx) and keeps the platform libraries", () => {
    const control = parseXml(entry(entries(), `${FOLDER}/ControlManifest.xml`).bytes).getElementsByTagName("control")[0];
    const resources = childElements(control, "resources")[0];
    const named = [...resources.children]
      .filter((element) => ["code", "css", "resx", "img", "html"].includes(element.localName))
      .map((element) => element.getAttribute("path"));
    expect(named).toEqual(["bundle.js", "css/SessionRegistrationGrid.css", ...[1031, 1036, 1041, 1025, 1033].map((lcid) => `strings/SessionRegistrationGrid.${lcid}.resx`)]);
    const names = entries().map((candidate) => candidate.name);
    for (const relative of named) expect(names).toContain(`${FOLDER}/${relative}`);
    const libraries = childElements(resources, "platform-library").map((element) => element.getAttribute("name"));
    expect(libraries).toEqual(["React", "Fluent"]);
  });
});

it("writes exactly two zips, named like a Dataverse export of version 1.0.0.0", () => {
  expect(listFiles(path.join(root, OUT_DIR))).toEqual([
    "SessionRegistrationGrid_1_0_0_0.zip",
    "SessionRegistrationGrid_1_0_0_0_managed.zip",
  ]);
});

it("makes the unmanaged and managed zips differ only in the Managed flag", () => {
  expect(managed.map((candidate) => candidate.name)).toEqual(unmanaged.map((candidate) => candidate.name));
  unmanaged.forEach((candidate, index) => {
    const other = managed[index].bytes.toString("utf8");
    const mine = candidate.bytes.toString("utf8");
    if (candidate.name === "solution.xml") {
      expect(other).toBe(mine.replace("<Managed>0</Managed>", "<Managed>1</Managed>"));
    } else {
      expect([candidate.name, other]).toEqual([candidate.name, mine]);
    }
  });
});

it("leaves bundle.js.LICENSE.txt and the txt content type out when the build has no license file", async () => {
  const bare = makeSandbox();
  writeBuild(bare, { license: false });
  expect(runPackager(bare).status).toBe(0);
  const entries = await readZip(zipPaths(bare).managed);
  expect(entries.map((candidate) => candidate.name)).toEqual(ENTRIES.filter((name) => !name.endsWith(".LICENSE.txt")));
  const contentTypes = entry(entries, "[Content_Types].xml").bytes.toString("utf8");
  expect(contentTypes).not.toContain('Extension="txt"');
  expect(contentTypes).toContain('Extension="js"');
});

it("produces zips that scripts/verify-solution.mjs (the CI check for the real zips) accepts", () => {
  const { unmanaged: first, managed: second } = zipPaths(root);
  const run = runScript("verify-solution.mjs", [first, second, "--root", root, "--build-dir", buildDir]);
  expect(run.stderr).toBe("");
  expect(run.stdout).toMatch(/^ok .*_1_0_0_0\.zip \(12 entries\)\nok .*_1_0_0_0_managed\.zip \(12 entries\)\n$/);
  expect(run.status).toBe(0);
});
