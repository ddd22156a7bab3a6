import { buildColumns, CHECK_IN_COLUMN_KEY, missingColumns, REQUIRED_COLUMNS } from "../../../SessionRegistrationGrid/model/columns";
import type { ViewColumn } from "../../../SessionRegistrationGrid/model/types";

const col = (name: string, order: number, extra: Partial<ViewColumn> = {}): ViewColumn => ({
  name,
  displayName: name.toUpperCase(),
  dataType: "SingleLine.Text",
  order,
  visualSizeFactor: 120,
  ...extra,
});
const labels = { checkIn: "Check-in", count: "Times checked in" };

describe("buildColumns", () => {
  it("keeps the view's order and widths, skips hidden and unordered columns, and puts the check-in right after the name", () => {
    const view = [
      col("createdon", 3, { dataType: "DateAndTime.DateAndTime", visualSizeFactor: 140 }),
      col("msevtmgt_contactid", 0, { dataType: "Lookup.Simple" }),
      col("msevtmgt_name", 1, { isPrimary: true, visualSizeFactor: 250 }),
      col("ownerid", 2, { isHidden: true }),
      col("modifiedon", -1),
    ];
    expect(buildColumns(view, labels, 200).map((c) => [c.key, c.kind, c.width])).toEqual([
      ["msevtmgt_contactid", "lookup", 120],
      ["msevtmgt_name", "name", 250],
      [CHECK_IN_COLUMN_KEY, "checkIn", 200],
      ["createdon", "text", 140],
    ]);
  });

  it("always shows count, sync flag and status reason: ones the view didn't place follow the check-in action", () => {
    const view = [
      col("msevtmgt_timescheckedin", -1, { dataType: "Whole.None", displayName: "(Deprecated) Times checked-in" }),
      col("msevtmgt_name", 0, { isPrimary: true }),
      col("statuscode", 1, { dataType: "OptionSet" }),
      col("msevtmgt_syncedwithprovider", 5, { dataType: "OptionSet", isHidden: true }),
    ];
    const columns = buildColumns(view, labels, 200);
    expect(columns.map((c) => c.key)).toEqual(["msevtmgt_name", CHECK_IN_COLUMN_KEY, "msevtmgt_timescheckedin", "msevtmgt_syncedwithprovider", "statuscode"]);
    expect(columns.find((c) => c.kind === "checkIn")).toMatchObject({ label: "Check-in", sortable: false });
  });

  it("calls the count by the grid's own name, not the table's deprecated label; other columns keep the view's labels", () => {
    const columns = buildColumns([col("msevtmgt_timescheckedin", 0, { displayName: "(Deprecated) Times checked-in" }), col("statuscode", 1, { displayName: "Status Reason" })], labels, 0);
    expect(columns.map((c) => c.label)).toEqual(["Check-in", "Times checked in", "Status Reason"]);
  });

  it("does not sort where the view disables it, and keeps widths within bounds", () => {
    const columns = buildColumns([col("a", 0, { disableSorting: true, visualSizeFactor: 5 }), col("b", 1, { visualSizeFactor: 5000 })], labels, 0);
    expect(columns.filter((c) => c.kind !== "checkIn").map((c) => [c.sortable, c.width])).toEqual([
      [false, 70],
      [true, 600],
    ]);
  });
});

describe("a column the view gives no width", () => {
  it("gets the default width of 150", () => {
    const columns = buildColumns([col("createdon", 0, { visualSizeFactor: 0 }), col("msevtmgt_contactid", 1, { dataType: "Lookup.Simple", visualSizeFactor: 0 })], labels, 0);
    expect(columns.filter((c) => c.kind !== "checkIn").map((c) => c.width)).toEqual([150, 150]);
  });
});

describe("how narrow a column may get", () => {
  it("text-like columns go down to their kind's minimum; editors and the check-in action keep their width", () => {
    const view = [
      col("msevtmgt_name", 0), col("msevtmgt_contactid", 1, { dataType: "Lookup.Simple" }), col("createdon", 2, { dataType: "DateAndTime.DateAndTime" }),
      col("msevtmgt_timescheckedin", 3), col("msevtmgt_syncedwithprovider", 4), col("statuscode", 5),
    ];
    const columns = buildColumns(view, labels, 260);
    expect(Object.fromEntries(columns.map((c) => [c.kind, [c.minWidth, c.width]]))).toEqual({
      name: [100, expect.any(Number)], lookup: [80, expect.any(Number)], text: [70, expect.any(Number)],
      checkIn: [260, 260], count: [56, 56], sync: [76, 76], status: [110, 110],
    });
    for (const c of columns) expect(c.width).toBeGreaterThanOrEqual(c.minWidth);
  });
});

describe("missingColumns", () => {
  it("lists the required columns the view lacks", () => {
    expect(missingColumns([col("statuscode", 0)], REQUIRED_COLUMNS)).toEqual(["msevtmgt_timescheckedin", "msevtmgt_syncedwithprovider"]);
  });
});
