/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { FakeDataverse, generateConference } from "../fixtures";
import { idOf, pickRow, rowNamed } from "./gridRows";
import { renderControl, type Rendered } from "./renderControl";

const updates = (dataverse: FakeDataverse) => dataverse.calls.filter((c) => c.op === "update");
const nextFrame = () => act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));

function openCountEditor(name: string) {
  fireEvent.keyDown(rowNamed(name).count(), { key: "F2" });
  return rowNamed(name).cells.getByRole("textbox", { name: "Times checked in" }) as HTMLInputElement;
}

describe("typed count", () => {
  it.each(["-1", "abc", "1.5", "2147483648", "", "1e3", "1 2", "<b>3</b>"])("refuses %p with a message where it can be read, and makes no call", async (typed) => {
    const { dataverse } = await renderControl();
    const { name } = pickRow();
    const input = openCountEditor(name);
    fireEvent.change(input, { target: { value: typed } });
    fireEvent.keyDown(input, { key: "Enter" });
    // The message is the input's description, in its row (the CSS lays it over the next one).
    const message = await rowNamed(name).cells.findByRole("alert");
    expect(message.textContent).toMatch(/\w/);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe(message.id);
    await act(async () => undefined);
    expect(updates(dataverse)).toHaveLength(0);
  });

  it("saves a valid count once with Enter, and Esc leaves the count as it was with focus back on it", async () => {
    const { dataverse, host, settle } = await renderControl();
    const { name } = pickRow();
    fireEvent.keyDown(openCountEditor(name), { key: "Escape" });
    expect(rowNamed(name).cells.queryByRole("textbox")).toBeNull();
    expect(document.activeElement?.getAttribute("aria-label")).toMatch(/^Times checked in: /);

    fireEvent.click(rowNamed(name).count());
    const input = rowNamed(name).cells.getByRole("textbox", { name: "Times checked in" });
    fireEvent.change(input, { target: { value: "37" } });
    fireEvent.keyDown(input, { key: "Enter" });
    await settle();
    expect(updates(dataverse).map((c) => [c.id, c.data])).toEqual([[idOf(host, name), { msevtmgt_timescheckedin: 37 }]]);
    expect(rowNamed(name).count().getAttribute("aria-label")).toBe("Times checked in: 37");
  });

  it("saves a valid count when focus leaves the editor", async () => {
    const { dataverse, host, settle } = await renderControl();
    const { name } = pickRow();
    const input = openCountEditor(name);
    fireEvent.change(input, { target: { value: "12" } });
    fireEvent.blur(input);
    await settle();
    expect(updates(dataverse).map((c) => [c.id, c.data])).toEqual([[idOf(host, name), { msevtmgt_timescheckedin: 12 }]]);
  });

  it("says so when an entry is not kept because focus left with an invalid value", async () => {
    const { dataverse } = await renderControl();
    const { name } = pickRow();
    const input = openCountEditor(name);
    fireEvent.change(input, { target: { value: "lots" } });
    fireEvent.blur(input);
    await act(async () => undefined);
    expect(screen.getByRole("status").textContent).toBe(`The count for ${name} wasn't changed: Enter a whole number using digits only, such as 3.`);
    expect(rowNamed(name).cells.queryByRole("textbox")).toBeNull();
    expect(updates(dataverse)).toHaveLength(0);
  });
});

describe("sync flag and status", () => {
  it("the switch saves at once with the option value", async () => {
    const { dataverse, settle } = await renderControl();
    const { name, cells } = pickRow();
    const toggle = cells.getByRole("switch", { name: `Synced with provider: ${name}` });
    const wasOn = toggle.getAttribute("aria-checked") === "true";
    fireEvent.click(toggle);
    await settle();
    expect(updates(dataverse).map((c) => c.data)).toEqual([{ msevtmgt_syncedwithprovider: wasOn ? 100000001 : 100000002 }]);
    expect(rowNamed(name).cells.getByRole("switch").getAttribute("aria-checked")).toBe(String(!wasOn));
  });

  it("choosing a status reason saves statecode and statuscode alone, and an inactive row keeps only its status editable", async () => {
    const { dataverse, settle } = await renderControl();
    const { name, cells } = pickRow();
    const picker = cells.getByRole("combobox", { name: `Status reason of ${name}` }) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(["Active", "Inactive"]);
    fireEvent.change(picker, { target: { value: "2" } });
    await settle();
    expect(updates(dataverse).map((c) => c.data)).toEqual([{ statecode: 1, statuscode: 2 }]);
    const row = rowNamed(name);
    expect(row.cells.queryByRole("button", { name: /^Check in / })).toBeNull();
    expect(row.cells.getByText("Cancelled")).toBeTruthy();
    expect(row.cells.queryByRole("switch")).toBeNull();
    expect(row.cells.getByRole("combobox", { name: `Status reason of ${name}` })).toBeTruthy();
  });

  it("an arrow key on the closed picker changes and saves nothing, so stepping past a row can't cancel it", async () => {
    const { dataverse, settle } = await renderControl();
    const picker = pickRow().cells.getByRole("combobox", { name: /^Status reason of / }) as HTMLSelectElement;
    fireEvent.keyDown(picker, { key: "ArrowDown" });
    fireEvent.change(picker, { target: { value: "2" } });
    await settle();
    expect(updates(dataverse)).toHaveLength(0);
    expect(picker.value).toBe("1");
    fireEvent.change(picker, { target: { value: "2" } });
    await settle();
    expect(updates(dataverse).map((c) => c.data)).toEqual([{ statecode: 1, statuscode: 2 }]);
  });
});

describe("nothing lost", () => {
  it("a refused sync change shows the stored value and says in its row what wasn't saved and why", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const { settle } = await renderControl({ dataverse });
    const { name, cells } = pickRow();
    const wasOn = cells.getByRole("switch").getAttribute("aria-checked") === "true";
    dataverse.failNext({ kind: "validation", op: "update" });
    fireEvent.click(cells.getByRole("switch"));
    await settle();
    const row = rowNamed(name);
    expect(row.cells.getByRole("switch").getAttribute("aria-checked")).toBe(String(wasOn));
    expect(row.cells.getByText(`Synced: ${wasOn ? "No" : "Yes"}: not saved`)).toBeTruthy();
    // One press on the note shows Dataverse's own words on screen (a tooltip is no help on a touch screen).
    fireEvent.click(row.cells.getByText("refused by Dataverse"));
    expect(row.cells.getByText(/^Dataverse refused the change: "A validation error occurred/)).toBeTruthy();
    fireEvent.click(row.cells.getByRole("button", { name: `Retry the unsaved change for ${name}` }));
    await settle();
    expect(updates(dataverse).map((c) => c.outcome)).toEqual(["error", "ok"]);
    expect(rowNamed(name).cells.getByRole("switch").getAttribute("aria-checked")).toBe(String(!wasOn));
  });

  it("a change by someone else is shown, not overwritten; Retry saves over it on purpose", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const { host, settle } = await renderControl({ dataverse });
    const { name } = pickRow();
    dataverse.changeByAnotherUser(idOf(host, name), { msevtmgt_timescheckedin: 41 });
    const input = openCountEditor(name);
    fireEvent.change(input, { target: { value: "3" } });
    fireEvent.keyDown(input, { key: "Enter" });
    await settle();
    expect(updates(dataverse)).toHaveLength(0);
    const row = rowNamed(name);
    expect(row.cells.getByText("changed by someone else")).toBeTruthy();
    expect(row.count().getAttribute("aria-label")).toBe("Times checked in: 41");
    fireEvent.click(row.cells.getByRole("button", { name: /^Retry/ }));
    await settle();
    expect(updates(dataverse).map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 3 }]);
  });
});

describe("bulk", () => {
  async function selectActive(rendered: Rendered, count: number) {
    const rows = [...document.querySelectorAll<HTMLElement>(".ms-DetailsRow")].filter((r) => within(r).queryByRole("switch")).slice(0, count);
    const names = rows.map((r) => within(r).getByRole("checkbox").getAttribute("aria-label")!.replace(/^Select /, ""));
    for (const row of rows) fireEvent.click(within(row).getByRole("checkbox"));
    return names.map((name) => idOf(rendered.host, name));
  }
  const toolbarButton = (name: string) => within(screen.getByRole("toolbar", { name: "Actions for the selected registrations" })).getByRole("button", { name });

  it("names the action, groups failures by reason, keeps the failed rows selected, and retries just them", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const rendered = await renderControl({ dataverse });
    const ids = await selectActive(rendered, 4);
    dataverse.failNext({ kind: "privilege", op: "update", id: ids[1] });
    dataverse.failNext({ kind: "privilege", op: "update", id: ids[2] });
    fireEvent.click(toolbarButton("Check in"));
    await rendered.settle();
    expect(screen.getByText("Check in: 2 checked in, 2 not saved: no permission.")).toBeTruthy();
    expect(rendered.host.dataset.selected.sort()).toEqual([ids[1], ids[2]].sort());
    fireEvent.click(screen.getByRole("button", { name: "Retry failed" }));
    await rendered.settle();
    expect(screen.getByText("Check in: 2 checked in.")).toBeTruthy();
    expect(ids.map((id) => updates(dataverse).filter((c) => c.id === id && c.outcome === "ok").length)).toEqual([1, 1, 1, 1]);
  });

  it("counts what changed apart from what already was so", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const rendered = await renderControl({ dataverse });
    const ids = await selectActive(rendered, 3);
    dataverse.changeByAnotherUser(ids[0], { msevtmgt_syncedwithprovider: 100000002 });
    dataverse.changeByAnotherUser(ids[1], { msevtmgt_syncedwithprovider: 100000002 });
    dataverse.changeByAnotherUser(ids[2], { msevtmgt_syncedwithprovider: 100000001 });
    fireEvent.click(toolbarButton("Mark synced"));
    await rendered.settle();
    expect(screen.getByText("Mark synced: 1 marked synced, 2 were already synced.")).toBeTruthy();
  });

  it("asks before deactivating more than one registration, in the platform's dialog, with the count; Keep them changes nothing", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const answers = [false, true];
    const asked: ComponentFramework.NavigationApi.ConfirmDialogStrings[] = [];
    const rendered = await renderControl({ dataverse, confirmDialog: async (strings) => (asked.push(strings), answers.shift()!) });
    const ids = await selectActive(rendered, 3);
    fireEvent.click(toolbarButton("Deactivate"));
    await rendered.settle();
    expect(asked).toEqual([{ title: "Deactivate 3 registrations?", text: expect.stringMatching(/cancelled/), confirmButtonLabel: "Deactivate 3", cancelButtonLabel: "Keep them" }]);
    expect(updates(dataverse)).toHaveLength(0);
    fireEvent.click(toolbarButton("Deactivate"));
    await rendered.settle();
    await waitFor(() => expect(screen.getByText("Deactivate: 3 deactivated.")).toBeTruthy());
    expect(ids.map((id) => dataverse.get(id)?.statecode)).toEqual([1, 1, 1]);
  });
});

describe("keeps up with its registrations", () => {
  it("a saved value stays in view when the dataset hands the old values back", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const { host, settle } = await renderControl({ dataverse });
    const { name } = pickRow();
    const input = openCountEditor(name);
    fireEvent.change(input, { target: { value: "9" } });
    fireEvent.keyDown(input, { key: "Enter" });
    await settle();
    await nextFrame();
    // No refresh after a save: a model-driven refresh goes back to page one.
    expect(host.activityLog.filter((e) => e.kind === "refresh")).toHaveLength(1);
    expect(rowNamed(name).count().getAttribute("aria-label")).toBe("Times checked in: 9");
  });
});
