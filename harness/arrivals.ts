/**
 * The page's part in Arrivals (issue 23): a clock set to a moment of the conference (the sample event is in June 2025,
 * so the live chart can be tried "during" a session), the form's session with exactly N people in, a burst of arrivals
 * from other desks (the live poll brings them in), and a session crowded to N registrations for the benchmark.
 */
import { isoSeconds, type Conference, type FakeDataverse, type RegistrationRow } from "../test/fixtures";

const realNow = Date.now.bind(Date);
let clockSetTo: string | undefined;

/**
 * The page's clock reads `iso` now and runs on from it (Date.now, which the control, the fake Dataverse and the
 * editor read); none: the machine's clock. A remount with the same moment keeps the clock running (never back).
 */
export function setClock(iso: string | undefined): void {
  if (iso === clockSetTo) return;
  clockSetTo = iso;
  const at = iso ? Date.parse(iso) : NaN;
  if (iso && !Number.isFinite(at)) throw new Error(`harness: now=${iso} is not a date and time`);
  const offset = Number.isFinite(at) ? at - realNow() : 0;
  Date.now = offset ? () => realNow() + offset : realNow;
}

interface Mount {
  dataverse: FakeDataverse;
  conference: Conference;
}

const CLOSE = { statecode: 1, statuscode: 2 };
const session = (m: Mount) => m.conference.sessions.find((s) => s.msevtmgt_sessionid === m.conference.defaultSessionId)!;
/** The form's session's active registrations whose attendee has an event registration (a record can link them). */
const linkable = (m: Mount) => m.dataverse.snapshot()
  .filter((r) => r._msevtmgt_sessionid_value === m.conference.defaultSessionId && r.statecode === 0 && m.conference.activeEventRegistrationByContact[r._msevtmgt_contactid_value ?? ""])
  .sort((a, b) => (a.msevtmgt_name ?? "").localeCompare(b.msevtmgt_name ?? "") || a.msevtmgt_sessionregistrationid.localeCompare(b.msevtmgt_sessionregistrationid));

/** Another desk's check-in record of a registration at a moment, as Event Management links one. */
function recordAt(m: Mount, r: Readonly<RegistrationRow>, at: number) {
  const contact = r._msevtmgt_contactid_value!;
  return m.dataverse.checkInByAnotherDesk({
    msevtmgt_name: `${r.msevtmgt_name ?? ""} – ${session(m).msevtmgt_name}`.slice(0, 100), msevtmgt_checkintype: 100000000, msevtmgt_checkintime: isoSeconds(at),
    "msevtmgt_Contact@odata.bind": `/contacts(${contact})`, "msevtmgt_SessionAttended@odata.bind": `/msevtmgt_sessions(${m.conference.defaultSessionId})`,
    "msevtmgt_SessionRegistration@odata.bind": `/msevtmgt_sessionregistrations(${r.msevtmgt_sessionregistrationid})`,
    "msevtmgt_RegistrationId@odata.bind": `/msevtmgt_eventregistrations(${m.conference.activeEventRegistrationByContact[contact]})`,
    "msevtmgt_Event@odata.bind": `/msevtmgt_events(${r._msevtmgt_event_value})`,
  });
}

/**
 * The form's session with exactly `people` people checked in, one active check-in record each, arriving evenly from
 * 20 minutes before the start to 10 minutes after it (never after the page's now); everyone else of the session is not in (count 0, their
 * records deactivated). Made by other users: remount to see it, as a form opened afresh.
 */
export function seedSessionCheckIns(m: Mount, people: number): { people: number; records: number } {
  const start = Date.parse(session(m).msevtmgt_starttime);
  const from = start - 20 * 60_000;
  // Up to 10 minutes after the start, and never after the page's now (a minute back) or the end.
  const to = Math.max(from, Math.min(start + 10 * 60_000, Date.now() - 60_000, Date.parse(session(m).msevtmgt_endtime)));
  for (const c of m.dataverse.checkIns({ _msevtmgt_sessionattended_value: m.conference.defaultSessionId, statecode: 0 })) m.dataverse.changeCheckInByAnotherDesk(c.msevtmgt_checkinid, CLOSE);
  const chosen = linkable(m).slice(0, people);
  if (chosen.length < people) throw new Error(`harness: the session has ${chosen.length} registrations to check in, not ${people}`);
  const inside = new Set(chosen.map((r) => r.msevtmgt_sessionregistrationid));
  for (const r of m.dataverse.snapshot().filter((x) => x._msevtmgt_sessionid_value === m.conference.defaultSessionId && x.statecode === 0)) {
    const count = inside.has(r.msevtmgt_sessionregistrationid) ? 1 : 0;
    if (r.msevtmgt_timescheckedin !== count) m.dataverse.changeByAnotherUser(r.msevtmgt_sessionregistrationid, { msevtmgt_timescheckedin: count });
  }
  chosen.forEach((r, i) => recordAt(m, r, from + Math.floor((((i + 0.5) / people) * (to - from)) / 1000) * 1000));
  return { people: chosen.length, records: chosen.length };
}

/**
 * Other desks check `count` people of the form's session in, in the last two minutes: a record each and their counts
 * raised, so the control's live poll brings them in (the rows and the chart).
 */
export function arrivalsBurst(m: Mount, count = 8): string[] {
  const waiting = linkable(m).filter((r) => !r.msevtmgt_timescheckedin);
  const now = Date.now();
  return waiting.slice(0, count).map((r, i) => {
    recordAt(m, r, now - Math.floor(((count - i) * 120_000) / count / 1000) * 1000);
    m.dataverse.changeByAnotherUser(r.msevtmgt_sessionregistrationid, { msevtmgt_timescheckedin: (r.msevtmgt_timescheckedin ?? 0) + 1 });
    return r.msevtmgt_name ?? "";
  });
}

/**
 * The conference with the form's session holding `size` registrations (others moved into it, their check-in records
 * with them, timed as they were around their own session's start): a session form as large as the benchmark's view.
 */
export function crowdSession(conference: Conference, size: number): Conference {
  const target = conference.sessions.find((s) => s.msevtmgt_sessionid === conference.defaultSessionId)!;
  const starts = new Map(conference.sessions.map((s) => [s.msevtmgt_sessionid, Date.parse(s.msevtmgt_starttime)]));
  let room = size - conference.registrations.filter((r) => r._msevtmgt_sessionid_value === target.msevtmgt_sessionid).length;
  const moved = new Map<string, number>();
  const registrations = conference.registrations.map((r) => {
    if (room <= 0 || r._msevtmgt_sessionid_value === target.msevtmgt_sessionid) return r;
    room--;
    moved.set(r.msevtmgt_sessionregistrationid, Date.parse(target.msevtmgt_starttime) - starts.get(r._msevtmgt_sessionid_value!)!);
    return { ...r, _msevtmgt_sessionid_value: target.msevtmgt_sessionid };
  });
  const checkIns = conference.checkIns.map((c) => {
    const shift = moved.get(c._msevtmgt_sessionregistration_value ?? "");
    if (shift === undefined) return c;
    const at = isoSeconds(Date.parse(c.msevtmgt_checkintime!) + shift);
    return { ...c, _msevtmgt_sessionattended_value: target.msevtmgt_sessionid, msevtmgt_checkintime: at, createdon: at, modifiedon: at };
  });
  return { ...conference, registrations, checkIns, sessions: conference.sessions.map((s) => (s === target ? { ...s, msevtmgt_sessionmaxcapacity: Math.max(s.msevtmgt_sessionmaxcapacity, size) } : s)) };
}
