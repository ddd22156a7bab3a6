/** User-visible text: resx strings with {0}-style placeholders, and numbers as the platform formats them. */
export interface Text {
  (key: string, ...args: (string | number)[]): string;
  number(value: number): string;
  /** `${key}_one` for one, `${key}_other` otherwise; the count is {0}. */
  count(key: string, count: number): string;
  /** "2nd", "3rd": the resx's Ordinal_<category> for the language's ordinal rules, the number as {0}. */
  ordinal(value: number): string;
  /** A moment (ms since 1970) as the platform formats it: the time alone when it is today, else date and time. */
  when(at: number): string;
  /** A moment's time of day as the platform formats it, in the user's time zone ("9:05 AM"). */
  time(at: number): string;
}

/** The platform's date formatting (context.formatting) that `when` needs. */
export interface DateFormatting {
  formatTime(value: Date, behavior: number): string;
  formatDateShort(value: Date, includeTime?: boolean): string;
}

/** DateTimeFieldBehavior.UserLocal: shown in the user's time zone. */
const USER_LOCAL = 1;

/** Whether two moments fall on the same day for the user, as the platform formats days. */
const sameDay = (a: number, b: number, dates: DateFormatting) => dates.formatDateShort(new Date(a)) === dates.formatDateShort(new Date(b));

/**
 * A Text over any string lookup; numbers in the arguments go through `formatNumber`. `language` (a BCP 47 tag)
 * only chooses plural and ordinal forms; numbers are always formatted by the platform.
 */
export function createText(lookup: (key: string) => string, formatNumber: (n: number) => string, language = "en", dates?: DateFormatting, now: () => number = Date.now): Text {
  // {0}-style placeholders take the arguments, numbers as the platform formats them.
  const text = (key: string, ...args: (string | number)[]) =>
    lookup(key).replace(/\{(\d)\}/g, (_, index: number) => (typeof args[index] === "number" ? formatNumber(args[index]) : String(args[index])));
  const ordinals = new Intl.PluralRules(language, { type: "ordinal" });
  // In a right-to-left sentence a time reads in its own order only when isolated ("10:56 PM", not "PM 10:56").
  const isolated = (formatted: string) => (RIGHT_TO_LEFT.has(language) ? `\u2068${formatted}\u2069` : formatted);
  return Object.assign(text, {
    number: formatNumber,
    count: (key: string, count: number) => text(`${key}_${count === 1 ? "one" : "other"}`, count),
    ordinal: (value: number) => text(`Ordinal_${ordinals.select(value)}`, value),
    when: (at: number) => {
      const date = new Date(at);
      return isolated(!dates ? date.toISOString() : sameDay(at, now(), dates) ? dates.formatTime(date, USER_LOCAL) : dates.formatDateShort(date, true));
    },
    time: (at: number) => isolated(dates ? dates.formatTime(new Date(at), USER_LOCAL) : new Date(at).toISOString().slice(11, 16)),
  });
}

/** Languages written right to left (of those the control ships: Arabic). */
const RIGHT_TO_LEFT = new Set(["ar"]);

/** The languages the control ships strings for, by Dataverse language id (LCID). */
const LANGUAGES: Record<number, string> = { 1025: "ar", 1031: "de", 1033: "en", 1036: "fr", 1041: "ja" };

export function languageTag(languageId: number | undefined): string {
  return LANGUAGES[languageId ?? 1033] ?? "en";
}
