import { buildColumns } from "../../../SessionRegistrationGrid/model/columns";
import { readLookup, reuseUnchangedRows, toRow, type RecordSource } from "../../../SessionRegistrationGrid/model/rows";
import { sameData } from "../../../SessionRegistrationGrid/model/sameData";
import type { ViewColumn } from "../../../SessionRegistrationGrid/model/types";

const view: ViewColumn[] = [
  { name: "msevtmgt_name", displayName: "Registration ID", dataType: "SingleLine.Text", order: 0, visualSizeFactor: 200, isPrimary: true },
  { name: "msevtmgt_contactid", displayName: "Contact", dataType: "Lookup.Simple", order: 1, visualSizeFactor: 150 },
  { name: "statuscode", displayName: "Status Reason", dataType: "OptionSet", order: 2, visualSizeFactor: 100 },
  { name: "msevtmgt_syncedwithprovider", displayName: "Synced", dataType: "OptionSet", order: 3, visualSizeFactor: 100 },
  { name: "msevtmgt_timescheckedin", displayName: "Times", dataType: "Whole.None", order: 4, visualSizeFactor: 100 },
  { name: "createdon", displayName: "Created On", dataType: "DateAndTime.DateAndTime", order: 5, visualSizeFactor: 100 },
];
const columns = buildColumns(view, { checkIn: "Check-in", count: "Times checked in" }, 0);

function record(id: string, values: Record<string, unknown>, formatted: Record<string, string> = {}): RecordSource {
  return { getRecordId: () => id, getValue: (c) => values[c] ?? null, getFormattedValue: (c) => formatted[c] ?? null };
}

const mallory = record(
  "r1",
  {
    msevtmgt_name: "Mallory <img src=x onerror=alert(1)>",
    msevtmgt_contactid: { id: { guid: "c1" }, name: "Mallory", etn: "contact" },
    statuscode: 2,
    statecode: 1,
    msevtmgt_syncedwithprovider: 100000002,
    msevtmgt_timescheckedin: 3,
    versionnumber: "12345",
  },
  { msevtmgt_name: "Mallory <img src=x onerror=alert(1)>", statuscode: "Inactive", createdon: "11/2/2026 9:15 AM" },
);

describe("toRow", () => {
  it("maps a dataset record to plain fields and formatted cells", () => {
    const row = toRow(mallory, columns, "(No name)");
    expect(row).toEqual({
      id: "r1",
      name: "Mallory <img src=x onerror=alert(1)>",
      fields: { timesCheckedIn: 3, synced: true, state: 1, statusReason: 2 },
      statusLabel: "Inactive",
      cells: {
        msevtmgt_name: { text: "Mallory <img src=x onerror=alert(1)>" },
        msevtmgt_contactid: { text: "Mallory", lookup: { id: "c1", name: "Mallory", entityType: "contact" } },
        createdon: { text: "11/2/2026 9:15 AM" },
      },
      refs: { contact: { id: "c1", name: "Mallory", entityType: "contact" }, session: undefined, event: undefined, eventRegistration: undefined },
    });
  });

  it("derives the state from the documented pairs when the view lacks statecode, and reads unset values as null", () => {
    const row = toRow(record("r2", { statuscode: 1 }), columns, "(No name)");
    expect(row.fields).toEqual({ timesCheckedIn: null, synced: null, state: 0, statusReason: 1 });
  });

  it("names a registration by its own name, else by its attendee, else says it has none", () => {
    const contact = { msevtmgt_contactid: { id: { guid: "c9" }, name: "Zoë Young", etn: "contact" } };
    expect(toRow(record("r3", contact), columns, "(No name)").name).toBe("Zoë Young");
    expect(toRow(record("r4", { ...contact, msevtmgt_name: "SR-0042" }), columns, "(No name)").name).toBe("SR-0042");
    expect(toRow(record("r5", {}), columns, "(No name)").name).toBe("(No name)");
  });

  it("trims the name, and calls a blank one no name", () => {
    expect(toRow(record("r6", { msevtmgt_name: "  SR-0042 " }), columns, "(No name)").name).toBe("SR-0042");
    expect(toRow(record("r7", { msevtmgt_name: "   " }), columns, "(No name)").name).toBe("(No name)");
  });

  it("reads an empty value from a model-driven app as unset, not as zero", () => {
    const row = toRow(record("r8", { msevtmgt_timescheckedin: "", msevtmgt_syncedwithprovider: "", statuscode: "" }), columns, "(No name)");
    expect(row.fields).toEqual({ timesCheckedIn: null, synced: null, state: 0, statusReason: 1 });
  });

  it("reads the synced choice as yes, no or unset, as a string or a number", () => {
    const synced = (value: unknown) => toRow(record("r9", { msevtmgt_syncedwithprovider: value }), columns, "(No name)").fields.synced;
    expect([synced("100000002"), synced(100000001), synced("100000001"), synced(null), synced(7)]).toEqual([true, false, false, null, null]);
  });

  it("takes an inactive status reason without statecode as a cancelled registration", () => {
    expect(toRow(record("r10", { statuscode: "2" }), columns, "(No name)").fields).toMatchObject({ state: 1, statusReason: 2 });
  });

  it("shows an empty lookup cell as empty text", () => {
    const row = toRow(record("r11", {}), columns, "(No name)");
    expect(row.cells.msevtmgt_contactid).toEqual({ text: "", lookup: undefined });
  });
});

describe("the lookups a check-in record binds to", () => {
  it("are read from the dataset whether the view shows them or not", () => {
    const row = toRow(record("r9", {
      msevtmgt_contactid: { id: { guid: "c9" }, name: "Zoë Young", etn: "contact" },
      msevtmgt_sessionid: { id: { guid: "s9" }, name: "Keynote", etn: "msevtmgt_session" },
      msevtmgt_event: { id: { guid: "e9" }, name: "Summit", etn: "msevtmgt_event" },
      msevtmgt_registrationid: { id: { guid: "r9e" }, name: "CBAS25-000009", etn: "msevtmgt_eventregistration" },
    }), columns, "(No name)");
    expect(Object.fromEntries(Object.entries(row.refs).map(([k, v]) => [k, v?.id]))).toEqual({ contact: "c9", session: "s9", event: "e9", eventRegistration: "r9e" });
  });
});

describe("readLookup", () => {
  it("reads the shapes hosts use for EntityReference", () => {
    expect(readLookup({ id: "s1", name: "Keynote", entityType: "msevtmgt_session" })).toEqual({ id: "s1", name: "Keynote", entityType: "msevtmgt_session" });
    expect(readLookup([{ id: { guid: "e1" }, name: "Summit", etn: "msevtmgt_event" }])).toEqual({ id: "e1", name: "Summit", entityType: "msevtmgt_event" });
    expect(readLookup(null)).toBeUndefined();
    expect(readLookup({ name: "no id" })).toBeUndefined();
  });

  it("gives a lookup without name or table empty strings, never undefined", () => {
    expect(readLookup({ id: "s1" })).toEqual({ id: "s1", name: "", entityType: "" });
  });
});

describe("reuseUnchangedRows", () => {
  it("keeps the previous object for rows whose content is the same, and takes the new one otherwise", () => {
    const before = [toRow(mallory, columns, "(No name)"), toRow(record("r2", { statuscode: 1, msevtmgt_timescheckedin: 0 }), columns, "(No name)")];
    const previous = new Map(before.map((r) => [r.id, r]));
    const after = [toRow(mallory, columns, "(No name)"), toRow(record("r2", { statuscode: 1, msevtmgt_timescheckedin: 1 }), columns, "(No name)")];
    const reused = reuseUnchangedRows(previous, after);
    expect(reused[0]).toBe(before[0]);
    expect(reused[1]).toBe(after[1]);
    expect(reused[1].fields.timesCheckedIn).toBe(1);
  });
});

describe("sameData (the comparison behind reuseUnchangedRows)", () => {
  const row = () => toRow(mallory, columns, "(No name)");
  it("is true for rows built from the same values, and false when any nested value differs", () => {
    expect(sameData(row(), row())).toBe(true);
    const changedLookup = row();
    changedLookup.refs.contact = { ...changedLookup.refs.contact!, name: "Someone else" };
    expect(sameData(row(), changedLookup)).toBe(false);
    const changedCell = row();
    (changedCell.cells as Record<string, { text: string }>)[Object.keys(changedCell.cells)[0]] = { text: "other" };
    expect(sameData(row(), changedCell)).toBe(false);
  });
  it("tells a missing key from an extra one, null from absent, and 0 from null", () => {
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(false);
    expect(sameData({ a: null }, { a: undefined })).toBe(false);
    expect(sameData({ a: 0 }, { a: null })).toBe(false);
    expect(sameData({ a: "" }, { a: 0 })).toBe(false);
    expect(sameData({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toBe(true);
    expect(sameData({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toBe(false);
  });
});
