import { buildColumns } from "../../../SessionRegistrationGrid/model/columns";
import { readLookup, toRow, type RecordSource } from "../../../SessionRegistrationGrid/model/rows";
import { createRowSet } from "../../../SessionRegistrationGrid/model/rowSet";
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

describe("the row set: rows read lazily, kept across loads", () => {
  /** Records that count how often their values are asked for. */
  let reads = 0;
  const counted = (id: string, values: Record<string, unknown>): RecordSource => {
    const source = record(id, values);
    return { ...source, getValue: (c) => (reads++, source.getValue(c)), getFormattedValue: (c) => (reads++, source.getFormattedValue(c)) };
  };
  const load = (values: Record<string, Record<string, unknown>>) => Object.fromEntries(Object.entries(values).map(([id, v]) => [id, counted(id, v)]));
  const never: string[] = [];

  it("reads no record until a row's values are asked for, then reads that one once and keeps it", () => {
    reads = 0;
    const set = createRowSet("(No name)");
    const { rows } = set.update(load({ a: { msevtmgt_name: "Ana Silva", msevtmgt_timescheckedin: 2 }, b: { msevtmgt_name: "Bo" } }), ["a", "b"], columns, never);
    expect(rows.map((r) => r.id)).toEqual(["a", "b"]);
    expect(reads).toBe(0);
    expect(rows[0].cells).toBe(rows[0].cells);
    const after = reads;
    expect(rows[0].name).toBe("Ana Silva");
    expect(rows[0].fields.timesCheckedIn).toBe(2);
    expect(reads).toBe(after);
  });

  it("a refresh with new record objects and the same values keeps every row and the array; it reads only the rows read before", () => {
    const set = createRowSet("(No name)");
    const first = set.update(load({ a: { msevtmgt_name: "A" }, b: { msevtmgt_name: "B" }, c: { msevtmgt_name: "C" } }), ["a", "b", "c"], columns, never);
    void first.rows[1].cells;
    reads = 0;
    const second = set.update(load({ a: { msevtmgt_name: "A" }, b: { msevtmgt_name: "B" }, c: { msevtmgt_name: "C" } }), ["a", "b", "c"], columns, never);
    expect(second.rows).toBe(first.rows);
    expect(second.changed).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    const readForB = reads;
    expect(first.rows[0].name).toBe("A");
    expect(reads).toBeGreaterThan(readForB);
  });

  it("a row read before whose values changed is replaced (the list re-renders it); an unread one shows the new values", () => {
    const set = createRowSet("(No name)");
    const first = set.update(load({ a: { msevtmgt_timescheckedin: 1 }, b: { msevtmgt_timescheckedin: 1 } }), ["a", "b"], columns, never);
    void first.rows[0].cells;
    const second = set.update(load({ a: { msevtmgt_timescheckedin: 4 }, b: { msevtmgt_timescheckedin: 7 } }), ["a", "b"], columns, never);
    expect(second.changed).toEqual(["a"]);
    expect(second.rows[0]).not.toBe(first.rows[0]);
    expect(second.rows[0].fields.timesCheckedIn).toBe(4);
    expect(second.rows[1]).toBe(first.rows[1]);
    expect(second.rows[1].fields.timesCheckedIn).toBe(7);
  });

  it("a search reads who each registration is without drawing its row: a later load compares nothing, and the same person keeps the same lookups (the search's words)", () => {
    const set = createRowSet("(No name)");
    const ana = { msevtmgt_name: "Ana Silva", msevtmgt_contactid: { id: { guid: "c1" }, name: "Ana Silva", etn: "contact" } };
    const first = set.update(load({ a: ana, b: { msevtmgt_name: "Bo" } }), ["a", "b"], columns, never);
    expect(first.rows.map((r) => r.name)).toEqual(["Ana Silva", "Bo"]);
    const refs = first.rows[0].refs;
    expect(refs.contact?.name).toBe("Ana Silva");
    reads = 0;
    const second = set.update(load({ a: ana, b: { msevtmgt_name: "Bo" } }), ["a", "b"], columns, never);
    expect(reads).toBe(0);
    expect(second.rows).toBe(first.rows);
    expect(second.rows[0].refs).toBe(refs);
    const third = set.update(load({ a: { ...ana, msevtmgt_contactid: { id: { guid: "c2" }, name: "Ana Souza", etn: "contact" } }, b: { msevtmgt_name: "Bo" } }), ["a", "b"], columns, never);
    expect(third.rows[0].refs).not.toBe(refs);
    expect(third.rows[0].refs.contact?.name).toBe("Ana Souza");
  });

  it("a row whose fields alone were read (a count) reads them again from a new record; a watched one (with edits) says it changed", () => {
    const set = createRowSet("(No name)");
    const first = set.update(load({ a: { msevtmgt_timescheckedin: 1 }, b: { msevtmgt_timescheckedin: 1 } }), ["a", "b"], columns, never);
    expect(first.rows.map((r) => r.fields.timesCheckedIn)).toEqual([1, 1]);
    const second = set.update(load({ a: { msevtmgt_timescheckedin: 2 }, b: { msevtmgt_timescheckedin: 3 } }), ["a", "b"], columns, ["b"]);
    expect(second.changed).toEqual(["b"]);
    expect(second.rows).toBe(first.rows);
    expect(second.rows.map((r) => r.fields.timesCheckedIn)).toEqual([2, 3]);
  });

  it("a watched row whose fields alone were read may leave the view (deactivated in bulk, in a view of active ones): it goes, nothing is read for it", () => {
    const set = createRowSet("(No name)");
    const first = set.update(load({ a: { msevtmgt_timescheckedin: 1 }, b: { msevtmgt_timescheckedin: 1 } }), ["a", "b"], columns, never);
    void first.rows.map((r) => r.fields);
    const second = set.update(load({ b: { msevtmgt_timescheckedin: 1 } }), ["b"], columns, ["a"]);
    expect(second.rows.map((r) => r.id)).toEqual(["b"]);
    expect(second.rows[0]).toBe(first.rows[1]);
    expect(second.changed).toEqual([]);
    expect(set.row("a")).toBeUndefined();
  });

  it("rows that come, go or move follow the dataset's order, keeping the rows it had; new columns make every row new", () => {
    const set = createRowSet("(No name)");
    const first = set.update(load({ a: {}, b: {}, c: {} }), ["a", "b", "c"], columns, never);
    const moved = set.update(load({ a: {}, c: {}, d: {} }), ["c", "a", "d"], columns, never);
    expect(moved.rows.map((r) => r.id)).toEqual(["c", "a", "d"]);
    expect(moved.rows[0]).toBe(first.rows[2]);
    expect(moved.changed).toEqual(["d"]);
    const other = set.update(load({ a: {} }), ["a", "gone"], [...columns], never);
    expect(other.rows.map((r) => r.id)).toEqual(["a"]);
    expect(other.changed).toEqual(["a"]);
    expect(other.rows[0]).not.toBe(moved.rows[1]);
    expect(set.row("a")).toBe(other.rows[0]);
  });
});

describe("sameData (the comparison behind the row set)", () => {
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
