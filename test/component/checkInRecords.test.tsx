/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { FakeDataverse, generateConference } from "../fixtures";
import { idOf, pickRow, rowNamed } from "./gridRows";
import { renderControl } from "./renderControl";

const conference = generateConference({ attendees: 120 });
const nextFrame = () => act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
const notCheckedIn = (row: HTMLElement) => !!row.querySelector("button.srg-checkin-button:not(.srg-again)");
const recordsOf = (dataverse: FakeDataverse, id: string) => dataverse.checkIns((c) => c._msevtmgt_sessionregistration_value === id);

async function checkInFirst(dataverse: FakeDataverse, test: (row: HTMLElement) => boolean = notCheckedIn) {
  const rendered = await renderControl({ dataverse });
  const { name } = pickRow(test);
  const id = idOf(rendered.host, name);
  fireEvent.click(rowNamed(name).checkIn());
  await rendered.settle();
  await nextFrame();
  return { ...rendered, name, id };
}

describe("check-in records", () => {
  it("a check-in makes one record; Undo check-in of <name> deactivates it and brings the count back", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const { name, id, settle } = await checkInFirst(dataverse, (r) => notCheckedIn(r) && !!r.textContent);
    const made = recordsOf(dataverse, id).filter((c) => c.statecode === 0);
    expect(made).toHaveLength(1);
    const undo = rowNamed(name).cells.getByRole("button", { name: `Undo check-in of ${name}` });
    expect(undo.getAttribute("title")).toBe("Undo check-in");
    fireEvent.click(undo);
    await settle();
    await nextFrame();
    expect(dataverse.getCheckIn(made[0].msevtmgt_checkinid)?.statecode).toBe(1);
    expect(dataverse.get(id)?.msevtmgt_timescheckedin ?? 0).toBe(0);
    expect(rowNamed(name).cells.queryByRole("button", { name: /^Undo check-in of/ })).toBeNull();
    expect(screen.getByRole("status").textContent).toBe(`Check-in of ${name} undone`);
  });

  it("a registration whose attendee has no event registration is counted, and its row says so", async () => {
    // Nobody here has an event registration: the check-in form would need one.
    const data = { ...conference, eventRegistrations: [], checkIns: [], registrations: conference.registrations.map((r) => ({ ...r, _msevtmgt_registrationid_value: null })) };
    const dataverse = new FakeDataverse({ data });
    const { name, id } = await checkInFirst(dataverse);
    expect(dataverse.get(id)?.msevtmgt_timescheckedin).toBe(1);
    expect(recordsOf(dataverse, id)).toEqual([]);
    expect(dataverse.calls.filter((c) => c.op === "create")).toEqual([]);
    expect(rowNamed(name).cells.getByText("Counted; no check-in record: no event registration")).toBeTruthy();
    // Undo takes back the count alone.
    expect(rowNamed(name).cells.getByRole("button", { name: `Undo check-in of ${name}` })).toBeTruthy();
  });

  it("a record made but a count refused: the row says so, and Retry writes only the count", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const rendered = await renderControl({ dataverse });
    const { name } = pickRow(notCheckedIn);
    const id = idOf(rendered.host, name);
    dataverse.failNext({ kind: "validation", op: "update", id });
    fireEvent.click(rowNamed(name).checkIn());
    await rendered.settle();
    await nextFrame();
    expect(rowNamed(name).cells.getByText("Check-in recorded; count not updated")).toBeTruthy();
    expect(rowNamed(name).cells.getByText("refused by Dataverse")).toBeTruthy();
    expect(recordsOf(dataverse, id)).toHaveLength(1);
    fireEvent.click(rowNamed(name).cells.getByRole("button", { name: `Retry the unsaved change for ${name}` }));
    await rendered.settle();
    expect(recordsOf(dataverse, id)).toHaveLength(1);
    expect(dataverse.get(id)?.msevtmgt_timescheckedin).toBe(1);
  });

  it("without permission to create check-ins, check-ins are counted alone and the notice says why", async () => {
    const dataverse = new FakeDataverse({ data: conference, checkInCreatePrivilege: false });
    const { id } = await checkInFirst(dataverse);
    expect(screen.getByText(/Check-ins are counted without check-in records: you don't have permission to create them/)).toBeTruthy();
    expect(dataverse.calls.filter((c) => c.op === "create")).toEqual([]);
    expect(dataverse.get(id)?.msevtmgt_timescheckedin).toBe(1);
  });

  it("the maker's switch turns records off: counted alone, and nothing to say about it", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const rendered = await renderControl({ dataverse, parameters: { createCheckInRecords: false } });
    const { name } = pickRow(notCheckedIn);
    fireEvent.click(rowNamed(name).checkIn());
    await rendered.settle();
    expect(dataverse.calls.filter((c) => c.op === "create")).toEqual([]);
    expect(screen.queryByText(/Check-ins are counted without check-in records/)).toBeNull();
    // Nor does the grid ask for the lookups a record would need.
    expect(rendered.host.activityLog.filter((e) => e.kind === "addColumn").map((e) => (e.detail as { name: string }).name)).toEqual(["msevtmgt_timescheckedin"]);
  });

  it("a bulk check-in's summary offers Undo for the check-ins it made", async () => {
    const dataverse = new FakeDataverse({ data: conference });
    const rendered = await renderControl({ dataverse });
    const rows = [...document.querySelectorAll<HTMLElement>(".ms-DetailsRow")].filter((r) => within(r).queryByRole("switch")).slice(0, 3);
    const counts = rows.map((r) => Number(within(r).getByRole("button", { name: /^Times checked in: / }).getAttribute("aria-label")!.replace(/\D/g, "")));
    const ids = rows.map((r) => idOf(rendered.host, within(r).getByRole("checkbox").getAttribute("aria-label")!.replace(/^Select /, "")));
    for (const row of rows) fireEvent.click(within(row).getByRole("checkbox"));
    fireEvent.click(within(screen.getByRole("toolbar", { name: "Actions for the selected registrations" })).getByRole("button", { name: "Check in" }));
    await rendered.settle();
    expect(screen.getByText("Check in: 3 checked in.")).toBeTruthy();
    const active = () => ids.map((id) => recordsOf(dataverse, id).filter((c) => c.statecode === 0).length);
    const after = active();
    expect(after).toEqual(counts.map((c) => c + 1));
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    await rendered.settle();
    expect(screen.getByText("Undo check-in: 3 check-ins undone.")).toBeTruthy();
    expect(active()).toEqual(counts);
    expect(ids.map((id) => dataverse.get(id)?.msevtmgt_timescheckedin ?? 0)).toEqual(counts);
  });
});
