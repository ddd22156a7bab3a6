import { readFields, readRefs, readValues, registrationName, type RecordSource, type RowValues } from "./rows";
import { sameData } from "./sameData";
import type { GridColumn, RegistrationFields, RegistrationRefs, RegistrationRow } from "./types";

/** Who a registration is (its name and lookups), as a search reads it, and the record it was read from. */
interface Identity {
  from: RecordSource;
  readonly name: string;
  readonly refs: RegistrationRefs;
}

/**
 * What every row of a set shares, held once for all of them (not in each of 5,000 rows): the records as the last
 * load delivered them, where each row reads its own; the columns the rows were made for; and the rows that read their
 * record. New columns start a new one: the rows made before keep theirs.
 */
interface Shared {
  records: Readonly<Record<string, RecordSource>>;
  readonly columns: readonly GridColumn[];
  readonly noName: string;
  /** Rows that read their record: the only ones a load needs to look at. */
  readonly read: Set<RecordRow>;
}

/**
 * A registration row that reads its record only when something asks for its values: a row drawn, searched,
 * counted or edited. Until then it is its id and its place, so a view of 5,000 registrations costs what the rows on
 * screen cost; a refresh that brings new record objects for it costs nothing.
 */
export class RecordRow implements RegistrationRow {
  /** The record that what the row keeps was read from: its drawn values, or its fields alone (a count). */
  private readFrom?: RecordSource;
  private values?: RowValues;
  private fieldsOnly?: RegistrationFields;
  /** Who the registration is, when only that was asked for (a search). */
  private identityOnly?: Identity;

  constructor(
    readonly id: string,
    private readonly shared: Shared,
  ) {}

  private record(): RecordSource {
    return this.shared.records[this.id];
  }

  private read(): RowValues {
    if (!this.values) {
      this.shared.read.add(this);
      this.readFrom = this.record();
      this.values = readValues(this.readFrom, this.shared.columns, this.shared.noName);
      // The values hold the fields and the identity too.
      this.fieldsOnly = undefined;
      this.identityOnly = undefined;
    }
    return this.values;
  }

  /**
   * A search asks only for the name and lookups: read from the current record without drawing the row (a load then
   * has nothing to compare for it). The same person read from a new record keeps the same object, so what the search
   * built from it (its words) is kept across refreshes.
   */
  private identity(): Pick<RowValues, "name" | "refs"> {
    if (this.values) return this.values;
    const record = this.record();
    const known = this.identityOnly;
    if (known?.from === record) return known;
    const name = registrationName(record) || this.shared.noName;
    const refs = readRefs(record);
    if (known && known.name === name && sameData(known.refs, refs)) {
      known.from = record;
      return known;
    }
    this.identityOnly = { from: record, name, refs };
    return this.identityOnly;
  }

  get name(): string {
    return this.identity().name;
  }
  /** A count asks only for these: read from the current record, kept while it is the same object. */
  get fields(): RegistrationFields {
    if (this.values) return this.values.fields;
    const record = this.record();
    if (!this.fieldsOnly || this.readFrom !== record) {
      this.fieldsOnly = readFields(record);
      this.readFrom = record;
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
    return this.identity().refs;
  }

  /**
   * After a load, for a drawn row: whether it still stands for its registration. Its record unchanged: yes. Its
   * values the same in the new record: yes, and it reads that record from now on. Changed: no, the grid needs a new
   * row object for it, so that it re-renders.
   */
  standsForItsRecord(): boolean {
    const record = this.record();
    if (record === this.readFrom) return true;
    if (!sameData(readValues(record, this.shared.columns, this.shared.noName), this.values)) return false;
    this.readFrom = record;
    return true;
  }

  /** After a load, for a row with edits of its own whose fields alone were read: whether the load changed them. */
  fieldsChanged(): boolean {
    if (this.values || !this.fieldsOnly || this.readFrom === this.record()) return false;
    const before = this.fieldsOnly;
    return !sameData(this.fields, before);
  }
}

export interface RowSetUpdate {
  rows: readonly RegistrationRow[];
  /** Ids whose row object is new or replaced: their values changed (or nobody had read them). */
  changed: readonly string[];
}

/**
 * The rows of a view as lazy RecordRows, kept across loads: the same row objects (and the same array, when nothing
 * changed) so the list re-renders only what changed. A load's cost is comparing its ids with the rows' and checking
 * the rows something has read, not reading every record. The rows array is the set's only array of 5,000: no copy
 * of the ids, no map by id.
 */
export function createRowSet(noName: string) {
  let shared: Shared = { records: {}, columns: [], noName, read: new Set() };
  let rows: RecordRow[] = [];
  const make = (id: string) => new RecordRow(id, shared);

  return {
    rows: () => rows as readonly RegistrationRow[],
    /** Walks the rows: only the live poll asks, for the few rows other desks changed since it last asked. */
    row: (id: string): RegistrationRow | undefined => rows.find((row) => row.id === id),
    /**
     * A load delivered these records in this order, with these columns (the same columns object while they are the
     * same). `watched`: registrations with edits of their own, whose stored values the dataset may now show.
     */
    update(byIdNow: Readonly<Record<string, RecordSource>>, sortedIds: readonly string[], columnsNow: readonly GridColumn[], watched: Iterable<string>): RowSetUpdate {
      // Ids the records lack are left out; the host's array is taken as it is when none is missing (5,000 ids).
      const present = sortedIds.every((id) => byIdNow[id]) ? sortedIds : sortedIds.filter((id) => byIdNow[id]);
      if (columnsNow !== shared.columns) {
        // Other columns: other cells. Every row is new (read lazily, so this is cheap too).
        shared = { records: byIdNow, columns: columnsNow, noName, read: new Set() };
        rows = present.map(make);
        return { rows, changed: present };
      }
      shared.records = byIdNow;
      const { read } = shared;
      const changed: string[] = [];
      let next = rows;
      // Only drawn rows can re-render: only they are compared (a few screens' worth, whatever the view's size).
      for (const row of read) {
        if (!byIdNow[row.id] || row.standsForItsRecord()) continue;
        read.delete(row);
        if (next === rows) next = rows.slice();
        next[next.indexOf(row)] = make(row.id);
        changed.push(row.id);
      }
      const edited = new Set(watched);
      if (edited.size) for (const row of next) if (edited.has(row.id) && byIdNow[row.id] && row.fieldsChanged()) changed.push(row.id);
      if (present.length !== next.length || present.some((id, i) => id !== next[i].id)) {
        // Rows came, went or moved: the list follows the dataset's order; rows it already had are kept.
        const before = new Map(next.map((row) => [row.id, row]));
        next = present.map((id) => before.get(id) ?? (changed.push(id), make(id)));
        const kept = new Set(next);
        for (const row of read) if (!kept.has(row)) read.delete(row);
      }
      rows = next;
      return { rows, changed };
    },
  };
}
