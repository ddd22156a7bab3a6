import { DUPLICATE_KEY } from "../ManifestConstants";
import type { Text } from "./text";

/** Turns whatever context.webAPI rejected with into a kind the grid can explain and a policy can retry. */

export type ProblemKind = "network" | "throttled" | "privilege" | "notFound" | "rejected" | "conflict" | "inactive" | "unknown";

export interface Problem {
  kind: ProblemKind;
  /** The Dataverse message, shown quoted for rejected and unknown errors. */
  detail: string;
  /** Service protection tells how long to wait. */
  retryAfterMs?: number;
}

/** Service protection limits: number of requests, execution time, concurrent requests (HTTP 429). */
export const THROTTLE_CODES: readonly number[] = [-2147015902, -2147015903, -2147015898];
const PRIVILEGE_CODES: readonly number[] = [-2147220960, -2147187962];
const NOT_FOUND_CODES: readonly number[] = [-2147220969];

/**
 * Rejections carry `{ errorCode, message }` (service protection adds `retryAfter`, seconds); a lost
 * connection comes as a TypeError or a code-less "Failed to fetch".
 */
export function classifyError(error: unknown): Problem {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the typings declare no error shape
  const e: any = error ?? {};
  const detail = String(e.message ?? error);
  // Some hosts hand the code over unsigned (2147779592 for 0x80048408): compare as signed 32-bit.
  const code = (Number(e.errorCode) || 0) | 0;
  if (THROTTLE_CODES.includes(code) || e.status === 429) {
    const wait = Number(e.retryAfter);
    return { kind: "throttled", detail, retryAfterMs: wait >= 0 ? wait * 1000 : undefined };
  }
  const kind = PRIVILEGE_CODES.includes(code)
    ? "privilege"
    : NOT_FOUND_CODES.includes(code)
      ? "notFound"
      : code
        ? "rejected"
        : error instanceof TypeError || e.name === "NetworkError" || /network|fetch|offline/i.test(detail)
          ? "network"
          : "unknown";
  return { kind, detail };
}

/** Dataverse refused a create because the primary key exists: an earlier attempt of the same create landed. */
export function isDuplicateKey(error: unknown): boolean {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the typings declare no error shape
  return ((Number((error as any)?.errorCode) || 0) | 0) === DUPLICATE_KEY;
}

/** Only these are retried without asking the user: the server never applied the change or may do so later. */
export function isTransient(problem: Problem): boolean {
  return problem.kind === "network" || problem.kind === "throttled";
}

/** The problem in words a person understands (resx Problem_<kind>), with the Dataverse message as {0}. */
export function explain(problem: Problem, text: Text): string {
  return text(`Problem_${problem.kind}`, problem.detail);
}
