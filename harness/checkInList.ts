/**
 * The side panel's "Check-in records": the newest check-in rows of the mounted view's registrations, redrawn
 * (at most once a frame) whenever a check-in is created or changed, by the control or another desk. Text only:
 * names are data, and one of them is markup on purpose.
 */
import { CHECKIN, type CheckInRow, type FakeDataverse } from "../test/fixtures";
import { mounted } from "./control";
import { $, oncePerFrame } from "./dom";
import { short } from "./log";

const LIMIT = 15;
let watched: FakeDataverse | undefined;
let unsubscribe: () => void = () => undefined;

const scheduleDraw = oncePerFrame(draw);

/** Follows the mounted control's Dataverse (call after each mount) and redraws. */
export function watchCheckIns(): void {
  const dataverse = mounted()?.dataverse;
  if (dataverse !== watched) {
    unsubscribe();
    watched = dataverse;
    const stop = dataverse?.onChange((change) => {
      if (change.entity === CHECKIN) scheduleDraw();
    });
    unsubscribe = () => void stop?.();
  }
  scheduleDraw();
}

/** The subgrid shows one session: its registrations' check-ins, or check-ins naming the session alone. */
function inView(): (row: Readonly<CheckInRow>) => boolean {
  const m = mounted()!;
  if (m.options.view !== "session") return () => true;
  const session = m.conference.defaultSessionId.toLowerCase();
  const registrations = new Set(m.dataverse.snapshot().filter((r) => r._msevtmgt_sessionid_value === session).map((r) => r.msevtmgt_sessionregistrationid));
  return (row) => (row._msevtmgt_sessionregistration_value ? registrations.has(row._msevtmgt_sessionregistration_value) : row._msevtmgt_sessionattended_value === session);
}

const newestFirst = (a: Readonly<CheckInRow>, b: Readonly<CheckInRow>) =>
  b.createdon.localeCompare(a.createdon) || (b.msevtmgt_checkintime ?? "").localeCompare(a.msevtmgt_checkintime ?? "")
  || a.msevtmgt_checkinid.localeCompare(b.msevtmgt_checkinid);

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

function draw(): void {
  const m = mounted();
  const list = $("checkin-list");
  const summary = $("checkin-summary");
  if (!m) {
    list.replaceChildren();
    summary.textContent = "Nothing mounted.";
    return;
  }
  const rows = m.dataverse.checkInSnapshot().filter(inView());
  const active = rows.filter((r) => r.statecode === 0).length;
  summary.textContent = `${rows.length} in this view (${active} active)${rows.length > LIMIT ? `, newest ${LIMIT} shown` : ""}.`;
  const fragment = document.createDocumentFragment();
  for (const row of [...rows].sort(newestFirst).slice(0, LIMIT)) {
    const li = document.createElement("li");
    const time = row.msevtmgt_checkintime ? m.context.formatting.formatDateShort(new Date(row.msevtmgt_checkintime), true) : "no time";
    const state = row.statecode === 0 ? "Active" : "Inactive";
    li.append(
      span(`kind ${row.statecode === 0 ? "ok" : "error"}`, state), " ",
      span("time", time), " ",
      row.msevtmgt_name ?? "(no name)", " ", // text node: names are data, never markup
      span("time", `(${short(row.msevtmgt_checkinid)})`),
    );
    fragment.appendChild(li);
  }
  list.replaceChildren(fragment);
}
