import { classifyError, isTransient } from "../../../SessionRegistrationGrid/model/errors";

describe("classifyError", () => {
  it.each([-2147015902, -2147015903, -2147015898])("treats service protection code %p as throttling and honours Retry-After", (errorCode) => {
    const problem = classifyError({ errorCode, message: "Number of requests exceeded the limit", retryAfter: 3 });
    expect(problem).toEqual({ kind: "throttled", detail: "Number of requests exceeded the limit", retryAfterMs: 3000 });
    expect(isTransient(problem)).toBe(true);
  });

  it("treats network failures as transient", () => {
    expect(classifyError({ errorCode: 0, message: "Failed to fetch", name: "NetworkError" }).kind).toBe("network");
    expect(classifyError(new TypeError("Failed to fetch")).kind).toBe("network");
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
