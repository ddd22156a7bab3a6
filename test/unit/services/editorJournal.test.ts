/** What the editor takes from the journal a previous page left, and the order of the changes it keeps there. */
import type { Change } from "../../../SessionRegistrationGrid/model/changes";
import type { RecordsMode } from "../../../SessionRegistrationGrid/model/editPolicy";
import type { Journal } from "../../../SessionRegistrationGrid/services/journal";
import { FakeDataverse, generateConference, type RegistrationRow } from "../../fixtures";
import { loaded, registration, settle, setup } from "./editorSetup";

/** A journal in memory: what a previous page left (`left`), and what this page keeps. */
function memoryJournal(left: Change[] = []) {
  const kept = { changes: [] as readonly Change[] };
  const journal: Journal = { load: () => left.map((c) => ({ ...c })), save: (changes) => void (kept.changes = changes) };
  return { journal, kept };
}

/** A count typed by the user on a previous page, kept unsaved. */
const typedCount = (row: RegistrationRow, value: number, seq: number, more: Partial<Change> = {}): Change => ({
  id: `kept-${seq}`, rowId: row.msevtmgt_sessionregistrationid, name: row.msevtmgt_name ?? "", edit: { kind: "count", value },
  seen: loaded(row).fields, status: "queued", source: "row", seq, madeAt: 1_000, ...more,
});

const countOf = (dataverse: FakeDataverse, row: RegistrationRow) => dataverse.get(row.msevtmgt_sessionregistrationid)?.msevtmgt_timescheckedin;

describe("changes a previous page left unsaved", () => {
  it("are sent in the order they were made, whatever order the journal lists them in", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { journal } = memoryJournal([typedCount(row, 7, 3), typedCount(row, 5, 1), typedCount(row, 6, 2)]);
    const { dataverse, updates } = setup([row], { journal });
    await settle();
    expect(updates().map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 5 }, { msevtmgt_timescheckedin: 6 }, { msevtmgt_timescheckedin: 7 }]);
    expect(countOf(dataverse, row)).toBe(7);
  });

  it("a failed one waits for the user's Retry: it is shown, not sent again on its own", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { journal } = memoryJournal([typedCount(row, 5, 1, { status: "failed", problem: { kind: "rejected", detail: "" } })]);
    const { editor, updates } = setup([row], { journal });
    await settle();
    expect(updates()).toEqual([]);
    expect(editor.failures().map((c) => c.edit)).toEqual([{ kind: "count", value: 5 }]);
    editor.retry(row.msevtmgt_sessionregistrationid);
    await settle();
    expect(updates().map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 5 }]);
  });

  it("a change made on this page comes after them: a newer count that saves settles the older failed one", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { journal } = memoryJournal([typedCount(row, 5, 40, { status: "failed", problem: { kind: "rejected", detail: "" } })]);
    const { dataverse, editor } = setup([row], { journal });
    expect(await editor.submit(loaded(row), { kind: "count", value: 7 })).toBeUndefined();
    expect(editor.edits(row.msevtmgt_sessionregistrationid).changes).toEqual([]);
    expect(editor.failures()).toEqual([]);
    expect(countOf(dataverse, row)).toBe(7);
  });
});

describe("what the journal keeps", () => {
  it("a setting carries no check-in record details (only a check-in says what its record points at)", async () => {
    const row = registration();
    const { journal, kept } = memoryJournal();
    const { editor } = setup([row], { journal, isOffline: () => true, recordName: () => "Attendee at Keynote" });
    await editor.submit(loaded(row), { kind: "sync", synced: true });
    await editor.checkIn(loaded(row)).done;
    expect(kept.changes.map((c) => [c.edit.kind, c.status, c.targets === undefined, c.recordName])).toEqual([
      ["sync", "waiting", true, undefined],
      ["checkIn", "waiting", false, "Attendee at Keynote"],
    ]);
  });

  it("a record put back after a discard is ordered after the changes made before it, and before those made after it", async () => {
    const conference = generateConference({ attendees: 20 });
    const row = conference.registrations.filter((r) => r.statecode === 0 && r._msevtmgt_registrationid_value)[0];
    const other = conference.registrations.filter((r) => r.statecode === 0 && r !== row)[0];
    const dataverse = new FakeDataverse({ data: conference });
    const records: RecordsMode = { create: true };
    const { journal, kept } = memoryJournal();
    let offline = false;
    const { editor, press } = setup([], { dataverse, journal, records: () => records, isOffline: () => offline });
    const id = row.msevtmgt_sessionregistrationid;
    // The check-in's record is made, its count refused: a failure half done.
    dataverse.failNext({ kind: "validation", op: "update" });
    await press(loaded(row)).done;
    const [halfDone] = editor.failures();
    // Offline from here on: what is made waits in the journal, in order.
    offline = true;
    editor.discard(id);
    await editor.submit(loaded(other), { kind: "sync", synced: true });
    const order = kept.changes.map((c) => ({ kind: c.edit.kind, seq: c.seq }));
    expect(order.map((c) => c.kind).sort()).toEqual(["record", "sync"]);
    const putBack = order.find((c) => c.kind === "record")!.seq;
    const after = order.find((c) => c.kind === "sync")!.seq;
    expect(putBack).toBeGreaterThan(halfDone.seq);
    expect(after).toBeGreaterThan(putBack);
  });
});
