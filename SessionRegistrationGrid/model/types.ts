/** Plain data shapes shared by the model, services and views. No PCF, React or Fluent here. */

export interface LookupRef {
  id: string;
  name: string;
  entityType: string;
}

/** The fields this control edits, as Dataverse stores them. */
export interface RegistrationFields {
  timesCheckedIn: number | null;
  /** null when the choice is unset (treated as "No"). */
  synced: boolean | null;
  state: number;
  statusReason: number;
}

/** What a non-editable cell shows: the platform's formatted text, and the record it links to, if any. */
export interface DisplayCell {
  text: string;
  lookup?: LookupRef;
}

/** The records a registration points at, as the dataset's lookups give them (absent when unset or not loaded). */
export interface RegistrationRefs {
  contact?: LookupRef;
  session?: LookupRef;
  event?: LookupRef;
  /** The event registration: its name is the readable registration ID a badge carries. */
  eventRegistration?: LookupRef;
}

export interface RegistrationRow {
  id: string;
  /** The registration's name (else its attendee's): every accessible name in the row uses it. */
  name: string;
  fields: RegistrationFields;
  statusLabel: string;
  cells: Readonly<Record<string, DisplayCell>>;
  refs: RegistrationRefs;
}

export type ColumnKind = "name" | "status" | "sync" | "count" | "checkIn" | "lookup" | "text";

export interface GridColumn {
  /** Logical name of the column, or a synthetic key for the check-in action column. */
  key: string;
  label: string;
  kind: ColumnKind;
  width: number;
  /** The narrowest it may become before the grid scrolls sideways (editors: their width). */
  minWidth: number;
  sortable: boolean;
}

/** A column as the view (dataset) describes it. */
export interface ViewColumn {
  name: string;
  displayName: string;
  dataType: string;
  order: number;
  visualSizeFactor: number;
  isHidden?: boolean;
  isPrimary?: boolean;
  disableSorting?: boolean;
}

export interface SortState {
  column: string;
  descending: boolean;
}

export interface PagingState {
  loaded: number;
  /** -1 when Dataverse doesn't say (more than 5,000). */
  total: number;
  hasMore: boolean;
  /** A next page was asked for and hasn't arrived yet. */
  loadingMore: boolean;
  /** Every page is being loaded in the background (the desk's search, the room's numbers). */
  loadingAll?: boolean;
}

/** Everything the grid shows about the dataset, as plain data. */
export interface GridSnapshot {
  columns: GridColumn[];
  rows: readonly RegistrationRow[];
  /** Goes up with each load the rows were updated from: values of unread rows may have changed with it. */
  dataVersion: number;
  loading: boolean;
  error?: string;
  paging: PagingState;
  sort?: SortState;
  selectedIds: readonly string[];
}
