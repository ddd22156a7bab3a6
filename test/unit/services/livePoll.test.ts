/**
 * Issue 12, live: every few seconds the grid asks Dataverse what changed since the newest modifiedon it has seen
 * (one call, on a session form that session's) and merges other desks' changes into the rows it holds, without
 * a dataset refresh; rows another desk changed are marked for a few seconds; new registrations are counted.
 */
import type { RegistrationRow as GridRow } from "../../../SessionRegistrationGrid/model/types";
import { startLivePoll, type LivePoll, type LiveState } from "../../../SessionRegistrationGrid/services/livePoll";
import type { RegistrationEditor } from "../../../SessionRegistrationGrid/services/registrationEditor";
import { FakeDataverse, generateConference } from "../../fixtures";
import { loaded, setup } from "./editorSetup";

const conference = generateConference({ attendees: 60 });
const session = conference.defaultSessionId.toLowerCase();
const inSession = conference.registrations.filter((r) => r._msevtmgt_sessionid_value === session && r.statecode === 0);
const SECONDS = 20;

/** A desk: its editor, the rows its grid holds, and its live poll; what the poll said and announced. */
function desk(dataverse: FakeDataverse, page = { hidden: false }, options: { seconds?: number; session?: string } = {}) {
  const { editor, press } = setup([], { dataverse });
  const held = new Map<string, GridRow>(inSession.map((r) => [r.msevtmgt_sessionregistrationid, loaded(r)]));
  const states: LiveState[] = [];
  const announced: string[] = [];
  const poll: LivePoll = startLivePoll({
    webAPI: dataverse.webApi, editor, seconds: options.seconds ?? SECONDS, session: options.session ?? session, rowOf: (id) => held.get(id), hidden: () => page.hidden,
    checkedInElsewhere: (names) => announced.push(names.join(", ")),
    changed: (state) => states.push(state),
  });
  polls.push(poll);
  return { editor, press, held, states, announced, poll, row: (i: number) => held.get(inSession[i].msevtmgt_sessionregistrationid)! };
}

const polls: LivePoll[] = [];
const asks = (dataverse: FakeDataverse) => dataverse.calls.filter((c) => c.op === "retrieveMultiple" && c.entity === "msevtmgt_sessionregistration");
const shownCount = (editor: RegistrationEditor, row: GridRow) => editor.shown(row).timesCheckedIn ?? 0;

beforeEach(() => jest.useFakeTimers({ now: new Date("2026-12-02T09:00:00Z"), doNotFake: ["nextTick", "setImmediate"] }));
afterEach(() => {
  polls.splice(0).forEach((p) => p.stop());
  jest.useRealTimers();
});

describe("live updates", () => {
  it("asks once per interval, since the newest modifiedon seen, for the session's rows; merges another desk's check-in without a refresh", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const mine = desk(dataverse);
    await jest.advanceTimersByTimeAsync(0);
    // The first ask only learns where "now" is on the server.
    const [first] = asks(dataverse);
    expect(first.options).toContain("$top=1");
    expect(first.options).toContain("$orderby=modifiedon desc");
    expect(first.options).toContain(`_msevtmgt_sessionid_value eq ${session}`);
    const newest = [...inSession].sort((a, b) => b.modifiedon.localeCompare(a.modifiedon))[0].modifiedon;

    await jest.advanceTimersByTimeAsync(5_000);
    const other = setup([], { dataverse });
    const row = mine.row(0);
    const before = shownCount(mine.editor, row);
    await other.press(row).done;
    expect(shownCount(mine.editor, row)).toBe(before); // not yet: nobody asked

    await jest.advanceTimersByTimeAsync(SECONDS * 1000 - 5_000);
    expect(asks(dataverse)).toHaveLength(2);
    expect(asks(dataverse)[1].options).toContain(`modifiedon ge ${newest}`);
    expect(shownCount(mine.editor, row)).toBe(before + 1);
    expect(mine.editor.elsewhere(row.id)).toBe("checkedIn");
    expect(mine.announced).toEqual([row.name]);
    // The mark stays a few seconds, then goes.
    await jest.advanceTimersByTimeAsync(6_000);
    expect(mine.editor.elsewhere(row.id)).toBeUndefined();
    expect(shownCount(mine.editor, row)).toBe(before + 1);

    // The next ask starts from the check-in's modifiedon (the server's clock).
    await jest.advanceTimersByTimeAsync(SECONDS * 1000);
    expect(asks(dataverse)[2].options).toContain(`modifiedon ge ${dataverse.get(row.id)!.modifiedon}`);
    expect(mine.announced).toHaveLength(1); // the same change is not announced twice
  });

  it("several check-ins from other desks between two asks are announced once, together", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const mine = desk(dataverse);
    await jest.advanceTimersByTimeAsync(1_000);
    const other = setup([], { dataverse });
    await other.press(mine.row(6)).done;
    await other.press(mine.row(7)).done;
    await jest.advanceTimersByTimeAsync(SECONDS * 1000);
    expect(mine.announced).toHaveLength(1);
    expect(mine.announced[0].split(", ").sort()).toEqual([mine.row(6).name, mine.row(7).name].sort());
  });

  it("another desk's change of a setting is merged and marked as changed, not announced as a check-in", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const mine = desk(dataverse);
    await jest.advanceTimersByTimeAsync(1_000);
    const row = mine.row(1);
    dataverse.changeByAnotherUser(row.id, { msevtmgt_syncedwithprovider: row.fields.synced ? 100000001 : 100000002 });
    await jest.advanceTimersByTimeAsync(SECONDS * 1000);
    expect(mine.editor.shown(row).synced).toBe(!row.fields.synced);
    expect(mine.editor.elsewhere(row.id)).toBe("changed");
    expect(mine.announced).toEqual([]);
  });

  it("holds off while a change of the grid's is on its way, and while the page is hidden", async () => {
    const dataverse = new FakeDataverse({ data: conference, latencyMs: (call) => (call.op === "update" ? 30_000 : 0) });
    const page = { hidden: false };
    const mine = desk(dataverse, page);
    await jest.advanceTimersByTimeAsync(0);
    void mine.press(mine.row(2)).done;
    await jest.advanceTimersByTimeAsync(SECONDS * 1000);
    expect(asks(dataverse)).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(15_000); // the write lands
    expect(mine.editor.busy()).toBe(false);
    page.hidden = true;
    await jest.advanceTimersByTimeAsync(SECONDS * 1000);
    expect(asks(dataverse)).toHaveLength(1);
    page.hidden = false;
    await jest.advanceTimersByTimeAsync(SECONDS * 1000);
    expect(asks(dataverse)).toHaveLength(2);
  });

  it("a failed ask is tried again at the next interval, quietly; three in a row say paused, until one succeeds", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const mine = desk(dataverse);
    await jest.advanceTimersByTimeAsync(0);
    dataverse.setNetwork(false);
    await jest.advanceTimersByTimeAsync(SECONDS * 1000 * 2);
    expect(mine.states.at(-1)).toEqual({ paused: false, newRegistrations: 0 });
    await jest.advanceTimersByTimeAsync(SECONDS * 1000);
    expect(mine.states.at(-1)).toEqual({ paused: true, newRegistrations: 0 });
    dataverse.setNetwork(true);
    await jest.advanceTimersByTimeAsync(SECONDS * 1000);
    expect(mine.states.at(-1)).toEqual({ paused: false, newRegistrations: 0 });
  });

  it("counts registrations made for the session since it started, until the user refreshes to see them", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const mine = desk(dataverse);
    await jest.advanceTimersByTimeAsync(2_000);
    const template = inSession[0];
    for (const name of ["Walk-in one", "Walk-in two"]) {
      await dataverse.webApi.createRecord("msevtmgt_sessionregistration", {
        msevtmgt_name: name,
        "msevtmgt_SessionId@odata.bind": `/msevtmgt_sessions(${session})`,
        "msevtmgt_contactid@odata.bind": `/contacts(${template._msevtmgt_contactid_value})`,
      });
    }
    // A row of the session the grid doesn't hold (not loaded yet), changed now: not new.
    const notLoaded = inSession[3];
    mine.held.delete(notLoaded.msevtmgt_sessionregistrationid);
    dataverse.changeByAnotherUser(notLoaded.msevtmgt_sessionregistrationid, { msevtmgt_syncedwithprovider: 100000002 });
    await jest.advanceTimersByTimeAsync(SECONDS * 1000);
    expect(mine.states.at(-1)).toEqual({ paused: false, newRegistrations: 2 });
    await jest.advanceTimersByTimeAsync(SECONDS * 1000);
    expect(mine.states.at(-1)).toEqual({ paused: false, newRegistrations: 2 });
    mine.poll.shownNew();
    expect(mine.states.at(-1)).toEqual({ paused: false, newRegistrations: 0 });
  });

  it("the first ask only learns where the server's clock is: a change from before it is not merged by it", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const row = inSession[8];
    const before = row.msevtmgt_timescheckedin ?? 0;
    // Changed after the grid loaded, just before live updates start: the newest row on the server.
    dataverse.changeByAnotherUser(row.msevtmgt_sessionregistrationid, { msevtmgt_timescheckedin: before + 1 });
    const mine = desk(dataverse);
    await jest.advanceTimersByTimeAsync(0);
    expect(asks(dataverse)).toHaveLength(1);
    expect(shownCount(mine.editor, mine.row(8))).toBe(before);
    expect(mine.editor.elsewhere(row.msevtmgt_sessionregistrationid)).toBeUndefined();
    expect(mine.announced).toEqual([]);
  });

  it("a session without registrations yet is asked quietly: an empty answer is a success, which ends a run of failures", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const mine = desk(dataverse, { hidden: false }, { session: "00000000-0000-4000-8000-00000000e3e3" });
    const interval = (n: number) => jest.advanceTimersByTimeAsync(SECONDS * 1000 * n);
    await interval(1);
    expect(mine.states).toEqual([{ paused: false, newRegistrations: 0 }, { paused: false, newRegistrations: 0 }]);
    dataverse.setNetwork(false);
    await interval(2);
    dataverse.setNetwork(true);
    await interval(1); // empty again, but answered
    dataverse.setNetwork(false);
    await interval(2);
    expect(mine.states.at(-1)).toEqual({ paused: false, newRegistrations: 0 });
    await interval(1); // the third failure in a row
    expect(mine.states.at(-1)).toEqual({ paused: true, newRegistrations: 0 });
    expect(asks(dataverse)).toHaveLength(8);
  });

  it("a registration that already existed when live updates started is not counted as new when it changes later", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    // Made just before live updates start (the newest on the server), and not among the rows the grid holds.
    const { id } = await dataverse.webApi.createRecord("msevtmgt_sessionregistration", {
      msevtmgt_name: "Registered a moment ago",
      "msevtmgt_SessionId@odata.bind": `/msevtmgt_sessions(${session})`,
      "msevtmgt_contactid@odata.bind": `/contacts(${inSession[0]._msevtmgt_contactid_value})`,
    });
    const mine = desk(dataverse);
    await jest.advanceTimersByTimeAsync(2_000);
    dataverse.changeByAnotherUser(id, { msevtmgt_syncedwithprovider: 100000002 });
    await jest.advanceTimersByTimeAsync(SECONDS * 1000);
    expect(asks(dataverse)).toHaveLength(2);
    expect(mine.states.at(-1)).toEqual({ paused: false, newRegistrations: 0 });
  });

  it("with a short interval, another desk's change keeps its mark its full few seconds, though the ask before found nothing new", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const mine = desk(dataverse, { hidden: false }, { seconds: 5 });
    await jest.advanceTimersByTimeAsync(5_000); // the first ask, then one that finds nothing new
    expect(asks(dataverse)).toHaveLength(2);
    const row = mine.row(9);
    await setup([], { dataverse }).press(row).done;
    await jest.advanceTimersByTimeAsync(5_000); // the ask that finds the check-in
    expect(mine.editor.elsewhere(row.id)).toBe("checkedIn");
    await jest.advanceTimersByTimeAsync(5_000);
    expect(mine.editor.elsewhere(row.id)).toBe("checkedIn");
    await jest.advanceTimersByTimeAsync(1_000);
    expect(mine.editor.elsewhere(row.id)).toBeUndefined();
  });

  it("stopped, it asks no more", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const mine = desk(dataverse);
    await jest.advanceTimersByTimeAsync(SECONDS * 1000);
    expect(asks(dataverse)).toHaveLength(2);
    mine.poll.stop();
    await jest.advanceTimersByTimeAsync(SECONDS * 1000 * 3);
    expect(asks(dataverse)).toHaveLength(2);
  });

  it("two desks polling each other each see the other's check-ins within one interval", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const [a, b] = [desk(dataverse), desk(dataverse)];
    await jest.advanceTimersByTimeAsync(1_000);
    const [x, y] = [a.row(4), a.row(5)];
    const [xBefore, yBefore] = [shownCount(a.editor, x), shownCount(a.editor, y)];
    await a.press(x).done;
    await b.press(y).done;
    await jest.advanceTimersByTimeAsync(SECONDS * 1000);
    expect([shownCount(a.editor, x), shownCount(a.editor, y)]).toEqual([xBefore + 1, yBefore + 1]);
    expect([shownCount(b.editor, x), shownCount(b.editor, y)]).toEqual([xBefore + 1, yBefore + 1]);
    expect(a.announced).toEqual([y.name]);
    expect(b.announced).toEqual([x.name]);
    // A desk's own saved check-in is not "another desk's".
    expect(a.editor.elsewhere(x.id)).toBeUndefined();
  });
});
