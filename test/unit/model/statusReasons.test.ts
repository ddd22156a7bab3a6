import { fallbackStatusReasons, readStatusReasons } from "../../../SessionRegistrationGrid/model/statusReasons";

const fallback = fallbackStatusReasons("Active", "Inactive");
const metadata = (options: unknown[]) => ({ Attributes: { statuscode: { attributeDescriptor: { OptionSet: options } } } });
const registered = { Value: 1, Label: "Registered", State: 0 };
const canceled = { Value: 2, Label: "Canceled", State: 1 };
const usable = [{ value: 1, label: "Registered", state: 0 }, { value: 2, label: "Canceled", state: 1 }];

describe("readStatusReasons", () => {
  it("leaves out options without a whole value, a state, or a text label", () => {
    const options = [
      registered,
      { Label: "No value", State: 0 },
      { Value: 100000001, Label: "No state" },
      { Value: 100000002, Label: { UserLocalizedLabel: "Label as an object" }, State: 1 },
      { Value: 1.5, Label: "Fractional", State: 0 },
      canceled,
    ];
    expect(readStatusReasons(metadata(options), fallback)).toEqual(usable);
  });

  it("skips holes in the option list instead of failing", () => {
    expect(readStatusReasons(metadata([null, registered, undefined, canceled]), fallback)).toEqual(usable);
  });

  it("falls back when no option is inactive, whatever other states the options name", () => {
    expect(readStatusReasons(metadata([registered, { Value: 3, Label: "Other", State: 2 }]), fallback)).toBe(fallback);
    expect(readStatusReasons(metadata([{ Value: 3, Label: "Other", State: 2 }]), fallback)).toBe(fallback);
  });
});
