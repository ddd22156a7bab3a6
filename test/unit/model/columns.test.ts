import { buildColumns, CELL_PADDING, CHECK_IN_COLUMN_KEY, fitColumns, missingColumns, REQUIRED_COLUMNS } from "../../../SessionRegistrationGrid/model/columns";
import type { GridColumn, ViewColumn } from "../../../SessionRegistrationGrid/model/types";

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

describe("fitColumns", () => {
  const column = (kind: GridColumn["kind"], width: number): GridColumn => ({ key: `${kind}${width}`, label: kind, kind, width, sortable: true });
  const columns = [column("name", 200), column("checkIn", 250), column("count", 64), column("lookup", 180), column("status", 120), column("text", 150)];
  const total = (cs: GridColumn[]) => cs.reduce((sum, c) => sum + c.width + CELL_PADDING, 0);

  it("leaves the view's widths when they fit, or when the width is unknown", () => {
    expect(fitColumns(columns, 2000)).toEqual(columns);
    expect(fitColumns(columns, -1)).toEqual(columns);
  });

  it("shares the width the host gives before anything scrolls: text-like columns give up what they can spare", () => {
    const fitted = fitColumns(columns, 900);
    expect(total(fitted)).toBeLessThanOrEqual(900);
    expect(total(fitted)).toBeGreaterThan(890);
    // Editors and the check-in action keep their width; name, lookup and text shrink in proportion.
    expect(fitted.map((c) => c.width).filter((_, i) => [1, 2, 4].includes(i))).toEqual([250, 64, 120]);
    const shrunk = [0, 3, 5].map((i) => columns[i].width - fitted[i].width);
    expect(shrunk.every((s) => s > 0)).toBe(true);
  });

  it("stops at each column's minimum; only then does the grid scroll sideways", () => {
    const fitted = fitColumns(columns, 400);
    expect(fitted.map((c) => c.width)).toEqual([100, 250, 64, 80, 120, 70]);
  });
});

describe("missingColumns", () => {
  it("lists the required columns the view lacks", () => {
    expect(missingColumns([col("statuscode", 0)], REQUIRED_COLUMNS)).toEqual(["msevtmgt_timescheckedin", "msevtmgt_syncedwithprovider"]);
  });
});
