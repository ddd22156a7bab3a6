import { classifyError, isTransient, type Problem } from "../model/errors";

export interface RetryPolicy {
  /** Attempts in all, the first included, while the network fails. */
  attempts: number;
  /**
   * Service-protection refusals waited out before the user is asked. Dataverse refused without doing anything and
   * said when to come back, so these don't use up the attempts meant for real failures.
   */
  throttled: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * About 3 s of retries of a network failure before the change waits for the connection ("Saving…" shows
 * meanwhile); up to 30 service-protection refusals, each waited out as long as Dataverse asks.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, throttled: 30, baseDelayMs: 400, maxDelayMs: 8000 };

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class SaveFailed extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail);
  }
}

/** The problem a failed save ran into: the one it named, or whatever the Web API rejected with, classified. */
export const problemOf = (error: unknown): Problem => (error instanceof SaveFailed ? error.problem : classifyError(error));

/**
 * Runs `attempt` until it succeeds, retrying throttling and network failures a bounded number of times each, with
 * exponential backoff and a little jitter unless Dataverse said how long to wait. Everything else (privilege,
 * validation, not found, conflicts) fails at once: retrying it blindly can't help.
 */
export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy, sleep: Sleep): Promise<T> {
  let refused = 0;
  let lost = 0;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const problem = problemOf(error);
      if (!isTransient(problem)) throw new SaveFailed(problem);
      const throttled = problem.kind === "throttled";
      const tries = throttled ? ++refused : ++lost;
      if (tries >= (throttled ? policy.throttled : policy.attempts)) throw new SaveFailed(problem);
      await sleep(problem.retryAfterMs ?? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (tries - 1)) * (0.8 + 0.4 * Math.random()));
    }
  }
}
