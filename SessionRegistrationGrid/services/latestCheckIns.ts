import { bareGuid } from "../model/checkInRecord";
import type { RegistrationRow } from "../model/types";
import type { DeskStore } from "./deskStore";
import type { RegistrationEditor } from "./registrationEditor";

export interface LatestCheckIns {
  /** When the registration's latest check-in was, once read (ms since 1970), for the count it shows now. */
  of(row: RegistrationRow): number | undefined;
  /** Reads the latest check-in times of these registrations that are in and not yet known. */
  read(rows: readonly RegistrationRow[]): void;
  dispose(): void;
}

/**
 * The time of each registration's latest check-in, which the desk shows beside a match ("in at 9:02"): read for the
 * registrations a search finds, and taken from the editor when this grid checks someone in. Each is kept for the
 * count it was read at, so that a check-in made elsewhere (a new count) makes it stale. `changed(id)`: a time was
 * learnt, its row redraws.
 */
export function createLatestCheckIns(editor: RegistrationEditor, store: DeskStore, changed: (id: string) => void): LatestCheckIns {
  const times = new Map<string, { count: number; at?: number }>();
  const reading = new Set<string>();
  const stopListening = editor.onCheckedIn((saved) => {
    times.set(saved.rowId, { count: saved.count, at: saved.madeAt });
    changed(saved.rowId);
  });
  return {
    of(row) {
      const known = times.get(row.id);
      return known && known.count === (editor.shown(row).timesCheckedIn ?? 0) ? known.at : undefined;
    },
    read(rows) {
      const wanted = rows
        .map((row) => ({ id: row.id, count: editor.shown(row).timesCheckedIn ?? 0 }))
        .filter(({ id, count }) => count > 0 && !reading.has(id) && times.get(id)?.count !== count);
      if (!wanted.length) return;
      wanted.forEach(({ id }) => reading.add(id));
      store.latestCheckIns(wanted.map(({ id }) => id)).then(
        (latest) => {
          for (const { id, count } of wanted) {
            times.set(id, { count, at: latest.get(bareGuid(id)) });
            changed(id);
          }
        },
        // A time that could not be read is only not shown; the next search asks again.
        () => undefined,
      ).finally(() => wanted.forEach(({ id }) => reading.delete(id)));
    },
    dispose: stopListening,
  };
}
