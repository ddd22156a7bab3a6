/**
 * One Dataverse for every page of this browser, as a real environment is: the local page keeps the rows its
 * pages wrote in localStorage (a reload finds them) and takes in what another page writes the moment it lands
 * (the storage event), so a second tab is a second desk on the same session.
 *
 * The generated conference is the same for a seed and size on every page; only the written rows are kept.
 */
import { CHECKIN, REGISTRATION, type CheckInRow, type FakeDataverse, type RegistrationRow } from "../test/fixtures";

interface Written {
  registrations: Record<string, RegistrationRow>;
  checkIns: Record<string, CheckInRow>;
}

const keyOf = (seed: number, attendees: number) => `srg-harness:dataverse:${seed}/${attendees}`;

/** Forgets what the pages wrote for this conference: the next page starts from the generated data. */
export function forgetWritten(seed: number, attendees: number): void {
  localStorage.removeItem(keyOf(seed, attendees));
}

/** Shares `dataverse` with the other pages showing the same conference; returns how to stop. */
export function shareAcrossPages(dataverse: FakeDataverse, seed: number, attendees: number): () => void {
  const key = keyOf(seed, attendees);
  const read = (text = localStorage.getItem(key)): Written => (text ? JSON.parse(text) : { registrations: {}, checkIns: {} });
  let absorbing = false;
  /** Takes in the rows another page wrote that differ from ours. */
  const absorb = (written: Written) => {
    absorbing = true;
    try {
      for (const row of Object.values(written.registrations)) {
        if (dataverse.get(row.msevtmgt_sessionregistrationid)?.versionnumber !== row.versionnumber) dataverse.absorb({ entity: REGISTRATION, row });
      }
      for (const row of Object.values(written.checkIns)) {
        if (dataverse.getCheckIn(row.msevtmgt_checkinid)?.versionnumber !== row.versionnumber) dataverse.absorb({ entity: CHECKIN, row });
      }
    } finally {
      absorbing = false;
    }
  };
  absorb(read());
  const stop = dataverse.onChange((change) => {
    if (absorbing || !change.row) return;
    // Read again first: another page may have written since; only this row is ours to replace.
    const written = read();
    if (change.entity === CHECKIN) written.checkIns[change.id] = change.row as CheckInRow;
    else written.registrations[change.id] = change.row as RegistrationRow;
    localStorage.setItem(key, JSON.stringify(written));
  });
  const onStorage = (event: StorageEvent) => {
    if (event.key === key) absorb(read(event.newValue));
  };
  window.addEventListener("storage", onStorage);
  return () => {
    stop();
    window.removeEventListener("storage", onStorage);
  };
}
