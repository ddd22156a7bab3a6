/**
 * Issue 23, Arrivals: a session's check-ins in 5-minute bins from 30 minutes before the start to the end or now, the
 * people checked in so far (once each) and the summary that is the chart's accessible name.
 */
import { arrivalsOf, BIN_MS, currentArrivals, MAX_BINS, venueInstant, type Arrival } from "../../../SessionRegistrationGrid/model/arrivals";
import { arrivalRows, arrivalsSummary } from "../../../SessionRegistrationGrid/model/arrivalWords";
import { createText } from "../../../SessionRegistrationGrid/model/text";
import { createFormatting } from "../../fixtures";
import { loadStrings } from "../../fixtures/resx";

const strings = loadStrings();
const formatting = createFormatting(0);
const text = createText((key) => strings[key] ?? key, formatting.formatInteger, "en", formatting);
const at = (hhmm: string) => Date.parse(`2025-06-12T${hhmm}:00Z`);
const session = { start: at("09:00"), end: at("10:00") };
let n = 0;
const checkIn = (person: string, time: string, seconds = 0): Arrival => ({ id: `c${++n}`, person, at: at(time) + seconds * 1000 });

describe("the bins", () => {
  it("an empty session: 5-minute bins from 30 minutes before the start to now, none with a check-in, nobody in", () => {
    const a = arrivalsOf([], session, at("09:40"));
    expect(a.window).toEqual({ from: at("08:30"), to: at("09:40") });
    expect(a.bins).toHaveLength(14);
    expect(a.bins[0]).toEqual({ from: at("08:30"), to: at("08:35"), checkIns: 0, people: 0 });
    expect(a.bins.every((b) => b.checkIns === 0 && b.people === 0)).toBe(true);
    expect([a.checkIns, a.people, a.busiest]).toEqual([0, 0, undefined]);
    expect(arrivalsSummary(a, text)).toBe("Arrivals: nobody checked in yet");
    expect(arrivalsSummary({ ...a, capacity: 120 }, text)).toBe("Arrivals: nobody checked in yet; capacity 120");
  });

  it("ends at the session's end once it is over, at now while it runs; a bin in progress is a whole bin", () => {
    expect(arrivalsOf([], session, at("11:30")).window).toEqual({ from: at("08:30"), to: at("10:00") });
    expect(arrivalsOf([], session, at("11:30")).bins).toHaveLength(18);
    const running = arrivalsOf([], session, at("09:42"));
    expect(running.bins).toHaveLength(15);
    expect(running.bins.at(-1)).toMatchObject({ from: at("09:40"), to: at("09:45") });
    // More than 30 minutes before the start nothing can be drawn yet.
    expect(arrivalsOf([], session, at("08:20")).window).toBeUndefined();
    expect(arrivalsOf([], session, at("08:20")).bins).toEqual([]);
  });

  it("counts each check-in in its bin and each person once, at their first check-in (a re-entry adds a check-in, not a person)", () => {
    const a = arrivalsOf([checkIn("ana", "08:52"), checkIn("ben", "08:58", 30), checkIn("ana", "09:03"), checkIn("cy", "09:04", 59)], session, at("09:30"));
    const bin = (time: string) => a.bins.find((b) => b.from === at(time))!;
    expect(bin("08:50")).toMatchObject({ checkIns: 1, people: 1 });
    expect(bin("08:55")).toMatchObject({ checkIns: 1, people: 2 });
    expect(bin("09:00")).toMatchObject({ checkIns: 2, people: 3 });
    expect(a.bins.at(-1)!.people).toBe(3);
    expect([a.checkIns, a.people]).toEqual([4, 3]);
    expect(a.busiest).toBe(bin("09:00"));
  });

  it("check-ins before the window count as people already in when it opens, not in a bin", () => {
    const a = arrivalsOf([checkIn("early", "07:55"), checkIn("early", "08:40"), checkIn("dee", "08:20")], session, at("09:10"));
    expect(a.before).toEqual({ checkIns: 2, people: 2 });
    expect(a.bins[0].people).toBe(2);
    expect(a.bins.find((b) => b.from === at("08:40"))).toMatchObject({ checkIns: 1, people: 2 });
    expect(a.people).toBe(2);
  });

  it("check-ins after the window (past the end) count as people, not in a bin", () => {
    const a = arrivalsOf([checkIn("late", "10:05"), checkIn("ana", "09:10")], session, at("12:00"));
    expect(a.after).toBe(1);
    expect(a.bins.at(-1)!.people).toBe(1);
    expect(a.people).toBe(2);
  });

  it("the busiest 5 minutes: the most check-ins, the earliest of equals", () => {
    const a = arrivalsOf([checkIn("a", "09:06"), checkIn("b", "09:07"), checkIn("c", "09:21"), checkIn("d", "09:24")], session, at("09:30"));
    expect(a.busiest).toMatchObject({ from: at("09:05"), checkIns: 2 });
  });

  it("a session without a start time: from the first check-in's 5 minutes; without either, nothing to draw", () => {
    const a = arrivalsOf([checkIn("a", "09:13"), checkIn("b", "09:31")], { end: at("10:00") }, at("09:40"));
    expect(a.window).toEqual({ from: at("09:10"), to: at("09:40") });
    expect(a.bins.map((b) => b.checkIns)).toEqual([1, 0, 0, 0, 1, 0]);
    const none = arrivalsOf([], {}, at("09:40"));
    expect([none.window, none.bins.length, none.people]).toEqual([undefined, 0, 0]);
  });

  it("without an end it runs to now, a day of bins at most", () => {
    const a = arrivalsOf([], { start: at("09:00") }, at("09:00") + 3 * 86_400_000);
    expect(a.bins).toHaveLength(MAX_BINS);
    expect(a.window!.to - a.window!.from).toBe(MAX_BINS * BIN_MS);
  });
});

describe("what the chart counts now", () => {
  const stored = [checkIn("ana", "08:50"), checkIn("ben", "08:55"), checkIn("ben", "09:05")];

  it("adds this page's check-ins once each (a saved one may be read back from Dataverse too), in time order", () => {
    const mine = [{ ...stored[0] }, checkIn("cy", "09:12"), checkIn("dee", "08:52")];
    const list = currentArrivals(stored, mine, new Set());
    expect(list.map((c) => c.person)).toEqual(["ana", "dee", "ben", "ben", "cy"]);
    expect(currentArrivals(stored, [], new Set())).toEqual(stored);
  });

  it("an undo takes the check-in away: a person with no other check-in leaves, one who re-entered stays once", () => {
    const undone = new Set([stored[0].id, stored[2].id]);
    const a = arrivalsOf(currentArrivals(stored, [], undone), session, at("09:30"));
    expect([a.checkIns, a.people]).toEqual([1, 1]);
    expect(a.bins.find((b) => b.from === at("09:05"))!.checkIns).toBe(0);
  });
});

describe("the words", () => {
  const crowd = (people: number, busiestCount: number) => [
    ...Array.from({ length: busiestCount }, (_, i) => checkIn(`p${i}`, "09:05", i)),
    ...Array.from({ length: people - busiestCount }, (_, i) => checkIn(`q${i}`, "08:00", i)),
  ];

  it("say how many are in, of what capacity, and the busiest 5 minutes, in the platform's time format", () => {
    const a = arrivalsOf(crowd(84, 23), { ...session, capacity: 120 }, at("09:40"));
    expect(arrivalsSummary(a, text)).toBe("Arrivals: 84 checked in of 120; busiest 9:05 AM to 9:10 AM with 23");
  });

  it("without a capacity leave it out; with people but no bin (all before the chart opens) leave the busiest out", () => {
    expect(arrivalsSummary(arrivalsOf(crowd(5, 2), session, at("09:40")), text)).toBe("Arrivals: 5 checked in; busiest 9:05 AM to 9:10 AM with 2");
    const early = arrivalsOf([checkIn("a", "07:00")], { ...session, capacity: 50 }, at("08:00"));
    expect(arrivalsSummary(early, text)).toBe("Arrivals: 1 checked in of 50");
    expect(arrivalsSummary(arrivalsOf([checkIn("a", "07:00")], session, at("08:00")), text)).toBe("Arrivals: 1 checked in");
  });

  it("Arabic isolates the times so each reads in its own order", () => {
    const arabic = createText((key) => strings[key] ?? key, formatting.formatInteger, "ar", formatting);
    expect(arabic.time(at("09:05"))).toBe("\u20689:05 AM\u2069");
  });

  it("the table: a line per 5 minutes and, when there are any, before and after; the lines add up to every check-in", () => {
    const list = [checkIn("a", "08:00"), checkIn("b", "08:31"), checkIn("b", "09:59"), checkIn("c", "10:20")];
    const a = arrivalsOf(list, session, at("12:00"));
    const rows = arrivalRows(a, text);
    expect(rows[0]).toEqual({ key: "before", label: "Before 8:30 AM", checkIns: 1, people: 1 });
    expect(rows[1]).toMatchObject({ label: "8:30 AM to 8:35 AM", checkIns: 1, people: 2 });
    expect(rows.at(-1)).toEqual({ key: "after", label: "After 10:00 AM", checkIns: 1 });
    expect(rows).toHaveLength(1 + 18 + 1);
    expect(rows.reduce((sum, r) => sum + r.checkIns, 0)).toBe(list.length);
    expect(arrivalRows(arrivalsOf([], session, at("09:00")), text).every((r) => r.key !== "before" && r.key !== "after")).toBe(true);
  });
});

describe("the session's own times (time-zone independent)", () => {
  it("read as the user's wall clock: 09:00 at UTC+2 is 07:00Z, and the platform shows it as 9:00 AM again", () => {
    const start = venueInstant("2025-06-12T09:00:00Z", () => 120)!;
    expect(new Date(start).toISOString()).toBe("2025-06-12T07:00:00.000Z");
    expect(createFormatting(120).formatTime(new Date(start), 1)).toBe("9:00 AM");
    expect(venueInstant(undefined, () => 0)).toBeUndefined();
    expect(venueInstant("not a date", () => 0)).toBeUndefined();
  });
});
