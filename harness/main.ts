/**
 * The local host page: runs the REAL built control (out/controls/SessionRegistrationGrid/bundle.js) the way a
 * model-driven app does, over the shared fakes of test/fixtures (the same FakeDataverse and PCF context the
 * unit tests use), and exposes `window.harness` for the end-to-end tests and benchmarks (docs/HARNESS.md).
 *
 * Bundled by esbuild as an IIFE (harness/server.mjs). React, ReactDOM and Fluent are NOT bundled: they are the
 * page's globals, loaded from node_modules UMD builds like the platform libraries.
 */
import {
  allRegistrationsView, createFakePcfContext, defaultConference, DEFAULT_ATTENDEES, DEFAULT_SEED, FakeDataverse,
  generateConference, sessionView,
  type ActivityEntry, type Conference, type FailureSpec, type FakeHost, type FakeInputs, type FakeParameterValues,
  type StatusReason, type WebApiCall,
} from "../test/fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Context = ComponentFramework.Context<FakeInputs>;
interface ReactControl {
  init(context: Context, notifyOutputChanged: () => void, state: ComponentFramework.Dictionary): void;
  updateView(context: Context): unknown;
  getOutputs?(): unknown;
  destroy(): void;
}
type ControlClass = new () => ReactControl;

declare global {
  interface Window {
    React: any;
    ReactDOM: any;
    FluentUIReact: any;
    harness: HarnessApi;
    axe?: any;
  }
}

// ---- public API types (documented in docs/HARNESS.md) --------------------------------------------------

export type ViewName = "session" | "all";

export interface MountOptions {
  /** "session": one session's registrations (the subgrid, tens to hundreds); "all": the whole event (> 5,000). */
  view?: ViewName;
  seed?: number;
  /** Attendees of the generated conference (default 1,000: about 9,250 registrations). */
  attendees?: number;
  /**
   * Exactly this many registrations in Dataverse: the first `count` of the generated conference (which gets
   * enough attendees for it). For benchmarks; the subgrid view shows those of them in the default session.
   */
  count?: number;
  /** context.webAPI latency per call, ms (default 0 through the API; the page's own default is 150). */
  latencyMs?: number;
  /** Dataset load latency (refresh, paging, sorting), ms; default 0. */
  datasetLatencyMs?: number;
  metadataLatencyMs?: number;
  /** The control's pageSize property (manifest default 250). */
  pageSize?: number | null;
  /** The host's own page size before the control sets one (a subgrid's "records per page"); default 50. */
  hostPageSize?: number;
  /** The container's size in px (default: the page's width, 560 high); the page lets the user drag it. */
  width?: number;
  height?: number;
  disabled?: boolean;
  writePrivilege?: boolean;
  /** allowCheckInEdit / allowSyncEdit / allowStatusEdit. */
  parameters?: Partial<FakeParameterValues>;
  statusReasons?: StatusReason[];
  /** resx language (LCID) among those the manifest lists; default 1033. */
  languageId?: number;
  errorCodeStyle?: "signed" | "unsigned";
}

export interface RenderRecord {
  seq: number;
  /** updatedProperties of the update that caused it ([] for the first one). */
  updatedProperties: string[];
  /** performance.now() when updateView was called. */
  at: number;
  updateViewMs: number;
  /** ReactDOM.render (legacy, synchronous: render + commit). */
  reactMs: number;
}

export interface RowSummary {
  id: string;
  name: string | null;
  contact: string | null;
  count: number | null;
  synced: number | null;
  state: number;
  status: number;
  version: string;
}

export interface LogEntry {
  time: number;
  kind: string;
  text: string;
  detail?: unknown;
  tone?: "ok" | "error" | "nav";
}

export interface HarnessApi {
  readonly ready: Promise<void>;
  readonly strings: Record<string, string>;
  readonly languages: number[];
  mount(options?: MountOptions): Promise<MountInfo>;
  /** Mounts again over the SAME Dataverse (data kept), with some options changed, like a page reload. */
  remount(changes?: MountOptions): Promise<MountInfo>;
  unmount(): void;
  readonly mounted: boolean;
  readonly options: Required<Pick<MountOptions, "view" | "seed" | "attendees">> & MountOptions;
  readonly dataverse: FakeDataverse;
  readonly host: FakeHost;
  readonly context: Context;
  readonly conference: Conference;
  /** Waits until the dataset has landed, updates were delivered and no webAPI call is in flight. */
  idle(): Promise<void>;
  /** The webAPI calls so far (copies). */
  calls(filter?: { op?: string; id?: string }): WebApiCall[];
  /** update calls: id, payload, outcome, injected failure. */
  updates(id?: string): { id: string; data: Record<string, unknown>; outcome: string; injected?: string; committed?: boolean }[];
  activity(kind?: string): ActivityEntry[];
  /** The page's activity log (platform calls, webAPI calls), oldest first. */
  log(): LogEntry[];
  clearLog(): void;
  /** Rows in the order the dataset serves them now (only the loaded pages), as stored in Dataverse. */
  rows(): RowSummary[];
  row(id: string): RowSummary | undefined;
  failNext(spec: FailureSpec): void;
  setNetwork(online: boolean): void;
  setLatency(ms: number): void;
  changeByAnotherUser(id: string, changes: Record<string, unknown>): RowSummary;
  setDisabled(disabled: boolean): void;
  setWritePrivilege(allowed: boolean): Promise<MountInfo>;
  resize(width: number, height: number): void;
  quickFind(text: string): void;
  refresh(): void;
  /** Id of the grid row that last had focus (the panel's "focused row"). */
  focusedRowId(): string | undefined;
  readonly renders: RenderRecord[];
  onRender(listener: (record: RenderRecord) => void): () => void;
  /** axe-core over the control (loaded on demand from /vendor/axe.min.js). */
  axe(options?: Record<string, unknown>): Promise<{ id: string; impact: string | null; help: string; nodes: string[] }[]>;
}

export interface MountInfo {
  view: string;
  viewName: string;
  /** Registrations the view matches in Dataverse. */
  matching: number;
  loaded: number;
  totalResultCount: number;
}

// ---- platform libraries: icons ------------------------------------------------------------------------

const React = window.React;
const ReactDOM = window.ReactDOM;
const Fluent = window.FluentUIReact;

/** The MDL2 icons Fluent's DetailsList, MessageBar, buttons and progress use, drawn inline (no icon font CDN). */
function registerOfflineIcons(): void {
  const svg = (d: string, extra: Record<string, unknown> = {}) =>
    React.createElement("svg", { viewBox: "0 0 16 16", width: "1em", height: "1em", "aria-hidden": true, focusable: "false", style: { verticalAlign: "-0.125em" } },
      React.createElement("path", { d, fill: "none", stroke: "currentColor", strokeWidth: 1.5, strokeLinecap: "round", strokeLinejoin: "round", ...extra }));
  const solid = (d: string) => svg(d, { fill: "currentColor", stroke: "none" });
  const circle = (filled: boolean) =>
    React.createElement("svg", { viewBox: "0 0 16 16", width: "1em", height: "1em", "aria-hidden": true, focusable: "false" },
      React.createElement("circle", { cx: 8, cy: 8, r: 6.5, fill: filled ? "currentColor" : "none", stroke: "currentColor", strokeWidth: 1 }));
  const check = svg("M3 8.5l3 3 7-7");
  const chevronDown = svg("M4 6l4 4 4-4");
  const chevronUp = svg("M4 10l4-4 4 4");
  const cross = svg("M4 4l8 8M12 4l-8 8");
  const info = React.createElement("svg", { viewBox: "0 0 16 16", width: "1em", height: "1em", "aria-hidden": true, focusable: "false" },
    React.createElement("circle", { cx: 8, cy: 8, r: 6.5, fill: "none", stroke: "currentColor", strokeWidth: 1.2 }),
    React.createElement("path", { d: "M8 7v4.5M8 4.6v.2", stroke: "currentColor", strokeWidth: 1.5, strokeLinecap: "round" }));
  // Fluent's UMD build registers its MDL2 icon font (served from a CDN) as it loads. Drop those, so that an icon
  // missing here shows as Fluent's "used but not registered" warning instead of a network request.
  const registry = (window as any).__globalSettings__?.icons ?? {};
  Fluent.unregisterIcons(Object.keys(registry).filter((name) => !name.startsWith("__")));
  Fluent.registerIcons({
    icons: {
      CheckMark: check,
      StatusCircleCheckmark: check,
      CircleRing: circle(false),
      CircleShapeSolid: circle(true),
      SortUp: svg("M8 13V3M4.5 6.5L8 3l3.5 3.5"),
      SortDown: svg("M8 3v10M4.5 9.5L8 13l3.5-3.5"),
      Sort: svg("M5 13V3M2.5 5.5L5 3l2.5 2.5M11 3v10M8.5 10.5L11 13l2.5-2.5"),
      ChevronDown: chevronDown,
      ChevronDownSmall: chevronDown,
      ChevronDownMed: chevronDown,
      ChevronUp: chevronUp,
      ChevronUpSmall: chevronUp,
      ChevronRight: svg("M6 4l4 4-4 4"),
      ChevronRightMed: svg("M6 4l4 4-4 4"),
      DoubleChevronDown: svg("M4 4l4 4 4-4M4 8.5l4 4 4-4"),
      DoubleChevronUp: svg("M4 12l4-4 4 4M4 7.5l4-4 4 4"),
      Info: info,
      ErrorBadge: svg("M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM5.5 5.5l5 5M10.5 5.5l-5 5"),
      Blocked2: svg("M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM3.5 12.5l9-9"),
      Warning: svg("M8 2L1.5 13.5h13zM8 6.5v3.5M8 12v.2"),
      Completed: svg("M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM5 8.2l2 2 4-4"),
      Clear: cross,
      Cancel: cross,
      More: solid("M3 7h2v2H3zM7 7h2v2H7zM11 7h2v2h-2z"),
      Search: svg("M6.5 2a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zM10 10l4 4"),
      GripperBarVertical: solid("M7 2h2v12H7z"),
      Filter: svg("M2 3h12L9.5 8.5V13l-3-1.5v-3z"),
      GroupedDescending: chevronDown,
    },
  });
}

// ---- the manifest, strings and the bundle, read from the build as the platform does ------------------

interface ManifestInfo {
  fullName: string;
  codePath: string;
  cssPaths: string[];
  resx: { lcid: number; path: string }[];
  defaults: Partial<FakeParameterValues>;
}

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

// ---- state ------------------------------------------------------------------------------------------

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const frame = $("control-frame");
const root = $("control-root");

let Control: ControlClass;
let manifest: ManifestInfo;
const stringsByLcid = new Map<number, Record<string, string>>();
let strings: Record<string, string> = {};

interface Mounted {
  control: ReactControl;
  context: Context;
  host: FakeHost;
  dataverse: FakeDataverse;
  conference: Conference;
  options: HarnessApi["options"];
  unsubscribe: () => void;
}
let current: Mounted | undefined;
let focusedId: string | undefined;
const renders: RenderRecord[] = [];
const renderListeners = new Set<(r: RenderRecord) => void>();
let renderSeq = 0;

const conferences = new Map<string, Conference>();
function conferenceFor(seed: number, attendees: number): Conference {
  if (seed === DEFAULT_SEED && attendees === DEFAULT_ATTENDEES) return defaultConference();
  const key = `${seed}/${attendees}`;
  if (!conferences.has(key)) conferences.set(key, generateConference({ seed, attendees }));
  return conferences.get(key)!;
}

function requireMounted(): Mounted {
  if (!current) throw new Error("harness: nothing is mounted (call harness.mount() first)");
  return current;
}

// ---- mounting ---------------------------------------------------------------------------------------

const OFFLINE: FailureSpec = { kind: "network", op: "any", times: 1_000_000 };

function render(m: Mounted): void {
  if (current !== m) return;
  const at = performance.now();
  const element = m.control.updateView(m.context);
  const mid = performance.now();
  ReactDOM.render(element, root);
  performance.measure("srg:updateView", { start: at, end: mid });
  performance.measure("srg:reactRender", { start: mid, end: performance.now() });
  const record: RenderRecord = { seq: ++renderSeq, updatedProperties: [...(m.context.updatedProperties ?? [])], at, updateViewMs: mid - at, reactMs: performance.now() - mid };
  renders.push(record);
  if (renders.length > 5000) {
    renders.splice(0, renders.length - 5000);
    performance.clearMeasures("srg:updateView");
    performance.clearMeasures("srg:reactRender");
  }
  for (const listener of [...renderListeners]) listener(record);
  scheduleStatus();
}

async function mountWith(options: MountOptions, reuse?: FakeDataverse): Promise<MountInfo> {
  await ready;
  unmount();
  const o: HarnessApi["options"] = {
    view: "session", seed: DEFAULT_SEED, attendees: DEFAULT_ATTENDEES, latencyMs: 0, datasetLatencyMs: 0,
    // By default the control takes the stage's width (the frame has a 1px border) and a form section's height.
    width: Math.max(480, Math.floor(frame.parentElement!.clientWidth) - 2), height: 560,
    disabled: false, writePrivilege: true, languageId: manifest.resx[0]?.lcid ?? 1033, ...options,
  };
  strings = await stringsFor(o.languageId!);
  if (o.count !== undefined && !reuse) o.attendees = Math.max(o.attendees, Math.ceil(o.count / 8) + 10);
  const generated = conferenceFor(o.seed, o.attendees);
  const conference = o.count === undefined ? generated : { ...generated, registrations: generated.registrations.slice(0, o.count) };
  const dataverse = reuse ?? new FakeDataverse({
    data: conference, latencyMs: o.latencyMs, writePrivilege: o.writePrivilege, statusReasons: o.statusReasons, errorCodeStyle: o.errorCodeStyle,
  });
  if (reuse) {
    dataverse.setLatency(o.latencyMs ?? 0);
    dataverse.setWritePrivilege(o.writePrivilege ?? true);
  }
  const view = o.view === "all" ? allRegistrationsView : sessionView();
  frame.style.width = `${o.width}px`;
  frame.style.height = `${o.height}px`;
  const { context, host } = createFakePcfContext({
    dataverse, view, strings,
    parameters: { ...manifest.defaults, ...o.parameters, ...(o.pageSize !== undefined ? { pageSize: o.pageSize } : {}) },
    pageSize: o.hostPageSize, datasetLatencyMs: o.datasetLatencyMs, metadataLatencyMs: o.metadataLatencyMs,
    width: o.width, height: o.height, disabled: o.disabled, label: strings.SessionRegistrations_Display_Key ?? "Session registrations",
  });
  (context.userSettings as { languageId: number }).languageId = o.languageId!;
  const control = new Control();
  const m: Mounted = { control, context, host, dataverse, conference, options: o, unsubscribe: () => undefined };
  current = m;
  focusedId = undefined;
  logCursor = { activity: 0, calls: 0 };
  control.init(context, host.notifyOutputChanged, {});
  render(m);
  m.unsubscribe = host.onUpdate(() => render(m));
  syncPanel();
  await idle();
  return info();
}

function unmount(): void {
  const m = current;
  if (!m) return;
  current = undefined;
  m.unsubscribe();
  try {
    m.control.destroy();
  } finally {
    ReactDOM.unmountComponentAtNode(root);
    m.host.dispose();
  }
}

async function stringsFor(lcid: number): Promise<Record<string, string>> {
  if (!stringsByLcid.has(lcid)) {
    const entry = manifest.resx.find((r) => r.lcid === lcid) ?? manifest.resx[0];
    stringsByLcid.set(lcid, entry ? await loadStrings(entry.path) : {});
  }
  return stringsByLcid.get(lcid)!;
}

function info(): MountInfo {
  const m = requireMounted();
  const ds = m.context.parameters.sessionRegistrations;
  return {
    view: m.options.view,
    viewName: ds.getTitle(),
    matching: m.options.view === "all" ? m.dataverse.count()
      : m.dataverse.snapshot().filter((r) => r._msevtmgt_sessionid_value === m.conference.defaultSessionId.toLowerCase()).length,
    loaded: m.host.dataset.sortedRecordIds.length,
    totalResultCount: m.host.dataset.totalResultCount,
  };
}

async function idle(): Promise<void> {
  const m = requireMounted();
  for (let i = 0; i < 200; i++) {
    await m.host.idle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!m.host.dataset.loading && m.dataverse.inFlight === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function summary(row: ReturnType<FakeDataverse["get"]>, dv: FakeDataverse): RowSummary | undefined {
  if (!row) return undefined;
  return {
    id: row.msevtmgt_sessionregistrationid,
    name: row.msevtmgt_name,
    contact: row._msevtmgt_contactid_value ? dv.nameOf("contact", row._msevtmgt_contactid_value) ?? null : null,
    count: row.msevtmgt_timescheckedin,
    synced: row.msevtmgt_syncedwithprovider,
    state: row.statecode,
    status: row.statuscode,
    version: row.versionnumber,
  };
}

// ---- the activity log --------------------------------------------------------------------------------

const logEntries: LogEntry[] = [];
let logCursor = { activity: 0, calls: 0 };
const logged = new Set<WebApiCall>();
const short = (id?: string) => (id ? id.slice(0, 8) : "");
const json = (value: unknown, max = 160) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
};

function describeActivity(entry: ActivityEntry): LogEntry {
  const d = entry.detail as any;
  const time = performance.now();
  switch (entry.kind) {
    case "openDatasetItem":
      return { time, kind: entry.kind, tone: "nav", detail: d, text: `open ${d?.etn ?? ""} ${short(d?.id?.guid ?? d?.id)} “${d?.name ?? ""}”` };
    case "openForm":
      return { time, kind: entry.kind, tone: "nav", detail: d, text: `open form ${d?.options?.entityName ?? ""} ${short(d?.options?.entityId)}` };
    case "setSelectedRecordIds":
      return { time, kind: entry.kind, detail: d, text: `${(d as string[]).length} selected${(d as string[]).length ? ": " + (d as string[]).map(short).join(", ") : ""}` };
    default:
      return { time, kind: entry.kind, detail: d, text: d === undefined ? "" : json(d) };
  }
}

function describeCall(call: WebApiCall): LogEntry {
  const target = call.id ? `${call.entity}(${short(call.id)})` : call.entity;
  const what = call.op === "update" || call.op === "create" ? json(call.data) : call.options ? decodeURIComponent(call.options) : "";
  const took = call.end !== undefined ? ` ${Math.round(call.end - call.start)} ms` : "";
  const result = call.outcome === "ok" ? `ok${took}`
    : `error ${call.error?.status ?? ""} ${call.error?.errorCode ?? ""} ${call.error?.message?.slice(0, 90) ?? ""}${call.injected ? ` [injected ${call.injected}]` : ""}`;
  return { time: performance.now(), kind: `webAPI.${call.op}`, tone: call.outcome === "ok" ? "ok" : "error", detail: { ...call }, text: `${target} ${what} → ${result}` };
}

/** Collects new platform activity and finished webAPI calls (cheap: only what's new since the last tick). */
function collectLog(): boolean {
  const m = current;
  if (!m) return false;
  let added = false;
  const activity = m.host.activityLog;
  for (; logCursor.activity < activity.length; logCursor.activity++) {
    logEntries.push(describeActivity(activity[logCursor.activity]));
    added = true;
  }
  const calls = m.dataverse.calls;
  if (logCursor.calls > calls.length) logCursor.calls = 0; // resetCalls()
  let firstPending = -1;
  for (let i = logCursor.calls; i < calls.length; i++) {
    const call = calls[i];
    if (call.outcome === "pending") {
      if (firstPending < 0) firstPending = i;
      continue;
    }
    if (logged.has(call)) continue;
    logged.add(call);
    logEntries.push(describeCall(call));
    added = true;
  }
  logCursor.calls = firstPending < 0 ? calls.length : firstPending;
  if (logEntries.length > 2000) logEntries.splice(0, logEntries.length - 2000);
  return added;
}

const logList = $("log") as HTMLOListElement;
function drawLog(): void {
  const showReads = ($("show-reads") as HTMLInputElement).checked;
  const entries = logEntries.filter((e) => showReads || !/^webAPI\.retrieve|^(refresh|getEntityMetadata|requestRender|trackContainerResize)$/.test(e.kind)).slice(-150).reverse();
  const fragment = document.createDocumentFragment();
  for (const e of entries) {
    const li = document.createElement("li");
    const time = document.createElement("span");
    time.className = "time";
    time.textContent = `${(e.time / 1000).toFixed(1)}s`;
    const kind = document.createElement("span");
    kind.className = `kind ${e.tone ?? ""}`;
    kind.textContent = e.kind;
    li.append(time, kind, " ", e.text); // text nodes only: names are data, never markup
    fragment.appendChild(li);
  }
  logList.replaceChildren(fragment);
}

// ---- the side panel ------------------------------------------------------------------------------------

const input = (id: string) => $<HTMLInputElement>(id);
let statusQueued = false;
function scheduleStatus(): void {
  if (statusQueued) return;
  statusQueued = true;
  requestAnimationFrame(() => {
    statusQueued = false;
    const m = current;
    if (!m) return;
    const last = renders[renders.length - 1];
    const ds = m.host.dataset;
    $("status").textContent = `${m.context.parameters.sessionRegistrations.getTitle()}: ${ds.sortedRecordIds.length} loaded`
      + `${ds.totalResultCount >= 0 ? ` of ${ds.totalResultCount}` : " (more than 5,000 match)"} · ${m.dataverse.count()} registrations in Dataverse`
      + (last ? ` · last render ${(last.updateViewMs + last.reactMs).toFixed(1)} ms` : "");
    $("status").classList.remove("error");
  });
}

function syncPanel(): void {
  const m = current;
  if (!m) return;
  const o = m.options;
  $<HTMLSelectElement>("view").value = o.view;
  input("seed").value = String(o.seed);
  input("attendees").value = String(o.attendees);
  input("latency").value = String(o.latencyMs ?? 0);
  input("disabled").checked = !!o.disabled;
  input("privilege").checked = o.writePrivilege !== false;
  input("pagesize").value = String(m.context.parameters.pageSize.raw ?? "");
  input("width").value = String(o.width);
  input("height").value = String(o.height);
  input("offline").checked = m.dataverse.pendingFailures().some((f) => f.kind === "network" && (f.times ?? 1) > 1000);
  const language = $<HTMLSelectElement>("language");
  language.replaceChildren(...manifest.resx.map((r) => new Option(r.lcid === 1033 ? "English (1033)" : String(r.lcid), String(r.lcid))));
  language.value = String(o.languageId);
  // Model-driven subgrids report the record they sit on (not in the typings).
  const info = m.options.view === "session" ? (m.context.mode as { contextInfo?: { entityRecordName: string } }).contextInfo : undefined;
  $("form-title").textContent = info ? `Session: ${info.entityRecordName}` : "Session Registrations";
  $("form-subtitle").textContent = `${m.context.parameters.sessionRegistrations.getTitle()} · seed ${o.seed} · ${m.conference.registrations.length} registrations in the event`;
  drawPending();
}

function drawPending(): void {
  const m = current;
  if (!m) return;
  const pending = m.dataverse.pendingFailures();
  $("pending").textContent = pending.length === 0 ? "No failures queued."
    : "Queued: " + pending.map((f) => `${f.kind}${f.op && f.op !== "any" ? " on " + f.op : ""}${f.id ? " of " + short(f.id) : ""}${(f.times ?? 1) > 1000 ? " (until back online)" : (f.times ?? 1) > 1 ? ` ×${f.times}` : ""}`).join(", ");
}

function drawFocused(): void {
  const m = current;
  const row = m && focusedId ? m.dataverse.get(focusedId) : undefined;
  $("focused-row").textContent = row ? `Focused row: ${row.msevtmgt_name ?? "(no name)"} (${short(focusedId)})` : "Focused row: none yet (click or tab into a row).";
}

function showError(error: unknown): void {
  const status = $("status");
  status.textContent = `Error: ${error instanceof Error ? error.message : json(error, 400)}`;
  status.classList.add("error");
}

function panelAction(action: () => unknown): () => void {
  return () => {
    try {
      const result = action();
      if (result instanceof Promise) result.catch(showError);
    } catch (error) {
      showError(error);
    }
    drawPending();
  };
}

function wirePanel(): void {
  const remountFromPanel = (changes: MountOptions, keepData: boolean) => {
    const o = current?.options ?? ({} as MountOptions);
    const next = { ...o, ...changes };
    return keepData && current ? mountWith(next, current.dataverse) : mountWith(next);
  };
  $("view").addEventListener("change", panelAction(() => remountFromPanel({ view: $<HTMLSelectElement>("view").value as ViewName }, true)));
  $("reload").addEventListener("click", panelAction(() =>
    remountFromPanel({ seed: Number(input("seed").value) || DEFAULT_SEED, attendees: Math.max(10, Number(input("attendees").value) || DEFAULT_ATTENDEES) }, false)));
  input("quickfind").addEventListener("keydown", (e) => {
    if (e.key === "Enter") panelAction(() => requireMounted().host.quickFind(input("quickfind").value))();
  });
  input("quickfind").addEventListener("search", panelAction(() => input("quickfind").value === "" && requireMounted().host.quickFind("")));
  $("refresh").addEventListener("click", panelAction(() => requireMounted().host.dataset.refresh()));
  $("fail-load").addEventListener("click", panelAction(() => requireMounted().host.failNextRefresh()));
  input("disabled").addEventListener("change", panelAction(() => api.setDisabled(input("disabled").checked)));
  input("privilege").addEventListener("change", panelAction(() => api.setWritePrivilege(input("privilege").checked)));
  input("pagesize").addEventListener("change", panelAction(() => {
    const value = input("pagesize").value.trim();
    requireMounted().host.setParameters({ pageSize: value === "" ? null : Number(value) });
  }));
  $("language").addEventListener("change", panelAction(() => remountFromPanel({ languageId: Number($<HTMLSelectElement>("language").value) }, true)));
  const applySize = panelAction(() => api.resize(Number(input("width").value), Number(input("height").value)));
  input("width").addEventListener("change", applySize);
  input("height").addEventListener("change", applySize);
  input("latency").addEventListener("change", panelAction(() => api.setLatency(Math.max(0, Number(input("latency").value) || 0))));
  input("offline").addEventListener("change", panelAction(() => api.setNetwork(!input("offline").checked)));
  $("fail-throttle").addEventListener("click", panelAction(() =>
    api.failNext({ kind: "throttle", op: "update", retryAfterSeconds: Math.max(0, Number(input("retry-after").value) || 0) })));
  $("fail-network").addEventListener("click", panelAction(() => api.failNext({ kind: "network" })));
  $("fail-privilege").addEventListener("click", panelAction(() => api.failNext({ kind: "privilege", op: "update" })));
  $("fail-validation").addEventListener("click", panelAction(() => api.failNext({ kind: "validation", op: "update" })));
  $("another-user").addEventListener("click", panelAction(() => {
    const m = requireMounted();
    const id = focusedId ?? m.host.dataset.selected[0] ?? m.host.dataset.sortedRecordIds[0];
    if (!id) throw new Error("No row to change: the grid is empty.");
    const row = m.dataverse.get(id)!;
    // Another person checks the attendee in elsewhere: the count and the row version move.
    api.changeByAnotherUser(id, { msevtmgt_timescheckedin: (row.msevtmgt_timescheckedin ?? 0) + 1 });
    focusedId = id;
    drawFocused();
  }));
  $("clear-log").addEventListener("click", () => {
    logEntries.length = 0;
    drawLog();
  });
  $("show-reads").addEventListener("change", drawLog);

  // The row that last had focus: what "another user changes the focused row" acts on.
  root.addEventListener("focusin", (e) => {
    const rowElement = (e.target as Element).closest?.("[data-item-index]");
    const m = current;
    if (!rowElement || !m) return;
    const id = m.host.dataset.sortedRecordIds[Number(rowElement.getAttribute("data-item-index"))];
    if (id && id !== focusedId) {
      focusedId = id;
      drawFocused();
    }
  });

  // A resizable container, as a form section that the user (or the window) resizes.
  let pending = false;
  new ResizeObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const m = current;
      if (!m) return;
      const width = Math.round(frame.clientWidth), height = Math.round(frame.clientHeight);
      if (width === m.options.width && height === m.options.height) return;
      m.options.width = width;
      m.options.height = height;
      input("width").value = String(width);
      input("height").value = String(height);
      m.host.resize(width, height);
    });
  }).observe(frame);

  setInterval(() => {
    if (!collectLog()) return;
    drawLog();
    drawPending(); // failures are consumed by the calls just logged
  }, 200);
}

// ---- window.harness ------------------------------------------------------------------------------------

const api: HarnessApi = {
  get ready() { return ready; },
  get strings() { return strings; },
  get languages() { return manifest?.resx.map((r) => r.lcid) ?? []; },
  mount: (options = {}) => mountWith(options),
  remount: (changes = {}) => {
    const m = requireMounted();
    return mountWith({ ...m.options, ...changes }, m.dataverse);
  },
  unmount,
  get mounted() { return !!current; },
  get options() { return requireMounted().options; },
  get dataverse() { return requireMounted().dataverse; },
  get host() { return requireMounted().host; },
  get context() { return requireMounted().context; },
  get conference() { return requireMounted().conference; },
  idle,
  calls: (filter = {}) => requireMounted().dataverse.calls
    .filter((c) => (!filter.op || c.op === filter.op) && (!filter.id || c.id === filter.id.toLowerCase()))
    .map((c) => JSON.parse(JSON.stringify(c))),
  updates: (id) => api.calls({ op: "update", id }).map((c) => ({ id: c.id!, data: c.data!, outcome: c.outcome, injected: c.injected, committed: c.committed })),
  activity: (kind) => requireMounted().host.activityLog.filter((e) => !kind || e.kind === kind).map((e) => JSON.parse(JSON.stringify(e))),
  log: () => {
    collectLog();
    return logEntries.map((e) => ({ time: e.time, kind: e.kind, text: e.text, tone: e.tone }));
  },
  clearLog: () => {
    const m = requireMounted();
    m.dataverse.resetCalls();
    m.host.activityLog.length = 0;
    logCursor = { activity: 0, calls: 0 };
    logEntries.length = 0;
    drawLog();
  },
  rows: () => {
    const m = requireMounted();
    return m.host.dataset.sortedRecordIds.map((id) => summary(m.dataverse.get(id), m.dataverse)!).filter(Boolean);
  },
  row: (id) => summary(requireMounted().dataverse.get(id), requireMounted().dataverse),
  failNext: (spec) => {
    requireMounted().dataverse.failNext(spec);
    drawPending();
  },
  setNetwork: (online) => {
    const dv = requireMounted().dataverse;
    // Offline = every call fails as fetch does when the connection drops; back online clears the queue.
    if (online) dv.clearFailures();
    else if (!dv.pendingFailures().some((f) => f.kind === "network" && (f.times ?? 1) > 1000)) dv.failNext(OFFLINE);
    input("offline").checked = !online;
    drawPending();
  },
  setLatency: (ms) => {
    requireMounted().dataverse.setLatency(ms);
    requireMounted().options.latencyMs = ms;
    input("latency").value = String(ms);
  },
  changeByAnotherUser: (id, changes) => {
    const m = requireMounted();
    return summary(m.dataverse.changeByAnotherUser(id, changes), m.dataverse)!;
  },
  setDisabled: (disabled) => {
    const m = requireMounted();
    m.options.disabled = disabled;
    m.host.setDisabled(disabled);
    input("disabled").checked = disabled;
  },
  setWritePrivilege: (allowed) => {
    // Privileges are read once per page load: the control is loaded again over the same data.
    const m = requireMounted();
    return mountWith({ ...m.options, writePrivilege: allowed }, m.dataverse);
  },
  resize: (width, height) => {
    // The ResizeObserver tells the host, as a resized form section would.
    frame.style.width = `${width}px`;
    frame.style.height = `${height}px`;
  },
  quickFind: (text) => requireMounted().host.quickFind(text),
  refresh: () => requireMounted().host.dataset.refresh(),
  focusedRowId: () => focusedId,
  renders,
  onRender: (listener) => {
    renderListeners.add(listener);
    return () => renderListeners.delete(listener);
  },
  axe: async (options = {}) => {
    if (!window.axe) {
      await new Promise<void>((resolve, reject) => {
        const script = document.createElement("script");
        script.src = "/vendor/axe.min.js";
        script.onload = () => resolve();
        script.onerror = () => reject(new Error("Could not load /vendor/axe.min.js"));
        document.head.appendChild(script);
      });
    }
    const result = await window.axe.run(root, { resultTypes: ["violations"], ...options });
    return result.violations.map((v: any) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n: any) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`.slice(0, 400)),
    }));
  },
};

// ---- start ---------------------------------------------------------------------------------------------

const ready: Promise<void> = (async () => {
  registerOfflineIcons();
  manifest = await readManifest();
  await Promise.all(manifest.cssPaths.map(loadCss));
  Control = await loadControl(manifest);
  strings = await stringsFor(manifest.resx[0]?.lcid ?? 1033);
})();

window.harness = api;
wirePanel();

// `?manual` leaves the page empty for a test or benchmark to mount what it needs; otherwise the subgrid shows.
const params = new URLSearchParams(location.search);
ready
  .then(() => {
    if (params.has("manual")) {
      $("status").textContent = "Ready: nothing mounted (?manual). Call harness.mount().";
      return;
    }
    const view = params.get("view") === "all" ? "all" : "session";
    return mountWith({ view, latencyMs: Number(params.get("latency") ?? 150) });
  })
  .catch(showError);
