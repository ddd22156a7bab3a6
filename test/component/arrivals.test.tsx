/** @jest-environment jsdom */
/**
 * Issue 23 in the real control: Arrivals on a session's form moves with a row's check-in in the same render as its
 * count, shows its numbers as a table, folds (remembered, folded on a phone); Sessions shows in a view across sessions.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { allRegistrationsView, FakeDataverse, generateConference } from "../fixtures";
import { pickRow } from "./gridRows";
import { renderControl } from "./renderControl";

const conference = generateConference({ attendees: 120 });
const DURING = Date.parse("2025-06-12T09:40:00Z");
beforeEach(() => {
  let clock = DURING;
  jest.spyOn(Date, "now").mockImplementation(() => (clock += 1));
});
afterEach(() => jest.restoreAllMocks());
const chart = () => screen.getByRole("img", { name: /^Arrivals/ });
const notCheckedIn = (row: HTMLElement) => !!row.querySelector("button.srg-checkin-button:not(.srg-again)");
const activeRecords = (dataverse: FakeDataverse) => dataverse.checkIns({ _msevtmgt_sessionattended_value: conference.defaultSessionId, statecode: 0 }).length;

describe("Arrivals", () => {
  it("names the chart by its summary and moves it in the same render as the row's count", async () => {
    const dataverse = new FakeDataverse({ data: conference, latencyMs: 50 });
    const { settle } = await renderControl({ dataverse });
    await waitFor(() => expect(chart().getAttribute("aria-label")).toMatch(/^Arrivals: \d+ checked in of \d+; busiest .+ to .+ with \d+$/));
    const before = Number(/^Arrivals: (\d+)/.exec(chart().getAttribute("aria-label")!)![1]);
    const { count, checkIn } = pickRow((r) => notCheckedIn(r) && !!r.querySelector(".srg-checkin-button"));
    // Every render of the row's count is checked against the chart at that moment.
    const seen: [string | null, string | null][] = [];
    const observer = new MutationObserver(() => seen.push([count().getAttribute("aria-label"), chart().getAttribute("aria-label")]));
    observer.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
    fireEvent.click(checkIn());
    await act(() => Promise.resolve());
    observer.disconnect();
    expect(count().getAttribute("aria-label")).toBe("Times checked in: 1");
    expect(chart().getAttribute("aria-label")).toMatch(new RegExp(`^Arrivals: ${before + 1} checked in`));
    // The count never showed 1 while the chart still said the old number.
    expect(seen.filter(([c, a]) => c === "Times checked in: 1" && a?.startsWith(`Arrivals: ${before} `))).toEqual([]);
    await settle();
    await waitFor(() => expect(activeRecords(dataverse)).toBe(conference.checkIns.filter((c) => c._msevtmgt_sessionattended_value === conference.defaultSessionId).length + 1));
    expect(chart().getAttribute("aria-label")).toMatch(new RegExp(`^Arrivals: ${before + 1} checked in`));
  });

  it("shows the same numbers as a table; the lines add up to the session's check-in records", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    await renderControl({ dataverse });
    await waitFor(() => expect(chart().getAttribute("aria-label")).toMatch(/busiest/));
    const show = screen.getByRole("button", { name: "Show as table" });
    expect(show.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(show);
    expect(screen.getByRole("button", { name: "Hide table" }).getAttribute("aria-expanded")).toBe("true");
    const table = screen.getByRole("table", { name: "Check-ins per 5 minutes" });
    const lines = within(table).getAllByRole("row").filter((r) => r.closest("tbody"));
    const sum = lines.reduce((total, r) => total + Number(within(r).getAllByRole("cell")[0].textContent), 0);
    expect(sum).toBe(activeRecords(dataverse));
    expect(within(table).getByRole("rowheader", { name: "8:30 AM to 8:35 AM" })).toBeTruthy();
  });

  it("folds with Hide arrivals, remembered for the user on this device; on a phone it starts folded", async () => {
    const first = await renderControl();
    fireEvent.click(screen.getByRole("button", { name: "Hide arrivals" }));
    expect(screen.queryByRole("img", { name: /^Arrivals/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Show arrivals" }).getAttribute("aria-expanded")).toBe("false");
    expect(Object.values({ ...localStorage })).toContain("folded");
    first.unmount();
    first.control.destroy();
    await renderControl();
    expect(screen.getByRole("button", { name: "Show arrivals" })).toBeTruthy();
    localStorage.clear();
    document.body.innerHTML = "";
    await renderControl({ client: () => ({ client: "Mobile", formFactor: 3 }) });
    expect(screen.getByRole("button", { name: "Show arrivals" })).toBeTruthy();
    expect(screen.queryByRole("img", { name: /^Arrivals/ })).toBeNull();
  });
});

describe("Sessions", () => {
  it("in a view across sessions lists them with Dataverse's counts; not on a session's form", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    await renderControl({ dataverse, view: allRegistrationsView });
    const strip = await screen.findByRole("region", { name: "Sessions" });
    const items = within(strip).getAllByRole("listitem");
    expect(items).toHaveLength(5);
    expect(screen.queryByRole("img", { name: /^Arrivals/ })).toBeNull();
    expect(dataverse.calls.filter((c) => c.options?.startsWith("?fetchXml=")).length).toBeGreaterThan(0);
    expect(items[0].textContent).toMatch(/Checked in \d+ · Registered \d+ · Capacity \d+/);
  });
});
