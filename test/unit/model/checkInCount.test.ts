import { parseCheckInCount } from "../../../SessionRegistrationGrid/model/checkInCount";

describe("parseCheckInCount", () => {
  it.each([
    ["0", 0],
    ["3", 3],
    [" 42 ", 42],
    ["007", 7],
    ["+5", 5],
    ["-0", 0],
    ["2147483647", 2147483647],
  ])("accepts %p as %p", (input, value) => {
    expect(parseCheckInCount(input)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "Count_Empty"],
    ["   ", "Count_Empty"],
    ["-1", "Count_Negative"],
    ["-2147483648", "Count_Negative"],
    ["1.5", "Count_NotWhole"],
    ["1,000", "Count_NotWhole"],
    ["1e3", "Count_NotWhole"],
    ["abc", "Count_NotWhole"],
    ["1 2", "Count_NotWhole"],
    ["0x10", "Count_NotWhole"],
    ["<b>3</b>", "Count_NotWhole"],
    ["Infinity", "Count_NotWhole"],
    ["٣", "Count_NotWhole"],
    ["2147483648", "Count_TooLarge"],
    ["99999999999999999999999", "Count_TooLarge"],
  ])("refuses %p with %s", (input, problem) => {
    expect(parseCheckInCount(input)).toEqual({ ok: false, problem });
  });
});
