/**
 * The solution source in git is what `pac solution init` + `pac solution add-reference` write, so people
 * with the .NET SDK can still `dotnet build` it; and the real repository's version copies agree.
 */
import * as fs from "fs";
import * as path from "path";
import { BOM, REPO, childElements, parseXml, textAt } from "./support";

function bytes(file: string): Buffer {
  return fs.readFileSync(path.join(REPO, file));
}

function hasBom(file: string): boolean {
  return bytes(file).subarray(0, 3).equals(BOM);
}

function elements(document: Document, name: string): Element[] {
  return [...document.getElementsByTagName(name)];
}

describe("solution/SessionRegistrationGrid.cdsproj", () => {
  const file = "solution/SessionRegistrationGrid.cdsproj";
  const project = parseXml(bytes(file));

  it("is an MSBuild solution project with a BOM, as pac writes it", () => {
    expect(hasBom(file)).toBe(true);
    expect(project.documentElement.getAttribute("xmlns")).toBe("http://schemas.microsoft.com/developer/msbuild/2003");
    const imports = elements(project, "Import").map((element) => element.getAttribute("Project"));
    expect(imports).toContain("$(PowerAppsTargetsPath)\\Microsoft.PowerApps.VisualStudio.Solution.targets");
    expect(textAt(project.documentElement, "PropertyGroup", "PowerAppsTargetsPath")).toContain("PowerApps");
    expect(elements(project, "SolutionRootPath").map((element) => element.textContent)).toEqual(["src"]);
    const packages = elements(project, "PackageReference").map((element) => element.getAttribute("Include"));
    expect(packages).toContain("Microsoft.PowerApps.MSBuild.Solution");
  });

  it("references the PCF project at the repository root", () => {
    const references = elements(project, "ProjectReference").map((element) => element.getAttribute("Include")!);
    expect(references).toEqual(["..\\SessionRegistrationGrid.pcfproj"]);
    const target = path.resolve(REPO, "solution", references[0].replace(/\\/g, "/"));
    expect(target).toBe(path.join(REPO, "SessionRegistrationGrid.pcfproj"));
    expect(fs.existsSync(target)).toBe(true);
  });
});

describe("SessionRegistrationGrid.pcfproj", () => {
  const file = "SessionRegistrationGrid.pcfproj";
  const project = parseXml(bytes(file));

  it("is the project pac pcf init writes, building into pcf-scripts' outDir", () => {
    expect(hasBom(file)).toBe(true);
    const imports = elements(project, "Import").map((element) => element.getAttribute("Project"));
    expect(imports).toEqual(
      expect.arrayContaining([
        "$(PowerAppsTargetsPath)\\Microsoft.PowerApps.VisualStudio.Pcf.props",
        "$(PowerAppsTargetsPath)\\Microsoft.PowerApps.VisualStudio.Pcf.targets",
      ]),
    );
    expect(elements(project, "Name").map((element) => element.textContent)).toEqual(["SessionRegistrationGrid"]);
    const outputPath = elements(project, "OutputPath")[0].textContent!;
    const { outDir } = JSON.parse(bytes("pcfconfig.json").toString("utf8"));
    expect(outputPath.replace("$(MSBuildThisFileDirectory)", "./").replace(/\\/g, "/")).toBe(outDir);
    const packages = elements(project, "PackageReference").map((element) => element.getAttribute("Include"));
    expect(packages).toContain("Microsoft.PowerApps.MSBuild.Pcf");
  });
});

describe("solution/src/Other", () => {
  it("Solution.xml names the solution and a real publisher, Managed 2, no root components yet", () => {
    const file = "solution/src/Other/Solution.xml";
    expect(hasBom(file)).toBe(false); // pac writes this one without a BOM; the build adds it.
    const manifest = childElements(parseXml(bytes(file)).documentElement, "SolutionManifest")[0];
    expect(textAt(manifest, "UniqueName")).toBe("SessionRegistrationGrid");
    const name = childElements(childElements(manifest, "LocalizedNames")[0], "LocalizedName")[0];
    expect([name.getAttribute("description"), name.getAttribute("languagecode")]).toEqual(["Session Registration Grid", "1033"]);
    expect(textAt(manifest, "Managed")).toBe("2");
    expect(childElements(manifest, "RootComponents")[0].children).toHaveLength(0);

    const publisher = childElements(manifest, "Publisher")[0];
    expect(textAt(publisher, "UniqueName")).toBe("eventops");
    const publisherName = childElements(childElements(publisher, "LocalizedNames")[0], "LocalizedName")[0];
    expect(publisherName.getAttribute("description")).toBe("EventOps");
    const description = childElements(childElements(publisher, "Descriptions")[0], "Description")[0];
    expect(description.getAttribute("description")).not.toBe("");
    expect(textAt(publisher, "CustomizationPrefix")).toBe("evops");
    const optionValuePrefix = Number(textAt(publisher, "CustomizationOptionValuePrefix"));
    expect(optionValuePrefix).toBe(10417);
    expect(optionValuePrefix).toBeGreaterThanOrEqual(10000);
    expect(optionValuePrefix).toBeLessThanOrEqual(99999);
  });

  it("Customizations.xml and Relationships.xml are pac's, with BOMs, and no custom control yet", () => {
    expect(hasBom("solution/src/Other/Customizations.xml")).toBe(true);
    expect(hasBom("solution/src/Other/Relationships.xml")).toBe(true);
    const customizations = parseXml(bytes("solution/src/Other/Customizations.xml")).documentElement;
    expect(childElements(customizations, "CustomControls")[0].children).toHaveLength(0);
    expect(parseXml(bytes("solution/src/Other/Relationships.xml")).documentElement.localName).toBe("EntityRelationships");
  });
});

it("keeps every copy of the version in step with the control version", () => {
  const manifest = parseXml(bytes("SessionRegistrationGrid/ControlManifest.Input.xml"));
  const version = manifest.getElementsByTagName("control")[0].getAttribute("version")!;
  expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  const solution = parseXml(bytes("solution/src/Other/Solution.xml")).documentElement;
  expect(textAt(solution, "SolutionManifest", "Version")).toBe(`${version}.0`);
  expect(JSON.parse(bytes("package.json").toString("utf8")).version).toBe(version);
  const lock = JSON.parse(bytes("package-lock.json").toString("utf8"));
  expect([lock.version, lock.packages[""].version]).toEqual([version, version]);
});

it("keeps build output out of git", () => {
  const ignored = bytes(".gitignore").toString("utf8").split("\n");
  expect(ignored).toEqual(expect.arrayContaining(["/out", "/solution/bin", "/solution/obj"]));
});
