/** Issue 23, Sessions: each session's people checked in and registered from Dataverse's groups, fullest first. */
import { fillOf, fillsOf, fullestFirst, sessionsOf, type SessionFill } from "../../../SessionRegistrationGrid/model/sessionFill";

const A = "0a000000-0000-4000-8000-00000000000a", B = "0b000000-0000-4000-8000-00000000000b", C = "0c000000-0000-4000-8000-00000000000c";
const record = (session?: string) => ({
  getRecordId: () => "r",
  getValue: (column: string) => (column === "msevtmgt_sessionid" && session ? { id: { guid: `{${session.toUpperCase()}}` }, name: "S", etn: "msevtmgt_session" } : null),
  getFormattedValue: () => null,
});

describe("the sessions of the loaded rows", () => {
  it("each once, in order, as bare lower-case ids; rows without a session add none", () => {
    expect(sessionsOf([record(B), record(A), record(B), record(), undefined])).toEqual([B, A]);
  });
});

describe("the sessions' numbers", () => {
  it("registered: every active registration; checked in: those counted at least once; a session with no group counts none", () => {
    const groups = [
      { session: A, name: "Grids", timesCheckedIn: null, registrations: 3 },
      { session: A, timesCheckedIn: 0, registrations: 2 },
      { session: A, timesCheckedIn: 1, registrations: 7 },
      { session: A.toUpperCase(), timesCheckedIn: 3, registrations: 1 },
      { session: B, name: "Labs", timesCheckedIn: 2, registrations: 4 },
      { session: "ffffffff-0000-4000-8000-000000000000", timesCheckedIn: 1, registrations: 9 },
    ];
    const known = new Map([[A, { name: "Building grids", capacity: 10 }], [C, { name: "Empty", capacity: 40 }]]);
    expect(fillsOf([A, B, C], groups, known)).toEqual([
      { id: A, name: "Building grids", checkedIn: 8, registered: 13, capacity: 10 },
      { id: B, name: "Labs", checkedIn: 4, registered: 4, capacity: undefined },
      { id: C, name: "Empty", checkedIn: 0, registered: 0, capacity: 40 },
    ]);
  });
});

describe("fullest first", () => {
  const fill = (name: string, checkedIn: number, registered: number, capacity?: number): SessionFill => ({ id: name, name, checkedIn, registered, capacity });

  it("by checked in over capacity; then the one that will fill; sessions without a capacity last, by people in", () => {
    const order = fullestFirst([
      fill("half", 50, 60, 100), fill("no cap small", 3, 9), fill("full", 30, 30, 30), fill("no cap big", 40, 80),
      fill("half, more coming", 25, 50, 50), fill("empty", 0, 0, 20),
    ]).map((f) => f.name);
    expect(order).toEqual(["full", "half, more coming", "half", "empty", "no cap big", "no cap small"]);
    expect(fillOf(fill("x", 30, 30, 40))).toBe(0.75);
    expect(fillOf(fill("x", 30, 30))).toBeUndefined();
  });
});
