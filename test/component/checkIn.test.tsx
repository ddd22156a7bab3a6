/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { FakeDataverse, generateConference } from "../fixtures";
import { idOf, pickRow, rowNamed } from "./gridRows";
import { renderControl } from "./renderControl";

const updates = (dataverse: FakeDataverse) => dataverse.calls.filter((c) => c.op === "update");
const notCheckedIn = (row: HTMLElement) => !!row.querySelector("button.srg-checkin-button:not(.srg-again)");
let clock = 1_000_000;
beforeEach(() => jest.spyOn(Date, "now").mockImplementation(() => clock));
afterEach(() => jest.restoreAllMocks());
const later = (ms: number) => (clock += ms);
/** Row updates are painted once per animation frame. */
const nextFrame = () => act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));

describe("at the door", () => {
  it("adds one to what is stored now, shows it at once, says so in the row and announces it politely", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }), latencyMs: 300 });
    const { host, settle } = await renderControl({ dataverse });
    const { name, checkIn } = pickRow(notCheckedIn);
    const id = idOf(host, name);
    dataverse.changeByAnotherUser(id, { msevtmgt_timescheckedin: 3 });

    fireEvent.click(checkIn());
    await nextFrame();
    expect(rowNamed(name).cells.getByText("Saving…")).toBeTruthy();
    expect(rowNamed(name).count().getAttribute("aria-label")).toBe("Times checked in: 1");
    // The record, a fresh read, the count: three calls of 300 ms.
    await waitFor(() => expect(updates(dataverse).map((c) => c.outcome)).toEqual(["ok"]), { timeout: 3000 });
    await settle();
    await nextFrame();
    expect(updates(dataverse).map((c) => c.data)).toEqual([{ msevtmgt_timescheckedin: 4 }]);
    const row = rowNamed(name);
    expect(row.count().getAttribute("aria-label")).toBe("Times checked in: 4");
    expect(row.cells.getByText("Checked in ×4")).toBeTruthy();
    expect(row.checkIn().getAttribute("aria-label")).toBe(`Check in again: ${name}`);
    expect(screen.getByRole("status").textContent).toBe(`${name} checked in — 4th time`);
  });

  it("a double click adds one; a press three seconds later adds another", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const { host, settle } = await renderControl({ dataverse });
    const { name, checkIn } = pickRow(notCheckedIn);
    const button = checkIn();
    fireEvent.click(button);
    later(120);
    fireEvent.click(button);
    fireEvent.doubleClick(button);
    await settle();
    expect(dataverse.get(idOf(host, name))?.msevtmgt_timescheckedin).toBe(1);
    expect(host.activityLog.filter((e) => e.kind === "openDatasetItem")).toEqual([]);
    later(3000);
    fireEvent.click(rowNamed(name).checkIn());
    await settle();
    expect(dataverse.get(idOf(host, name))?.msevtmgt_timescheckedin).toBe(2);
  });

  it("shows someone already in before the press: Check in again, looking different", async () => {
    await renderControl();
    const first = pickRow(notCheckedIn).checkIn();
    const again = pickRow((r) => !!r.querySelector(".srg-again")).checkIn();
    expect(first.textContent).toBe("Check in");
    expect(again.textContent).toBe("Check in again");
    expect(again.getAttribute("aria-label")).toMatch(/^Check in/);
    expect(again.className).not.toBe(first.className);
  });

  it("a cancelled registration says so where the check-in would be", async () => {
    await renderControl();
    const cancelled = pickRow((r) => !!r.querySelector(".srg-inactive"));
    expect(cancelled.cells.getByText("Cancelled")).toBeTruthy();
    expect(cancelled.cells.queryByRole("button", { name: /^Check in/ })).toBeNull();
  });
});

describe("a check-in that fails", () => {
  async function failedCheckIn() {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const rendered = await renderControl({ dataverse });
    const { name } = pickRow(notCheckedIn);
    // The record is refused: nothing is counted.
    dataverse.failNext({ kind: "privilege", op: "create" });
    fireEvent.click(rowNamed(name).checkIn());
    await rendered.settle();
    return { ...rendered, dataverse, name, id: idOf(rendered.host, name) };
  }

  it("stays in its row: the stored count, why it wasn't saved, Retry and Discard", async () => {
    const { name, host, id } = await failedCheckIn();
    const row = rowNamed(name);
    expect(row.count().getAttribute("aria-label")).toBe("Times checked in: 0");
    expect(row.cells.getByText("Not saved")).toBeTruthy();
    expect(row.cells.getByText("no permission")).toBeTruthy();
    fireEvent.click(row.cells.getByText("Not saved"));
    expect(row.cells.getByText(/don't have permission/)).toBeTruthy();
    expect(host.dataverse.checkIns({ _msevtmgt_sessionregistration_value: id } as never)).toEqual([]);
    expect(row.cells.getByRole("button", { name: `Retry the unsaved change for ${name}` })).toBeTruthy();
    expect(row.cells.getByRole("button", { name: `Discard the unsaved change for ${name}` })).toBeTruthy();
  });

  it("a press of Check in on it retries that check-in: one more, not two", async () => {
    const { dataverse, settle, name, id } = await failedCheckIn();
    later(5000);
    fireEvent.click(rowNamed(name).checkIn());
    await settle();
    expect(dataverse.get(id)?.msevtmgt_timescheckedin).toBe(1);
    expect(rowNamed(name).cells.queryByText("Not saved")).toBeNull();
    // And Retry afterwards finds nothing left to save.
    expect(rowNamed(name).cells.queryByRole("button", { name: /^Retry/ })).toBeNull();
  });

  it("one line above the list counts what wasn't saved, with Retry all and Discard all; the list doesn't move", async () => {
    const { dataverse, settle, name, id } = await failedCheckIn();
    const list = document.querySelector(".srg-scroll") as HTMLElement;
    const linesAbove = [...(list.parentElement?.children ?? [])].indexOf(list);
    expect(screen.getByText("1 change not saved")).toBeTruthy();
    expect([...(list.parentElement?.children ?? [])].indexOf(list)).toBe(linesAbove);
    expect(document.querySelectorAll(".ms-MessageBar")).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Retry all" }));
    await settle();
    expect(dataverse.get(id)?.msevtmgt_timescheckedin).toBe(1);
    expect(screen.queryByText(/change not saved/)).toBeNull();
    expect(rowNamed(name).cells.getByText("Checked in ×1")).toBeTruthy();
  });

  it("Discard all forgets it and keeps what is stored", async () => {
    const { dataverse, name, id } = await failedCheckIn();
    fireEvent.click(screen.getByRole("button", { name: "Discard all" }));
    await nextFrame();
    expect(rowNamed(name).cells.queryByText("Not saved")).toBeNull();
    expect(dataverse.get(id)?.msevtmgt_timescheckedin ?? 0).toBe(0);
    expect(updates(dataverse)).toHaveLength(0);
  });
});
