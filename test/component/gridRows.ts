import { within } from "@testing-library/react";
import type { FakeHost } from "../fixtures";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A rendered row and what is in it, found by the registration's name its checkbox carries ("Select <name>"). */
export function rowNamed(name: string) {
  const row = [...document.querySelectorAll<HTMLElement>(".ms-DetailsRow")].find((r) => within(r).queryByRole("checkbox", { name: `Select ${name}` }));
  if (!row) throw new Error(`No rendered row for ${name}`);
  const cells = within(row);
  return {
    row,
    cells,
    checkIn: () => cells.getByRole("button", { name: new RegExp(`^Check in (again: )?${escape(name)}$`) }),
    count: () => cells.getByRole("button", { name: /^Times checked in: \d+$/ }),
  };
}

/** The first rendered registration that satisfies `test` (by default: active, so it can be checked in). */
export function pickRow(test: (row: HTMLElement) => boolean = (r) => !!within(r).queryByRole("switch")) {
  const row = [...document.querySelectorAll<HTMLElement>(".ms-DetailsRow")].find(test);
  if (!row) throw new Error("No rendered row matches");
  const name = within(row).getByRole("checkbox").getAttribute("aria-label")!.replace(/^Select /, "");
  return { name, ...rowNamed(name) };
}

/** The id of the registration the grid shows under this name (names repeat across sessions, not within one). */
export function idOf(host: FakeHost, name: string): string {
  const dataset = host.dataset;
  return dataset.sortedRecordIds.find((id) => dataset.records[id].getFormattedValue("msevtmgt_name") === name)!;
}
