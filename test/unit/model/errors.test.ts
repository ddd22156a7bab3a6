import { classifyError, explain, isConcurrencyRefusal, isDuplicateKey, isTransient } from "../../../SessionRegistrationGrid/model/errors";
import { createText } from "../../../SessionRegistrationGrid/model/text";
import { loadStrings } from "../../fixtures/resx";

describe("classifyError", () => {
  it.each([-2147015902, -2147015903, -2147015898])("treats service protection code %p as throttling and honours Retry-After", (errorCode) => {
    const problem = classifyError({ errorCode, message: "Number of requests exceeded the limit", retryAfter: 3 });
    expect(problem).toEqual({ kind: "throttled", detail: "Number of requests exceeded the limit", retryAfterMs: 3000 });
    expect(isTransient(problem)).toBe(true);
  });

  it("tells a refusal of too many at once (fewer at once cures it) from the two window limits, signed or not", () => {
    expect([-2147015898, -2147015898 >>> 0].map((errorCode) => isConcurrencyRefusal({ errorCode, message: "" }))).toEqual([true, true]);
    expect([-2147015902, -2147015903, 0].map((errorCode) => isConcurrencyRefusal({ errorCode, message: "" }))).toEqual([false, false, false]);
    expect(isConcurrencyRefusal({ status: 429, message: "Too Many Requests" })).toBe(false);
  });

  it("treats network failures as transient", () => {
    expect(classifyError({ errorCode: 0, message: "Failed to fetch", name: "NetworkError" }).kind).toBe("network");
    expect(classifyError(new TypeError("Failed to fetch")).kind).toBe("network");
    expect(isTransient(classifyError(new TypeError("Failed to fetch")))).toBe(true);
  });

  it("recognises a lost connection by its TypeError or its NetworkError name whatever the browser's wording", () => {
    // Safari says "Load failed"; neither message names the network.
    expect(classifyError(new TypeError("Load failed")).kind).toBe("network");
    expect(classifyError({ name: "NetworkError", message: "The request could not be completed" }).kind).toBe("network");
    expect(classifyError({ message: "You are offline" }).kind).toBe("network");
    expect(classifyError({ name: "Error", message: "The request could not be completed" }).kind).toBe("unknown");
  });

  it("treats an HTTP 429 answer without a service protection code as throttling", () => {
    expect(classifyError({ status: 429, message: "Too Many Requests", retryAfter: 2 })).toEqual({ kind: "throttled", detail: "Too Many Requests", retryAfterMs: 2000 });
  });

  it("a throttled answer without a wait interval leaves the wait to the retry policy's backoff", () => {
    const problem = classifyError({ errorCode: -2147015902, message: "Number of requests exceeded the limit" });
    expect(problem).toEqual({ kind: "throttled", detail: "Number of requests exceeded the limit" });
    expect(problem).not.toHaveProperty("retryAfterMs");
  });

  it("a throttled answer that says to retry after 0 seconds retries at once", () => {
    expect(classifyError({ errorCode: -2147015898, message: "Concurrent requests", retryAfter: 0 }).retryAfterMs).toBe(0);
  });

  it("takes a wait interval only from throttling, never from other rejections", () => {
    const problem = classifyError({ errorCode: -2147220989, message: "A validation error occurred.", retryAfter: 5 });
    expect(problem).toEqual({ kind: "rejected", detail: "A validation error occurred." });
  });

  it("does not retry privilege, missing-row or validation errors", () => {
    const privilege = classifyError({ errorCode: -2147220960, message: "missing prvWrite" });
    const notFound = classifyError({ errorCode: -2147220969, message: "Does Not Exist" });
    const invalid = classifyError({ errorCode: -2147220989, message: "A validation error occurred." });
    expect([privilege.kind, notFound.kind, invalid.kind]).toEqual(["privilege", "notFound", "rejected"]);
    expect([privilege, notFound, invalid].some(isTransient)).toBe(false);
    expect(invalid.detail).toBe("A validation error occurred.");
  });

  it("keeps the message of anything else", () => {
    expect(classifyError("boom")).toEqual({ kind: "unknown", detail: "boom" });
  });
});

describe("isDuplicateKey", () => {
  it("tells a create whose key exists already, and is false for a rejection that carries nothing", () => {
    expect(isDuplicateKey({ errorCode: -2147220937, message: "A record with matching key values already exists." })).toBe(true);
    expect(isDuplicateKey({ errorCode: -2147220989 })).toBe(false);
    expect(isDuplicateKey(undefined)).toBe(false);
    expect(isDuplicateKey(null)).toBe(false);
  });
});

describe("explain", () => {
  const strings = loadStrings();
  const text = createText((key) => strings[key] ?? `[${key}]`, String, "en");
  it("puts each kind of problem in words, quoting the Dataverse message where it helps", () => {
    expect(explain({ kind: "network", detail: "Failed to fetch" }, text)).toBe("The connection to Dataverse was lost. Check your network, then choose Retry.");
    expect(explain({ kind: "rejected", detail: "Name is required" }, text)).toBe('Dataverse refused the change: "Name is required". Correct it and choose Retry, or choose Discard.');
  });
});
