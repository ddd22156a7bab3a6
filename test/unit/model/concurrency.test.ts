/** The pace of a bulk run: additive increase, multiplicative decrease, within what Dataverse allows. */
import { hasRoom, PACE, paceAfterAnswer, paceAfterRefusal, startingPace, type Pace } from "../../../SessionRegistrationGrid/model/concurrency";

const LIMITS = Array.from({ length: PACE.most }, (_, i) => i + 1);
const at = (limit: number, streak = 0, round = 0): Pace => ({ limit, streak, round });

describe("the pace", () => {
  it("starts at 4 at once, well within Dataverse's 52", () => {
    expect(startingPace()).toEqual({ limit: 4, streak: 0, round: 0 });
    expect(PACE).toEqual({ start: 4, most: 16, least: 1 });
  });

  it.each(LIMITS)("at %i, a run of that many answers at the limit adds one (never past 16)", (limit) => {
    let pace = at(limit, 0, 2);
    for (let i = 1; i < limit; i++) {
      pace = paceAfterAnswer(pace, 2, true);
      expect(pace).toEqual(at(limit, i, 2));
    }
    expect(paceAfterAnswer(pace, 2, true)).toEqual(at(Math.min(limit + 1, 16), 0, 2));
  });

  it("from 4 to 16 takes 4 + 5 + … + 15 = 114 answers, and stays there", () => {
    let pace = startingPace();
    let answers = 0;
    while (pace.limit < PACE.most) {
      pace = paceAfterAnswer(pace, 0, true);
      answers++;
    }
    expect(answers).toBe(114);
    for (let i = 0; i < 100; i++) pace = paceAfterAnswer(pace, 0, true);
    expect(pace.limit).toBe(16);
  });

  it("an answer to a call sent below the limit, or before the last halving, moves nothing", () => {
    const pace = at(6, 5, 3);
    expect(paceAfterAnswer(pace, 3, false)).toBe(pace);
    expect(paceAfterAnswer(pace, 2, true)).toBe(pace);
  });

  it.each(LIMITS)("at %i, a refusal halves it (rounding down, at least 1) and starts a new round", (limit) => {
    expect(paceAfterRefusal(at(limit, limit - 1, 4), 4)).toEqual(at(Math.max(1, Math.floor(limit / 2)), 0, 5));
  });

  it("the other refusals of the same round are the same overload: it halves once per round", () => {
    let pace = at(16, 3, 0);
    for (let i = 0; i < 5; i++) pace = paceAfterRefusal(pace, 0);
    expect(pace).toEqual(at(8, 0, 1));
    // A call sent in the new round that is refused too: halved again.
    expect(paceAfterRefusal(pace, 1)).toEqual(at(4, 0, 2));
  });

  it("after a refusal, answers to calls of the new round climb again from the half", () => {
    let pace = paceAfterRefusal(at(4), 0);
    expect(pace).toEqual(at(2, 0, 1));
    pace = paceAfterAnswer(paceAfterAnswer(pace, 1, true), 1, true);
    expect(pace).toEqual(at(3, 0, 1));
  });

  it("has room while fewer are saving than the limit", () => {
    expect(hasRoom(at(4), 3)).toBe(true);
    expect(hasRoom(at(4), 4)).toBe(false);
    expect(hasRoom(at(1), 0)).toBe(true);
    expect(hasRoom(at(1), 1)).toBe(false);
  });
});
