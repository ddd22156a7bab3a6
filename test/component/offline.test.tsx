/** @jest-environment jsdom */
/** Issue 12 in the rendered grid: waiting for the connection, a reload that sends what waited, other desks' changes live. */
import { act, fireEvent, screen } from "@testing-library/react";
import { FakeDataverse, generateConference } from "../fixtures";
import { idOf, pickRow, rowNamed } from "./gridRows";
import { renderControl } from "./renderControl";

const conference = generateConference({ attendees: 120 });
const nextFrame = () => act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
const wait = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));
const notCheckedIn = (row: HTMLElement) => !!row.querySelector("button.srg-checkin-button:not(.srg-again)");

/** The browser's own idea of the connection (navigator.onLine), and its online event. */
function browserOnline(online: boolean) {
  Object.defineProperty(window.navigator, "onLine", { configurable: true, get: () => online });
  if (online) act(() => void window.dispatchEvent(new Event("online")));
}
afterEach(() => browserOnline(true));

/** A grid whose connection drops, then a check-in of someone not yet in: it waits. */
async function checkInOffline() {
  const dataverse = new FakeDataverse({ data: conference });
  const rendered = await renderControl({ dataverse });
  const { name } = pickRow(notCheckedIn);
  const id = idOf(rendered.host, name);
  browserOnline(false);
  fireEvent.click(rowNamed(name).checkIn());
  await rendered.settle();
  await nextFrame();
  return { dataverse, rendered, name, id };
}

describe("without a connection", () => {
  it("a check-in waits in its row, the line above counts what waits, and it is saved once when the connection is back", async () => {
    const { dataverse, rendered, name, id } = await checkInOffline();

    expect(rowNamed(name).cells.getByText("Waiting for connection")).toBeTruthy();
    // Shown as it will be: already checked in, and no failure offered.
    expect(rowNamed(name).count().textContent).toBe("1");
    expect(screen.getByText("1 change waiting for connection")).toBeTruthy();
    expect(screen.queryByText(/not saved/)).toBeNull();
    // Nothing but reads: the live poll's, and the session's name and capacity the desk read when the form opened.
    expect(dataverse.calls.filter((c) => c.op !== "retrieveMultiple" && !(c.op === "retrieve" && c.entity === "msevtmgt_session"))).toEqual([]);

    // More check-ins queue behind it, even on the same row (after the two-second rule).
    fireEvent.click(pickRow((r) => notCheckedIn(r) && !r.textContent?.includes(name)).checkIn());
    await rendered.settle();
    await nextFrame();
    expect(screen.getByText("2 changes waiting for connection")).toBeTruthy();

    browserOnline(true);
    await rendered.settle();
    await nextFrame();
    expect(dataverse.get(id)?.msevtmgt_timescheckedin).toBe(1);
    expect(dataverse.checkIns((c) => c._msevtmgt_sessionregistration_value === id)).toHaveLength(1);
    expect(screen.queryByText(/waiting for connection/)).toBeNull();
    expect(rowNamed(name).cells.queryByText("Waiting for connection")).toBeNull();
  });

  it("a reload finds what waited, shows it and sends it: one record, count + 1", async () => {
    const { dataverse, rendered: first, name, id } = await checkInOffline();
    // The page goes away while offline; the next one loads with the connection back.
    first.control.destroy();
    first.unmount();
    browserOnline(true);
    expect(dataverse.get(id)?.msevtmgt_timescheckedin ?? 0).toBe(0);

    // The unsaved check-in is kept (beside what the user may do on the tables, remembered for the next page).
    // One journal (its index) holding one change.
    const stored = Object.keys(localStorage).filter((key) => key.startsWith("srg:"));
    expect(stored.filter((key) => !key.includes(":c:"))).toHaveLength(1);
    expect(stored.filter((key) => key.includes(":c:"))).toHaveLength(1);
    const second = await renderControl({ dataverse });
    await second.settle();
    await nextFrame();
    expect(dataverse.get(id)?.msevtmgt_timescheckedin).toBe(1);
    expect(dataverse.checkIns((c) => c._msevtmgt_sessionregistration_value === id)).toHaveLength(1);
    expect(rowNamed(name).count().textContent).toBe("1");
  });
});

describe("another tab's changes, where the browser has no Web Locks (issue 21)", () => {
  it("are not sent on their own: a line says how many and why, and they are sent once when the person chooses", async () => {
    const { dataverse, rendered: first, name, id } = await checkInOffline();
    // What that page kept, as another tab (another document, perhaps still open) would have kept it.
    const kept = Object.keys(localStorage)
      .filter((key) => key.startsWith("srg:"))
      .map((key) => [key, localStorage.getItem(key)!] as const);
    first.control.destroy();
    first.unmount();
    localStorage.clear();
    for (const [key, value] of kept) localStorage.setItem(key.replace(/:owner:[^:]+/, ":owner:another-tab"), value.replace(/:owner:[^:"]+/g, ":owner:another-tab"));
    browserOnline(true);

    const second = await renderControl({ dataverse });
    await second.settle();
    expect(dataverse.get(id)?.msevtmgt_timescheckedin ?? 0).toBe(0);
    expect(screen.getByText("1 change kept by another tab of this page")).toBeTruthy();
    const send = screen.getByRole("button", { name: "Send them from here" });
    expect(send.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(send.getAttribute("aria-describedby")!)?.textContent).toMatch(/^Only if that tab is closed/);

    fireEvent.click(send);
    await second.settle();
    await nextFrame();
    expect(dataverse.get(id)?.msevtmgt_timescheckedin).toBe(1);
    expect(dataverse.checkIns((c) => c._msevtmgt_sessionregistration_value === id)).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Send them from here" })).toBeNull();
    expect(rowNamed(name).count().textContent).toBe("1");
  });
});

describe("live updates", () => {
  it("another desk's check-in appears in the row within one interval, marked and announced, without a dataset refresh", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const rendered = await renderControl({ dataverse, parameters: { liveRefreshSeconds: 1 } });
    const { name } = pickRow(notCheckedIn);
    const id = idOf(rendered.host, name);
    const refreshes = () => rendered.host.activityLog.filter((e) => e.kind === "refresh").length;
    const before = refreshes();
    await wait(300);
    dataverse.changeByAnotherUser(id, { msevtmgt_timescheckedin: 1 });
    await wait(1100);
    await nextFrame();
    expect(rowNamed(name).count().textContent).toBe("1");
    expect(rowNamed(name).cells.getByText("Checked in at another desk")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe(`Checked in at another desk: ${name}`);
    expect(rowNamed(name).checkIn().getAttribute("aria-label")).toBe(`Check in again: ${name}`);
    expect(refreshes()).toBe(before);
  });

  it("three failed asks in a row say live updates are paused; a new registration offers a button that refreshes", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const rendered = await renderControl({ dataverse, parameters: { liveRefreshSeconds: 1 } });
    await wait(200);
    dataverse.setNetwork(false);
    await wait(3200);
    expect(screen.getByText("Live updates paused")).toBeTruthy();
    dataverse.setNetwork(true);
    await dataverse.webApi.createRecord("msevtmgt_sessionregistration", {
      msevtmgt_name: "Walk-in attendee",
      "msevtmgt_SessionId@odata.bind": `/msevtmgt_sessions(${conference.defaultSessionId})`,
    });
    await wait(1100);
    expect(screen.queryByText("Live updates paused")).toBeNull();
    const button = screen.getByRole("button", { name: "1 new registration" });
    fireEvent.click(button);
    await rendered.settle();
    expect(rendered.host.activityLog.some((e) => e.kind === "refresh")).toBe(true);
    expect(screen.queryByRole("button", { name: /new registration/ })).toBeNull();
  }, 15_000);
});
