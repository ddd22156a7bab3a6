import { createJournal } from "../../../SessionRegistrationGrid/services/journal";
/** Tabs of one browser for the editor's tests: one store (localStorage), one Dataverse, Web Locks across documents. */
import type { RecordsMode } from "../../../SessionRegistrationGrid/model/editPolicy";
import { createOwnedJournal } from "../../../SessionRegistrationGrid/services/journalOwner";
import { webLocks, type OwnerLocks } from "../../../SessionRegistrationGrid/services/ownerLocks";
import { generateConference, type FakeDataverse, type RegistrationRow } from "../../fixtures";
import { FakeLocks, memoryStorage } from "../../fixtures/fakeLocks";
import { setup } from "./editorSetup";

export const BASE = "srg:https://contoso.crm.dynamics.com:user:msevtmgt_sessionregistration";
export const conference = generateConference({ attendees: 60 });
/** Active registrations whose check-ins make records (they name their event registration). */
export const linked = conference.registrations.filter((r) => r.statecode === 0 && r._msevtmgt_registrationid_value);
const RECORDS: RecordsMode = { create: true };

export function browser(dataverse: FakeDataverse) {
  const locks = new FakeLocks();
  const store = memoryStorage();
  let docs = 0;
  /** A tab (its own document) with one grid; `ownerLocks` replaces Web Locks (a browser without them). */
  const tab = (options: { offline?: boolean; ownerLocks?: OwnerLocks } = {}) => {
    const doc = ++docs;
    const journal = createOwnedJournal(store, BASE, options.ownerLocks ?? webLocks(locks.forDocument(doc)));
    const offline = { now: options.offline ?? false };
    const desk = setup([], { dataverse, records: () => RECORDS, journal, isOffline: () => offline.now, probeMs: 60_000 });
    return {
      ...desk, doc, journal, offline,
      /** The connection is back (the online event). */
      online() {
        offline.now = false;
        desk.editor.reconnect();
      },
      /** The tab's document goes away (closed, reloaded, crashed): its locks are free, it does nothing more. */
      crash: () => locks.gone(doc),
    };
  };
  /** Journals in the store: each key's number of changes. */
  const kept = () => Object.fromEntries([...store.data.keys()].filter((k) => k.startsWith(BASE) && !k.includes(":c:")).map((k) => [k, createJournal(store, k).load().length]));
  return { locks, store, tab, kept };
}

export const count = (dataverse: FakeDataverse, row: RegistrationRow) => dataverse.get(row.msevtmgt_sessionregistrationid)?.msevtmgt_timescheckedin ?? 0;
export const activeRecords = (dataverse: FakeDataverse, row: RegistrationRow) =>
  dataverse.checkIns((c) => c._msevtmgt_sessionregistration_value === row.msevtmgt_sessionregistrationid && c.statecode === 0).length;
/** Writes of this kind that reached Dataverse (a create refused as a duplicate did not). */
export const committed = (dataverse: FakeDataverse, op: "create" | "update") => dataverse.calls.filter((c) => c.op === op && c.committed).length;
