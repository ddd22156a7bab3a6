import { DUPLICATE_KEY, NOT_FOUND } from "../ManifestConstants";
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

/** 0x80072326: service protection, too many of the user's requests at once. */
const CONCURRENT_REQUESTS = -2147015898;

/** Error codes the grid explains: service protection limits (HTTP 429), missing privileges, a deleted record. */
const KIND_OF_CODE: Record<number, ProblemKind> = {
  [-2147015902]: "throttled", // number of requests
  [-2147015903]: "throttled", // execution time
  [CONCURRENT_REQUESTS]: "throttled",
  [-2147220960]: "privilege",
  [-2147187962]: "privilege",
  [NOT_FOUND]: "notFound",
};

/** Some hosts hand the code over unsigned (2147779592 for 0x80048408): compared as signed 32-bit. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the typings declare no error shape
const codeOf = (error: any) => (Number(error?.errorCode) || 0) | 0;

/**
 * Rejections carry `{ errorCode, message }` (service protection adds `retryAfter`, seconds); a lost
 * connection comes as a TypeError or a code-less "Failed to fetch" (Firefox: "NetworkError…", Safari: "Load failed").
 */
export function classifyError(error: unknown): Problem {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the typings declare no error shape
  const e: any = error ?? {};
  const detail = String(e.message ?? error);
  const code = codeOf(e);
  const kind: ProblemKind = e.status === 429 ? "throttled" : KIND_OF_CODE[code]
    ?? (code ? "rejected" : error instanceof TypeError || e.name === "NetworkError" || /network|fetch|offline|load failed/i.test(detail) ? "network" : "unknown");
  const wait = Number(e.retryAfter);
  return kind === "throttled" && wait >= 0 ? { kind, detail, retryAfterMs: wait * 1000 } : { kind, detail };
}

/** Dataverse refused a create because the primary key exists: an earlier attempt of the same create landed. */
export function isDuplicateKey(error: unknown): boolean {
  return codeOf(error) === DUPLICATE_KEY;
}

/**
 * Dataverse refused a request because too many of the user's were in flight at once: fewer at once is the cure.
 * The other two limits (requests and execution time over five minutes) refuse every call until their window moves.
 */
export function isConcurrencyRefusal(error: unknown): boolean {
  return codeOf(error) === CONCURRENT_REQUESTS;
}

/** Only these are retried without asking the user: the server never applied the change or may do so later. */
export function isTransient(problem: Problem): boolean {
  return problem.kind === "network" || problem.kind === "throttled";
}

/** The kinds whose explanation quotes Dataverse's own message: a business rule or a plug-in says what is wrong. */
export function saysItsWords(kind: ProblemKind): boolean {
  return kind === "rejected" || kind === "unknown";
}

/** The problem in words a person understands (resx Problem_<kind>), with the Dataverse message as {0}. */
export function explain(problem: Problem, text: Text): string {
  return text(`Problem_${problem.kind}`, problem.detail);
}
