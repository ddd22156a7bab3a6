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
const PRIVILEGE_CODES: readonly number[] = [-2147220960, -2147187962, -2147204720];
const NOT_FOUND_CODES: readonly number[] = [-2147220969, -2147088239];

interface WebApiError {
  errorCode?: unknown;
  message?: unknown;
  name?: unknown;
  retryAfter?: unknown;
  status?: unknown;
}

function retryAfterMs(error: WebApiError): number | undefined {
  const seconds = Number(error.retryAfter);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

export function classifyError(error: unknown): Problem {
  const e = (error && typeof error === "object" ? error : { message: error }) as WebApiError;
  const detail = typeof e.message === "string" ? e.message : String(e.message ?? error ?? "");
  const code = typeof e.errorCode === "number" ? e.errorCode : Number(e.errorCode);
  if (THROTTLE_CODES.includes(code) || e.status === 429) return { kind: "throttled", detail, retryAfterMs: retryAfterMs(e) };
  if (PRIVILEGE_CODES.includes(code)) return { kind: "privilege", detail };
  if (NOT_FOUND_CODES.includes(code)) return { kind: "notFound", detail };
  const looksOffline = e.name === "NetworkError" || error instanceof TypeError || /network|failed to fetch|offline|timed? ?out/i.test(detail);
  if ((!code || code === 0) && looksOffline) return { kind: "network", detail };
  if (code) return { kind: "rejected", detail };
  return { kind: "unknown", detail };
}

/** Only these are retried without asking the user: the server never applied the change or may do so later. */
export function isTransient(problem: Problem): boolean {
  return problem.kind === "network" || problem.kind === "throttled";
}

/** The resx key that explains a problem to a person: Problem_<kind>, with the Dataverse message as {0}. */
export function problemKey(problem: Problem): string {
  return `Problem_${problem.kind}`;
}
