/**
 * How many changes may be saving at once, paced the way TCP paces a connection (additive increase, multiplicative
 * decrease). Dataverse allows 52 concurrent requests per user and web server, shared with the user's other tabs
 * and apps, and refuses more with a service-protection error: the grid starts low, feels its way up while every
 * call is answered, and backs off at once when Dataverse says no.
 */

export interface Pace {
  /** Changes that may be saving at once. */
  limit: number;
  /** Answers in a row at this limit: `limit` of them add one. */
  streak: number;
  /** How many times the limit was halved: a call carries the round it was sent in. */
  round: number;
}

export const PACE = {
  start: 4,
  /** Well within Dataverse's 52, which this user's other tabs and flows share. */
  most: 16,
  least: 1,
} as const;

export const startingPace = (limit: number = PACE.start): Pace => ({ limit, streak: 0, round: 0 });

/**
 * A call sent in `round` was answered (a business rule's refusal is an answer too). It counts toward one more at
 * once only when it was sent at the current limit (`full`: every slot in use, so the limit was what held the
 * work back: a day of single presses proves nothing about sixteen at once) and in the current round (a call sent
 * before the last halving says nothing about the new limit).
 */
export function paceAfterAnswer(pace: Pace, round: number, full: boolean): Pace {
  if (!full || round !== pace.round) return pace;
  if (pace.streak + 1 < pace.limit) return { ...pace, streak: pace.streak + 1 };
  return { ...pace, limit: Math.min(PACE.most, pace.limit + 1), streak: 0 };
}

/**
 * Dataverse refused a call sent in `round` (service protection): half as many at once. Refusals of the other
 * calls sent in the same round are the same overload, already answered: the limit halves once per round.
 */
export function paceAfterRefusal(pace: Pace, round: number): Pace {
  if (round !== pace.round) return pace;
  return { limit: Math.max(PACE.least, Math.floor(pace.limit / 2)), streak: 0, round: pace.round + 1 };
}

/** Whether another change may start saving while `saving` are. */
export const hasRoom = (pace: Pace, saving: number): boolean => saving < pace.limit;
