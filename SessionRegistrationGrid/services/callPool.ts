import { hasRoom, paceAfterAnswer, paceAfterRefusal, startingPace, type Pace } from "../model/concurrency";
import { classifyError, isConcurrencyRefusal } from "../model/errors";
import type { Sleep } from "./retry";

export interface CallPoolOptions {
  /** How many changes are saving now (each makes one call at a time). */
  saving(): number;
  /** There may be room again (the limit rose, a wait is over): start what is queued. */
  ready(): void;
  sleep: Sleep;
  /** Changes saving at once to begin with (the pace's start, 4, unless a test needs another). */
  start?: number;
}

export interface CallPool {
  /** Whether another change may start saving now. */
  hasRoom(): boolean;
  /** The store, with each of its calls' answers and refusals told to the pace. */
  watch<S extends object>(store: S): S;
  pace(): Pace;
}

/**
 * Applies the pace (model/concurrency.ts) to the editor's saving slots: a change starts only while there is room,
 * and every call the saves make is watched. A service-protection refusal halves the room; a refusal of the
 * requests or execution-time kind (which refuse everything until their five-minute window moves) also holds
 * every new start for its Retry-After. The refused call itself is retried by its change (retry.ts), after the
 * same wait, from a fresh read.
 *
 * Only starts wait, never a change's next call: a write held back behind a full pool would go out later than
 * one round trip after its fresh read.
 */
export function createCallPool(options: CallPoolOptions): CallPool {
  let pace = startingPace(options.start);
  let holds = 0;

  const hold = (ms: number) => {
    holds++;
    void options.sleep(ms).then(() => {
      holds--;
      options.ready();
    });
  };

  const send = async <T>(call: () => Promise<T>): Promise<T> => {
    const { round } = pace;
    const full = options.saving() >= pace.limit;
    const answered = () => {
      const before = pace.limit;
      pace = paceAfterAnswer(pace, round, full);
      if (pace.limit > before) options.ready();
    };
    try {
      const answer = await call();
      answered();
      return answer;
    } catch (error) {
      const problem = classifyError(error);
      if (problem.kind === "throttled") {
        pace = paceAfterRefusal(pace, round);
        if (!isConcurrencyRefusal(error) && problem.retryAfterMs) hold(problem.retryAfterMs);
      } else if (problem.kind !== "network") answered();
      throw error;
    }
  };

  return {
    hasRoom: () => !holds && hasRoom(pace, options.saving()),
    watch<S extends object>(store: S): S {
      const calls = store as Record<string, unknown>;
      const watched: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(calls)) {
        watched[name] = typeof value === "function" ? (...args: unknown[]) => send(() => value.apply(store, args)) : value;
      }
      return watched as S;
    },
    pace: () => pace,
  };
}
