/** Issue 23: the live poll tells Arrivals and Sessions after each answered ask what it brought (their heartbeat). */
import { startLivePoll, type LivePoll } from "../../../SessionRegistrationGrid/services/livePoll";
import { FakeDataverse, generateConference } from "../../fixtures";
import { setup } from "./editorSetup";

const conference = generateConference({ attendees: 60 });
const polls: LivePoll[] = [];
beforeEach(() => jest.useFakeTimers({ now: new Date("2026-12-02T09:00:00Z"), doNotFake: ["nextTick", "setImmediate"] }));
afterEach(() => {
  polls.splice(0).forEach((p) => p.stop());
  jest.useRealTimers();
});

it("hears nothing on the first ask, then the registrations each ask brought; nothing while an ask fails", async () => {
  const dataverse = new FakeDataverse({ data: conference });
  const { editor } = setup([], { dataverse });
  const heard: string[][] = [];
  polls.push(startLivePoll({
    webAPI: dataverse.webApi, editor, seconds: 20, rowOf: () => undefined, hidden: () => false, checkedInElsewhere: () => undefined, changed: () => undefined,
    asked: (rows) => heard.push(rows.map((r) => r.msevtmgt_sessionregistrationid)),
  }));
  await jest.advanceTimersByTimeAsync(0);
  expect(heard).toEqual([[]]);
  const changed = dataverse.changeByAnotherUser(conference.registrations[5].msevtmgt_sessionregistrationid, { msevtmgt_timescheckedin: 4 });
  await jest.advanceTimersByTimeAsync(20_000);
  expect(heard[1]).toContain(changed.msevtmgt_sessionregistrationid);
  dataverse.failNext({ kind: "network" });
  await jest.advanceTimersByTimeAsync(20_000);
  expect(heard).toHaveLength(2);
});
