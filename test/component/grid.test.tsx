/** @jest-environment jsdom */
import { act, fireEvent, screen } from "@testing-library/react";
import { allRegistrationsView, FakeDataverse, MALLORY_NAME, generateConference } from "../fixtures";
import { renderControl } from "./renderControl";

describe("the grid over a session's registrations", () => {
  it("shows registrations with status, sync flag and check-in count, asking once for the columns the view lacks", async () => {
    const { host } = await renderControl();
    expect(host.dataset.columns.map((c) => c.name)).toEqual(expect.arrayContaining(["msevtmgt_timescheckedin", "versionnumber"]));
    expect(screen.getAllByRole("combobox", { name: "Status reason" }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole("switch", { name: "Synced with provider" }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole("button", { name: /^Times checked in: \d+$/ }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole("button", { name: /^Check in .+/ }).length).toBeGreaterThan(0);
    // versionnumber is read for conflict checks, never shown.
    expect(screen.queryByRole("columnheader", { name: /version/i })).toBeNull();
    expect(host.missingStrings).toEqual([]);
    expect(host.violations).toEqual([]);
  });

  it("says how many are loaded out of how many", async () => {
    const { host } = await renderControl();
    expect(screen.getByText(`${host.dataset.sortedRecordIds.length} of ${host.dataset.totalResultCount}`)).toBeTruthy();
  });

  it("says 5,000+ when Dataverse stops counting, and loads more on request", async () => {
    const { host, settle } = await renderControl({ view: allRegistrationsView, parameters: { pageSize: 5000 }, dataverse: new FakeDataverse({ data: generateConference({ attendees: 700 }) }) });
    expect(host.dataset.totalResultCount).toBe(-1);
    expect(screen.getByText("5,000 of 5,000+")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Load more" }));
    await settle();
    expect(host.dataset.sortedRecordIds.length).toBeGreaterThan(5000);
    expect(host.violations).toEqual([]);
  });

  it("sorts on the server when a header is clicked, and flips the direction on a second click", async () => {
    const { host, settle } = await renderControl();
    const header = () => screen.getByRole("columnheader", { name: /^Contact/ }).querySelector(".ms-DetailsHeader-cellTitle") as Element;
    fireEvent.click(header());
    await settle();
    expect(host.dataset.sorting.map((s) => ({ ...s }))).toEqual([{ name: "msevtmgt_contactid", sortDirection: 0 }]);
    const contactsNow = () => host.dataset.sortedRecordIds.map((id) => host.dataset.records[id].getFormattedValue("msevtmgt_contactid") ?? "");
    const ascending = contactsNow();
    expect(ascending[0].localeCompare(ascending[ascending.length - 1])).toBeLessThan(0);
    expect(screen.getByRole("columnheader", { name: /^Contact/ }).getAttribute("aria-sort")).toBe("ascending");
    fireEvent.click(header());
    await settle();
    expect(host.dataset.sorting.map((s) => s.sortDirection)).toEqual([1]);
    expect(contactsNow()).toEqual([...ascending].reverse());
    expect(host.violations).toEqual([]);
  });

  it("shows markup in a name as text and runs nothing", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }) });
    const mallory = dataverse.rows().find((r) => r.msevtmgt_name === MALLORY_NAME);
    expect(mallory).toBeDefined();
    const { container, host, settle } = await renderControl({ dataverse, view: allRegistrationsView });
    act(() => host.quickFind("Mallory"));
    await settle();
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getAllByText(MALLORY_NAME).length).toBeGreaterThan(0);
    expect(screen.getAllByRole("button", { name: `Check in ${MALLORY_NAME}` }).length).toBeGreaterThan(0);
  });

  it("opens the registration from its name, and the related record from a lookup", async () => {
    const { host } = await renderControl();
    const nameButton = document.querySelector(".srg-col--name .srg-link") as HTMLElement;
    fireEvent.click(nameButton);
    const lookup = document.querySelector(".srg-col--lookup .srg-link") as HTMLElement;
    fireEvent.click(lookup);
    await act(async () => undefined);
    expect(host.activityLog.map((e) => e.kind)).toEqual(expect.arrayContaining(["openDatasetItem", "openForm"]));
  });

  it("mirrors the checkbox selection to the dataset, so the command bar acts on it", async () => {
    const { host } = await renderControl();
    const boxes = screen.getAllByRole("checkbox", { name: "Select registration" });
    fireEvent.click(boxes[0]);
    fireEvent.click(boxes[1]);
    expect(host.dataset.selected).toHaveLength(2);
    expect(screen.getByText("2 selected")).toBeTruthy();
  });
});

describe("read-only modes", () => {
  it("offers no edits, and says why, when the control is disabled", async () => {
    await renderControl({ disabled: true });
    expect(screen.getByText(/This grid is read-only here/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Check in / })).toBeNull();
    expect(screen.queryByRole("switch")).toBeNull();
    expect(screen.queryByRole("combobox", { name: "Status reason" })).toBeNull();
  });

  it("offers no edits, and says why, without write privilege", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }), writePrivilege: false });
    await renderControl({ dataverse });
    expect(screen.getByText(/don't have permission to change them/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Check in / })).toBeNull();
  });

  it("honours the maker's switches one by one", async () => {
    await renderControl({ parameters: { allowSyncEdit: false } });
    expect(screen.queryByRole("switch")).toBeNull();
    expect(screen.getAllByRole("button", { name: /^Check in / }).length).toBeGreaterThan(0);
  });
});
