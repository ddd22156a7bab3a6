import { act, render, type RenderResult } from "@testing-library/react";
import { SessionRegistrationGrid } from "../../SessionRegistrationGrid/index";
import { createFakePcfContext, FakeDataverse, generateConference, sessionView, type FakePcfContextOptions, type View } from "../fixtures";
import { loadStrings } from "../fixtures/resx";

const strings = loadStrings();
const conference = generateConference({ attendees: 120 });

export interface Rendered extends RenderResult {
  host: ReturnType<typeof createFakePcfContext>["host"];
  dataverse: FakeDataverse;
  control: SessionRegistrationGrid;
  /** Lets the fake's loads, the editor's saves and the coalesced updates finish. */
  settle(): Promise<void>;
}

/** Controls rendered by this test: destroyed after it, as the platform does when the form closes (timers stop). */
const alive: SessionRegistrationGrid[] = [];
afterEach(() => {
  alive.splice(0).forEach((control) => control.destroy());
  // Each test starts with nothing kept from another (the grid keeps unsaved changes in localStorage).
  localStorage.clear();
});

/**
 * The real control over the shared fake model-driven context, rendered the way the platform renders updateView.
 * Live updates are off unless a test asks for them (parameters.liveRefreshSeconds).
 */
export async function renderControl(options: FakePcfContextOptions & { view?: View } = {}): Promise<Rendered> {
  const dataverse = options.dataverse ?? new FakeDataverse({ data: conference });
  const { context, host } = createFakePcfContext({ view: sessionView(), strings, width: 1200, height: 600, ...options, dataverse, parameters: { liveRefreshSeconds: 0, ...options.parameters } });
  const control = new SessionRegistrationGrid();
  alive.push(control);
  control.init(context);
  const result = render(control.updateView(context));
  host.onUpdate((next) => result.rerender(control.updateView(next)));
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      await act(async () => {
        await host.idle();
        await new Promise((resolve) => setTimeout(resolve, 5));
      });
    }
  };
  await settle();
  return { ...result, host, dataverse, control, settle };
}

export { conference, strings };
