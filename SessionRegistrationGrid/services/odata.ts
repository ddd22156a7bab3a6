import { bareGuid } from "../model/checkInRecord";

/** The suffix under which the Web API answers a column's formatted value (a lookup's name, a choice's label). */
export const FORMATTED = "@OData.Community.Display.V1.FormattedValue";

/** A Web API answer's string column, or "" when it is missing or not a string. */
export const textOf = (value: unknown): string => (typeof value === "string" ? value : "");

/** `items` in runs of at most `size`: one query each, so that no URL grows past a host's limit. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** An OData string literal: a quote inside is written twice. */
export const quoted = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** A `$filter` condition: the column holds one of these ids (Dataverse's `In` function; ids as bare GUIDs). */
export function inFilter(column: string, ids: readonly string[]): string {
  const values = ids.map((id) => quoted(bareGuid(id))).join(",");
  return `Microsoft.Dynamics.CRM.In(PropertyName='${column}',PropertyValues=[${values}])`;
}
