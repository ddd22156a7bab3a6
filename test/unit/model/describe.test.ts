import { summarizeBulk } from "../../../SessionRegistrationGrid/model/bulkActions";
import { describeBulk, describeChange } from "../../../SessionRegistrationGrid/model/describe";
import { createText } from "../../../SessionRegistrationGrid/model/text";
import { loadStrings } from "../../fixtures/resx";

const strings = loadStrings();
const text = createText((key) => strings[key] ?? `[${key}]`, (n) => n.toLocaleString("en-US"), "en");

describe("describeChange", () => {
  it("names each kind of change that was not saved, both ways round", () => {
    expect(describeChange({ kind: "sync", synced: false }, text)).toBe("Synced: No");
    expect(describeChange({ kind: "status", state: 0, statusReason: 1 }, text)).toBe("Reactivation");
    expect(describeChange({ kind: "status", state: 1, statusReason: 2 }, text)).toBe("Cancellation");
    expect(describeChange({ kind: "record", checkIn: "k1", active: true }, text)).toBe("Restoring the check-in record");
    expect(describeChange({ kind: "record", checkIn: "k1", active: false }, text)).toBe("Taking back the check-in record");
    expect(describeChange({ kind: "undoCheckIn", checkIn: "k1", recorded: true }, text)).toBe("Undo of a check-in");
    expect(describeChange({ kind: "checkIn" }, text)).toBe("Check-in");
  });
});

describe("describeBulk", () => {
  it("counts the changes of a bulk run that wait for the connection", () => {
    const summary = summarizeBulk("activate", [
      { id: "a", result: "changed" },
      { id: "b", result: "waiting" },
      { id: "c", result: "waiting" },
    ]);
    expect(describeBulk(summary, text)).toBe("Activate: 1 activated, 2 changes waiting for connection.");
  });
});
