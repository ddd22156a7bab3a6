/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { FakeDataverse, generateConference } from "../fixtures";
import { renderControl as render, type Rendered } from "./renderControl";

const updates = (dataverse: FakeDataverse) => dataverse.calls.filter((c) => c.op === "update");

/** The first rendered active registration's row, with its cells. */
function firstRow() {
  const row = [...document.querySelectorAll<HTMLElement>(".ms-DetailsRow")].find((r) => within(r).queryByRole("button", { name: /^Check in / }))!;
  const checkIn = within(row).getByRole("button", { name: /^Check in / });
  const name = checkIn.getAttribute("aria-label")!.replace(/^Check in /, "");
  return { row, name, checkIn, cells: within(row) };
}

let shown: { host: Rendered["host"] } | undefined;

/** The id of the registration the grid shows under this name (names repeat across sessions, not within one). */
function idOf(_dataverse: FakeDataverse, name: string): string {
  const dataset = shown!.host.dataset;
  return dataset.sortedRecordIds.find((id) => dataset.records[id].getFormattedValue("msevtmgt_name") === name)!;
}

async function renderControl(...args: Parameters<typeof render>): Promise<Rendered> {
  const rendered = await render(...args);
  shown = rendered;
  return rendered;
}

describe("check-in", () => {
  it("adds one to what is stored now, shows it at once and says so in the row", async () => {
    const { dataverse, settle } = await renderControl({ dataverse: new FakeDataverse({ data: generateConference({ attendees: 120 }), latencyMs: 300 }) });
    const { name, checkIn, cells } = firstRow();
    const id = idOf(dataverse, name);
    const loadedCount = dataverse.get(id)!.msevtmgt_timescheckedin ?? 0;
    dataverse.changeByAnotherUser(id, { msevtmgt_timescheckedin: loadedCount + 3 });

    fireEvent.click(checkIn);
    expect((await cells.findByRole("status")).textContent).toBe("Saving…");
    await waitFor(() => expect(firstRow().cells.getByRole("button", { name: `Times checked in: ${loadedCount + 4}` })).toBeTruthy(), { timeout: 3000 });
    await settle();
    expect(updates(dataverse).map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: loadedCount + 4 }]);
    const row = firstRow();
    expect(row.cells.getByText(`Checked in ×${loadedCount + 4}`)).toBeTruthy();
  });
});

describe("typed count", () => {
  it.each(["-1", "abc", "1.5", "2147483648", "", "1e3", "1 2"])("refuses %p with a message and makes no call", async (typed) => {
    const { dataverse } = await renderControl();
    const { cells } = firstRow();
    fireEvent.keyDown(cells.getByRole("button", { name: /^Times checked in: / }), { key: "F2" });
    const input = cells.getByRole("textbox", { name: "Times checked in" });
    fireEvent.change(input, { target: { value: typed } });
    fireEvent.keyDown(input, { key: "Enter" });
    // Fluent renders the message a moment later, so screen readers announce it.
    await waitFor(() => expect(cells.getByRole("alert").textContent).toMatch(/\w/));
    expect(input.getAttribute("aria-invalid")).toBe("true");
    await act(async () => undefined);
    expect(updates(dataverse)).toHaveLength(0);
  });

  it("saves a valid count once with Enter, and Esc leaves the count as it was", async () => {
    const { dataverse, settle } = await renderControl();
    const { cells, name } = firstRow();
    fireEvent.keyDown(cells.getByRole("button", { name: /^Times checked in: / }), { key: "F2" });
    fireEvent.keyDown(cells.getByRole("textbox", { name: "Times checked in" }), { key: "Escape" });
    expect(cells.queryByRole("textbox")).toBeNull();
    expect(document.activeElement?.getAttribute("aria-label")).toMatch(/^Times checked in: /);

    fireEvent.click(cells.getByRole("button", { name: /^Times checked in: / }));
    const input = cells.getByRole("textbox", { name: "Times checked in" });
    fireEvent.change(input, { target: { value: "37" } });
    fireEvent.keyDown(input, { key: "Enter" });
    await settle();
    expect(updates(dataverse).map((c) => [c.id, c.data])).toEqual([[idOf(dataverse, name), { msevtmgt_timescheckedin: 37 }]]);
    expect(firstRow().cells.getByRole("button", { name: "Times checked in: 37" })).toBeTruthy();
  });
});

describe("sync flag and status", () => {
  it("the switch saves at once with the option value", async () => {
    const { dataverse, settle } = await renderControl();
    const { cells } = firstRow();
    const toggle = cells.getByRole("switch", { name: "Synced with provider" });
    const wasOn = toggle.getAttribute("aria-checked") === "true";
    fireEvent.click(toggle);
    await settle();
    expect(updates(dataverse).map((c) => c.data)).toEqual([{ msevtmgt_syncedwithprovider: wasOn ? 100000001 : 100000002 }]);
    expect(firstRow().cells.getByRole("switch").getAttribute("aria-checked")).toBe(String(!wasOn));
  });

  it("choosing a status reason saves statecode and statuscode alone, and an inactive row keeps only its status editable", async () => {
    const { dataverse, settle } = await renderControl();
    const { cells, name } = firstRow();
    const picker = cells.getByRole("combobox", { name: "Status reason" }) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(["Active", "Inactive"]);
    fireEvent.change(picker, { target: { value: "2" } });
    await settle();
    expect(updates(dataverse).map((c) => c.data)).toEqual([{ statecode: 1, statuscode: 2 }]);
    const row = [...document.querySelectorAll(".ms-DetailsRow")].find((r) => r.textContent?.includes(name)) as HTMLElement;
    expect(within(row).queryByRole("button", { name: /^Check in / })).toBeNull();
    expect(within(row).queryByRole("switch")).toBeNull();
    expect(within(row).getByRole("combobox", { name: "Status reason" })).toBeTruthy();
  });

  it("an arrow key on the closed picker changes and saves nothing, so stepping past a row can't cancel it", async () => {
    const { dataverse, settle } = await renderControl();
    const picker = firstRow().cells.getByRole("combobox", { name: "Status reason" }) as HTMLSelectElement;
    // The arrow's own action changes the closed select's value; the grid ignores that change.
    fireEvent.keyDown(picker, { key: "ArrowDown" });
    fireEvent.change(picker, { target: { value: "2" } });
    await settle();
    expect(updates(dataverse)).toHaveLength(0);
    expect(picker.value).toBe("1");
    // A choice made from the opened list saves.
    fireEvent.change(picker, { target: { value: "2" } });
    await settle();
    expect(updates(dataverse).map((c) => c.data)).toEqual([{ statecode: 1, statuscode: 2 }]);
  });
});

describe("nothing lost", () => {
  it("a refused save shows the stored value, explains why, and keeps the change until Retry", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const { settle } = await renderControl({ dataverse });
    const { cells, name } = firstRow();
    const before = cells.getByRole("button", { name: /^Times checked in: / }).getAttribute("aria-label");
    dataverse.failNext({ kind: "validation", op: "update" });
    fireEvent.click(cells.getByRole("button", { name: /^Check in / }));
    await settle();

    const message = screen.getByText(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: your change wasn't saved\\. Dataverse refused the change`));
    expect(message).toBeTruthy();
    expect(firstRow().cells.getByRole("button", { name: /^Times checked in: / }).getAttribute("aria-label")).toBe(before);
    expect(updates(dataverse)).toHaveLength(1);

    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    await settle();
    expect(updates(dataverse).map((c) => c.outcome)).toEqual(["error", "ok"]);
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
  });

  it("Discard drops the pending change and keeps what is stored", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const { settle } = await renderControl({ dataverse });
    dataverse.failNext({ kind: "privilege", op: "update" });
    fireEvent.click(firstRow().cells.getByRole("switch"));
    await settle();
    expect(screen.getByText(/You don't have permission to change this registration/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Discard" }));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Discard" })).toBeNull());
    expect(updates(dataverse)).toHaveLength(1);
  });

  it("a change by someone else is shown, not overwritten; Retry saves over it on purpose", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const { settle } = await renderControl({ dataverse });
    const { cells, name } = firstRow();
    dataverse.changeByAnotherUser(idOf(dataverse, name), { msevtmgt_timescheckedin: 41 });
    fireEvent.click(cells.getByRole("button", { name: /^Times checked in: / }));
    const input = cells.getByRole("textbox", { name: "Times checked in" });
    fireEvent.change(input, { target: { value: "3" } });
    fireEvent.keyDown(input, { key: "Enter" });
    await settle();
    expect(updates(dataverse)).toHaveLength(0);
    expect(screen.getByText(/Someone else changed this registration/)).toBeTruthy();
    expect(firstRow().cells.getByRole("button", { name: "Times checked in: 41" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    await settle();
    expect(updates(dataverse).map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 3 }]);
  });
});

describe("bulk", () => {
  it("checks in the selected rows, summarises one failure, and keeps the failed row selected", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const { host, settle } = await renderControl({ dataverse });
    const rows = [...document.querySelectorAll<HTMLElement>(".ms-DetailsRow")].filter((r) => within(r).queryByRole("button", { name: /^Check in / })).slice(0, 3);
    for (const row of rows) fireEvent.click(within(row).getByRole("checkbox", { name: "Select registration" }));
    const failingName = within(rows[1]).getByRole("button", { name: /^Check in / }).getAttribute("aria-label")!.replace(/^Check in /, "");
    const failingId = idOf(dataverse, failingName);
    dataverse.failNext({ kind: "validation", op: "update", id: failingId });
    fireEvent.click(within(screen.getByRole("toolbar", { name: "Actions for the selected registrations" })).getByRole("button", { name: "Check in" }));
    await settle();
    expect(screen.getByText("2 succeeded, 1 failed.")).toBeTruthy();
    expect(screen.getByText(new RegExp(`^${failingName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: Dataverse refused the change`))).toBeTruthy();
    expect(host.dataset.selected).toEqual([failingId]);
    expect(updates(dataverse).filter((c) => c.outcome === "ok")).toHaveLength(2);
  });
});
