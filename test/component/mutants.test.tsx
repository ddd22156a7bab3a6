/** @jest-environment jsdom */
/**
 * Issue 15, "tests that would not notice a bug today", in the rendered control: the dataset's own error message,
 * markup in a plain text column and (a second angle) in a name, and a typed count saved when focus moves on.
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { allRegistrationsView, FakeDataverse, generateConference, MALLORY_NAME, type View } from "../fixtures";
import { idOf, pickRow, rowNamed } from "./gridRows";
import { renderControl } from "./renderControl";

const updates = (dataverse: FakeDataverse) => dataverse.calls.filter((c) => c.op === "update");

describe("a failed dataset load", () => {
  it("shows the dataset's own error message, not only that something failed", async () => {
    const message = "The view's query timed out (SQL 0x80040E31).";
    const { host, settle } = await renderControl();
    host.failNextRefresh(message);
    act(() => host.quickFind("a"));
    await settle();
    // The rows loaded before stay: the message says they may be out of date, and why (issue 21).
    const bar = screen.getByText(`The list couldn't be refreshed, so what it shows may be out of date: ${message}`);
    expect(bar).toBeTruthy();
    expect(bar.closest(".ms-MessageBar")).not.toBeNull();
  });

  it("says nothing of an error once a load succeeds again", async () => {
    const { host, settle } = await renderControl();
    host.failNextRefresh("Gone for a moment.");
    act(() => host.quickFind("a"));
    await settle();
    expect(screen.getByText(/Gone for a moment\./)).toBeTruthy();
    act(() => host.quickFind(""));
    await settle();
    expect(screen.queryByText(/couldn't be loaded/)).toBeNull();
    expect(document.querySelectorAll(".ms-DetailsRow").length).toBeGreaterThan(0);
  });
});

describe("markup in the data is shown as text", () => {
  it("in a plain text column, not only in the name", async () => {
    // A view whose only column with the attendee is plain text (as a related table's text column arrives): the
    // Mallory contact's name carries an <img onerror> tag.
    const view: View = {
      ...allRegistrationsView,
      columns: [
        { name: "msevtmgt_contactid", displayName: "Attendee (text)", dataType: "SingleLine.Text", order: 0, visualSizeFactor: 220 },
        { name: "statuscode", displayName: "Status Reason", dataType: "OptionSet", order: 1, visualSizeFactor: 110 },
      ],
      filter: (row) => /Mallory/.test(row.msevtmgt_name ?? ""),
    };
    const { container } = await renderControl({ view, dataverse: new FakeDataverse({ data: generateConference({ attendees: 120 }) }) });
    const cells = [...container.querySelectorAll<HTMLElement>(".srg-col--text")];
    const mallory = cells.filter((cell) => cell.textContent === MALLORY_NAME);
    expect(mallory.length).toBeGreaterThan(0);
    expect(container.querySelector("img")).toBeNull();
    expect(mallory[0].querySelector("*:not(span)")).toBeNull();
  });

  it("in a name, a second angle: the row's failure note and the announcement of a check-in say it as text", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const { container, host, settle } = await renderControl({ dataverse, view: allRegistrationsView });
    act(() => host.quickFind("Mallory"));
    await settle();
    const row = rowNamed(MALLORY_NAME);
    expect(within(row.row).getByRole("checkbox").getAttribute("aria-label")).toBe(`Select ${MALLORY_NAME}`);

    fireEvent.click(row.checkIn());
    await settle();
    expect(screen.getByRole("status").textContent).toMatch(new RegExp(`^${MALLORY_NAME.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} checked in`));

    dataverse.failNext({ kind: "validation", op: "update" });
    fireEvent.click(rowNamed(MALLORY_NAME).cells.getByRole("switch"));
    await settle();
    expect(rowNamed(MALLORY_NAME).cells.getByRole("button", { name: `Retry the unsaved change for ${MALLORY_NAME}` })).toBeTruthy();
    expect(container.querySelector("img")).toBeNull();
    expect(updates(dataverse).filter((c) => c.outcome === "ok")).toHaveLength(1);
  });
});

describe("a typed count", () => {
  it("is saved when focus moves to another control of the grid, and the row shows it", async () => {
    const { dataverse, host, settle } = await renderControl();
    const { name } = pickRow();
    fireEvent.keyDown(rowNamed(name).count(), { key: "F2" });
    const input = rowNamed(name).cells.getByRole("textbox", { name: "Times checked in" }) as HTMLInputElement;
    act(() => input.focus());
    fireEvent.change(input, { target: { value: "23" } });
    // Focus moves on (a click on the row's switch, a Tab): the browser blurs the editor, no key is pressed.
    act(() => rowNamed(name).cells.getByRole("switch").focus());
    await settle();
    expect(updates(dataverse).map((c) => [c.id, c.data])).toEqual([[idOf(host, name), { msevtmgt_timescheckedin: 23 }]]);
    expect(rowNamed(name).cells.queryByRole("textbox")).toBeNull();
    expect(rowNamed(name).count().getAttribute("aria-label")).toBe("Times checked in: 23");
  });

  it("is not saved twice when Enter is followed by the blur that closing the editor causes", async () => {
    const { dataverse, settle } = await renderControl();
    const { name } = pickRow();
    fireEvent.keyDown(rowNamed(name).count(), { key: "F2" });
    const input = rowNamed(name).cells.getByRole("textbox", { name: "Times checked in" }) as HTMLInputElement;
    act(() => input.focus());
    fireEvent.change(input, { target: { value: "8" } });
    fireEvent.keyDown(input, { key: "Enter" });
    fireEvent.blur(input);
    await settle();
    expect(updates(dataverse).map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 8 }]);
  });
});
