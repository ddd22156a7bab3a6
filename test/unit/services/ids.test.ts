import { newGuid } from "../../../SessionRegistrationGrid/services/ids";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newGuid", () => {
  it("is a lower-case version 4 GUID without braces", () => {
    expect(newGuid()).toMatch(GUID);
  });

  it("works on a page that is not a secure context (plain http): no crypto.randomUUID there, only getRandomValues", () => {
    const randomUUID = crypto.randomUUID;
    Object.defineProperty(crypto, "randomUUID", { configurable: true, value: undefined });
    try {
      const made = Array.from({ length: 200 }, newGuid);
      for (const id of made) expect(id).toMatch(GUID);
      expect(new Set(made).size).toBe(200);
    } finally {
      Object.defineProperty(crypto, "randomUUID", { configurable: true, value: randomUUID });
    }
  });
});
