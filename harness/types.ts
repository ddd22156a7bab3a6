/**
 * The types of `window.harness`, the API the end-to-end tests and benchmarks drive (documented in
 * docs/HARNESS.md), and the page's globals.
 */
import type {
  ActivityEntry, CheckInRow, Conference, EventRegistrationRow, FailureSpec, FakeDataverse, FakeHost, FakeInputs,
  FakeParameterValues, ServiceProtectionLimits, StatusReason, WebApiCall,
} from "../test/fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Context = ComponentFramework.Context<FakeInputs>;

declare global {
  interface Window {
    React: any;
    ReactDOM: any;
    FluentUIReact: any;
    harness: HarnessApi;
    axe?: any;
  }
}

export type ViewName = "session" | "all";

export interface MountOptions {
  /** "session": one session's registrations (the subgrid, tens to hundreds); "all": the whole event (> 5,000). */
  view?: ViewName;
  seed?: number;
  /** Attendees of the generated conference (default 1,000: about 9,250 registrations). */
  attendees?: number;
  /**
   * Exactly this many registrations in Dataverse: the first `count` of the generated conference (which gets
   * enough attendees for it). For benchmarks; the subgrid view shows those of them in the default session.
   */
  count?: number;
  /** context.webAPI latency per call, ms (default 0 through the API; the page's own default is 150). */
  latencyMs?: number;
  /**
   * Dataverse's service protection (off by default): `{ maxConcurrent: 3 }` refuses a fourth call at once with
   * -2147015898 and Retry-After, as the panel's "refuses more than N calls at once" does; also `maxRequests`,
   * `maxExecutionMs` over `windowMs`, and `retryAfterSeconds`.
   */
  serviceProtection?: ServiceProtectionLimits;
  /** Dataset load latency (refresh, paging, sorting), ms; default 0. */
  datasetLatencyMs?: number;
  metadataLatencyMs?: number;
  /** The control's pageSize property (manifest default 250). */
  pageSize?: number | null;
  /** The host's own page size before the control sets one (a subgrid's "records per page"); default 50. */
  hostPageSize?: number;
  /** The container's size in px (default: the page's width, 560 high); the page lets the user drag it. */
  width?: number;
  height?: number;
  disabled?: boolean;
  writePrivilege?: boolean;
  /** prvCreatemsevtmgt_checkin (default true): without it creates of check-in records are refused. */
  checkInCreatePrivilege?: boolean;
  /** allowCheckInEdit / allowSyncEdit / allowStatusEdit / createCheckInRecords. */
  parameters?: Partial<FakeParameterValues>;
  statusReasons?: StatusReason[];
  /** resx language (LCID) among those the manifest lists; default 1033. */
  languageId?: number;
  /** userSettings.isRTL, the page and Fluent mirrored (default: for Arabic, 1025). */
  rtl?: boolean;
  errorCodeStyle?: "signed" | "unsigned";
  /**
   * Share the data with this browser's other pages, as one Dataverse (harness/shared.ts): a reload keeps what was
   * written and another tab is another desk. The page mounts shared; API mounts get their own data unless asked.
   */
  shared?: boolean;
  /** Which desk this page is (default 1): desk 2 and up are other staff members (their own user id). */
  desk?: number;
  /** The Power Apps mobile app: client.getClient() is "Mobile" (the camera's "Scan badge"), form factor 3 (a phone). */
  phoneApp?: boolean;
  /** client.getFormFactor(): 1 desktop (default), 2 tablet, 3 phone. */
  formFactor?: number;
  /** The page's clock reads this moment (ISO) and runs on from it, e.g. "2025-06-12T09:40:00Z": during the form's session. */
  now?: string;
  /** The form's session holds this many registrations (others moved into it, with their check-ins): for benchmarks. */
  sessionSize?: number;
}

export interface RenderRecord {
  seq: number;
  /** updatedProperties of the update that caused it ([] for the first one). */
  updatedProperties: string[];
  /** performance.now() when updateView was called. */
  at: number;
  updateViewMs: number;
  /** ReactDOM.render (legacy, synchronous: render + commit). */
  reactMs: number;
}

export interface RowSummary {
  id: string;
  name: string | null;
  contact: string | null;
  count: number | null;
  synced: number | null;
  state: number;
  status: number;
  version: string;
}

export interface LogEntry {
  time: number;
  kind: string;
  text: string;
  detail?: unknown;
  tone?: "ok" | "error" | "nav";
}

export interface HarnessApi {
  readonly ready: Promise<void>;
  readonly strings: Record<string, string>;
  readonly languages: number[];
  mount(options?: MountOptions): Promise<MountInfo>;
  /** Mounts again over the SAME Dataverse (data kept), with some options changed, like a page reload. */
  remount(changes?: MountOptions): Promise<MountInfo>;
  unmount(): void;
  readonly mounted: boolean;
  readonly options: Required<Pick<MountOptions, "view" | "seed" | "attendees">> & MountOptions;
  readonly dataverse: FakeDataverse;
  readonly host: FakeHost;
  readonly context: Context;
  readonly conference: Conference;
  /** Waits until the dataset has landed, updates were delivered and no webAPI call is in flight. */
  idle(): Promise<void>;
  /** The webAPI calls so far (copies); `entity` is a logical name ("msevtmgt_checkin"). */
  calls(filter?: { op?: string; id?: string; entity?: string }): WebApiCall[];
  /** update calls: id, payload, outcome, injected failure. */
  updates(id?: string): { id: string; data: Record<string, unknown>; outcome: string; injected?: string; committed?: boolean }[];
  activity(kind?: string): ActivityEntry[];
  /** The page's activity log (platform calls, webAPI calls), oldest first. */
  log(): LogEntry[];
  clearLog(): void;
  /** Rows in the order the dataset serves them now (only the loaded pages), as stored in Dataverse. */
  rows(): RowSummary[];
  row(id: string): RowSummary | undefined;
  /** The check-in rows in Dataverse (copies), all or those equal to the given values (guids case-insensitive). */
  checkIns(filter?: Partial<CheckInRow>): CheckInRow[];
  /** The event registrations in Dataverse (copies). */
  eventRegistrations(): EventRegistrationRow[];
  failNext(spec: FailureSpec): void;
  /**
   * The page's Offline switch: while off, every call fails as fetch does (the browser's own offline state counts
   * too), and the window hears "offline"; back on, it hears "online", as when the Wi-Fi returns.
   */
  setNetwork(online: boolean): void;
  setLatency(ms: number): void;
  /** Dataverse's service protection from now on (`{}` turns it off); the panel shows `maxConcurrent`. */
  setServiceProtection(limits: ServiceProtectionLimits): void;
  changeByAnotherUser(id: string, changes: Record<string, unknown>): RowSummary;
  /**
   * An organiser sets the form's session's capacity (msevtmgt_sessionmaxcapacity; null for none). The control reads it
   * when it starts, as on a form: remount to see it.
   */
  setSessionCapacity(capacity: number | null): void;
  /** The people checked in at the form's session now: its active registrations with a count of at least 1. */
  checkedInAtSession(): number;
  /** Exactly `people` people of the form's session in, one active check-in record each (other users; remount to see it). */
  setSessionCheckIns(people: number): { people: number; records: number };
  /** Other desks check `count` (8) people of the form's session in, in the last two minutes; returns their names. */
  arrivalsBurst(count?: number): string[];
  setDisabled(disabled: boolean): void;
  setWritePrivilege(allowed: boolean): Promise<MountInfo>;
  resize(width: number, height: number): void;
  quickFind(text: string): void;
  refresh(): void;
  /** Id of the grid row that last had focus (the panel's "focused row"). */
  focusedRowId(): string | undefined;
  readonly renders: RenderRecord[];
  onRender(listener: (record: RenderRecord) => void): () => void;
  /** axe-core over the control (loaded on demand from /vendor/axe.min.js). */
  axe(options?: Record<string, unknown>): Promise<{ id: string; impact: string | null; help: string; nodes: string[] }[]>;
}

/** The options a mount ended up with: the given ones over the defaults. */
export type HarnessOptions = HarnessApi["options"];

export interface MountInfo {
  view: string;
  viewName: string;
  /** Registrations the view matches in Dataverse. */
  matching: number;
  loaded: number;
  totalResultCount: number;
}
