/** @jest-environment jsdom */
/**
 * A new search draws the rows its scroll box shows in the key press's frame, and the rest once that frame is painted
 * (issue 22, goal 4): Fluent alone would draw a window as tall as the browser's within the frame.
 */
import { act, fireEvent, screen } from "@testing-library/react";
import { FakeDataverse, generateConference } from "../fixtures";
import { renderControl } from "./renderControl";

const box = () => screen.getByRole("searchbox", { name: "Find attendee" }) as HTMLInputElement;
const drawnRows = () => document.querySelectorAll(".ms-DetailsRow").length;
const footer = () => document.querySelector(".srg-footer > span")!.textContent!;
const nextFrame = () => act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
const wait = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

/**
 * jsdom lays nothing out: the scroll box reports this height, as a browser's ResizeObserver would, and its column
 * headers are given one too. What is left to rows: 100 px.
 */
const BOX_HEIGHT = 160;
const HEADERS_HEIGHT = 60;
let observed: (() => void) | undefined;
class FixedBoxObserver {
  constructor(private readonly report: ResizeObserverCallback) {}
  observe(target: Element) {
    observed = () => this.report([{ target, contentRect: { height: BOX_HEIGHT } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
    observed();
  }
  unobserve() {
    // One box, observed for the test's length: nothing to let go of.
  }
  disconnect() {
    // As unobserve.
  }
}

describe("a new search's first frame", () => {
  beforeEach(() => ((globalThis as { ResizeObserver?: unknown }).ResizeObserver = FixedBoxObserver));
  afterEach(() => delete (globalThis as { ResizeObserver?: unknown }).ResizeObserver);

  it("draws what the box shows below its headers (100 px: 4 rows at most), then every row Fluent would draw", async () => {
    await renderControl({ dataverse: new FakeDataverse({ data: generateConference({ attendees: 120 }), latencyMs: 0 }) });
    Object.defineProperty(document.querySelector(".ms-DetailsList-headerWrapper"), "offsetHeight", { value: HEADERS_HEIGHT });
    observed!();
    const before = drawnRows();
    expect(before).toBeGreaterThan(4);
    // Every readable registration ID starts so: the matches are many more than the box shows.
    fireEvent.change(box(), { target: { value: "cbas" } });
    const matches = Number(/^(\d+) of/.exec(footer())![1]);
    expect(matches).toBeGreaterThan(before);
    expect(drawnRows()).toBe(Math.ceil((BOX_HEIGHT - HEADERS_HEIGHT) / 42) + 1);
    await nextFrame();
    await wait(5);
    expect(drawnRows()).toBe(before);
  });

  it("draws as Fluent does when the rows change for another reason than a search (a load, an edit)", async () => {
    const { host, settle } = await renderControl({ dataverse: new FakeDataverse({ data: generateConference({ attendees: 120 }), latencyMs: 0 }) });
    const before = drawnRows();
    act(() => host.dataset.refresh());
    await settle();
    expect(drawnRows()).toBe(before);
  });
});
