/** User-visible text: resx strings with {0}-style placeholders, and numbers as the platform formats them. */
export interface Text {
  (key: string, ...args: (string | number)[]): string;
  number(value: number): string;
}

export function fillPlaceholders(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d)\}/g, (_, index: number) => String(args[index]));
}

/** A Text over any string lookup; numbers in the arguments go through `formatNumber`. */
export function createText(lookup: (key: string) => string, formatNumber: (n: number) => string): Text {
  const text = (key: string, ...args: (string | number)[]) => fillPlaceholders(lookup(key), args.map((a) => (typeof a === "number" ? formatNumber(a) : a)));
  return Object.assign(text, { number: formatNumber });
}
