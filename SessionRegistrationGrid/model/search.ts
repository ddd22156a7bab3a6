import { rowsWithCode, readBadgeCode } from "./badgeCode";
import type { RegistrationRefs, RegistrationRow } from "./types";

/** Letters that keep their own shape when accents are taken off: staff type the plain letter. */
const SPELLED: Record<string, string> = { "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h" };
const APOSTROPHES = /['’ʼ`]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Text as the desk compares it: lower case, accents off ("Björn Åström" → "bjorn astrom"). */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[łøæœßđðþıħ]/g, (letter) => SPELLED[letter]);
}

/**
 * The words of a text, folded. A name with an apostrophe counts both ways ("O'Connor" is "oconnor", and "o" and
 * "connor"), so "oconnor" and "connor" both find it.
 */
export function wordsOf(text: string): string[] {
  const folded = fold(text);
  const joined = folded.replace(APOSTROPHES, "").split(SEPARATORS);
  const apart = folded.split(SEPARATORS);
  return [...new Set([...joined, ...apart])].filter(Boolean);
}

/** What is typed, as words to look for: each must start a word of the row, in any order. */
export function queryWords(query: string): string[] {
  return fold(query).replace(APOSTROPHES, "").split(SEPARATORS).filter(Boolean);
}

/**
 * The words a row can be found by: the attendee (contact), the registration's own name and the readable
 * registration ID (the event registration's name, which a badge carries), as one string with a space before each
 * word, so a word-prefix test is one `includes`. Kept per lookups object, which a row keeps while its name and
 * lookups are the same (across refreshes too): another name or attendee comes with another object.
 */
const indexes = new WeakMap<RegistrationRefs, string>();
function indexOf(row: RegistrationRow): string {
  const refs = row.refs;
  let index = indexes.get(refs);
  if (index === undefined) {
    const words = wordsOf([row.name, refs.contact?.name, refs.eventRegistration?.name].filter(Boolean).join(" "));
    indexes.set(refs, (index = words.map((w) => ` ${w}`).join("")));
  }
  return index;
}

/** Reads what a search finds the row by (its name and lookups, as words), ahead of the search. */
export function readForSearch(row: RegistrationRow): void {
  indexOf(row);
}

/** Whether every typed word (each given with the space before it) starts a word of the row. */
function matchesNeedles(row: RegistrationRow, needles: readonly string[]): boolean {
  const index = indexOf(row);
  return needles.every((needle) => index.includes(needle));
}

/**
 * The rows a search finds: a GUID finds the registration or event registration it names; anything else finds the
 * rows where every typed word starts a word of the row. An empty search finds every row (the same array).
 */
export function findRows(rows: readonly RegistrationRow[], query: string): readonly RegistrationRow[] {
  const code = readBadgeCode(query);
  if (code?.kind === "guid") return rowsWithCode(rows, code);
  // Each word with its leading space, made once per search rather than once per row (5,000 rows at each key).
  const needles = queryWords(query).map((word) => ` ${word}`);
  return needles.length ? rows.filter((row) => matchesNeedles(row, needles)) : rows;
}
