import type { RecordsMode } from "../model/editPolicy";
import type { CallPool } from "./callPool";
import type { CheckInStore } from "./checkInStore";
import { createEventRegistrationFinder } from "./eventRegistrations";
import { gatherReads } from "./freshReads";
import type { Schedule } from "./notifier";
import type { RegistrationStore } from "./registrationStore";
import type { SavePorts } from "./saveChange";

const ALWAYS_RECORD: RecordsMode = { create: true };

export interface PortOptions {
  registrations: RegistrationStore;
  checkIns: CheckInStore;
  records?: () => RecordsMode;
  gatherReads?: Schedule;
}

/**
 * What the editor's save steps talk to: the stores as given with every call watched by the pool, fresh reads
 * gathered into one call where they come together (freshReads.ts), whether check-ins make records (default: yes),
 * and where a check-in's event registration is found.
 */
export function savePorts(options: PortOptions, pool: CallPool): SavePorts {
  const checkIns = pool.watch(options.checkIns);
  return {
    registrations: gatherReads(pool.watch(options.registrations), options.gatherReads),
    checkIns,
    records: options.records ?? (() => ALWAYS_RECORD),
    findEventRegistration: createEventRegistrationFinder(checkIns),
  };
}
