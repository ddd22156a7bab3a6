import type { Problem } from "../../../SessionRegistrationGrid/model/errors";
import { realSleep, SaveFailed, withRetries, type RetryPolicy } from "../../../SessionRegistrationGrid/services/retry";

const POLICY: RetryPolicy = { attempts: 4, throttled: 6, baseDelayMs: 400, maxDelayMs: 1000 };

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

describe("two budgets: service protection is waited out, network failures are counted", () => {
  /** An attempt that fails with each of `problems` in turn, then is answered. */
  const failing = (problems: Problem["kind"][]) => {
    let calls = 0;
    return async () => {
      const kind = problems[calls++];
      if (kind) throw new SaveFailed({ kind, detail: "", ...(kind === "throttled" && { retryAfterMs: 1000 }) });
      return "saved";
    };
  };
  const noWait = async () => undefined;

  it("refusals beyond the network attempts are still waited out: Dataverse asked to come back, it never failed", async () => {
    expect(await withRetries(failing(Array(POLICY.throttled - 1).fill("throttled")), POLICY, noWait)).toBe("saved");
  });

  it("refusals and network failures each count against their own budget", async () => {
    const mixed: Problem["kind"][] = ["network", "throttled", "network", "throttled", "throttled", "network", "throttled"];
    expect(await withRetries(failing(mixed), POLICY, noWait)).toBe("saved");
  });

  it("each budget still ends: the network's after its attempts, the refusals' after their many", async () => {
    await expect(withRetries(failing(Array(POLICY.attempts).fill("network")), POLICY, noWait)).rejects.toMatchObject({ problem: { kind: "network" } });
    const refusals = ["network", ...Array(POLICY.throttled).fill("throttled")];
    const waits: number[] = [];
    await expect(withRetries(failing(refusals), POLICY, async (ms) => void waits.push(ms))).rejects.toMatchObject({ problem: { kind: "throttled" } });
    // Each refusal but the last waited its Retry-After.
    expect(waits.slice(1)).toEqual(Array(POLICY.throttled - 1).fill(1000));
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
