import { classifyError, isTransient, type Problem } from "../model/errors";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 15000 };

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with a little jitter, unless Dataverse said how long to wait. */
export function delayFor(problem: Problem, attempt: number, policy: RetryPolicy): number {
  if (problem.retryAfterMs !== undefined) return problem.retryAfterMs;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(exponential * (0.8 + 0.4 * Math.random()));
}

export class SaveFailed extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail);
  }
}

/**
 * Runs `attempt` until it succeeds, retrying throttling and network failures a bounded number of times.
 * Everything else (privilege, validation, not found) fails at once: retrying it blindly can't help.
 * `attempt` gets the number of the try and the previous failure, so it can tell a lost response from a refusal.
 */
export async function withRetries<T>(
  attempt: (tryNumber: number, previous: Problem | undefined) => Promise<T>,
  policy: RetryPolicy,
  sleep: Sleep,
): Promise<T> {
  let previous: Problem | undefined;
  for (let tryNumber = 0; ; tryNumber++) {
    try {
      return await attempt(tryNumber, previous);
    } catch (error) {
      const problem = error instanceof SaveFailed ? error.problem : classifyError(error);
      if (!isTransient(problem) || tryNumber + 1 >= policy.attempts) throw new SaveFailed(problem);
      previous = problem;
      await sleep(delayFor(problem, tryNumber, policy));
    }
  }
}
