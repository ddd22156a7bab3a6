import type { RegistrationRow as GridRow } from "../../../SessionRegistrationGrid/model/types";
import { createRegistrationEditor } from "../../../SessionRegistrationGrid/services/registrationEditor";
import { webApiStore } from "../../../SessionRegistrationGrid/services/registrationStore";
import { FakeDataverse, type RegistrationRow } from "../../fixtures";

let next = 0;
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
    version: row.versionnumber,
    statusLabel: row.statecode ? "Inactive" : "Active",
    cells: {},
  };
}

/** An editor over a fake Dataverse holding `rows`, recording the waits it asks for and the refreshes. */
export function setup(rows: RegistrationRow[], options: { latencyMs?: number } = {}) {
  const dataverse = new FakeDataverse({ data: { registrations: rows }, latencyMs: options.latencyMs ?? 0 });
  const waits: number[] = [];
  const refreshes = { count: 0 };
  const editor = createRegistrationEditor({
    store: webApiStore(dataverse.webApi, "msevtmgt_sessionregistration"),
    onSaved: () => refreshes.count++,
    sleep: async (ms) => {
      waits.push(ms);
    },
    refreshDelayMs: 0,
  });
  const updates = () => dataverse.calls.filter((c) => c.op === "update");
  return { dataverse, editor, waits, refreshes, updates };
}

/** Lets queued promise jobs and zero-delay timers run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
