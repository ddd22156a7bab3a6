import { MAX_CHECK_INS } from "../ManifestConstants";

export type CountProblem = "Count_Empty" | "Count_NotWhole" | "Count_Negative" | "Count_TooLarge";

export type CountParse = { ok: true; value: number } | { ok: false; problem: CountProblem };

/**
 * A typed check-in count: a whole number 0..2,147,483,647 written with digits only.
 * Leading/trailing spaces are forgiven; anything else (1e3, 1.5, "1 2", pasted text) is refused.
 */
export function parseCheckInCount(input: string): CountParse {
  const text = input.trim();
  if (text === "") return { ok: false, problem: "Count_Empty" };
  if (!/^[+-]?\d+$/.test(text)) return { ok: false, problem: "Count_NotWhole" };
  // Digits only, so Number() is exact up to far past the limit; "-0" is 0.
  const value = Number(text) || 0;
  if (value < 0) return { ok: false, problem: "Count_Negative" };
  return value > MAX_CHECK_INS ? { ok: false, problem: "Count_TooLarge" } : { ok: true, value };
}
