import { allowedBulkActions, failedOutcome, bulkEdit, needsConfirmation, summarizeBulk } from "../../../SessionRegistrationGrid/model/bulkActions";
import { checkedInMessage, describeBulk, describeChange } from "../../../SessionRegistrationGrid/model/describe";
import { fallbackStatusReasons } from "../../../SessionRegistrationGrid/model/statusReasons";
import { createText } from "../../../SessionRegistrationGrid/model/text";
import { loadStrings } from "../../fixtures/resx";

const strings = loadStrings();
const text = createText((key) => strings[key] ?? `[${key}]`, (n) => n.toLocaleString("en-US"), "en");
const fallback = fallbackStatusReasons("Active", "Inactive");
const active = { timesCheckedIn: 0, synced: false, state: 0, statusReason: 1 };

describe("bulk actions", () => {
  it("lists the actions the policy allows", () => {
    expect(allowedBulkActions({ checkIn: true, sync: false, status: true, records: { create: true } })).toEqual(["checkIn", "deactivate", "activate"]);
  });

  it("offers only marking synced and not synced when the sync flag is the one edit allowed", () => {
    expect(allowedBulkActions({ checkIn: false, sync: true, status: false, records: { create: true } })).toEqual(["markSynced", "markNotSynced"]);
  });

  it("marks synced with Yes and not synced with No", () => {
    expect(bulkEdit("markSynced", active, fallback)).toEqual({ kind: "sync", synced: true });
    expect(bulkEdit("markNotSynced", active, fallback)).toEqual({ kind: "sync", synced: false });
  });

  it("makes no edit of its own for undoing a bulk check-in: each row's undo names its own check-in, never a cancellation", () => {
    expect(bulkEdit("undoCheckIn", active, fallback)).toBeUndefined();
  });

  it("makes the edit for each action and skips field edits on cancelled rows", () => {
    expect(bulkEdit("checkIn", active, fallback)).toEqual({ kind: "checkIn" });
    expect(bulkEdit("markNotSynced", active, fallback)).toEqual({ kind: "sync", synced: false });
    expect(bulkEdit("deactivate", active, fallback)).toEqual({ kind: "status", state: 1, statusReason: 2 });
    expect(bulkEdit("checkIn", { ...active, state: 1 }, fallback)).toBeUndefined();
    expect(bulkEdit("markSynced", { ...active, state: 1 }, fallback)).toBeUndefined();
    expect(bulkEdit("activate", { ...active, state: 1 }, fallback)).toEqual({ kind: "status", state: 0, statusReason: 1 });
  });

  it("asks before cancelling more than one registration", () => {
    expect(needsConfirmation("deactivate", 2)).toBe(true);
    expect(needsConfirmation("deactivate", 1)).toBe(false);
    expect(needsConfirmation("activate", 30)).toBe(false);
  });
});

describe("a bulk run's summary", () => {
  it("groups failures by reason, counts what changed apart from what already was so, and keeps the failed rows", () => {
    const summary = summarizeBulk("activate", [
      ...Array.from({ length: 7 }, (_, i) => ({ id: `c${i}`, result: "changed" as const })),
      ...Array.from({ length: 23 }, (_, i) => ({ id: `a${i}`, result: "already" as const })),
      ...Array.from({ length: 24 }, (_, i) => ({ id: `n${i}`, result: "failed" as const, problem: "network" as const })),
      { id: "p1", result: "failed", problem: "privilege" },
    ]);
    expect(summary).toMatchObject({ action: "activate", changed: 7, already: 23, skipped: 0, notStarted: 0 });
    expect(summary.failedByReason).toEqual([{ problem: "network", count: 24 }, { problem: "privilege", count: 1 }]);
    expect(summary.failedIds).toHaveLength(25);
    expect(describeBulk(summary, text)).toBe("Activate: 7 activated, 23 were already active, 24 not saved: no connection, 1 not saved: no permission.");
  });

  it("quotes Dataverse's words for each group of refusals: the same words are one group, other words another (issue 21)", () => {
    const closed = { kind: "rejected" as const, detail: "Check-in is closed for this session" };
    const summary = summarizeBulk("checkIn", [
      failedOutcome("a", closed),
      failedOutcome("b", closed),
      failedOutcome("c", { kind: "rejected", detail: "The attendee is banned" }),
      failedOutcome("d", closed),
      failedOutcome("e", { kind: "network", detail: "Failed to fetch" }),
      { id: "f", result: "changed" },
    ]);
    expect(summary.failedByReason).toEqual([
      { problem: "rejected", detail: "Check-in is closed for this session", count: 3 },
      { problem: "rejected", detail: "The attendee is banned", count: 1 },
      { problem: "network", count: 1 },
    ]);
    expect(describeBulk(summary, text)).toBe(
      "Check in: 1 checked in, 3 refused by Dataverse: “Check-in is closed for this session”, 1 refused by Dataverse: “The attendee is banned”, 1 not saved: no connection.",
    );
  });

  it("lists the largest group of failures first, whatever order they came in", () => {
    const summary = summarizeBulk("markSynced", [
      { id: "p1", result: "failed", problem: "privilege" },
      { id: "c1", result: "failed", problem: "conflict" },
      { id: "n1", result: "failed", problem: "network" },
      { id: "n2", result: "failed", problem: "network" },
      { id: "c2", result: "failed", problem: "conflict" },
      { id: "n3", result: "failed", problem: "network" },
    ]);
    expect(summary.failedByReason).toEqual([{ problem: "network", count: 3 }, { problem: "conflict", count: 2 }, { problem: "privilege", count: 1 }]);
    expect(summary.failedIds).toEqual(["p1", "c1", "n1", "n2", "c2", "n3"]);
  });

  it("names the action, and leaves out a zero that says nothing", () => {
    expect(describeBulk(summarizeBulk("checkIn", [{ id: "a", result: "changed" }]), text)).toBe("Check in: 1 checked in.");
    const cancelled = summarizeBulk("deactivate", [{ id: "a", result: "already" }, { id: "b", result: "notStarted" }, { id: "c", result: "skipped" }]);
    expect(describeBulk(cancelled, text)).toBe("Deactivate: 1 was already inactive, 1 skipped: cancelled registrations can't be changed, 1 not started.");
    expect(describeBulk(summarizeBulk("markSynced", []), text)).toBe("Mark synced: 0 marked synced.");
  });
});

describe("messages", () => {
  it("says who was checked in, and which time for someone already in", () => {
    expect(checkedInMessage("Ana Silva", 1, text)).toBe("Ana Silva checked in");
    expect(checkedInMessage("Ana Silva", 2, text)).toBe("Ana Silva checked in — 2nd time");
    expect(checkedInMessage("Ana Silva", 23, text)).toBe("Ana Silva checked in — 23rd time");
  });

  it("describes a change that was not saved", () => {
    expect(describeChange({ kind: "count", value: 7 }, text)).toBe("Count 7");
    expect(describeChange({ kind: "sync", synced: true }, text)).toBe("Synced: Yes");
    expect(describeChange({ kind: "status", state: 1, statusReason: 2 }, text)).toBe("Cancellation");
    expect(describeChange({ kind: "checkIn" }, text)).toBe("Check-in");
  });
});
