/** @jest-environment jsdom */
/**
 * Fluent draws rows by position: when the rows under a drawn row change (a load, a quick filter), that row shows
 * another registration. What a cell holds of its own (a count being typed, an open status list, the focus) must not
 * pass to the registration that takes its place: an edit meant for one person must never be saved for another.
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { FakeDataverse, generateConference } from "../fixtures";
import { idOf, rowNamed } from "./gridRows";
import { renderControl } from "./renderControl";

const renderedRows = () => [...document.querySelectorAll<HTMLElement>(".ms-DetailsRow")];
const nameIn = (row: HTMLElement) => within(row).getByRole("checkbox").getAttribute("aria-label")!.replace(/^Select /, "");

describe("a drawn row that comes to show another registration", () => {
  it("drops the count being typed for the one before: nothing is saved for the one after", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }), latencyMs: 0 });
    const { host, settle } = await renderControl({ dataverse });
    fireEvent.click(screen.getByRole("button", { name: "Not checked in" }));
    await settle();
    const [first, second] = renderedRows();
    const [leaving, arriving] = [nameIn(first), nameIn(second)];
    fireEvent.keyDown(rowNamed(leaving).count(), { key: "F2" });
    const input = rowNamed(leaving).cells.getByRole("textbox", { name: "Times checked in" }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: "7" } });
    // Another desk checks the first person in: after the next load the row leaves "Not checked in", and the row
    // drawn first now shows the next person.
    dataverse.changeByAnotherUser(idOf(host, leaving), { msevtmgt_timescheckedin: 1 });
    act(() => host.dataset.refresh());
    await settle();
    expect(nameIn(renderedRows()[0])).toBe(arriving);
    expect(within(renderedRows()[0]).queryByRole("textbox")).toBeNull();
    // Whatever is still focused, Enter there saves nothing for the person now in that row.
    fireEvent.keyDown(document.activeElement ?? document.body, { key: "Enter" });
    await settle();
    expect(dataverse.calls.filter((c) => c.op === "update" && c.id === idOf(host, arriving).toLowerCase())).toEqual([]);
  });
});
