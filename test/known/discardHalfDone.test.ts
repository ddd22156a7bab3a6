/**
 * Known and open (issue 15): the soak found these; they fail until Discard also takes back a check-in's half that
 * was saved, so they are in `npm run test:known`, not `npm test` (docs/TESTING.md, "Known bugs"). The row says
 * what happened before the user discards ("Check-in recorded; count not updated").
 */
import type { RecordsMode } from "../../SessionRegistrationGrid/model/editPolicy";
import { FakeDataverse, generateConference } from "../fixtures";
import { loaded, setup } from "../unit/services/editorSetup";

const countOf = (dataverse: FakeDataverse, id: string) => dataverse.get(id)?.msevtmgt_timescheckedin;
const RECORDS: RecordsMode = { create: true };
const conference = generateConference({ attendees: 60 });
const linked = conference.registrations.filter((r) => r.statecode === 0 && r._msevtmgt_registrationid_value);

describe("a half-done change dropped (soak: discardHalfDone)", () => {
  const activeRecords = (dataverse: FakeDataverse, id: string) =>
    dataverse.checkIns((c) => c._msevtmgt_sessionregistration_value === id && c.statecode === 0).length;

  it("discarding a check-in whose record was made but whose count was refused leaves an active check-in record without a count", async () => {
    const row = linked[0];
    const dataverse = new FakeDataverse({ data: conference });
    const { editor, press } = setup([], { dataverse, records: () => RECORDS });
    const id = row.msevtmgt_sessionregistrationid;
    const [count, records] = [countOf(dataverse, id), activeRecords(dataverse, id)];
    dataverse.failNext({ kind: "validation", op: "update" });
    expect((await press(loaded(row)).done)?.kind).toBe("rejected");
    expect(editor.failures()).toEqual([expect.objectContaining({ record: "made" })]);
    editor.discard(id);
    // Discarded: not a check-in. The count did not go up, so Event Management must not see an attendance either.
    expect(countOf(dataverse, id)).toBe(count);
    expect(activeRecords(dataverse, id)).toBe(records);
  });

  it("discarding an undo whose record was deactivated but whose count was refused leaves a counted check-in without an active record", async () => {
    const row = linked[1];
    const dataverse = new FakeDataverse({ data: conference });
    const { editor, press } = setup([], { dataverse, records: () => RECORDS });
    const id = row.msevtmgt_sessionregistrationid;
    await press(loaded(row)).done;
    const [count, records] = [countOf(dataverse, id), activeRecords(dataverse, id)];
    dataverse.failNext({ kind: "validation", op: "update", entity: "msevtmgt_sessionregistration" });
    expect((await editor.undoCheckIn(loaded(row)))?.kind).toBe("rejected");
    editor.discard(id);
    // The undo was discarded: the check-in still counts, so its record must still be active.
    expect(countOf(dataverse, id)).toBe(count);
    expect(activeRecords(dataverse, id)).toBe(records);
  });
});

