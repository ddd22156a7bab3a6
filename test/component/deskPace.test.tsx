/** @jest-environment jsdom */
/**
 * Find attendee at a scanner's pace (issue 22, goal 4): the box shows every key at once, the list follows when a
 * scanner's keys pause, and after Enter the status line comes a frame before the list shows every row again.
 */
import { act, createEvent, fireEvent, screen, within } from "@testing-library/react";
import { FakeDataverse, generateConference } from "../fixtures";
import { idOf, pickRow } from "./gridRows";
import { renderControl } from "./renderControl";

const box = () => screen.getByRole("searchbox", { name: "Find attendee" }) as HTMLInputElement;
const footer = () => document.querySelector(".srg-footer > span")!.textContent;
const nextFrame = () => act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
const wait = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

/** One key as a keyboard sends it: keydown at `at` (its event time), then the box's new text. */
function key(character: string, at: number) {
  const down = createEvent.keyDown(box(), { key: character });
  Object.defineProperty(down, "timeStamp", { value: at });
  fireEvent(box(), down);
  fireEvent.change(box(), { target: { value: box().value + character } });
}

async function renderDesk() {
  const rendered = await renderControl({ dataverse: new FakeDataverse({ data: generateConference({ attendees: 120 }), latencyMs: 0 }) });
  const total = rendered.host.dataset.sortedRecordIds.length;
  return { ...rendered, total };
}

describe("Find attendee at a scanner's pace", () => {
  it("a person's keys filter the list at each key; a scanner's burst only when its keys pause", async () => {
    const { total } = await renderDesk();
    const unfiltered = footer();
    const { name } = pickRow();
    const [first, ...rest] = name.toLowerCase();
    // A person: the first key filters at once.
    key(first, 1000);
    expect(footer()).not.toBe(unfiltered);
    const afterFirst = footer();
    // A scanner: the rest 10 ms apart. The box follows every key; the list does not move during the burst.
    rest.forEach((character, i) => {
      key(character, 1010 + i * 10);
      expect(box().value).toBe(name.toLowerCase().slice(0, i + 2));
      expect(footer()).toBe(afterFirst);
    });
    await wait(60);
    expect(footer()).toMatch(new RegExp(`^\\d+ of ${total} match$`));
    expect(footer()).not.toBe(afterFirst);
    // A slow key after the pause filters at once again.
    key(" ", 5000);
    fireEvent.change(box(), { target: { value: "" } });
    expect(footer()).toBe(unfiltered);
  });

  it("Enter on one match: the box empties and the status line shows in one frame, the list comes back the next", async () => {
    const { total } = await renderDesk();
    const unfiltered = footer();
    const { name } = pickRow();
    fireEvent.change(box(), { target: { value: name } });
    expect(footer()).toBe(`1 of ${total} match`);
    fireEvent.keyDown(box(), { key: "Enter" });
    expect(box().value).toBe("");
    expect(screen.getByRole("status").textContent).toBe(`Checking in ${name}…`);
    expect(footer()).toBe(`1 of ${total} match`);
    await nextFrame();
    await wait(5);
    expect(footer()).toBe(unfiltered);
  });

  it("a badge's code is looked for among the rows as the last load brought them", async () => {
    const { dataverse, host, settle } = await renderDesk();
    const active = [...document.querySelectorAll<HTMLElement>(".ms-DetailsRow")].filter((r) => within(r).queryByRole("switch"));
    const [nameA, nameB] = active.map((r) => within(r).getByRole("checkbox").getAttribute("aria-label")!.replace(/^Select /, ""));
    const [idA, idB] = [idOf(host, nameA), idOf(host, nameB)];
    const erOf = (id: string) => dataverse.get(id)!._msevtmgt_registrationid_value!;
    const [erA, erB] = [erOf(idA), erOf(idB)];
    const readableA = dataverse.nameOf("msevtmgt_eventregistration", erA)!;
    // The desk is in use: the codes are indexed after the paint.
    key("x", 1000);
    fireEvent.change(box(), { target: { value: "" } });
    await nextFrame();
    await wait(5);
    // Another user swaps the two registrations' event registrations; the grid loads again.
    const bind = (er: string) => ({ "msevtmgt_RegistrationID@odata.bind": `/msevtmgt_eventregistrations(${er})` });
    dataverse.changeByAnotherUser(idA, bind(erB));
    dataverse.changeByAnotherUser(idB, bind(erA));
    act(() => host.dataset.refresh());
    await settle();
    fireEvent.change(box(), { target: { value: readableA } });
    fireEvent.keyDown(box(), { key: "Enter" });
    expect(screen.getByRole("status").textContent).toBe(`Checking in ${nameB}…`);
    await settle();
    expect(screen.getByRole("status").textContent).toMatch(new RegExp(`^${nameB} checked in`));
  });

  it("a key typed in the frame after Enter wins over the list coming back", async () => {
    const { total } = await renderDesk();
    const { name } = pickRow();
    fireEvent.change(box(), { target: { value: name } });
    fireEvent.keyDown(box(), { key: "Enter" });
    fireEvent.change(box(), { target: { value: name } });
    await nextFrame();
    await wait(5);
    expect(box().value).toBe(name);
    expect(footer()).toBe(`1 of ${total} match`);
  });
});
