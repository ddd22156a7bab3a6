/** One save of a change, seen through the editor: the fresh read, conflicts, and count writes whose answers were lost. */
import type { SavedCheckIn } from "../../../SessionRegistrationGrid/services/registrationEditor";
import { webApiStore } from "../../../SessionRegistrationGrid/services/registrationStore";
import { FakeDataverse } from "../../fixtures";
import { loaded, registration, setup } from "./editorSetup";

const countOf = (dataverse: FakeDataverse, id: string) => dataverse.get(id)?.msevtmgt_timescheckedin;

describe("a setting someone else changed meanwhile", () => {
  it("is a conflict found on the fresh read, with no Dataverse message to show (nothing was refused)", async () => {
    const row = registration({ msevtmgt_timescheckedin: 1 });
    const { dataverse, editor, updates } = setup([row]);
    const seen = loaded(row);
    dataverse.changeByAnotherUser(seen.id, { msevtmgt_timescheckedin: 2 });
    expect(await editor.submit(seen, { kind: "count", value: 5 })).toEqual({ kind: "conflict", detail: "" });
    expect(updates()).toEqual([]);
  });
});

describe("a check-in whose count write got no answer", () => {
  it("never landed, and another desk changed the count meanwhile: the retry adds one to what the other desk stored", async () => {
    const row = registration({ msevtmgt_timescheckedin: 3 });
    const retries = [() => dataverse.changeByAnotherUser(row.msevtmgt_sessionregistrationid, { msevtmgt_timescheckedin: 7 })];
    const { dataverse, press } = setup([row], { sleep: async () => void retries.shift()?.() });
    dataverse.failNext({ kind: "network", op: "update" });
    expect(await press(loaded(row)).done).toBeUndefined();
    expect(countOf(dataverse, row.msevtmgt_sessionregistrationid)).toBe(8);
  });

  it("without row versions, another desk storing exactly the lost count is no proof the write landed: both check-ins count", async () => {
    const row = registration({ msevtmgt_timescheckedin: 3 });
    const dataverse = new FakeDataverse({ data: { registrations: [row] } });
    const store = webApiStore(dataverse.webApi, "msevtmgt_sessionregistration");
    const retries = [() => dataverse.changeByAnotherUser(row.msevtmgt_sessionregistrationid, { msevtmgt_timescheckedin: 4 })];
    const { press } = setup([], {
      dataverse,
      registrations: { ...store, read: async (id, columns) => ({ ...(await store.read(id, columns)), version: undefined }) },
      sleep: async () => void retries.shift()?.(),
    });
    dataverse.failNext({ kind: "network", op: "update" });
    expect(await press(loaded(row)).done).toBeUndefined();
    expect(countOf(dataverse, row.msevtmgt_sessionregistrationid)).toBe(5);
  });

  it("landed though its answer was lost: the saved check-in is handed on as confirmed, with no write left unanswered", async () => {
    const row = registration({ msevtmgt_timescheckedin: 4 });
    const { dataverse, editor, press } = setup([row]);
    const heard: SavedCheckIn[] = [];
    editor.onCheckedIn((c) => heard.push(c));
    dataverse.failNext({ kind: "networkAfterCommit", op: "update" });
    expect(await press(loaded(row)).done).toBeUndefined();
    expect(countOf(dataverse, row.msevtmgt_sessionregistrationid)).toBe(5);
    expect(heard).toEqual([expect.objectContaining({ count: 5, unconfirmed: undefined })]);
    expect(editor.undoable(row.msevtmgt_sessionregistrationid)).toEqual([expect.objectContaining({ unconfirmed: undefined })]);
  });

  it("answered at once: the saved check-in is handed on as confirmed, with no write left unanswered", async () => {
    const row = registration({ msevtmgt_timescheckedin: 4 });
    const { editor, press } = setup([row]);
    const heard: SavedCheckIn[] = [];
    editor.onCheckedIn((c) => heard.push(c));
    expect(await press(loaded(row)).done).toBeUndefined();
    expect(heard).toEqual([expect.objectContaining({ count: 5, unconfirmed: undefined })]);
  });
});

describe("an undo of a check-in", () => {
  it("when another desk already set the count to 0: nothing is written, and the check-in is no longer undoable", async () => {
    const row = registration({ msevtmgt_timescheckedin: 0 });
    const { dataverse, editor, press, updates } = setup([row]);
    const seen = loaded(row);
    await press(seen).done;
    dataverse.changeByAnotherUser(seen.id, { msevtmgt_timescheckedin: 0 });
    expect(await editor.undoCheckIn(seen)).toBeUndefined();
    expect(updates()).toHaveLength(1);
    expect(countOf(dataverse, seen.id)).toBe(0);
    expect(editor.undoable(seen.id)).toEqual([]);
  });
});
