/** @jest-environment jsdom */
/**
 * The notifier tells the grid's rows and the grid itself that something changed, once per flush however many
 * changes land before it; in the browser a flush is at most once per animation frame (perFrame).
 */
import { createNotifier, perFrame } from "../../../SessionRegistrationGrid/services/notifier";

/** A schedule the test runs by hand: what was scheduled waits until `run()`. */
function manual() {
  const pending: (() => void)[] = [];
  return { schedule: (flush: () => void) => void pending.push(flush), pending, run: () => pending.splice(0).forEach((f) => f()) };
}

describe("the notifier", () => {
  it("however many changes land before a flush, each listener hears once", () => {
    const { schedule, pending, run } = manual();
    const notifier = createNotifier(schedule);
    const [row, grid] = [jest.fn(), jest.fn()];
    notifier.subscribeKey("a", row);
    notifier.subscribe(grid);
    notifier.notify("a");
    notifier.notify("a");
    notifier.notify("b");
    expect(pending).toHaveLength(1);
    run();
    expect(row).toHaveBeenCalledTimes(1);
    expect(grid).toHaveBeenCalledTimes(1);
  });

  it("a row listener that unsubscribed hears no more, while the row's other listeners still do", () => {
    const { schedule, run } = manual();
    const notifier = createNotifier(schedule);
    const [leaving, staying] = [jest.fn(), jest.fn()];
    const unsubscribe = notifier.subscribeKey("a", leaving);
    notifier.subscribeKey("a", staying);
    unsubscribe();
    notifier.notify("a");
    run();
    expect(leaving).not.toHaveBeenCalled();
    expect(staying).toHaveBeenCalledTimes(1);
  });

  it("a row whose last listener left and a new one came tells the new one", () => {
    const { schedule, run } = manual();
    const notifier = createNotifier(schedule);
    const [first, second] = [jest.fn(), jest.fn()];
    notifier.subscribeKey("a", first)();
    notifier.subscribeKey("a", second);
    notifier.notify("a");
    run();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("a grid listener that unsubscribed hears no more", () => {
    const { schedule, run } = manual();
    const notifier = createNotifier(schedule);
    const [leaving, staying] = [jest.fn(), jest.fn()];
    const unsubscribe = notifier.subscribe(leaving);
    notifier.subscribe(staying);
    unsubscribe();
    notifier.notify("a");
    run();
    expect(leaving).not.toHaveBeenCalled();
    expect(staying).toHaveBeenCalledTimes(1);
  });

  it("once disposed it tells nobody: not by a flush already scheduled, not a listener that came after, and schedules nothing new", () => {
    const { schedule, pending, run } = manual();
    const notifier = createNotifier(schedule);
    notifier.notify("a");
    notifier.dispose();
    const [late, lateRow] = [jest.fn(), jest.fn()];
    notifier.subscribe(late);
    notifier.subscribeKey("a", lateRow);
    run();
    notifier.notify("a");
    notifier.notify("b");
    expect(pending).toHaveLength(0);
    run();
    expect(late).not.toHaveBeenCalled();
    expect(lateRow).not.toHaveBeenCalled();
  });
});

describe("per animation frame", () => {
  const realFrame = window.requestAnimationFrame;
  let frames: FrameRequestCallback[] = [];
  let hidden = false;
  let now = Date.parse("2026-12-02T09:00:00Z");
  const runFrame = () => frames.splice(0).forEach((f) => f(performance.now()));
  const microtasks = async () => {
    await Promise.resolve();
    await Promise.resolve();
  };
  /** A change that shows at once (the page was quiet), so the next one is within the same frame. */
  const painted = async () => {
    perFrame(() => undefined);
    await microtasks();
  };

  beforeAll(() => Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden }));
  beforeEach(() => {
    now += 60_000; // every test starts on a page quiet for a while
    jest.useFakeTimers({ now, doNotFake: ["queueMicrotask", "requestAnimationFrame", "cancelAnimationFrame", "nextTick", "setImmediate"] });
    frames = [];
    hidden = false;
    window.requestAnimationFrame = (callback) => frames.push(callback);
  });
  afterEach(() => {
    window.requestAnimationFrame = realFrame;
    jest.useRealTimers();
  });

  it("the first change after a quiet frame shows at once, before any frame or timer", async () => {
    const flush = jest.fn();
    perFrame(flush);
    await microtasks();
    expect(flush).toHaveBeenCalledTimes(1);
    expect(frames).toHaveLength(0);
  });

  it("a grid on the default schedule tells its listeners of a change on a quiet page at once", async () => {
    const notifier = createNotifier();
    const grid = jest.fn();
    notifier.subscribe(grid);
    notifier.notify("a");
    await microtasks();
    expect(grid).toHaveBeenCalledTimes(1);
  });

  it("in a burst, the next change waits for the next animation frame, not a timer", async () => {
    await painted();
    const flush = jest.fn();
    perFrame(flush);
    await microtasks();
    jest.advanceTimersByTime(100);
    expect(flush).not.toHaveBeenCalled();
    runFrame();
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it("a change 16 ms after the last flush still waits for the frame; 17 ms after, it shows at once", async () => {
    await painted();
    jest.setSystemTime(now + 16);
    const within = jest.fn();
    perFrame(within);
    await microtasks();
    expect(within).not.toHaveBeenCalled();

    jest.setSystemTime(now + 17);
    const after = jest.fn();
    perFrame(after);
    await microtasks();
    expect(after).toHaveBeenCalledTimes(1);
  });

  it("a hidden tab gets no frames: a burst there flushes by a 16 ms timer", async () => {
    hidden = true;
    await painted();
    const flush = jest.fn();
    perFrame(flush);
    jest.advanceTimersByTime(15);
    expect(flush).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(frames).toHaveLength(0);
  });

  it("where there are no animation frames at all, a burst flushes by a 16 ms timer", async () => {
    (window as { requestAnimationFrame?: unknown }).requestAnimationFrame = undefined;
    await painted();
    const flush = jest.fn();
    perFrame(flush);
    jest.advanceTimersByTime(16);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});
