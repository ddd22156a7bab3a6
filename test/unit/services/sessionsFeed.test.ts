/** Issue 23, Sessions: Dataverse's counts for the sessions a view's rows span, fullest first, following the live poll. */
import { webApiArrivalsStore } from "../../../SessionRegistrationGrid/services/arrivalsStore";
import { createSessionsFeed } from "../../../SessionRegistrationGrid/services/sessionsFeed";
import { FakeDataverse, generateConference } from "../../fixtures";
import { settle } from "./editorSetup";

const conference = generateConference({ attendees: 80 });
const ids = [...new Set(conference.registrations.map((r) => r._msevtmgt_sessionid_value!))].sort();
const fetches = (dv: FakeDataverse) => dv.calls.filter((c) => c.options?.startsWith("?fetchXml="));
const sessionReads = (dv: FakeDataverse) => dv.calls.filter((c) => c.entity === "msevtmgt_session");

function over() {
  const dataverse = new FakeDataverse({ data: conference });
  const feed = createSessionsFeed(webApiArrivalsStore(dataverse.webApi));
  const said: number[] = [];
  feed.subscribe(() => said.push(feed.current().sessions.length));
  return { dataverse, feed, said };
}

describe("the Sessions strip's data", () => {
  it("counts nothing for one session; for several: one aggregate and one read of names and capacities, fullest first", async () => {
    const { dataverse, feed } = over();
    feed.follow(ids.slice(0, 1));
    await settle();
    expect(dataverse.calls).toEqual([]);
    expect(feed.current()).toMatchObject({ sessions: [], counting: true });
    feed.follow(ids.slice(0, 6));
    feed.follow(ids.slice(0, 8));
    await settle();
    expect([fetches(dataverse).length, sessionReads(dataverse).length]).toEqual([1, 1]);
    const { sessions, counting } = feed.current();
    expect(counting).toBe(false);
    expect(sessions.map((s) => s.id).sort()).toEqual(ids.slice(0, 8));
    const ratios = sessions.map((s) => s.checkedIn / s.capacity!);
    expect(ratios).toEqual([...ratios].sort((a, b) => b - a));
    const first = sessions[0];
    const regs = conference.registrations.filter((r) => r._msevtmgt_sessionid_value === first.id && r.statecode === 0);
    const session = conference.sessions.find((s) => s.msevtmgt_sessionid === first.id)!;
    expect(first).toEqual({ id: first.id, name: session.msevtmgt_name, capacity: session.msevtmgt_sessionmaxcapacity, registered: regs.length, checkedIn: regs.filter((r) => (r.msevtmgt_timescheckedin ?? 0) > 0).length });
  });

  it("the same sessions ask nothing; more sessions count again and read only the new ones' names", async () => {
    const { dataverse, feed } = over();
    feed.follow(ids.slice(0, 4));
    await settle();
    feed.follow(ids.slice(0, 4));
    await settle();
    expect(fetches(dataverse)).toHaveLength(1);
    feed.follow(ids.slice(0, 6));
    await settle();
    expect(fetches(dataverse)).toHaveLength(2);
    expect(sessionReads(dataverse).at(-1)!.options).toContain(ids[5]);
    expect(sessionReads(dataverse).at(-1)!.options).not.toContain(ids[0]);
    feed.follow(ids.slice(0, 1));
    expect(feed.current().sessions).toEqual([]);
  });

  it("follows the live poll: news counts again, the same answer again is no news", async () => {
    const { dataverse, feed } = over();
    feed.follow(ids.slice(0, 5));
    await settle();
    const row = conference.registrations.find((r) => ids.slice(0, 5).includes(r._msevtmgt_sessionid_value!) && r.statecode === 0 && !r.msevtmgt_timescheckedin)!;
    const target = feed.current().sessions.find((s) => s.id === row._msevtmgt_sessionid_value)!;
    const changed = dataverse.changeByAnotherUser(row.msevtmgt_sessionregistrationid, { msevtmgt_timescheckedin: 1 });
    const asked = [{ msevtmgt_sessionregistrationid: changed.msevtmgt_sessionregistrationid, modifiedon: changed.modifiedon }];
    feed.heard(asked);
    await settle();
    expect(fetches(dataverse)).toHaveLength(2);
    expect(feed.current().sessions.find((s) => s.id === target.id)!.checkedIn).toBe(target.checkedIn + 1);
    feed.heard(asked);
    feed.heard([]);
    await settle();
    expect(fetches(dataverse)).toHaveLength(2);
  });

  it("a first count that fails says so; the next live ask counts again", async () => {
    const { dataverse, feed } = over();
    dataverse.failNext({ kind: "network", op: "retrieveMultiple" });
    feed.follow(ids.slice(0, 3));
    await settle();
    expect(feed.current()).toMatchObject({ failed: true, sessions: [] });
    feed.heard([]);
    await settle();
    expect(feed.current()).toMatchObject({ failed: false, counting: false });
    expect(feed.current().sessions).toHaveLength(3);
  });
});
