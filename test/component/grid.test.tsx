/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { allRegistrationsView, FakeDataverse, MALLORY_NAME, generateConference } from "../fixtures";
import { renderControl } from "./renderControl";

describe("the grid over a session's registrations", () => {
  it("shows registrations with status, sync flag and check-in count, asking once for the columns the view lacks", async () => {
    const { host } = await renderControl();
    // The count the view lacks, and the event registration a check-in record binds to; one refresh brings both.
    expect(host.activityLog.filter((e) => e.kind === "addColumn").map((e) => (e.detail as { name: string }).name)).toEqual(["msevtmgt_timescheckedin", "msevtmgt_registrationid"]);
    expect(host.activityLog.filter((e) => e.kind === "refresh")).toHaveLength(1);
    expect(screen.getAllByRole("combobox", { name: /^Status reason of .+/ }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole("switch", { name: /^Synced with provider.+/ }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole("button", { name: /^Times checked in: \d+$/ }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole("button", { name: /^Check in .+/ }).length).toBeGreaterThan(0);
    expect(host.missingStrings).toEqual([]);
    expect(host.violations).toEqual([]);
  });

  it("puts the check-in action right after the name, calls the count by the grid's name, and titles cut headers in full", async () => {
    await renderControl();
    const headers = [...document.querySelectorAll(".ms-DetailsHeader-cellName")].map((h) => h.textContent?.trim());
    expect(headers.slice(0, 3)).toEqual(["Registration ID", "Check-in", "Times checked in"]);
    expect(screen.queryByText("(Deprecated) Times checked-in")).toBeNull();
    const synced = screen.getByRole("columnheader", { name: /Synced with provider/ });
    expect(synced.querySelector("[title='Synced with provider']")).not.toBeNull();
  });

  it("names every row's controls after its registration", async () => {
    await renderControl();
    const row = [...document.querySelectorAll<HTMLElement>(".ms-DetailsRow")].find((r) => within(r).queryByRole("switch"))!;
    const name = within(row).getByRole("checkbox").getAttribute("aria-label")!.replace(/^Select /, "");
    expect(name.length).toBeGreaterThan(2);
    expect(within(row).getByRole("combobox", { name: `Status reason of ${name}` })).toBeTruthy();
    expect(within(row).getByRole("switch", { name: `Synced with provider: ${name}` })).toBeTruthy();
    expect(within(row).getByRole("button", { name: new RegExp(`^Check in (again: )?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) })).toBeTruthy();
    expect(within(row).getByRole("button", { name: /^Times checked in: \d+$/ }).getAttribute("title")).toMatch(/edit/i);
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
    const boxes = screen.getAllByRole("checkbox", { name: /^Select (?!all)/ });
    fireEvent.click(boxes[0]);
    fireEvent.click(boxes[1]);
    expect(host.dataset.selected).toHaveLength(2);
    expect(screen.getByText("2 selected")).toBeTruthy();
  });
});

describe("Select all in a view with more rows than loaded", () => {
  const moreThanLoaded = () => ({ view: allRegistrationsView, parameters: { pageSize: 50 }, dataverse: new FakeDataverse({ data: generateConference({ attendees: 120 }) }) });

  it.each([
    ["an editable grid", {}],
    ["a read-only grid", { disabled: true }],
  ])("in %s selects the loaded registrations, says so, and nothing breaks after", async (_name, extra) => {
    const { host, settle } = await renderControl({ ...moreThanLoaded(), ...extra });
    expect(host.dataset.hasNextPage).toBe(true);
    const loaded = host.dataset.sortedRecordIds.slice();
    fireEvent.click(screen.getByRole("checkbox", { name: "Select all loaded registrations" }));
    expect(host.dataset.selected).toEqual(loaded);
    if (!("disabled" in extra)) expect(screen.getByText(`${loaded.length} selected; more not loaded yet`)).toBeTruthy();
    // More rows arrive: they are not selected with the others, and the grid still renders its rows.
    fireEvent.click(screen.getByRole("button", { name: "Load more" }));
    await settle();
    expect(host.dataset.sortedRecordIds.length).toBe(2 * loaded.length);
    expect(host.dataset.selected).toEqual(loaded);
    expect(document.querySelectorAll(".ms-DetailsRow").length).toBeGreaterThan(0);
    if (!("disabled" in extra)) {
      expect(screen.getByText(`${loaded.length} selected`)).toBeTruthy();
      const checkIn = screen.getAllByRole("button", { name: /^Check in / })[0];
      fireEvent.click(checkIn);
      await settle();
      expect(host.dataverse.calls.filter((c) => c.op === "update" && c.outcome === "ok")).toHaveLength(1);
    }
    expect(host.violations).toEqual([]);
  });
});

describe("read-only modes", () => {
  it("offers no edits, and says why, when the control is disabled", async () => {
    await renderControl({ disabled: true });
    expect(screen.getByText(/This grid is read-only here/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Check in / })).toBeNull();
    expect(screen.queryByRole("switch")).toBeNull();
    expect(screen.queryByRole("combobox", { name: /^Status reason/ })).toBeNull();
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
