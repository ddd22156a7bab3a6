/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { allRegistrationsView, FakeDataverse, generateConference } from "../fixtures";
import { renderControl } from "./renderControl";

describe("searching loads the rest of the view", () => {
  it("a host that keeps its own page size is asked for its next pages, not refreshed again and again", async () => {
    const dataverse = new FakeDataverse({ data: generateConference({ attendees: 120 }), latencyMs: 0 });
    const { host, settle } = await renderControl({ dataverse, view: allRegistrationsView, pageSize: 25 });
    // This host takes no page size from the control.
    host.dataset.setPageSize = () => undefined;
    const total = host.dataset.totalResultCount;
    expect(host.dataset.sortedRecordIds.length).toBeLessThan(total);
    const refreshesBefore = host.activityLog.filter((a) => a.kind === "refresh").length;

    fireEvent.change(screen.getByRole("searchbox", { name: "Find attendee" }), { target: { value: "a" } });
    await waitFor(async () => {
      await settle();
      expect(host.dataset.sortedRecordIds.length).toBe(total);
    }, { timeout: 5000 });
    expect(host.activityLog.filter((a) => a.kind === "refresh").length - refreshesBefore).toBeLessThanOrEqual(1);
    expect(host.activityLog.filter((a) => a.kind === "loadNextPage").length).toBeGreaterThan(0);
  });
});
