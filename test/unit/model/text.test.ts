import { languageTag } from "../../../SessionRegistrationGrid/model/text";

describe("languageTag", () => {
  it("names the language of each Dataverse language the control ships strings for", () => {
    expect([1025, 1031, 1033, 1036, 1041].map(languageTag)).toEqual(["ar", "de", "en", "fr", "ja"]);
  });

  it("uses English for a language without strings, or when the user's language is unknown", () => {
    expect(languageTag(1043)).toBe("en");
    expect(languageTag(undefined)).toBe("en");
  });
});
