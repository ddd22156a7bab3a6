import type { FreshRow } from "../model/edits";
import { bareGuid } from "../model/checkInRecord";
import type { Schedule } from "./notifier";
import { chunks } from "./odata";
import { missingRow, type RegistrationStore } from "./registrationStore";

/** Dataverse takes long In lists, but a URL has its limits and a smaller answer comes back sooner. */
export const MOST_IDS_PER_READ = 50;

/**
 * Just after the current task: the changes that start in it, or whose calls are answered at the same moment, have
 * asked by then. A read waits a timer tick at most, not a round trip.
 */
export const nextTask: Schedule = (flush) => void setTimeout(flush, 0);

interface Asked {
  id: string;
  columns: readonly string[];
  resolve(row: FreshRow): void;
  reject(error: unknown): void;
}

/**
 * Fresh reads asked for at about the same moment (the changes of a bulk run that start together, or whose
 * records were made together) go out together, once `gather` says so: one `retrieveMultipleRecords` with In over
 * at most 50 ids per set of columns. A read alone stays a `retrieveRecord`, so a single press is unchanged.
 *
 * Each read belongs to the one attempt that asked for it and answers as soon as its call is answered, never
 * kept for a later write or another attempt: the write computed from it still follows about one round trip after
 * Dataverse took the read. A row the answer lacks (deleted meanwhile) fails as not found, as retrieveRecord
 * does; a call that fails fails each of its reads with its error, for each change to retry or report.
 */
export function gatherReads(store: RegistrationStore, gather: Schedule = nextTask): RegistrationStore {
  let asked: Asked[] = [];

  const readAlone = (read: Asked) => void store.read(read.id, read.columns).then(read.resolve, read.reject);
  const readTogether = async (reads: Asked[], readMany: NonNullable<RegistrationStore["readMany"]>) => {
    try {
      const rows = await readMany([...new Set(reads.map((r) => bareGuid(r.id)))], reads[0].columns);
      for (const read of reads) {
        const row = rows.get(bareGuid(read.id));
        if (row) read.resolve(row);
        else read.reject(missingRow(read.id));
      }
    } catch (error) {
      for (const read of reads) read.reject(error);
    }
  };

  const flush = () => {
    const byColumns = new Map<string, Asked[]>();
    for (const read of asked) {
      const key = read.columns.join(",");
      const group = byColumns.get(key);
      if (group) group.push(read);
      else byColumns.set(key, [read]);
    }
    asked = [];
    for (const reads of byColumns.values()) {
      for (const chunk of chunks(reads, MOST_IDS_PER_READ)) {
        if (chunk.length === 1 || !store.readMany) chunk.forEach(readAlone);
        else void readTogether(chunk, store.readMany.bind(store));
      }
    }
  };

  return {
    ...store,
    read(id, columns) {
      return new Promise<FreshRow>((resolve, reject) => {
        asked.push({ id, columns, resolve, reject });
        if (asked.length === 1) gather(flush);
      });
    },
  };
}
