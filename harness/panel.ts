/** The side panel (harness/index.html): the status line, the controls that drive the harness, the log's tick. */
import { DEFAULT_ATTENDEES, DEFAULT_SEED } from "../test/fixtures";
import { languages } from "./build";
import { watchCheckIns } from "./checkInList";
import { attachPanel, focusedRowId, mounted, mountWith, networkUp, renders, requireMounted, setFocusedRow } from "./control";
import { $, frame, input, oncePerFrame, root } from "./dom";
import { clearLogEntries, collectLog, drawLog, json, short } from "./log";
import { forgetWritten } from "./shared";
import type { HarnessApi, MountOptions, ViewName } from "./types";

const scheduleStatus = oncePerFrame(() => {
  const m = mounted();
  if (!m) return;
  const last = renders[renders.length - 1];
  const ds = m.host.dataset;
  $("status").textContent = `${m.context.parameters.sessionRegistrations.getTitle()}: ${ds.sortedRecordIds.length} loaded`
    + `${ds.totalResultCount >= 0 ? ` of ${ds.totalResultCount}` : " (more than 5,000 match)"} · ${m.dataverse.count()} registrations in Dataverse`
    + (last ? ` · last render ${(last.updateViewMs + last.reactMs).toFixed(1)} ms` : "");
  $("status").classList.remove("error");
});

/** The languages the manifest ships, by their own names. */
const LANGUAGE_NAMES: Record<number, string> = { 1033: "English", 1031: "Deutsch", 1036: "Français", 1041: "日本語", 1025: "العربية" };

function syncPanel(): void {
  const m = mounted();
  if (!m) return;
  const o = m.options;
  $<HTMLSelectElement>("view").value = o.view;
  input("seed").value = String(o.seed);
  input("attendees").value = String(o.attendees);
  input("latency").value = String(o.latencyMs ?? 0);
  input("max-concurrent").value = o.serviceProtection?.maxConcurrent === undefined ? "" : String(o.serviceProtection.maxConcurrent);
  input("disabled").checked = !!o.disabled;
  input("phone-app").checked = !!o.phoneApp;
  const capacity = m.dataverse.relatedRow("msevtmgt_session", m.conference.defaultSessionId)?.msevtmgt_sessionmaxcapacity;
  input("capacity").value = capacity === null || capacity === undefined ? "" : String(capacity);
  input("privilege").checked = o.writePrivilege !== false;
  input("pagesize").value = String(m.context.parameters.pageSize.raw ?? "");
  input("width").value = String(o.width);
  input("height").value = String(o.height);
  input("offline").checked = !networkUp();
  const language = $<HTMLSelectElement>("language");
  language.replaceChildren(...languages().map((lcid) => new Option(`${LANGUAGE_NAMES[lcid] ?? lcid} (${lcid})`, String(lcid))));
  language.value = String(o.languageId);
  // Model-driven subgrids report the record they sit on (not in the typings).
  const info = m.options.view === "session" ? (m.context.mode as { contextInfo?: { entityRecordName: string } }).contextInfo : undefined;
  $("form-title").textContent = (info ? `Session: ${info.entityRecordName}` : "Session Registrations") + ((o.desk ?? 1) > 1 ? ` · desk ${o.desk}` : "");
  $("form-subtitle").textContent = `${m.context.parameters.sessionRegistrations.getTitle()} · seed ${o.seed} · ${m.conference.registrations.length} registrations in the event`;
  drawPending();
  watchCheckIns();
}

export function drawPending(): void {
  const m = mounted();
  if (!m) return;
  const pending = m.dataverse.pendingFailures();
  $("pending").textContent = pending.length === 0 ? "No failures queued."
    : "Queued: " + pending.map((f) => `${f.kind}${f.op && f.op !== "any" ? " on " + f.op : ""}${f.id ? " of " + short(f.id) : ""}${(f.times ?? 1) > 1 ? ` ×${f.times}` : ""}`).join(", ");
}

function drawFocused(): void {
  const m = mounted();
  const focusedId = focusedRowId();
  const row = m && focusedId ? m.dataverse.get(focusedId) : undefined;
  $("focused-row").textContent = row ? `Focused row: ${row.msevtmgt_name ?? "(no name)"} (${short(focusedId)})` : "Focused row: none yet (click or tab into a row).";
}

export function showError(error: unknown): void {
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

/** Wires the panel's inputs; most act through `api`, the same calls the tests make. */
export function wirePanel(api: HarnessApi): void {
  attachPanel({ mounted: syncPanel, rendered: scheduleStatus });
  const remountFromPanel = (changes: MountOptions, keepData: boolean) => {
    const current = mounted();
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
  const setCapacity = (capacity: number | null) => {
    api.setSessionCapacity(capacity);
    return remountFromPanel({}, true);
  };
  input("capacity").addEventListener("change", panelAction(() => setCapacity(input("capacity").value.trim() === "" ? null : Number(input("capacity").value))));
  // The people in already reach the capacity: the next first check-in asks.
  $("fill-room").addEventListener("click", panelAction(() => setCapacity(api.checkedInAtSession())));
  // The client is read when the control starts, as in the app: switching reloads it over the same data.
  input("phone-app").addEventListener("change", panelAction(() => remountFromPanel({ phoneApp: input("phone-app").checked }, true)));
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
  // Empty: no limit. A number: Dataverse refuses any call beyond that many at once (service protection).
  input("max-concurrent").addEventListener("change", panelAction(() => {
    const value = input("max-concurrent").value.trim();
    api.setServiceProtection(value === "" ? {} : { maxConcurrent: Math.max(1, Math.floor(Number(value)) || 1) });
  }));
  $("fail-throttle").addEventListener("click", panelAction(() =>
    api.failNext({ kind: "throttle", op: "update", retryAfterSeconds: Math.max(0, Number(input("retry-after").value) || 0) })));
  $("fail-network").addEventListener("click", panelAction(() => api.failNext({ kind: "network" })));
  $("fail-privilege").addEventListener("click", panelAction(() => api.failNext({ kind: "privilege", op: "update" })));
  $("fail-validation").addEventListener("click", panelAction(() => api.failNext({ kind: "validation", op: "update" })));
  $("another-user").addEventListener("click", panelAction(() => {
    const m = requireMounted();
    const id = focusedRowId() ?? m.host.dataset.selected[0] ?? m.host.dataset.sortedRecordIds[0];
    if (!id) throw new Error("No row to change: the grid is empty.");
    const row = m.dataverse.get(id)!;
    // Another person checks the attendee in elsewhere: the count and the row version move.
    api.changeByAnotherUser(id, { msevtmgt_timescheckedin: (row.msevtmgt_timescheckedin ?? 0) + 1 });
    setFocusedRow(id);
    drawFocused();
  }));
  // Issue 23: eight people checked in at other desks; the live poll brings them into the rows and Arrivals.
  $("arrivals-burst").addEventListener("click", panelAction(() => api.arrivalsBurst(8)));
  // Another tab on the same data: another desk at the same session, its own staff member.
  $("second-desk").addEventListener("click", () => {
    const m = mounted();
    const params = new URLSearchParams({ desk: String((m?.options.desk ?? 1) + 1), view: m?.options.view ?? "session", live: String(m?.context.parameters.liveRefreshSeconds.raw ?? 20) });
    if (m?.options.now) params.set("now", new Date(Date.now()).toISOString());
    window.open(`${location.pathname}?${params}`, "_blank");
  });
  $("reset-data").addEventListener("click", panelAction(() => {
    const o = requireMounted().options;
    forgetWritten(o.seed, o.attendees);
    return mountWith({ ...o });
  }));
  $("clear-log").addEventListener("click", clearLogEntries);
  $("show-reads").addEventListener("change", drawLog);

  // The row that last had focus: what "another user changes the focused row" acts on.
  root.addEventListener("focusin", (e) => {
    const rowElement = (e.target as Element).closest?.("[data-item-index]");
    const m = mounted();
    if (!rowElement || !m) return;
    const id = m.host.dataset.sortedRecordIds[Number(rowElement.getAttribute("data-item-index"))];
    if (id && id !== focusedRowId()) {
      setFocusedRow(id);
      drawFocused();
    }
  });

  // A resizable container, as a form section that the user (or the window) resizes.
  new ResizeObserver(
    oncePerFrame(() => {
      const m = mounted();
      if (!m) return;
      const width = Math.round(frame.clientWidth), height = Math.round(frame.clientHeight);
      if (width === m.options.width && height === m.options.height) return;
      m.options.width = width;
      m.options.height = height;
      input("width").value = String(width);
      input("height").value = String(height);
      m.host.resize(width, height);
    }),
  ).observe(frame);

  // The log is drawn when the page is idle: a real host has no such panel, so its redraw must not land in the
  // frames the control's own work is timed in (npm run bench).
  let drawing = false;
  setInterval(() => {
    if (!collectLog(mounted())) return;
    drawPending(); // failures are consumed by the calls just logged
    if (drawing) return;
    drawing = true;
    requestIdleCallback(() => {
      drawing = false;
      drawLog();
    }, { timeout: 1000 });
  }, 200);
}
