/** The page's activity log: the platform calls the control makes and its finished webAPI calls, as text. */
import type { ActivityEntry, FakeDataverse, FakeHost, WebApiCall } from "../test/fixtures";
import { $ } from "./dom";
import type { LogEntry } from "./types";

/* eslint-disable @typescript-eslint/no-explicit-any */
/** Where the log reads from: the mounted control's host and its Dataverse. */
interface LogSource {
  host: FakeHost;
  dataverse: FakeDataverse;
}

const logEntries: LogEntry[] = [];
let logCursor = { activity: 0, calls: 0 };
const logged = new Set<WebApiCall>();
export const short = (id?: string) => (id ? id.slice(0, 8) : "");
export const json = (value: unknown, max = 160) => {
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
export function collectLog(source: LogSource | undefined): boolean {
  if (!source) return false;
  let added = false;
  const activity = source.host.activityLog;
  for (; logCursor.activity < activity.length; logCursor.activity++) {
    logEntries.push(describeActivity(activity[logCursor.activity]));
    added = true;
  }
  const calls = source.dataverse.calls;
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

/** Reads the sources from their start again: a new mount, or their own logs were emptied. */
export function rewindLog(): void {
  logCursor = { activity: 0, calls: 0 };
}

/** The entries so far, oldest first, after collecting what's new. */
export function logSnapshot(source: LogSource | undefined): LogEntry[] {
  collectLog(source);
  return logEntries.map((e) => ({ time: e.time, kind: e.kind, text: e.text, tone: e.tone }));
}

export function clearLogEntries(): void {
  logEntries.length = 0;
  drawLog();
}

const logList = $("log") as HTMLOListElement;
/** What the list shows now: drawn again only when that changes (reads come and go unseen while they are hidden). */
let drawn: { newest?: LogEntry; count: number } = { count: -1 };

export function drawLog(): void {
  const showReads = ($("show-reads") as HTMLInputElement).checked;
  const entries = logEntries.filter((e) => showReads || !/^webAPI\.retrieve|^(refresh|getEntityMetadata|requestRender|trackContainerResize)$/.test(e.kind)).slice(-150).reverse();
  if (entries[0] === drawn.newest && entries.length === drawn.count) return;
  drawn = { newest: entries[0], count: entries.length };
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
