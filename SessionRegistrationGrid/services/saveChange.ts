import type { Change } from "../model/changes";
import { columnsToRead, isConflict, isStored, payloadFor, writtenFields, type FreshRow } from "../model/edits";
import { classifyError } from "../model/errors";
import type { RegistrationFields } from "../model/types";
import type { RegistrationStore } from "./registrationStore";
import { SaveFailed } from "./retry";

export interface SaveResult {
  /** The fields the row holds now. */
  stored: Partial<RegistrationFields>;
  /** "already": the row held the value, nothing was written. */
  result: "changed" | "already";
}

/** What one attempt may tell the editor while it runs. */
export interface AttemptHooks {
  /** The latest state of the change (a retry sees what the previous attempt recorded). */
  current(): Change;
  record(patch: Partial<Change>): void;
  /** The fresh read, so a failure can still show what is stored. */
  read(fresh: FreshRow): void;
}

/**
 * One attempt to save a change: a fresh read of what the change depends on, then the write computed from it.
 * A check-in adds one to the count read just now (two desks both count); a setting is refused as a conflict
 * when someone else changed what the user saw, unless the user chose to overwrite.
 */
export async function attemptSave(store: RegistrationStore, hooks: AttemptHooks): Promise<SaveResult> {
  const change = hooks.current();
  const { edit, rowId } = change;
  const fresh = await store.read(rowId, columnsToRead(edit));
  hooks.read(fresh);
  if (edit.kind === "checkIn") {
    const lost = change.unconfirmed;
    // The earlier attempt's write landed though its answer was lost: the row holds what it wrote, under a newer version.
    if (lost && fresh.fields.timesCheckedIn === lost.count && fresh.version !== lost.readVersion) {
      hooks.record({ unconfirmed: undefined });
      return { stored: fresh.fields, result: "changed" };
    }
  } else {
    if (isStored(edit, fresh)) return { stored: fresh.fields, result: "already" };
    if (!change.overwrite && isConflict(edit, change.seen, fresh)) throw new SaveFailed({ kind: "conflict", detail: "" });
  }
  const payload = payloadFor(edit, fresh);
  const written = writtenFields(edit, fresh.fields);
  if (edit.kind === "checkIn") hooks.record({ unconfirmed: { count: written.timesCheckedIn!, readVersion: fresh.version } });
  try {
    await store.write(rowId, payload);
  } catch (error) {
    // Only a lost connection leaves the outcome unknown; a refusal (429, validation) was never applied.
    if (classifyError(error).kind !== "network") hooks.record({ unconfirmed: undefined });
    throw error;
  }
  hooks.record({ unconfirmed: undefined });
  return { stored: { ...fresh.fields, ...written }, result: "changed" };
}
