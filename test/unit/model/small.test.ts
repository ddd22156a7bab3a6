import { editPolicy, rowPolicy } from "../../../SessionRegistrationGrid/model/editPolicy";
import { clampPageSize, pagingText } from "../../../SessionRegistrationGrid/model/paging";
import { sameData } from "../../../SessionRegistrationGrid/model/sameData";
import { fromDatasetSort, nextSort, toDatasetSort } from "../../../SessionRegistrationGrid/model/sorting";
import { fallbackStatusReasons, readStatusReasons } from "../../../SessionRegistrationGrid/model/statusReasons";
import { createText } from "../../../SessionRegistrationGrid/model/text";
import type { GridColumn } from "../../../SessionRegistrationGrid/model/types";

const fallback = fallbackStatusReasons("Active", "Inactive");

describe("sorting", () => {
  const name: GridColumn = { key: "msevtmgt_name", label: "Name", kind: "name", width: 100, minWidth: 100, sortable: true };
  it("sorts ascending first, then flips, and ignores columns that can't sort", () => {
    const first = nextSort(undefined, name);
    expect(first).toEqual({ column: "msevtmgt_name", descending: false });
    expect(nextSort(first, name)).toEqual({ column: "msevtmgt_name", descending: true });
    expect(nextSort(first, { ...name, key: "x", sortable: false })).toBe(first);
  });
  it("speaks the dataset's sort format both ways", () => {
    expect(toDatasetSort({ column: "a", descending: true })).toEqual({ name: "a", sortDirection: 1 });
    expect(fromDatasetSort([{ name: "a", sortDirection: 0 }])).toEqual({ column: "a", descending: false });
    expect(fromDatasetSort([])).toBeUndefined();
  });
  it("shows the view's descending sort as descending", () => {
    expect(fromDatasetSort([{ name: "createdon", sortDirection: 1 }])).toEqual({ column: "createdon", descending: true });
  });
});

describe("paging", () => {
  it("says N of M, and 5000+ when Dataverse doesn't count", () => {
    expect(pagingText({ loaded: 250, total: 812, hasMore: true, loadingMore: false })).toEqual({ key: "Paging_Count", loaded: 250, total: 812 });
    expect(pagingText({ loaded: 5000, total: -1, hasMore: true, loadingMore: false })).toEqual({ key: "Paging_CountUnknown", loaded: 5000, total: 5000 });
    expect(pagingText({ loaded: 5250, total: -1, hasMore: true, loadingMore: false }).total).toBe(5250);
  });
  it("takes only Dataverse's -1 as an uncounted total: a total of 0 is a count", () => {
    expect(pagingText({ loaded: 0, total: 0, hasMore: true, loadingMore: false })).toEqual({ key: "Paging_Count", loaded: 0, total: 0 });
  });
  it("keeps the page size within 1..5000", () => {
    expect([clampPageSize(-3), clampPageSize(9000), clampPageSize(99.7)]).toEqual([1, 5000, 99]);
  });
});

describe("readStatusReasons", () => {
  const option = (Value: number, Label: string, State: number) => ({ Value, Label, State });
  it("reads the options from either runtime shape", () => {
    const options = [option(1, "Registered", 0), option(100000001, "Waitlisted", 0), option(2, "Canceled", 1)];
    const viaGet = { Attributes: { get: (n: string) => (n === "statuscode" ? { attributeDescriptor: { OptionSet: options } } : undefined) } };
    const viaMap = { Attributes: { statuscode: { OptionSet: { a: options[0], b: options[1], c: options[2] } } } };
    const expected = [
      { value: 1, label: "Registered", state: 0 },
      { value: 100000001, label: "Waitlisted", state: 0 },
      { value: 2, label: "Canceled", state: 1 },
    ];
    expect(readStatusReasons(viaGet, fallback)).toEqual(expected);
    expect(readStatusReasons(viaMap, fallback)).toEqual(expected);
  });
  it("falls back to the documented pairs when the metadata is missing or unusable", () => {
    expect(readStatusReasons(undefined, fallback)).toBe(fallback);
    expect(readStatusReasons({ Attributes: { statuscode: { OptionSet: [option(1, "Active", 0)] } } }, fallback)).toBe(fallback);
  });
});

describe("editPolicy", () => {
  const all = { allowCheckInEdit: { raw: true }, allowSyncEdit: { raw: true }, allowStatusEdit: { raw: null } };
  it("offers nothing, with a reason, when disabled or without write privilege", () => {
    expect(editPolicy({ ...all, isControlDisabled: true, canWrite: true })).toEqual({ checkIn: false, sync: false, status: false, readOnlyReason: "ReadOnly_Disabled", records: { create: true } });
    expect(editPolicy({ ...all, isControlDisabled: false, canWrite: false }).readOnlyReason).toBe("ReadOnly_NoPrivilege");
  });
  it("offers what the maker allowed once the privilege is known", () => {
    expect(editPolicy({ ...all, isControlDisabled: false, canWrite: undefined })).toMatchObject({ checkIn: false, sync: false, status: false });
    expect(editPolicy({ ...all, allowSyncEdit: { raw: false }, isControlDisabled: false, canWrite: true })).toMatchObject({ checkIn: true, sync: false, status: true });
  });
  it("keeps only the status editable on an inactive registration", () => {
    expect(rowPolicy({ checkIn: true, sync: true, status: true, records: { create: true } }, 1)).toMatchObject({ checkIn: false, sync: false, status: true });
  });
  it("leaves an active registration as editable as the grid", () => {
    const policy = { checkIn: true, sync: true, status: false, records: { create: true as const } };
    expect(rowPolicy(policy, 0)).toEqual(policy);
  });
});

describe("sameData", () => {
  it("never takes a number or a text for an object or a list, however empty", () => {
    expect(sameData(7, [])).toBe(false);
    expect(sameData([], 7)).toBe(false);
    expect(sameData("ab", ["a", "b"])).toBe(false);
    expect(sameData({ 0: "a", 1: "b" }, "ab")).toBe(false);
  });
});

describe("createText", () => {
  it("fills placeholders and formats numbers the platform's way", () => {
    const text = createText((k) => ({ A: "Checked in ×{0}", B: "{0} of {1}+" })[k] ?? k, (n) => n.toLocaleString("en-US"));
    expect(text("A", 2)).toBe("Checked in ×2");
    expect(text("B", 5000, 5000)).toBe("5,000 of 5,000+");
    expect(text.number(1234567)).toBe("1,234,567");
  });

  it("chooses one or other for counts, and the language's ordinal form", () => {
    const strings: Record<string, string> = { N_one: "{0} change", N_other: "{0} changes", Ordinal_one: "{0}st", Ordinal_two: "{0}nd", Ordinal_few: "{0}rd", Ordinal_other: "{0}th" };
    const english = createText((k) => strings[k] ?? k, String, "en");
    expect([english.count("N", 1), english.count("N", 0), english.count("N", 3)]).toEqual(["1 change", "0 changes", "3 changes"]);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(english.ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]);
    const german = createText((k) => ({ Ordinal_other: "{0}." })[k] ?? k, String, "de");
    expect(german.ordinal(2)).toBe("2.");
  });
});
