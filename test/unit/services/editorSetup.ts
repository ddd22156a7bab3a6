import type { RegistrationRow as GridRow } from "../../../SessionRegistrationGrid/model/types";
import { webApiCheckInStore } from "../../../SessionRegistrationGrid/services/checkInStore";
import { createRegistrationEditor, type EditorOptions } from "../../../SessionRegistrationGrid/services/registrationEditor";
import { webApiStore } from "../../../SessionRegistrationGrid/services/registrationStore";
import { FakeDataverse, type RegistrationRow } from "../../fixtures";

let next = 0;
/** Editors made by setup, disposed after each test so no probe timer outlives it. */
const made: { dispose(): void }[] = [];
afterEach(() => made.splice(0).forEach((editor) => editor.dispose()));

export function registration(overrides: Partial<RegistrationRow> = {}): RegistrationRow {
  next++;
  const id = `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`;
  return {
    msevtmgt_sessionregistrationid: id,
    msevtmgt_name: `Attendee ${next}`,
    _msevtmgt_contactid_value: null,
    _msevtmgt_sessionid_value: null,
    _msevtmgt_event_value: null,
    statecode: 0,
    statuscode: 1,
    msevtmgt_syncedwithprovider: 100000001,
    msevtmgt_timescheckedin: 0,
    versionnumber: String(1000 + next),
    createdon: "2026-11-01T09:00:00Z",
    modifiedon: "2026-11-01T09:00:00Z",
    ...overrides,
  };
}

const ref = (id: string | null, entityType: string) => (id ? { id, name: "", entityType } : undefined);

/** The row as the grid loaded it from the dataset. */
export function loaded(row: RegistrationRow): GridRow {
  return {
    id: row.msevtmgt_sessionregistrationid,
    name: row.msevtmgt_name ?? "",
    fields: {
      timesCheckedIn: row.msevtmgt_timescheckedin,
      synced: row.msevtmgt_syncedwithprovider === 100000002,
      state: row.statecode,
      statusReason: row.statuscode,
    },
    statusLabel: row.statecode ? "Inactive" : "Active",
    cells: {},
    refs: {
      contact: ref(row._msevtmgt_contactid_value, "contact"),
      session: ref(row._msevtmgt_sessionid_value, "msevtmgt_session"),
      event: ref(row._msevtmgt_event_value, "msevtmgt_event"),
      eventRegistration: ref(row._msevtmgt_registrationid_value ?? null, "msevtmgt_eventregistration"),
    },
  };
}

/**
 * An editor over a fake Dataverse holding `rows` (or `data`), recording the waits it asks for. The clock is the
 * test's (`clock.now`), presses are far apart unless a test moves it less, and notifications are delivered at once.
 * Check-ins are counted alone unless `records` says otherwise.
 */
export function setup(rows: RegistrationRow[], options: { latencyMs?: number; dataverse?: FakeDataverse } & Partial<EditorOptions> = {}) {
  const dataverse = options.dataverse ?? new FakeDataverse({ data: { registrations: rows }, latencyMs: options.latencyMs ?? 0 });
  const waits: number[] = [];
  const clock = { now: 1_000_000 };
  const editor = createRegistrationEditor({
    registrations: webApiStore(dataverse.webApi, "msevtmgt_sessionregistration"),
    checkIns: webApiCheckInStore(dataverse.webApi),
    records: () => ({ create: false, reason: "disabled" }),
    sleep: async (ms) => {
      waits.push(ms);
    },
    now: () => clock.now,
    schedule: (flush) => flush(),
    // Reads asked for in the same round of promise jobs go together (a timer would not run under fake timers).
    gatherReads: (flush) => void Promise.resolve().then(flush),
    ...options,
  });
  made.push(editor);
  const updates = () => dataverse.calls.filter((c) => c.op === "update");
  /** A press of the row's Check in, `afterMs` after the previous one (default: long after). */
  const press = (row: GridRow, afterMs = 10_000) => {
    clock.now += afterMs;
    return editor.checkIn(row);
  };
  return { dataverse, editor, waits, updates, clock, press };
}

/** Lets queued promise jobs and zero-delay timers run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
