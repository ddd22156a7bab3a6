import { classifyError, isTransient, type Problem } from "../model/errors";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** About 3 s of retries before the user is asked: "Saving…" shows meanwhile. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 400, maxDelayMs: 8000 };

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
 * Runs `attempt` until it succeeds, retrying throttling and network failures a bounded number of times, with
 * exponential backoff and a little jitter unless Dataverse said how long to wait. Everything else (privilege,
 * validation, not found, conflicts) fails at once: retrying it blindly can't help.
 */
export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy, sleep: Sleep): Promise<T> {
  for (let tryNumber = 0; ; tryNumber++) {
    try {
      return await attempt();
    } catch (error) {
      const problem = problemOf(error);
      if (!isTransient(problem) || tryNumber + 1 >= policy.attempts) throw new SaveFailed(problem);
      await sleep(problem.retryAfterMs ?? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** tryNumber) * (0.8 + 0.4 * Math.random()));
    }
  }
}
