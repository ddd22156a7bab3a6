/** Issue 21: nothing scrolls sideways; columns give way by priority, then cards; headers read whole where there is room. */
import { CARD_WIDTH, fitColumns, rowsInView } from "../../../SessionRegistrationGrid/model/layout";
import type { ColumnKind, GridColumn } from "../../../SessionRegistrationGrid/model/types";

const column = (key: string, kind: ColumnKind, minWidth: number, width = minWidth): GridColumn => ({ key, label: key, kind, width, minWidth, sortable: true });
const name = column("name", "name", 100, 200);
const checkIn = column("checkIn", "checkIn", 290);
const count = column("count", "count", 56);
const contact = column("contact", "lookup", 80, 180);
const session = column("session", "lookup", 80, 220);
const sync = column("sync", "sync", 76);
const status = column("status", "status", 110);
const created = column("created", "text", 70, 150);
const all = [name, checkIn, count, contact, session, sync, status, created];
/** What the columns need: 48 selection + 18 scroll bar + each column's minimum and 20 of padding. */
const needs = (columns: GridColumn[]) => 66 + columns.reduce((sum, c) => sum + c.minWidth + 20, 0);

describe("fitting the columns to the width", () => {
  it("keeps every column (the same array) when they fit, or when the host gives no width", () => {
    expect(fitColumns(all, needs(all)).columns).toBe(all);
    expect(fitColumns(all, -1)).toEqual({ cards: false, columns: all });
  });
  it("lets plain values give way first, then lookups, the last first", () => {
    expect(fitColumns(all, needs(all) - 1).columns.map((c) => c.key)).toEqual(["name", "checkIn", "count", "contact", "session", "sync", "status"]);
    const withoutCreated = all.filter((c) => c !== created);
    expect(fitColumns(all, needs(withoutCreated) - 1).columns.map((c) => c.key)).toEqual(["name", "checkIn", "count", "contact", "sync", "status"]);
  });
  it("turns rows into cards when the name, the check-in and the editors alone don't fit, and under 600 px", () => {
    const core = [name, checkIn, count, sync, status];
    expect(fitColumns(all, needs(core)).cards).toBe(false);
    expect(fitColumns(all, needs(core) - 1)).toEqual({ cards: true, columns: all });
    expect(fitColumns([name, count], CARD_WIDTH - 1).cards).toBe(true);
  });
  it("widens columns, in order, until their headers read whole, with the room that is left", () => {
    const header = (c: GridColumn) => (c.kind === "sync" ? 170 : c.kind === "count" ? 130 : 0);
    const roomy = fitColumns(all, needs(all) + 200, header).columns;
    expect(roomy.find((c) => c.key === "count")?.minWidth).toBe(130);
    expect(roomy.find((c) => c.key === "sync")?.minWidth).toBe(170);
    // Only 100 px to spare: the first column that needs it gets it.
    const tight = fitColumns(all, needs(all) + 100, header).columns;
    expect([tight.find((c) => c.key === "count")?.minWidth, tight.find((c) => c.key === "sync")?.minWidth]).toEqual([130, 102]);
  });
});

describe("the rows a scroll box can show", () => {
  it("counts every row of at least 42 px that the box shows, the one cut by its bottom edge too", () => {
    expect(rowsInView(420)).toBe(11);
    expect(rowsInView(421)).toBe(12);
    expect(rowsInView(0)).toBe(1);
    expect(rowsInView(-5)).toBe(1);
  });
});
