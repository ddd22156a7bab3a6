/** @jest-environment jsdom */
import { afterNextPaint, inIdleSlices } from "../../../SessionRegistrationGrid/views/afterPaint";

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("afterNextPaint", () => {
  afterEach(() => delete (globalThis as { scheduler?: unknown }).scheduler);

  it("without a task scheduler: a task after the next frame, never before it", async () => {
    const work = jest.fn();
    afterNextPaint(work);
    await tick();
    expect(work).not.toHaveBeenCalled();
    await frame();
    await tick();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("with the browser's scheduler: posted after the frame at background priority (input goes first); a cancel aborts it", async () => {
    const posted: { work: () => void; priority: string; signal: AbortSignal }[] = [];
    (globalThis as { scheduler?: unknown }).scheduler = {
      postTask: (work: () => void, { priority, signal }: { priority: string; signal: AbortSignal }) => {
        posted.push({ work, priority, signal });
        return new Promise<void>((resolve) => setTimeout(() => (signal.aborted ? undefined : (work(), resolve())), 0));
      },
    };
    const work = jest.fn();
    afterNextPaint(work);
    expect(posted).toHaveLength(0);
    await frame();
    expect(posted.map((p) => p.priority)).toEqual(["background"]);
    await tick();
    expect(work).toHaveBeenCalledTimes(1);

    const cancelled = jest.fn();
    const cancel = afterNextPaint(cancelled);
    await frame();
    cancel();
    expect(posted[1].signal.aborted).toBe(true);
    await tick();
    expect(cancelled).not.toHaveBeenCalled();
  });

  it("a cancel before the frame posts nothing", async () => {
    const work = jest.fn();
    afterNextPaint(work)();
    await frame();
    await tick();
    expect(work).not.toHaveBeenCalled();
  });
});

describe("inIdleSlices", () => {
  it("after the next frame, a task per slice: every index once, in order, then done; a cancel stops the rest", async () => {
    const seen: number[] = [];
    const done = jest.fn(() => expect(seen).toEqual([0, 1, 2, 3, 4]));
    inIdleSlices(5, 2, (i) => seen.push(i), done);
    await tick();
    expect(seen).toEqual([]);
    await frame();
    await tick();
    // One slice per task: the first two, then the next two at the next task.
    expect(seen).toEqual([0, 1]);
    await tick();
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(done).not.toHaveBeenCalled();
    await tick();
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(done).toHaveBeenCalledTimes(1);

    const stopped: number[] = [];
    const notDone = jest.fn();
    const cancel = inIdleSlices(6, 2, (i) => stopped.push(i), notDone);
    await frame();
    await tick();
    cancel();
    await tick();
    await tick();
    await tick();
    expect(stopped).toEqual([0, 1]);
    expect(notDone).not.toHaveBeenCalled();
  });
});
