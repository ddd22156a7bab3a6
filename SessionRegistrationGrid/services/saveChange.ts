import type { Change } from "../model/changes";
import { checkInRecordBody } from "../model/checkInRecord";
import type { RecordsMode } from "../model/editPolicy";
import { columnsToRead, isConflict, isSetting, isStored, payloadFor, writtenFields, type FreshRow } from "../model/edits";
import { classifyError, isDuplicateKey } from "../model/errors";
import type { RegistrationFields } from "../model/types";
import type { CheckInStore } from "./checkInStore";
import type { RegistrationStore } from "./registrationStore";
import { SaveFailed } from "./retry";

export interface SaveResult {
  /** The fields the row holds now. */
  stored: Partial<RegistrationFields>;
  /** "already": the row held the value, nothing was written. */
  result: "changed" | "already";
}

/** What the save steps talk to. */
export interface SavePorts {
  registrations: RegistrationStore;
  checkIns: CheckInStore;
  records(): RecordsMode;
  findEventRegistration(change: Change): Promise<string | null>;
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
 * One attempt to save a change. A check-in first makes its check-in record (the rest of Event Management reads
 * attendance from those), then adds one to the count read just now; its undo deactivates that record, then takes
 * one away. Each step done is recorded on the change, so a retry does only what is left.
 */
export async function attemptSave(ports: SavePorts, hooks: AttemptHooks): Promise<SaveResult> {
  const { edit, record } = hooks.current();
  if (edit.kind === "record") {
    await setRecordState(ports, edit.checkIn, edit.active);
    return { stored: {}, result: "changed" };
  }
  if (edit.kind === "checkIn" && !record) await makeRecord(ports, hooks, hooks.current());
  if (edit.kind === "undoCheckIn" && edit.recorded && !record) await sendRecordStep(hooks, () => setRecordState(ports, edit.checkIn, false));
  return writeFields(ports.registrations, hooks);
}

/** Someone deleted the record meanwhile: nothing is left to deactivate (and an undo's count still comes down). */
async function setRecordState(ports: SavePorts, id: string, active: boolean): Promise<void> {
  try {
    await ports.checkIns.setActive(id, active);
  } catch (error) {
    if (active || classifyError(error).kind !== "notFound") throw error;
  }
}

/**
 * The check-in record, with the id made at the press: every attempt sends the same one, and Dataverse's
 * duplicate-key answer means an earlier attempt landed. Without an event registration (the check-in form needs
 * one) or when records are off, the check-in is counted without a record, and the row says why.
 *
 * That earlier attempt is always this change's own, by this editor or by the one it was adopted from, whose steps
 * (record sent, count sent without an answer) came with it: a change is sent by one editor only (journalOwner.ts),
 * so no other tab is counting it meanwhile, and going on to the count can't count it twice. Keep it that way: an
 * answer that could come from someone else's attempt would make this rule count twice.
 */
async function makeRecord(ports: SavePorts, hooks: AttemptHooks, change: Change): Promise<void> {
  const mode = ports.records();
  if (!mode.create) return hooks.record({ record: mode.reason });
  const targets = change.targets ?? { registration: change.rowId };
  const eventRegistration = targets.eventRegistration ?? (await ports.findEventRegistration(change));
  if (!eventRegistration) return hooks.record({ record: "noEventRegistration" });
  await sendRecordStep(hooks, async () => {
    try {
      await ports.checkIns.create(checkInRecordBody(change.id, change.recordName ?? change.name, { ...targets, eventRegistration }, new Date(change.madeAt)));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  });
}

/**
 * A record step, noted as sent while its answer is awaited: without an answer it may have been applied, and a
 * Discard then puts the record back. A refusal was never applied (an earlier attempt without an answer still may be).
 * Once it is answered, the step is done ("made": a check-in's record made, an undo's record deactivated).
 */
async function sendRecordStep(hooks: AttemptHooks, step: () => Promise<void>): Promise<void> {
  const before = hooks.current().recordSent;
  hooks.record({ recordSent: true });
  try {
    await step();
  } catch (error) {
    if (classifyError(error).kind !== "network") hooks.record({ recordSent: before });
    throw error;
  }
  hooks.record({ record: "made" });
}

/**
 * A fresh read of what the change depends on, then the write computed from it. A check-in or its undo changes
 * the count read just now (two desks both count); a setting is refused as a conflict when someone else changed
 * what the user saw, unless the user chose to overwrite.
 */
async function writeFields(store: RegistrationStore, hooks: AttemptHooks): Promise<SaveResult> {
  const change = hooks.current();
  const { edit, rowId } = change;
  const fresh = await store.read(rowId, columnsToRead(edit));
  hooks.read(fresh);
  const written = writtenFields(edit, fresh.fields);
  if (isSetting(edit)) {
    if (isStored(edit, fresh)) return { stored: fresh.fields, result: "already" };
    if (!change.overwrite && isConflict(edit, change.seen, fresh)) throw new SaveFailed({ kind: "conflict", detail: "" });
  } else {
    // A check-in or its undo (a record put back writes no field, and never comes here).
    const lost = change.unconfirmed;
    // The earlier attempt's write landed though its answer was lost: the row holds what it wrote, under a newer version.
    if (lost && fresh.fields.timesCheckedIn === lost.count && fresh.version !== lost.readVersion) {
      hooks.record({ unconfirmed: undefined });
      return { stored: fresh.fields, result: "changed" };
    }
    // An undo on a count already at 0 (or a check-in at the largest count) has nothing to write.
    if (written.timesCheckedIn === (fresh.fields.timesCheckedIn ?? 0)) return { stored: fresh.fields, result: "changed" };
    hooks.record({ unconfirmed: { count: written.timesCheckedIn!, readVersion: fresh.version } });
  }
  try {
    await store.write(rowId, payloadFor(edit, fresh));
  } catch (error) {
    // Only a lost connection leaves this write's outcome unknown; a refusal (429, validation) was never applied.
    // An earlier write without an answer (`change` is as it was before this attempt) may still land, sent by a
    // page since reloaded: it stays remembered.
    if (classifyError(error).kind !== "network") hooks.record({ unconfirmed: change.unconfirmed });
    throw error;
  }
  hooks.record({ unconfirmed: undefined });
  return { stored: { ...fresh.fields, ...written }, result: "changed" };
}
