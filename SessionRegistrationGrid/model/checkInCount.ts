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
  const match = /^([+-]?)(\d+)$/.exec(text);
  if (!match) return { ok: false, problem: "Count_NotWhole" };
  const digits = match[2].replace(/^0+(?=\d)/, "");
  if (match[1] === "-" && digits !== "0") return { ok: false, problem: "Count_Negative" };
  // Compare as text first: Number() loses precision on very long inputs.
  if (digits.length > 10 || Number(digits) > MAX_CHECK_INS) return { ok: false, problem: "Count_TooLarge" };
  return { ok: true, value: Number(digits) };
}
