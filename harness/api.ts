/** `window.harness`: what the end-to-end tests and benchmarks drive (types in types.ts, docs in docs/HARNESS.md). */
import type { FakeDataverse } from "../test/fixtures";
import { currentStrings, languages } from "./build";
import { arrivalsBurst, seedSessionCheckIns } from "./arrivals";
import { focusedRowId, idle, mounted, mountWith, onRender, renders, requireMounted, setNetworkUp, unmount, whenReady } from "./control";
import { frame, input, root } from "./dom";
import { clearLogEntries, logSnapshot, rewindLog } from "./log";
import { drawPending } from "./panel";
import type { HarnessApi, RowSummary } from "./types";

/* eslint-disable @typescript-eslint/no-explicit-any */

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

export const api: HarnessApi = {
  get ready() { return whenReady(); },
  get strings() { return currentStrings(); },
  get languages() { return languages(); },
  mount: (options = {}) => mountWith(options),
  remount: (changes = {}) => {
    const m = requireMounted();
    return mountWith({ ...m.options, ...changes }, m.dataverse);
  },
  unmount,
  get mounted() { return !!mounted(); },
  get options() { return requireMounted().options; },
  get dataverse() { return requireMounted().dataverse; },
  get host() { return requireMounted().host; },
  get context() { return requireMounted().context; },
  get conference() { return requireMounted().conference; },
  idle,
  calls: (filter = {}) => requireMounted().dataverse.calls
    .filter((c) => (!filter.op || c.op === filter.op) && (!filter.id || c.id === filter.id.toLowerCase()) && (!filter.entity || c.entity === filter.entity))
    .map((c) => JSON.parse(JSON.stringify(c))),
  updates: (id) => api.calls({ op: "update", id }).map((c) => ({ id: c.id!, data: c.data!, outcome: c.outcome, injected: c.injected, committed: c.committed })),
  activity: (kind) => requireMounted().host.activityLog.filter((e) => !kind || e.kind === kind).map((e) => JSON.parse(JSON.stringify(e))),
  log: () => logSnapshot(mounted()),
  clearLog: () => {
    const m = requireMounted();
    m.dataverse.resetCalls();
    m.host.activityLog.length = 0;
    rewindLog();
    clearLogEntries();
  },
  rows: () => {
    const m = requireMounted();
    return m.host.dataset.sortedRecordIds.map((id) => summary(m.dataverse.get(id), m.dataverse)!).filter(Boolean);
  },
  row: (id) => summary(requireMounted().dataverse.get(id), requireMounted().dataverse),
  checkIns: (filter) => requireMounted().dataverse.checkIns(filter),
  eventRegistrations: () => requireMounted().dataverse.eventRegistrations(),
  failNext: (spec) => {
    requireMounted().dataverse.failNext(spec);
    drawPending();
  },
  setNetwork: (online) => {
    setNetworkUp(online);
    input("offline").checked = !online;
    // What the browser tells the page when the Wi-Fi drops and comes back.
    window.dispatchEvent(new Event(online ? "online" : "offline"));
  },
  setLatency: (ms) => {
    requireMounted().dataverse.setLatency(ms);
    requireMounted().options.latencyMs = ms;
    input("latency").value = String(ms);
  },
  setServiceProtection: (limits) => {
    requireMounted().dataverse.setServiceProtection(limits);
    requireMounted().options.serviceProtection = limits;
    input("max-concurrent").value = limits.maxConcurrent === undefined ? "" : String(limits.maxConcurrent);
  },
  setSessionCapacity: (capacity) => {
    const m = requireMounted();
    m.dataverse.changeRelatedByAnotherUser("msevtmgt_session", m.conference.defaultSessionId, { msevtmgt_sessionmaxcapacity: capacity });
  },
  checkedInAtSession: () => {
    const m = requireMounted();
    const session = m.conference.defaultSessionId.toLowerCase();
    return m.dataverse.snapshot().filter((r) => r._msevtmgt_sessionid_value === session && r.statecode === 0 && (r.msevtmgt_timescheckedin ?? 0) > 0).length;
  },
  setSessionCheckIns: (people) => seedSessionCheckIns(requireMounted(), people),
  arrivalsBurst: (count) => arrivalsBurst(requireMounted(), count),
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
  focusedRowId,
  renders,
  onRender,
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
    // Colours are checked as drawn: an element still fading in (Fluent's entrance animations) reads paler than it is.
    const finite = root.getAnimations({ subtree: true }).filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    const result = await window.axe.run(root, { resultTypes: ["violations"], ...options });
    return result.violations.map((v: any) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n: any) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`.slice(0, 400)),
    }));
  },
};
