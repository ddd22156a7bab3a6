/** Changes of one row for the model's tests: each made later (a higher seq) than the one before. */
import type { Change } from "../../../SessionRegistrationGrid/model/changes";
import type { Edit } from "../../../SessionRegistrationGrid/model/edits";
import type { RegistrationFields } from "../../../SessionRegistrationGrid/model/types";

export const loaded: RegistrationFields = { timesCheckedIn: 2, synced: false, state: 0, statusReason: 1 };
let seq = 0;
export const change = (edit: Edit, extra: Partial<Change> = {}): Change =>
  ({ id: `c${++seq}`, rowId: "r1", name: "Ana", edit, seen: loaded, status: "queued", source: "row", seq, madeAt: 0, ...extra });
export const network = { kind: "network" as const, detail: "Failed to fetch" };
