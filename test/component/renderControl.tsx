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

/** The real control over the shared fake model-driven context, rendered the way the platform renders updateView. */
export async function renderControl(options: FakePcfContextOptions & { view?: View } = {}): Promise<Rendered> {
  const dataverse = options.dataverse ?? new FakeDataverse({ data: conference });
  const { context, host } = createFakePcfContext({ view: sessionView(), strings, width: 1200, height: 600, ...options, dataverse });
  const control = new SessionRegistrationGrid();
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
