/** @jest-environment jsdom */
/**
 * The desk reads ahead (issue 22, goal 4): once "Find attendee" has the focus, every registration's name and
 * lookups are read in idle moments, so the first key press at a large desk finds its rows without reading them all.
 */
import { act, fireEvent, screen } from "@testing-library/react";
import * as badgeCode from "../../SessionRegistrationGrid/model/badgeCode";
import * as search from "../../SessionRegistrationGrid/model/search";
import { FakeDataverse, generateConference } from "../fixtures";
import { renderControl } from "./renderControl";

const box = () => screen.getByRole("searchbox", { name: "Find attendee" }) as HTMLInputElement;
const frames = (n: number) => act(async () => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
});

describe("the desk reads ahead", () => {
  afterEach(() => jest.restoreAllMocks());

  it("reads nothing until the box has the focus, then every registration once, in idle slices, then indexes the badge codes", async () => {
    const { host } = await renderControl({ dataverse: new FakeDataverse({ data: generateConference({ attendees: 120 }), latencyMs: 0 }) });
    const read = jest.spyOn(search, "readForSearch");
    const index = jest.spyOn(badgeCode, "indexCodes");
    await frames(3);
    expect(read).not.toHaveBeenCalled();
    expect(index).not.toHaveBeenCalled();
    fireEvent.focus(box());
    await frames(5);
    const ids = host.dataset.sortedRecordIds;
    expect(read).toHaveBeenCalledTimes(ids.length);
    expect(new Set(read.mock.calls.map(([row]) => row.id))).toEqual(new Set(ids));
    // The index last: the slices have read every registration's lookups by then.
    expect(index).toHaveBeenCalledTimes(1);
    expect(index.mock.invocationCallOrder[0]).toBeGreaterThan(Math.max(...read.mock.invocationCallOrder));
  });
});
