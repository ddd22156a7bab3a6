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

describe("buildColumns", () => {
  it("keeps the view's order and widths and skips hidden and unordered columns", () => {
    const view = [
      col("createdon", 3, { dataType: "DateAndTime.DateAndTime", visualSizeFactor: 140 }),
      col("msevtmgt_name", 0, { isPrimary: true, visualSizeFactor: 250 }),
      col("msevtmgt_contactid", 1, { dataType: "Lookup.Simple" }),
      col("ownerid", 2, { isHidden: true }),
      col("modifiedon", -1),
    ];
    const columns = buildColumns(view, new Set(), "Check-in");
    expect(columns.map((c) => [c.key, c.kind, c.width])).toEqual([
      ["msevtmgt_name", "name", 250],
      ["msevtmgt_contactid", "lookup", 120],
      ["createdon", "text", 140],
    ]);
  });

  it("always shows status reason, sync flag and check-in count, placing unplaced ones last, with the check-in action after the count", () => {
    const view = [
      col("msevtmgt_timescheckedin", -1, { dataType: "Whole.None" }),
      col("msevtmgt_name", 0, { isPrimary: true }),
      col("statuscode", 1, { dataType: "OptionSet" }),
      col("msevtmgt_syncedwithprovider", 5, { dataType: "OptionSet", isHidden: true }),
    ];
    const columns = buildColumns(view, new Set(), "Check-in");
    expect(columns.map((c) => c.key)).toEqual(["msevtmgt_name", "statuscode", "msevtmgt_syncedwithprovider", "msevtmgt_timescheckedin", CHECK_IN_COLUMN_KEY]);
    expect(columns.find((c) => c.kind === "checkIn")).toMatchObject({ label: "Check-in", sortable: false });
  });

  it("does not sort where the view disables it, and keeps widths within bounds", () => {
    const columns = buildColumns([col("a", 0, { disableSorting: true, visualSizeFactor: 5 }), col("b", 1, { visualSizeFactor: 5000 })], new Set(), "x");
    expect(columns.map((c) => [c.sortable, c.width])).toEqual([
      [false, 60],
      [true, 600],
    ]);
  });

  it("never shows a column the control asked for only to read it", () => {
    const columns = buildColumns([col("msevtmgt_name", 0), col("versionnumber", -1)], new Set(["versionnumber"]), "x");
    expect(columns.map((c) => c.key)).not.toContain("versionnumber");
  });
});

describe("missingColumns", () => {
  it("lists the required columns the view lacks", () => {
    expect(missingColumns([col("statuscode", 0)], REQUIRED_COLUMNS)).toEqual(["msevtmgt_syncedwithprovider", "msevtmgt_timescheckedin"]);
  });
});
