/**
 * Mounts the built control over the shared fakes of test/fixtures (the FakeDataverse and PCF context the unit
 * tests use) and renders it as the platform does: updateView, then ReactDOM.render, on every host update.
 */
import {
  allRegistrationsView, CHECKIN, createFakePcfContext, defaultConference, DEFAULT_ATTENDEES, DEFAULT_SEED, FakeDataverse,
  generateConference, sessionView,
  type Conference, type FakeHost,
} from "../test/fixtures";
import { defaultLanguage, loadBuild, newControl, parameterDefaults, type ReactControl, selectLanguage } from "./build";
import { crowdSession, setClock } from "./arrivals";
import { badgesFor } from "./badges";
import { cameraScanner, confirmDialog, contactPicker } from "./dialogs";
import { frame, root } from "./dom";
import { registerOfflineIcons } from "./icons";
import { rewindLog } from "./log";
import { shareAcrossPages } from "./shared";
import type { Context, HarnessOptions, MountInfo, MountOptions, RenderRecord } from "./types";

const ReactDOM = window.ReactDOM;

export interface Mounted {
  control: ReactControl;
  context: Context;
  host: FakeHost;
  dataverse: FakeDataverse;
  conference: Conference;
  options: HarnessOptions;
  unsubscribe: () => void;
}

let ready: Promise<void>;
let current: Mounted | undefined;
let focusedId: string | undefined;
export const renders: RenderRecord[] = [];
const renderListeners = new Set<(r: RenderRecord) => void>();
let renderSeq = 0;

/** The side panel's redraws; set by the panel, so that mounting needs no knowledge of the page around it. */
interface PanelHooks {
  /** After each mount: show its options. */
  mounted(): void;
  /** After each render: the status line. */
  rendered(): void;
}
let panel: PanelHooks = { mounted: () => undefined, rendered: () => undefined };
export function attachPanel(hooks: PanelHooks): void {
  panel = hooks;
}

/** The page load's platform part: Fluent's icons, then the build. Mounting waits for it. */
export function load(): Promise<void> {
  ready = (async () => {
    registerOfflineIcons();
    await loadBuild();
  })();
  return ready;
}

export const whenReady = () => ready;
export const mounted = () => current;

export function requireMounted(): Mounted {
  if (!current) throw new Error("harness: nothing is mounted (call harness.mount() first)");
  return current;
}

/** Id of the grid row that last had focus in this mount. */
export const focusedRowId = () => focusedId;
export function setFocusedRow(id: string): void {
  focusedId = id;
}

export function onRender(listener: (record: RenderRecord) => void): () => boolean {
  renderListeners.add(listener);
  return () => renderListeners.delete(listener);
}

/** The page's Offline switch (api.setNetwork). */
let networkIsUp = true;
export const networkUp = () => networkIsUp;
export function setNetworkUp(up: boolean): void {
  networkIsUp = up;
}

/** Desk 1 is the fixtures' user; other desks are other staff members, each with a user id of their own. */
function deskUserId(desk = 1): string | undefined {
  return desk > 1 ? `8d3f6e2a-41c7-4b0e-9f55-${String(desk).padStart(12, "0")}` : undefined;
}

const conferences = new Map<string, Conference>();
function conferenceFor(seed: number, attendees: number): Conference {
  if (seed === DEFAULT_SEED && attendees === DEFAULT_ATTENDEES) return defaultConference();
  const key = `${seed}/${attendees}`;
  if (!conferences.has(key)) conferences.set(key, generateConference({ seed, attendees }));
  return conferences.get(key)!;
}

/** The first `count` registrations of a conference, with the check-in records that belong to them. */
function firstRegistrations(conference: Conference, count: number): Conference {
  const registrations = conference.registrations.slice(0, count);
  const kept = new Set(registrations.map((r) => r.msevtmgt_sessionregistrationid));
  return { ...conference, registrations, checkIns: conference.checkIns.filter((c) => kept.has(c._msevtmgt_sessionregistration_value ?? "")) };
}

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
  panel.rendered();
}

/** Unmounts what is mounted, then mounts with these options; over `reuse`'s data if given, else fresh data. */
export async function mountWith(options: MountOptions, reuse?: FakeDataverse): Promise<MountInfo> {
  await ready;
  unmount();
  const o: HarnessOptions = {
    view: "session", seed: DEFAULT_SEED, attendees: DEFAULT_ATTENDEES, latencyMs: 0, datasetLatencyMs: 0,
    // By default the control takes the stage's width (the frame has a 1px border) and a form section's height.
    width: Math.max(480, Math.floor(frame.parentElement!.clientWidth) - 2), height: 560,
    disabled: false, writePrivilege: true, checkInCreatePrivilege: true, languageId: defaultLanguage(), ...options,
  };
  const strings = await selectLanguage(o.languageId!);
  setClock(o.now);
  if (o.count !== undefined && !reuse) o.attendees = Math.max(o.attendees, Math.ceil(o.count / 8) + 10);
  const generated = conferenceFor(o.seed, o.attendees);
  const first = o.count === undefined ? generated : firstRegistrations(generated, o.count);
  const conference = o.sessionSize ? crowdSession(first, o.sessionSize) : first;
  const dataverse = reuse ?? new FakeDataverse({
    data: conference, latencyMs: o.latencyMs, writePrivilege: o.writePrivilege, checkInCreatePrivilege: o.checkInCreatePrivilege,
    statusReasons: o.statusReasons, errorCodeStyle: o.errorCodeStyle, userId: deskUserId(o.desk), serviceProtection: o.serviceProtection,
  });
  // Calls fail as fetch does while the browser is offline or the page's Offline switch is on.
  dataverse.setNetwork(() => navigator.onLine && networkUp());
  if (reuse) {
    dataverse.setLatency(o.latencyMs ?? 0);
    dataverse.setWritePrivilege(o.writePrivilege ?? true);
    dataverse.setCreatePrivilege(CHECKIN, o.checkInCreatePrivilege ?? true);
    dataverse.setServiceProtection(o.serviceProtection ?? {});
  }
  const view = o.view === "all" ? allRegistrationsView : sessionView();
  frame.style.width = `${o.width}px`;
  frame.style.height = `${o.height}px`;
  const { context, host } = createFakePcfContext({
    dataverse, view, strings,
    parameters: { ...parameterDefaults(), ...o.parameters, ...(o.pageSize !== undefined ? { pageSize: o.pageSize } : {}) },
    pageSize: o.hostPageSize, datasetLatencyMs: o.datasetLatencyMs, metadataLatencyMs: o.metadataLatencyMs,
    width: o.width, height: o.height, disabled: o.disabled, label: strings.SessionRegistrations_Display_Key ?? "Session registrations",
    confirmDialog,
    // The platform's dialogs, played by the page: the contact lookup and, in the phone app, the camera's scanner.
    pickRecords: () => contactPicker(() => conference.contacts.map((c) => ({ id: c.contactid, name: c.fullname }))),
    client: () => ({ client: o.phoneApp ? "Mobile" : "Web", formFactor: o.formFactor ?? (o.phoneApp ? 3 : 1) }),
    scanBarcode: () => cameraScanner(() => badgesFor(requireMounted())),
  });
  // Right to left for Arabic (or when asked): the model-driven app mirrors the page and Fluent, and tells the control.
  const rtl = o.rtl ?? o.languageId === 1025;
  Object.assign(context.userSettings, { languageId: o.languageId!, isRTL: rtl });
  document.documentElement.dir = rtl ? "rtl" : "ltr";
  window.FluentUIReact.setRTL?.(rtl);
  const control = newControl();
  const stopSharing = o.shared ? shareAcrossPages(dataverse, o.seed, o.attendees) : () => undefined;
  const m: Mounted = { control, context, host, dataverse, conference, options: o, unsubscribe: stopSharing };
  current = m;
  focusedId = undefined;
  rewindLog();
  control.init(context, host.notifyOutputChanged, {});
  render(m);
  renderOnUpdates(m, stopSharing);
  panel.mounted();
  await idle();
  return info();
}

/**
 * Renders the mount again at each host update, until it unsubscribes. Not in mountWith: every closure made there
 * (the context's callbacks too) shares its scope, and the mount held in that scope would keep the control alive
 * after an unmount for as long as the context lives (the bench keeps it to measure what the control holds).
 */
function renderOnUpdates(m: Mounted, stopSharing: () => void): void {
  const stopUpdates = m.host.onUpdate(() => render(m));
  m.unsubscribe = () => {
    stopUpdates();
    stopSharing();
  };
}

export function unmount(): void {
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

export async function idle(): Promise<void> {
  const m = requireMounted();
  for (let i = 0; i < 200; i++) {
    await m.host.idle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!m.host.dataset.loading && m.dataverse.inFlight === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
