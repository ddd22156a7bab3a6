import { readFields, readValues, type RecordSource, type RowValues } from "./rows";
import { sameData } from "./sameData";
import type { GridColumn, RegistrationFields, RegistrationRow } from "./types";

/** The dataset's records as the last snapshot delivered them: every row of the set reads its record from here. */
interface Records {
  byId: Readonly<Record<string, RecordSource>>;
}

/**
 * A registration row that reads its record only when something asks for its values: a row drawn, searched,
 * counted or edited. Until then it is its id and its place, so a view of 5,000 registrations costs what the rows on
 * screen cost; a refresh that brings new record objects for it costs nothing.
 */
export class RecordRow implements RegistrationRow {
  /** The drawn values and the record they were read from. */
  private readFrom?: RecordSource;
  private values?: RowValues;
  /** The fields alone, when only they were asked for (a count), and the record they were read from. */
  private fieldsFrom?: RecordSource;
  private fieldsOnly?: RegistrationFields;

  constructor(
    readonly id: string,
    private readonly records: Records,
    private readonly columns: readonly GridColumn[],
    private readonly noName: string,
    private readonly firstRead: (row: RecordRow) => void,
  ) {}

  private record(): RecordSource {
    return this.records.byId[this.id];
  }

  private read(): RowValues {
    if (!this.values) {
      this.firstRead(this);
      this.readFrom = this.record();
      this.values = readValues(this.readFrom, this.columns, this.noName);
    }
    return this.values;
  }

  get name(): string {
    return this.read().name;
  }
  /** A count asks only for these: read from the current record, kept while it is the same object. */
  get fields(): RegistrationFields {
    if (this.values) return this.values.fields;
    const record = this.record();
    if (!this.fieldsOnly || this.fieldsFrom !== record) {
      this.fieldsOnly = readFields(record);
      this.fieldsFrom = record;
    }
    return this.fieldsOnly;
  }
  get statusLabel(): string {
    return this.read().statusLabel;
  }
  get cells(): RegistrationRow["cells"] {
    return this.read().cells;
  }
  get refs(): RegistrationRow["refs"] {
    return this.read().refs;
  }

  /**
   * After a load, for a drawn row: whether it still stands for its registration. Its record unchanged: yes. Its
   * values the same in the new record: yes, and it reads that record from now on. Changed: no, the grid needs a new
   * row object for it, so that it re-renders.
   */
  standsForItsRecord(): boolean {
    const record = this.record();
    if (record === this.readFrom) return true;
    if (!sameData(readValues(record, this.columns, this.noName), this.values)) return false;
    this.readFrom = record;
    return true;
  }

  /** After a load, for a row with edits of its own whose fields alone were read: whether the load changed them. */
  fieldsChanged(): boolean {
    if (this.values || !this.fieldsOnly || this.fieldsFrom === this.record()) return false;
    const before = this.fieldsOnly;
    return !sameData(this.fields, before);
  }
}

export interface RowSetUpdate {
  rows: readonly RegistrationRow[];
  /** Ids whose row object is new or replaced: their values changed (or nobody had read them). */
  changed: string[];
}

/**
 * The rows of a view as lazy RecordRows, kept across loads: the same row objects (and the same array, when nothing
 * changed) so the list re-renders only what changed. A load's cost is comparing its ids with the last ones and
 * checking the rows something has read, not reading every record.
 */
export function createRowSet(noName: string) {
  const records: Records = { byId: {} };
  let columns: readonly GridColumn[] = [];
  let ids: readonly string[] = [];
  let rows: RecordRow[] = [];
  let byId = new Map<string, RecordRow>();
  /** Rows that read their record: the only ones a load needs to look at. */
  let read = new Set<RecordRow>();
  const make = (id: string) => new RecordRow(id, records, columns, noName, (row) => read.add(row));

  return {
    rows: () => rows as readonly RegistrationRow[],
    row: (id: string): RegistrationRow | undefined => byId.get(id),
    /**
     * A load delivered these records in this order, with these columns (the same columns object while they are the
     * same). `watched`: registrations with edits of their own, whose stored values the dataset may now show.
     */
    update(byIdNow: Readonly<Record<string, RecordSource>>, sortedIds: readonly string[], columnsNow: readonly GridColumn[], watched: Iterable<string>): RowSetUpdate {
      records.byId = byIdNow;
      const changed: string[] = [];
      const present = sortedIds.filter((id) => byIdNow[id]);
      if (columnsNow !== columns) {
        // Other columns: other cells. Every row is new (read lazily, so this is cheap too).
        columns = columnsNow;
        read = new Set();
        rows = present.map(make);
        byId = new Map(rows.map((row) => [row.id, row]));
        ids = present;
        return { rows, changed: present };
      }
      let next = rows;
      // Only drawn rows can re-render: only they are compared (a few screens' worth, whatever the view's size).
      for (const row of read) {
        if (!byIdNow[row.id] || row.standsForItsRecord()) continue;
        read.delete(row);
        const replacement = make(row.id);
        byId.set(row.id, replacement);
        if (next === rows) next = rows.slice();
        next[next.indexOf(row)] = replacement;
        changed.push(row.id);
      }
      for (const id of watched) if (byId.get(id)?.fieldsChanged()) changed.push(id);
      if (present.length !== ids.length || present.some((id, i) => id !== ids[i])) {
        // Rows came, went or moved: the list follows the dataset's order; rows it already had are kept.
        const before = byId;
        next = present.map((id) => before.get(id) ?? (changed.push(id), make(id)));
        byId = new Map(next.map((row) => [row.id, row]));
        for (const row of read) if (byId.get(row.id) !== row) read.delete(row);
        ids = present;
      }
      rows = next;
      return { rows, changed };
    },
  };
}
