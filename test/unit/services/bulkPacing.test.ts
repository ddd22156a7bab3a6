/**
 * Issue 22: a bulk run paces itself to what Dataverse allows. Over virtual time (test/soak's), with the check-in
 * records a door desk makes, the soak's invariants after the run: every check-in counted once on what was stored,
 * one record each where one is due, nothing failed or waiting, one call per registration at a time, and each
 * write sent the moment its fresh read was answered.
 */
import { PACE } from "../../../SessionRegistrationGrid/model/concurrency";
import type { BulkOutcome } from "../../../SessionRegistrationGrid/model/bulkActions";
import { webApiCheckInStore } from "../../../SessionRegistrationGrid/services/checkInStore";
import { createRegistrationEditor, type SavedCheckIn } from "../../../SessionRegistrationGrid/services/registrationEditor";
import { webApiStore } from "../../../SessionRegistrationGrid/services/registrationStore";
import { CHECKIN, FakeDataverse, generateConference, REGISTRATION, type ServiceProtectionLimits, type WebApiCall } from "../../fixtures";
import { mulberry32 } from "../../fixtures/rng";
import { VirtualTime } from "../../soak/world";
import { loaded } from "./editorSetup";

const conference = generateConference({ attendees: 150 });
const active = conference.registrations.filter((r) => r.statecode === 0);
const BASE = Date.UTC(2026, 11, 2, 9, 0, 0);
/** A record is due where the check-in form has an event registration: on the row, or the contact's for the event. */
const recordDue = (r: (typeof active)[number]) => !!(r._msevtmgt_registrationid_value || conference.activeEventRegistrationByContact[r._msevtmgt_contactid_value!]);

/** A desk's editor over a fake Dataverse on virtual time; `latencyMs` per call (a function of a seeded die). */
function door(options: { latencyMs: (roll: number) => number; serviceProtection?: ServiceProtectionLimits }) {
  const time = new VirtualTime();
  const roll = mulberry32(22);
  const dataverse = new FakeDataverse({
    data: conference, scheduler: { delay: time.delay }, clock: () => BASE + time.now,
    latencyMs: () => options.latencyMs(roll()), serviceProtection: options.serviceProtection,
  });
  const editor = createRegistrationEditor({
    registrations: webApiStore(dataverse.webApi, REGISTRATION),
    checkIns: webApiCheckInStore(dataverse.webApi),
    records: () => ({ create: true }),
    sleep: time.delay,
    now: () => BASE + time.now,
    schedule: (flush) => flush(),
    gatherReads: (flush) => void time.delay(1).then(flush),
  });
  const saved: SavedCheckIn[] = [];
  editor.onCheckedIn((c) => saved.push(c));
  // Every count this desk commits must be the count stored just before it, plus one.
  const stored = new Map(active.map((r) => [r.msevtmgt_sessionregistrationid, r.msevtmgt_timescheckedin ?? 0]));
  const commits = new Map<string, number>();
  const violations: string[] = [];
  dataverse.onChange((change) => {
    if (change.entity !== REGISTRATION || !change.row) return;
    const now = change.row.msevtmgt_timescheckedin ?? 0;
    if (now !== stored.get(change.id)! + 1) violations.push(`${change.id} went from ${stored.get(change.id)} to ${now}`);
    stored.set(change.id, now);
    commits.set(change.id, (commits.get(change.id) ?? 0) + 1);
  });
  /** Checks in these rows in one bulk run and lets virtual time pass until it is over. */
  const bulkCheckIn = async (rows: typeof active) => {
    let outcomes: BulkOutcome[] | undefined;
    void editor.runBulk(rows.map(loaded), () => ({ kind: "checkIn" })).then((o) => (outcomes = o));
    for (let i = 0; i < 10_000 && !outcomes; i++) await time.advance(10);
    return outcomes!;
  };
  return { time, dataverse, editor, saved, commits, violations, bulkCheckIn };
}

/** The registrations a call touches: its own, those of a gathered read, the one a check-in record is bound to. */
function registrationsOf(call: WebApiCall): string[] {
  if (call.entity === REGISTRATION && call.id) return [call.id];
  if (call.entity === REGISTRATION && call.op === "retrieveMultiple") return (call.options?.match(/'[0-9a-f-]{36}'/g) ?? []).map((id) => id.slice(1, -1));
  const bound = call.entity === CHECKIN && /\(([^)]+)\)/.exec(String(call.data?.["msevtmgt_SessionRegistration@odata.bind"] ?? ""))?.[1];
  return bound ? [bound] : [];
}

/** The most calls Dataverse ran at once (refused ones don't run). */
function mostRunning(calls: readonly WebApiCall[]): number {
  const edges = calls.filter((c) => !c.refusedBy).flatMap((c) => [[c.start, 1], [c.end!, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let running = 0;
  let most = 0;
  for (const [, step] of edges) most = Math.max(most, (running += step));
  return most;
}

/** The soak's invariants, at the end of a bulk check-in of `rows`. */
function expectEachCountedOnce(d: ReturnType<typeof door>, rows: typeof active, outcomes: BulkOutcome[]) {
  expect(d.violations).toEqual([]);
  expect(outcomes.map((o) => o.result)).toEqual(rows.map(() => "changed"));
  expect(d.editor.failures()).toEqual([]);
  expect([d.editor.waiting(), d.editor.busy()]).toEqual([0, false]);
  for (const r of rows) {
    const id = r.msevtmgt_sessionregistrationid;
    expect(d.dataverse.get(id)?.msevtmgt_timescheckedin).toBe((r.msevtmgt_timescheckedin ?? 0) + 1);
    expect(d.commits.get(id)).toBe(1);
    const made = d.saved.filter((c) => c.rowId === id);
    expect(made.map((c) => c.record)).toEqual([recordDue(r) ? "made" : "noEventRegistration"]);
    const records = d.dataverse.checkIns((c) => c._msevtmgt_sessionregistration_value === id && c.statecode === 0);
    expect(records.length).toBe(conference.checkIns.filter((c) => c._msevtmgt_sessionregistration_value === id && c.statecode === 0).length + (recordDue(r) ? 1 : 0));
    if (recordDue(r)) expect(records.some((c) => c.msevtmgt_checkinid === made[0].id)).toBe(true);
  }
  // One call per registration at a time, and each write sent the moment its fresh read was answered.
  const byRegistration = new Map<string, WebApiCall[]>();
  for (const call of d.dataverse.calls) for (const id of registrationsOf(call)) byRegistration.set(id, [...(byRegistration.get(id) ?? []), call]);
  for (const [id, calls] of byRegistration) {
    calls.forEach((call, i) => i > 0 && expect(call.start).toBeGreaterThanOrEqual(calls[i - 1].end!));
    const last = (list: WebApiCall[], test: (c: WebApiCall) => boolean) => [...list].reverse().find(test)!;
    const write = last(calls, (c) => c.op === "update" && c.outcome === "ok");
    const read = last(calls.slice(0, calls.indexOf(write)), (c) => c.op === "retrieve" || c.op === "retrieveMultiple");
    expect([id, write.start - read.end!]).toEqual([id, 0]);
  }
}

describe("a bulk run paced to what Dataverse allows", () => {
  it("a Dataverse that refuses a fourth call at once (below the starting 4): 120 check-ins, each once, a record each where due, nothing failed", async () => {
    const rows = active.slice(0, 120);
    const d = door({ latencyMs: (roll) => 20 + Math.floor(roll * 40), serviceProtection: { maxConcurrent: 3 } });
    const outcomes = await d.bulkCheckIn(rows);
    expectEachCountedOnce(d, rows, outcomes);
    // Dataverse did refuse (each refused call retried after its Retry-After), and never ran more than 3 at once.
    expect(d.dataverse.serviceProtection.refusals.concurrent).toBeGreaterThan(0);
    expect(mostRunning(d.dataverse.calls)).toBeLessThanOrEqual(3);
    expect(d.dataverse.calls.filter((c) => c.op === "retrieveMultiple" && c.entity === REGISTRATION).length).toBeGreaterThan(0);
    expect(rows.some(recordDue) && rows.some((r) => !recordDue(r))).toBe(true);
  });

  it("500 check-ins at 50 ms a call: 4 at first, up to 16, reads gathered, done in under 8 s of round trips", async () => {
    const rows = active.slice(0, 500);
    const d = door({ latencyMs: () => 50 });
    const outcomes = await d.bulkCheckIn(rows);
    expectEachCountedOnce(d, rows, outcomes);
    const calls = d.dataverse.calls;
    expect(calls.filter((c) => c.start === calls[0].start)).toHaveLength(PACE.start);
    expect(d.dataverse.maxInFlight).toBeGreaterThan(3 * PACE.start);
    expect(d.dataverse.maxInFlight).toBeLessThanOrEqual(PACE.most);
    // Every row read once, most of them together with others: a fifth as many read calls as rows.
    const alone = calls.filter((c) => c.op === "retrieve");
    const gathered = calls.filter((c) => c.op === "retrieveMultiple" && c.entity === REGISTRATION);
    expect(alone.length + gathered.reduce((n, c) => n + registrationsOf(c).length, 0)).toBe(500);
    expect(alone.length + gathered.length).toBeLessThan(500 / 4);
    expect(Math.max(...calls.map((c) => c.end!)) - calls[0].start).toBeLessThan(8000);
  });
});
