/** The check-in desk's rules (issue 20): matching, badge codes, the ten-second rule, quick filters, the full room. */
import fc from "fast-check";
import { codeKey, indexCodes, isScannerClosed, readBadgeCode, rowsWithCode, type BadgeCode } from "../../../SessionRegistrationGrid/model/badgeCode";
import { decideEntry, type EntryContext } from "../../../SessionRegistrationGrid/model/deskEntry";
import { createPressGuard } from "../../../SessionRegistrationGrid/model/pressGuard";
import { capacityOf, countFilters, fullRoomQuestion, inQuickFilter, isFull, quickFilterOf, roomOf } from "../../../SessionRegistrationGrid/model/room";
import { findRows, fold, queryWords, wordsOf } from "../../../SessionRegistrationGrid/model/search";
import type { RegistrationFields, RegistrationRow } from "../../../SessionRegistrationGrid/model/types";
import { registrationRow, walkInBody } from "../../../SessionRegistrationGrid/model/walkIn";

let n = 0;
function row(name: string, options: { contact?: string; code?: string; er?: string; count?: number | null; state?: number } = {}): RegistrationRow {
  n++;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  return {
    id,
    name,
    fields: { timesCheckedIn: options.count ?? 0, synced: false, state: options.state ?? 0, statusReason: options.state ? 2 : 1 },
    statusLabel: "",
    cells: {},
    refs: {
      contact: options.contact ? { id: `c${n}`, name: options.contact, entityType: "contact" } : undefined,
      eventRegistration: options.code ? { id: options.er ?? `10000000-0000-4000-8000-${String(n).padStart(12, "0")}`, name: options.code, entityType: "msevtmgt_eventregistration" } : undefined,
    },
  };
}

describe("find attendee: word-prefix, accent-insensitive matching", () => {
  const bjorn = row("Björn Åström", { code: "CBAS25-004711" });
  const sean = row("Seán O'Connor-Ní Bhriain");
  const lucja = row("Łucja Wójcik");
  const byContact = row("Registration 17", { contact: "Ana Silva" });
  const rows = [bjorn, sean, lucja, byContact];

  it("folds case and accents, and letters that keep their shape without them", () => {
    expect(fold("Björn ÅSTRÖM")).toBe("bjorn astrom");
    expect(fold("Łucja Øster Straße")).toBe("lucja oster strasse");
  });
  it("finds every word typed at the start of a word, in any order", () => {
    expect(findRows(rows, "bjorn ast")).toEqual([bjorn]);
    expect(findRows(rows, "ast bj")).toEqual([bjorn]);
    expect(findRows(rows, "orn")).toEqual([]);
    expect(findRows(rows, "LUCJA")).toEqual([lucja]);
  });
  it("takes a name with an apostrophe or a hyphen either way", () => {
    expect(wordsOf("O'Connor-Ní")).toEqual(expect.arrayContaining(["oconnor", "o", "connor", "ni"]));
    expect(findRows(rows, "oconnor")).toEqual([sean]);
    expect(findRows(rows, "connor bhr")).toEqual([sean]);
    expect(findRows(rows, "o'connor")).toEqual([sean]);
  });
  it("searches the attendee (contact) and the readable registration ID too", () => {
    expect(findRows(rows, "silva")).toEqual([byContact]);
    expect(findRows(rows, "004711")).toEqual([bjorn]);
    expect(findRows(rows, "cbas25-0047")).toEqual([bjorn]);
  });
  it("an empty search is every row, the same array; spaces and punctuation alone are empty", () => {
    expect(findRows(rows, "")).toBe(rows);
    expect(findRows(rows, "  - ")).toBe(rows);
    expect(queryWords(" Zoë  ")).toEqual(["zoe"]);
  });
  it("a GUID finds the registration or event registration it names, however written", () => {
    expect(findRows(rows, `{${bjorn.id.toUpperCase()}}`)).toEqual([bjorn]);
    expect(findRows(rows, bjorn.refs.eventRegistration!.id.toUpperCase())).toEqual([bjorn]);
  });
  it("markup in a name is only text to match", () => {
    const mallory = row("<img src=x onerror=alert(1)> Mallory");
    expect(findRows([mallory], "mallory")).toEqual([mallory]);
    expect(findRows([mallory], "img")).toEqual([mallory]);
  });
});

describe("badge codes", () => {
  it("reads a GUID in any case, with or without braces, as the bare lower-case id", () => {
    const id = "5e55a0d1-2b3c-4d5e-8f60-7a8b9c0d1e2f";
    for (const typed of [id, id.toUpperCase(), `{${id}}`, ` {${id.toUpperCase()}} `]) expect(readBadgeCode(typed)).toEqual({ kind: "guid", id });
  });
  it("reads one word with a digit as a readable registration ID; names are no codes", () => {
    expect(readBadgeCode("CBAS25-004711")).toEqual({ kind: "readable", code: "CBAS25-004711" });
    expect(readBadgeCode("Anna")).toBeUndefined();
    expect(readBadgeCode("Anna 2")).toBeUndefined();
    expect(readBadgeCode("")).toBeUndefined();
    expect(readBadgeCode("x1".repeat(51))).toBeUndefined();
  });
  it("finds the rows a code points at, readable IDs ignoring case", () => {
    const a = row("A", { code: "CBAS25-000001" });
    const b = row("B", { code: "CBAS25-000002" });
    expect(rowsWithCode([a, b], readBadgeCode("cbas25-000002")!)).toEqual([b]);
    expect(rowsWithCode([a, b], readBadgeCode(a.id)!)).toEqual([a]);
    expect(codeKey(readBadgeCode("CBAS25-000002")!)).toBe("cbas25-000002");
  });
  it("the index of the rows' codes finds what reading every row finds, in the same order", () => {
    // A few event registrations shared between rows (one person in several sessions), readable IDs in any case.
    const ers = ["CBAS25-000001", "cbas25-000002", " CBAS25-000003 "].map((code, i) => ({ code, id: `20000000-0000-4000-8000-00000000000${i}` }));
    const rowArb = fc.record({ er: fc.option(fc.constantFrom(...ers), { nil: undefined }) }).map(({ er }) => row("P", er ? { code: er.code, er: er.id } : {}));
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 12 }), fc.nat(20), (rows, pick) => {
        const codes: BadgeCode[] = [
          ...rows.map((r) => readBadgeCode(`{${r.id.toUpperCase()}}`)!),
          ...ers.flatMap((er) => [readBadgeCode(er.id)!, readBadgeCode(er.code.toUpperCase())!]),
          readBadgeCode("CBAS25-999999")!,
        ];
        const code = codes[pick % codes.length];
        expect(indexCodes(rows)(code)).toEqual(rowsWithCode(rows, code));
      }),
    );
  });
  it("Enter takes a code's rows from the index when it has one", () => {
    const a = row("Ana", { code: "CBAS25-000201" });
    const b = row("Bo", { code: "CBAS25-000202" });
    // An index made for other rows than `rows` shows it is the one asked.
    const entry = decideEntry("CBAS25-000202", { rows: [a], shown: (r) => r.fields, scannedRecently: () => false, withCode: indexCodes([a, b]) });
    expect(entry).toMatchObject({ kind: "checkIn", row: b });
  });
  it("a scanner closed by the user is no failure; a denied camera is", () => {
    expect(isScannerClosed(undefined)).toBe(true);
    expect(isScannerClosed({ message: "The user cancelled the barcode scan." })).toBe(true);
    expect(isScannerClosed({ errorCode: 1, message: "Camera access was denied." })).toBe(false);
  });
});

describe("Enter in Find attendee", () => {
  const shownOf = (r: RegistrationRow): RegistrationFields => r.fields;
  const context = (rows: RegistrationRow[], recent: string[] = []): EntryContext => ({ rows, shown: shownOf, scannedRecently: (id) => recent.includes(id) });
  const ana = row("Ana Silva", { code: "CBAS25-000101" });
  const anaCancelled = row("Ana Silva", { code: "CBAS25-000101", state: 1 });
  const andre = row("André Costa", { code: "CBAS25-000102" });
  const zoe = row("Zoë Müller", { code: "CBAS25-000103", state: 1 });

  it("checks in exactly one active match, by name or by code", () => {
    expect(decideEntry("andre", context([ana, andre]))).toEqual({ kind: "checkIn", row: andre, code: undefined });
    expect(decideEntry("cbas25-000102", context([ana, andre]))).toEqual({ kind: "checkIn", row: andre, code: readBadgeCode("cbas25-000102") });
  });
  it("with several active matches says how many; one active among cancelled ones is checked in", () => {
    expect(decideEntry("an", context([ana, andre]))).toEqual({ kind: "several", count: 2 });
    expect(decideEntry("ana silva", context([anaCancelled, ana]))).toMatchObject({ kind: "checkIn", row: ana });
  });
  it("never checks in a cancelled registration, by name or by scan", () => {
    expect(decideEntry("zoe", context([zoe]))).toEqual({ kind: "cancelled", row: zoe });
    expect(decideEntry("CBAS25-000103", context([zoe]))).toEqual({ kind: "cancelled", row: zoe });
  });
  it("a code that matches no row is someone not registered; a name that matches none is no match", () => {
    expect(decideEntry("CBAS25-999999", context([ana]))).toEqual({ kind: "noMatch", code: { kind: "readable", code: "CBAS25-999999" } });
    expect(decideEntry("nobody", context([ana]))).toEqual({ kind: "noMatch", code: undefined });
    expect(decideEntry("   ", context([ana]))).toEqual({ kind: "empty" });
  });
  it("a badge checked in by a scan moments ago is not counted again; a name typed is", () => {
    expect(decideEntry("CBAS25-000102", context([andre], [andre.id]))).toEqual({ kind: "justCheckedIn", row: andre });
    expect(decideEntry("andre costa", context([andre], [andre.id]))).toMatchObject({ kind: "checkIn", row: andre });
  });
  it("the ten-second rule: the same registration scanned within 10 s is recent, after that it is not", () => {
    const scans = createPressGuard(10_000);
    expect(scans.recent("r1", 0)).toBe(false);
    expect(scans.accept("r1", 0)).toBe(true);
    expect(scans.recent("r1", 9_999)).toBe(true);
    expect(scans.recent("r2", 5_000)).toBe(false);
    expect(scans.recent("r1", 10_000)).toBe(false);
  });
});

describe("quick filters and the room", () => {
  const f = (timesCheckedIn: number | null, state = 0): RegistrationFields => ({ timesCheckedIn, synced: null, state, statusReason: state ? 2 : 1 });
  it("holds active registrations by count under Not checked in / Checked in, cancelled ones only under Cancelled", () => {
    expect([f(null), f(0), f(1), f(3), f(2, 1)].map(quickFilterOf)).toEqual(["notCheckedIn", "notCheckedIn", "checkedIn", "checkedIn", "cancelled"]);
    expect(inQuickFilter("all", f(2, 1))).toBe(true);
    expect(inQuickFilter("checkedIn", f(2, 1))).toBe(false);
    expect(countFilters([f(null), f(1), f(2), f(0, 1)])).toEqual({ all: 4, notCheckedIn: 1, checkedIn: 2, cancelled: 1 });
  });
  it("counts a person who re-entered once, and only active registrations as registered", () => {
    expect(roomOf(countFilters([f(3), f(1), f(0), f(5, 1)]), 120)).toEqual({ checkedIn: 2, registered: 3, capacity: 120 });
  });
  it("reads a capacity of 0 or none as no limit", () => {
    expect([capacityOf(120), capacityOf(0), capacityOf(null), capacityOf(undefined), capacityOf("x")]).toEqual([120, undefined, undefined, undefined, undefined]);
    expect(isFull({ checkedIn: 5, registered: 9 })).toBe(false);
    expect(isFull({ checkedIn: 5, registered: 9, capacity: 5 })).toBe(true);
  });
  it("asks before a first check-in once the people in reach the capacity; someone already in re-enters freely", () => {
    const full = { checkedIn: 120, registered: 130, capacity: 120 };
    expect(fullRoomQuestion(full, [0])).toEqual({ checkedIn: 120, capacity: 120, adding: 1 });
    expect(fullRoomQuestion(full, [null])).toEqual({ checkedIn: 120, capacity: 120, adding: 1 });
    expect(fullRoomQuestion(full, [1])).toBeUndefined();
    expect(fullRoomQuestion({ ...full, checkedIn: 119 }, [0])).toBeUndefined();
    expect(fullRoomQuestion({ checkedIn: 500, registered: 600 }, [0])).toBeUndefined();
  });
  it("asks a bulk run once when its first check-ins would pass the capacity, with the numbers", () => {
    const room = { checkedIn: 115, registered: 130, capacity: 120 };
    expect(fullRoomQuestion(room, [0, 0, 0, 0, 0])).toBeUndefined();
    expect(fullRoomQuestion(room, [0, 0, 0, 0, 0, 0, 2, 1])).toEqual({ checkedIn: 115, capacity: 120, adding: 6 });
  });
});

describe("a walk-in's registration", () => {
  const walkIn = {
    contact: { id: "{3F2504E0-4F89-41D3-9A0C-0305E82C3301}", name: "Wanda Walker" },
    session: { id: "5E55A0D1-2B3C-4D5E-8F60-7A8B9C0D1E2F", name: "Session 7" },
    event: "e7e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b",
  };
  it("binds the contact, session and event with bare GUIDs, names the attendee and carries its own id", () => {
    expect(walkInBody("{AAAAAAAA-0000-4000-8000-000000000001}", walkIn)).toEqual({
      msevtmgt_sessionregistrationid: "aaaaaaaa-0000-4000-8000-000000000001",
      msevtmgt_name: "Wanda Walker",
      "msevtmgt_contactid@odata.bind": "/contacts(3f2504e0-4f89-41d3-9a0c-0305e82c3301)",
      "msevtmgt_SessionId@odata.bind": "/msevtmgt_sessions(5e55a0d1-2b3c-4d5e-8f60-7a8b9c0d1e2f)",
      "msevtmgt_Event@odata.bind": "/msevtmgt_events(e7e0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b)",
    });
  });
  it("binds the event registration when there is one", () => {
    const body = walkInBody("aaaaaaaa-0000-4000-8000-000000000001", { ...walkIn, eventRegistration: { id: "BBBBBBBB-0000-4000-8000-000000000002" } });
    expect(body["msevtmgt_RegistrationID@odata.bind"]).toBe("/msevtmgt_eventregistrations(bbbbbbbb-0000-4000-8000-000000000002)");
  });
  it("stands in as a row the editor can check in before the dataset brings it", () => {
    const r = registrationRow("AAAAAAAA-0000-4000-8000-000000000001", walkIn);
    expect(r).toMatchObject({ id: "aaaaaaaa-0000-4000-8000-000000000001", name: "Wanda Walker", fields: { timesCheckedIn: 0, state: 0, statusReason: 1 } });
    expect(r.refs.contact?.id).toBe("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    expect(r.refs.session?.name).toBe("Session 7");
  });
});
