import { realSleep, SaveFailed, withRetries, type RetryPolicy } from "../../../SessionRegistrationGrid/services/retry";

const POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 400, maxDelayMs: 1000 };

/** An attempt throttled `times` times without a wait interval, then answered. */
function throttledThenAnswered(times: number) {
  let calls = 0;
  return async () => {
    if (calls++ < times) throw new SaveFailed({ kind: "throttled", detail: "" });
    return "saved";
  };
}

describe("retries of a throttled answer without a wait interval", () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([0, 0.5, 0.999])("back off by doubling, capped, within 20%% either way (random %p)", async (random) => {
    jest.spyOn(Math, "random").mockReturnValue(random);
    const waits: number[] = [];
    expect(await withRetries(throttledThenAnswered(3), POLICY, async (ms) => void waits.push(ms))).toBe("saved");
    const backoff = [400, 800, 1000];
    expect(waits).toHaveLength(3);
    waits.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(backoff[i] * 0.8);
      expect(ms).toBeLessThanOrEqual(backoff[i] * 1.2);
    });
  });
});

describe("the real sleep", () => {
  afterEach(() => jest.useRealTimers());

  it("waits the time asked before going on", async () => {
    jest.useFakeTimers();
    let woke = false;
    const sleeping = realSleep(1000).then(() => {
      woke = true;
    });
    jest.advanceTimersByTime(999);
    await Promise.resolve();
    expect(woke).toBe(false);
    jest.advanceTimersByTime(1);
    await sleeping;
    expect(woke).toBe(true);
  });
});
