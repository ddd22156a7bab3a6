/**
 * Issue 23, Arrivals live: Dataverse's check-ins of the session, this page's check-ins from the press (the same
 * notification as the row's count), undos, failures, other desks' check-ins and undos at the live poll's asks.
 */
import { createArrivalsFeed, type ArrivalsFeed } from "../../../SessionRegistrationGrid/services/arrivalsFeed";
import { webApiArrivalsStore } from "../../../SessionRegistrationGrid/services/arrivalsStore";
import { FakeDataverse, generateConference } from "../../fixtures";
import { loaded, settle, setup } from "./editorSetup";

const conference = generateConference({ attendees: 60 });
const session = conference.defaultSessionId;
const times = { start: Date.parse("2025-06-12T09:00:00Z"), end: Date.parse("2025-06-12T10:00:00Z"), capacity: 250 };
const inSession = conference.registrations.filter((r) => r._msevtmgt_sessionid_value === session && r.statecode === 0);
const activeRecords = () => conference.checkIns.filter((c) => c._msevtmgt_sessionattended_value === session && c.statecode === 0);
const feeds: ArrivalsFeed[] = [];
afterEach(() => feeds.splice(0).forEach((f) => f.dispose()));

function desk(concurrency?: number) {
  // After the generated arrivals: the server's clock never runs behind what it stored.
  const at = { now: Date.parse("2025-06-12T09:40:00Z") };
  const dataverse = new FakeDataverse({ data: conference, clock: () => at.now });
  const door = setup([], { dataverse, records: () => ({ create: true }), ...(concurrency && { concurrency }) });
  door.clock.now = at.now;
  const feed = createArrivalsFeed({ store: webApiArrivalsStore(dataverse.webApi), session, editor: door.editor, times: () => times, onTimes: () => () => undefined, now: () => at.now });
  feeds.push(feed);
  const heard: number[] = [];
  feed.subscribe(() => heard.push(feed.current().checkIns.length));
  const ids = () => feed.current().checkIns.map((c) => c.id);
  /** A registration with an event registration (so its check-in makes a record) and no check-in yet. */
  const newcomer = (skip = 0) => loaded(inSession.filter((r) => r._msevtmgt_registrationid_value && !r.msevtmgt_timescheckedin)[skip]);
  return { ...door, dataverse, feed, heard, ids, at, newcomer };
}

describe("Arrivals' data", () => {
  it("are the session's active check-in records, read once; while reading the chart says so", async () => {
    const d = desk();
    expect(d.feed.current()).toMatchObject({ reading: true, checkIns: [] });
    await settle();
    expect(d.feed.current()).toMatchObject({ reading: false, failed: false, session: times });
    expect(d.ids().sort()).toEqual(activeRecords().map((c) => c.msevtmgt_checkinid).sort());
    expect(d.dataverse.calls.filter((c) => c.entity === "msevtmgt_checkin")).toHaveLength(1);
  });

  it("a press counts at once, in the editor's own notification, once saved too, and once when read back", async () => {
    const d = desk();
    await settle();
    const before = d.ids().length;
    const row = d.newcomer();
    d.heard.length = 0;
    const { done } = d.press(row, 0);
    expect(d.feed.current().now).toBe(d.at.now);
    // Delivered synchronously by the test editor's schedule: the same notification that re-renders the row.
    expect(d.heard).toEqual([before + 1]);
    const pending = d.feed.current().checkIns.find((c) => !activeRecords().some((r) => r.msevtmgt_checkinid === c.id))!;
    expect(pending).toEqual({ id: expect.any(String), person: row.refs.contact!.id, at: d.at.now });
    expect(await done).toBeUndefined();
    expect(d.ids()).toHaveLength(before + 1);
    d.feed.refresh();
    await settle();
    expect(d.ids()).toHaveLength(before + 1);
    expect(d.ids()).toContain(pending.id);
    expect(d.dataverse.calls.filter((c) => c.entity === "msevtmgt_checkin" && c.op === "retrieveMultiple").at(-1)!.options).toMatch(/modifiedon ge \S+Z/);
  });

  it("an undo takes the check-in away at once, and for good once saved and read back", async () => {
    const d = desk();
    await settle();
    const before = d.ids().length;
    const row = d.newcomer();
    await d.press(row, 0).done;
    const made = d.editor.undoable(row.id)[0].id;
    const undo = d.editor.undoCheckIn(row, made);
    expect(d.ids()).toHaveLength(before);
    expect(await undo).toBeUndefined();
    expect(d.ids()).not.toContain(made);
    d.feed.refresh();
    await settle();
    expect(d.ids()).toHaveLength(before);
    expect(d.dataverse.getCheckIn(made)?.statecode).toBe(1);
  });

  it("an undo dropped unstarted by a cancelled bulk run gives its check-in back; the one saved takes its own away", async () => {
    const d = desk();
    await settle();
    const before = d.ids().length;
    const [a, b] = [d.newcomer(0), d.newcomer(1)];
    await d.press(a, 0).done;
    await d.press(b).done;
    const [madeA, madeB] = [d.editor.undoable(a.id)[0].id, d.editor.undoable(b.id)[0].id];
    // Cancel is pressed the moment the first undo starts saving: the second is dropped before it starts.
    const firstStarted = () => d.editor.edits(a.id).changes.some((c) => c.status === "saving");
    const run = d.editor.runBulk([a, b], (row) => d.editor.undoEdit(row.id), { isCancelled: firstStarted });
    expect(d.ids()).not.toContain(madeA);
    expect((await run).map((o) => o.result)).toEqual(["changed", "notStarted"]);
    await settle();
    expect(d.ids()).not.toContain(madeA);
    expect(d.ids()).toContain(madeB);
    expect(d.ids()).toHaveLength(before + 1);
  });

  it("a check-in that failed is not counted (the row doesn't count it); its Retry counts it", async () => {
    const d = desk();
    await settle();
    const before = d.ids().length;
    const row = d.newcomer();
    d.dataverse.failNext({ kind: "validation", op: "update" });
    const problem = await d.press(row, 0).done;
    expect(problem?.kind).toBe("rejected");
    // Its record was made, and is read back: still not counted while the row shows the check-in failed.
    d.feed.refresh();
    await settle();
    expect(d.ids()).toHaveLength(before);
    d.editor.retry(row.id);
    expect(d.ids()).toHaveLength(before + 1);
    await settle();
    expect(d.ids()).toHaveLength(before + 1);
  });

  it("a check-in counted without a record counts while it is saved, not after: the chart's data are the records", async () => {
    const d = desk();
    await settle();
    const before = d.ids().length;
    const row = { ...d.newcomer(), refs: {} };
    const { done } = d.press(row, 0);
    expect(d.ids()).toHaveLength(before + 1);
    await done;
    expect(d.editor.undoable(row.id)[0].record).toBe("noEventRegistration");
    expect(d.ids()).toHaveLength(before);
  });

  it("another desk's check-ins join, and its undo leaves, at the live poll's next ask", async () => {
    const d = desk();
    await settle();
    const before = d.ids().length;
    const other = inSession.find((r) => r._msevtmgt_registrationid_value && !r.msevtmgt_timescheckedin)!;
    d.at.now += 60_000;
    const theirs = d.dataverse.checkInByAnotherDesk({
      msevtmgt_checkintime: new Date(d.at.now).toISOString(), "msevtmgt_SessionAttended@odata.bind": `/msevtmgt_sessions(${session})`,
      "msevtmgt_Contact@odata.bind": `/contacts(${other._msevtmgt_contactid_value})`,
    });
    expect(d.ids()).toHaveLength(before);
    d.feed.refresh();
    await settle();
    expect(d.ids()).toContain(theirs.msevtmgt_checkinid);
    const gone = activeRecords()[0].msevtmgt_checkinid;
    d.at.now += 60_000;
    d.dataverse.changeCheckInByAnotherDesk(gone, { statecode: 1, statuscode: 2 });
    d.feed.refresh();
    await settle();
    expect(d.ids()).not.toContain(gone);
    expect(d.ids()).toHaveLength(before);
    expect(d.feed.current().now).toBe(d.at.now);
  });

  it("a first read that fails says so and is tried again at the next minute", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate"] });
    try {
      const dataverse = new FakeDataverse({ data: conference });
      dataverse.failNext({ kind: "network", entity: "msevtmgt_checkin" });
      const { editor } = setup([], { dataverse });
      const feed = createArrivalsFeed({ store: webApiArrivalsStore(dataverse.webApi), session, editor, times: () => undefined, onTimes: () => () => undefined });
      feeds.push(feed);
      await jest.advanceTimersByTimeAsync(0);
      expect(feed.current()).toMatchObject({ reading: true, failed: true, session: {} });
      await jest.advanceTimersByTimeAsync(60_000);
      expect(feed.current()).toMatchObject({ reading: false, failed: false });
      expect(feed.current().checkIns).toHaveLength(activeRecords().length);
    } finally {
      jest.useRealTimers();
    }
  });
});
