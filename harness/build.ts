/**
 * The control's build (out/controls/SessionRegistrationGrid), read as the platform reads it: the manifest, its
 * css, bundle.js (which registers the control's class) and the resx strings of each language.
 */
import type { FakeParameterValues } from "../test/fixtures";
import type { Context } from "./types";

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface ReactControl {
  init(context: Context, notifyOutputChanged: () => void, state: ComponentFramework.Dictionary): void;
  updateView(context: Context): unknown;
  getOutputs?(): unknown;
  destroy(): void;
}
type ControlClass = new () => ReactControl;

interface ManifestInfo {
  fullName: string;
  codePath: string;
  cssPaths: string[];
  resx: { lcid: number; path: string }[];
  defaults: Partial<FakeParameterValues>;
}

let manifest: ManifestInfo | undefined;
let Control: ControlClass;
const stringsByLcid = new Map<number, Record<string, string>>();
let strings: Record<string, string> = {};

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

async function readManifest(): Promise<ManifestInfo> {
  const xml = new DOMParser().parseFromString(await fetchText("/control/ControlManifest.xml"), "application/xml");
  const control = xml.querySelector("manifest > control");
  if (!control) throw new Error("/control/ControlManifest.xml has no <control>: is the build there?");
  const paths = (selector: string) => [...xml.querySelectorAll(selector)].map((e) => e.getAttribute("path") ?? "");
  const defaults: Record<string, unknown> = {};
  for (const p of xml.querySelectorAll("control > property")) {
    const value = p.getAttribute("default-value");
    if (value === null) continue;
    defaults[p.getAttribute("name") ?? ""] = p.getAttribute("of-type") === "TwoOptions" ? value === "true" : Number(value);
  }
  return {
    fullName: `${control.getAttribute("namespace")}.${control.getAttribute("constructor")}`,
    codePath: paths("resources > code")[0],
    cssPaths: paths("resources > css"),
    resx: paths("resources > resx").map((path) => ({ path, lcid: Number(/\.(\d+)\.resx$/i.exec(path)?.[1] ?? 1033) })),
    defaults: defaults as Partial<FakeParameterValues>,
  };
}

async function loadStrings(path: string): Promise<Record<string, string>> {
  const xml = new DOMParser().parseFromString(await fetchText(`/control/${path}`), "application/xml");
  const strings: Record<string, string> = {};
  for (const data of xml.querySelectorAll("root > data")) {
    strings[data.getAttribute("name") ?? ""] = data.querySelector("value")?.textContent ?? "";
  }
  return strings;
}

function loadCss(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = `/control/${path}`;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`Could not load /control/${path}`));
    document.head.appendChild(link);
  });
}

/** Defines ComponentFramework.registerControl, then runs bundle.js, which calls it with the control's class. */
function loadControl(manifest: ManifestInfo): Promise<ControlClass> {
  return new Promise((resolve, reject) => {
    let registered: ControlClass | undefined;
    (window as any).ComponentFramework = {
      registerControl(name: string, control: ControlClass) {
        if (name !== manifest.fullName) reject(new Error(`registerControl: expected ${manifest.fullName}, got ${name}`));
        registered = control;
      },
    };
    const script = document.createElement("script");
    script.src = `/control/${manifest.codePath}`;
    script.onload = () => (registered ? resolve(registered) : reject(new Error(`${manifest.codePath} did not call ComponentFramework.registerControl`)));
    script.onerror = () => reject(new Error(`Could not load /control/${manifest.codePath}`));
    document.head.appendChild(script);
  });
}

/** Reads the manifest, loads its css and the bundle, then the first language's strings. */
export async function loadBuild(): Promise<void> {
  manifest = await readManifest();
  await Promise.all(manifest.cssPaths.map(loadCss));
  Control = await loadControl(manifest);
  await selectLanguage(defaultLanguage());
}

/** The languages (LCIDs) the manifest has resx files for, English first. */
export function languages(): number[] {
  return (manifest?.resx.map((r) => r.lcid) ?? []).sort((a, b) => Number(b === 1033) - Number(a === 1033));
}

/** English when the manifest has it (the platform's fallback), else the first language listed. */
export const defaultLanguage = () => languages()[0] ?? 1033;

/** Makes a language's strings the current ones (each resx is fetched once); an unknown one gets English. */
export async function selectLanguage(lcid: number): Promise<Record<string, string>> {
  if (!stringsByLcid.has(lcid)) {
    const entry = manifest!.resx.find((r) => r.lcid === lcid) ?? manifest!.resx.find((r) => r.lcid === defaultLanguage());
    stringsByLcid.set(lcid, entry ? await loadStrings(entry.path) : {});
  }
  strings = stringsByLcid.get(lcid)!;
  return strings;
}

/** The strings of the language last mounted ({} until the build is loaded). */
export const currentStrings = () => strings;

/** The manifest's default values of the control's properties. */
export const parameterDefaults = () => manifest!.defaults;

export const newControl = (): ReactControl => new Control();
