/**
 * Issue 15: the model-based soak. fast-check generates sequences of what a door desk does and what the network and
 * Dataverse do to it; each runs against the real editor over the fake Dataverse (world.ts), and the invariants are
 * checked after every command and at the end. A failing sequence is shrunk to the shortest that still fails.
 */
import fc from "fast-check";
import { bulkEdit, type BulkAction } from "../../SessionRegistrationGrid/model/bulkActions";
import { allowedOn } from "../../SessionRegistrationGrid/model/edits";
import type { FailureKind, WebApiOp } from "../fixtures";
import { newFigures, ROW_COUNT, STATUS_REASONS, World, type Figures, type WorldParams } from "./world";

type Model = Record<string, never>;
type Command = fc.AsyncCommand<Model, World>;

/** Time that passes after a command, in virtual ms: overlapping calls, backoffs, and presses within two seconds. */
const pause = fc.constantFrom(0, 3, 12, 40, 150, 700, 2500);
const rowIndex = fc.integer({ min: 0, max: ROW_COUNT - 1 });
const rowMask = fc.integer({ min: 1, max: (1 << ROW_COUNT) - 1 });

abstract class Step implements Command {
  constructor(readonly pauseMs: number) {}
  check(): boolean { return true; }
  protected abstract act(world: World): Promise<{ retried?: Set<string>; discarded?: Set<string> } | void> | { retried?: Set<string>; discarded?: Set<string> } | void;
  protected abstract label(): string;
  async run(_model: Model, world: World): Promise<void> {
    world.figures.commands++;
    // Retry and Discard act at once: what leaves the grid while time passes afterwards left for its own reasons
    // (a check-in still saving at Discard, then replaced by a typed count, was not discarded).
    world.observe((await this.act(world)) ?? {});
    await world.time.advance(this.pauseMs);
    world.observe();
    world.checkStep();
    world.trace(String(this));
    if (world.violations.length) throw new Error(`after ${this}: ${world.violations.join("; ")}`);
  }
  toString(): string { return `${this.label()}${this.pauseMs ? ` +${this.pauseMs}ms` : ""}`; }
}

const rowsOf = (world: World, mask: number) => world.rowIds.map((_, i) => i).filter((i) => mask & (1 << i)).map((i) => world.row(i));
/** Whether the UI offers this edit on the row as it is shown (a cancelled row takes only its status). */
const offered = (world: World, i: number, kind: "checkIn" | "count" | "sync") => allowedOn({ kind } as never, world.shown(i));

class PressCheckIn extends Step {
  constructor(readonly i: number, pauseMs: number) { super(pauseMs); }
  act(world: World) {
    const row = world.row(this.i);
    if (!allowedOn({ kind: "checkIn" }, world.shown(this.i)) || world.atMaximum(row.id) || !world.mayTouch(row.id)) return;
    // A press on a row with a failed check-in retries it.
    if (world.editor.failures().some((c) => c.rowId === row.id && c.edit.kind === "checkIn") && world.retryWouldMistake(row.id)) return;
    const { press, done } = world.editor.checkIn(row);
    void done;
    return press === "retried" ? { retried: new Set([row.id]) } : undefined;
  }
  label() { return `press Check in on row ${this.i}`; }
}

class TypeCount extends Step {
  constructor(readonly i: number, readonly value: number, pauseMs: number) { super(pauseMs); }
  act(world: World) {
    if (!offered(world, this.i, "count") || !world.mayTouch(world.row(this.i).id)) return;
    // The model does not describe a check-in held at the largest count: that only on a row with no check-in to come.
    if (this.value >= 2147483647 - 8 && !world.mayReachMaximum(world.row(this.i).id)) return;
    // The grid's own row, with what it shows now: what the user saw when typing.
    const row = world.row(this.i);
    void world.editor.submit({ ...row, fields: world.editor.shown(row) }, { kind: "count", value: this.value });
  }
  label() { return `type count ${this.value} on row ${this.i}`; }
}

class ToggleSync extends Step {
  constructor(readonly i: number, pauseMs: number) { super(pauseMs); }
  act(world: World) {
    if (!offered(world, this.i, "sync") || !world.mayTouch(world.row(this.i).id)) return;
    const row = world.row(this.i);
    void world.editor.submit(row, { kind: "sync", synced: !world.editor.shown(row).synced });
  }
  label() { return `toggle sync on row ${this.i}`; }
}

class PickStatus extends Step {
  constructor(readonly i: number, readonly reason: number, pauseMs: number) { super(pauseMs); }
  act(world: World) {
    const reason = STATUS_REASONS[this.reason % STATUS_REASONS.length];
    if (!world.mayTouch(world.row(this.i).id)) return;
    void world.editor.submit(world.row(this.i), { kind: "status", state: reason.state, statusReason: reason.value });
  }
  label() { return `pick status ${STATUS_REASONS[this.reason % STATUS_REASONS.length].label} on row ${this.i}`; }
}

class Undo extends Step {
  constructor(readonly i: number, pauseMs: number) { super(pauseMs); }
  act(world: World) {
    if (world.mayTouch(world.row(this.i).id)) void world.editor.undoCheckIn(world.row(this.i));
  }
  label() { return `undo check-in on row ${this.i}`; }
}

class Bulk extends Step {
  constructor(readonly action: BulkAction, readonly mask: number, pauseMs: number) { super(pauseMs); }
  act(world: World) {
    // A row's failed change of the same kind is retried by the run: not where that walks into the known bug.
    const rows = rowsOf(world, this.mask).filter((r) => !world.retryWouldMistake(r.id) && world.mayTouch(r.id));
    const editFor = this.action === "undoCheckIn"
      ? (row: (typeof rows)[number]) => world.editor.undoEdit(row.id)
      : (row: (typeof rows)[number]) => (this.action === "checkIn" && world.atMaximum(row.id) ? undefined : bulkEdit(this.action, world.editor.shown(row), STATUS_REASONS));
    // A row's failed change of the same kind is retried rather than made again.
    const retried = new Set(rows.filter((r) => world.editor.failures().some((c) => c.rowId === r.id)).map((r) => r.id));
    void world.editor.runBulk(rows, editFor);
    return { retried };
  }
  label() { return `bulk ${this.action} on rows ${this.mask.toString(2).padStart(ROW_COUNT, "0").split("").reverse().map((b, i) => (b === "1" ? i : "")).join("")}`; }
}

class Retry extends Step {
  constructor(readonly i: number | undefined, pauseMs: number) { super(pauseMs); }
  act(world: World) {
    const rows = this.i === undefined ? world.rowIds : [world.row(this.i).id];
    const retried = new Set(rows.filter((id) => !world.retryWouldMistake(id) && world.mayTouch(id) && world.editor.failures().some((c) => c.rowId === id)));
    retried.forEach((id) => world.editor.retry(id));
    return { retried };
  }
  label() { return this.i === undefined ? "Retry all" : `Retry row ${this.i}`; }
}

class Discard extends Step {
  constructor(readonly i: number | undefined, pauseMs: number) { super(pauseMs); }
  act(world: World) {
    const discarded = new Set(this.i === undefined ? world.rowIds : [world.row(this.i).id]);
    if (this.i === undefined) world.editor.discardAll();
    else world.editor.discard(world.row(this.i).id);
    return { discarded };
  }
  label() { return this.i === undefined ? "Discard all" : `Discard row ${this.i}`; }
}

class Network extends Step {
  constructor(readonly what: "drop" | "browserOffline" | "back" | "probe", pauseMs: number) { super(pauseMs); }
  act(world: World) {
    if (this.what === "drop") world.networkDown = true;
    else if (this.what === "browserOffline") {
      world.networkDown = true;
      world.browserOffline = true;
    } else if (this.what === "back") {
      // Every tab hears the online event.
      world.networkDown = false;
      world.browserOffline = false;
      world.online();
    } else world.editor.reconnect();
  }
  label() { return { drop: "the network drops", browserOffline: "the browser goes offline", back: "the connection comes back", probe: "the probe fires" }[this.what]; }
}

class Reload extends Step {
  act(world: World) { return world.reload(); }
  label() { return "reload the page"; }
}

class TabEvent extends Step {
  constructor(readonly what: Parameters<World["tab"]>[0], pauseMs: number) { super(pauseMs); }
  act(world: World) { world.tab(this.what); }
  label() {
    return { open: "open another tab", switch: "switch to the other tab", close: "close this tab", crash: "this tab crashes", crashBrowser: "the browser crashes and reopens its tabs", formChange: "move to another form in this tab" }[this.what];
  }
}

class OtherDesk extends Step {
  constructor(readonly i: number, readonly what: "checkIn" | "count" | "sync" | "status", readonly value: number, readonly poll: boolean, pauseMs: number) { super(pauseMs); }
  act(world: World) {
    if (this.what === "checkIn") world.otherDeskCheckIn(this.i);
    else world.otherDeskChange(this.i, this.what, this.value);
    if (this.poll) world.poll();
  }
  label() { return `another desk: ${this.what === "checkIn" ? "checks in" : `sets ${this.what}${this.what === "count" ? ` ${this.value}` : ""}`} on row ${this.i}${this.poll ? ", then the live poll" : ""}`; }
}

class Refresh extends Step {
  act(world: World) { world.refreshDataset(); }
  label() { return "the dataset refreshes"; }
}

class Fault extends Step {
  constructor(readonly kind: FailureKind, readonly op: WebApiOp | "any", readonly times: number, readonly retryAfter: number, pauseMs: number) { super(pauseMs); }
  act(world: World) {
    // "Not found" is only true of a registration someone deleted: on a check-in record it would say the record is
    // gone (and the undo rightly goes on without it), which the store would contradict.
    world.dataverse.failNext({ kind: this.kind, op: this.op, times: this.times, retryAfterSeconds: this.retryAfter, ...(this.kind === "notFound" && { entity: "msevtmgt_sessionregistration" }) });
  }
  label() { return `fault: the next ${this.times} ${this.op} call(s) fail with ${this.kind}${this.kind === "throttle" ? ` (Retry-After ${this.retryAfter} s)` : ""}`; }
}

class Wait extends Step {
  act() { /* time passes */ }
  label() { return "wait"; }
}

/** Every command, weighted like a busy door with a bad network. */
export const commands: fc.Arbitrary<Command>[] = [
  ...[1, 2, 3].map(() => fc.tuple(rowIndex, pause).map(([i, p]) => new PressCheckIn(i, p))),
  fc.tuple(rowIndex, fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(2147483647)), pause).map(([i, v, p]) => new TypeCount(i, v, p)),
  fc.tuple(rowIndex, pause).map(([i, p]) => new ToggleSync(i, p)),
  fc.tuple(rowIndex, fc.nat(STATUS_REASONS.length - 1), pause).map(([i, r, p]) => new PickStatus(i, r, p)),
  ...[1, 2].map(() => fc.tuple(rowIndex, pause).map(([i, p]) => new Undo(i, p))),
  fc.tuple(fc.constantFrom<BulkAction>("checkIn", "checkIn", "markSynced", "markNotSynced", "deactivate", "activate", "undoCheckIn"), rowMask, pause).map(([a, m, p]) => new Bulk(a, m, p)),
  fc.tuple(fc.option(rowIndex, { nil: undefined }), pause).map(([i, p]) => new Retry(i, p)),
  fc.tuple(fc.option(rowIndex, { nil: undefined }), pause).map(([i, p]) => new Discard(i, p)),
  fc.tuple(fc.constantFrom("drop", "browserOffline", "back", "back", "probe" as const), pause).map(([w, p]) => new Network(w, p)),
  pause.map((p) => new Reload(p)),
  ...[1, 2].map(() => fc.tuple(fc.constantFrom("open", "open", "switch", "switch", "close", "crash", "crashBrowser", "formChange" as const), pause).map(([w, p]) => new TabEvent(w, p))),
  ...[1, 2].map(() => fc.tuple(rowIndex, fc.constantFrom("checkIn", "checkIn", "count", "sync", "status" as const), fc.integer({ min: 0, max: 12 }), fc.boolean(), pause)
    .map(([i, w, v, poll, p]) => new OtherDesk(i, w, v, poll, p))),
  pause.map((p) => new Refresh(p)),
  ...[1, 2].map(() => fc.tuple(
    fc.constantFrom<FailureKind>("network", "networkAfterCommit", "networkAfterCommit", "throttle", "privilege", "validation", "notFound"),
    fc.constantFrom<WebApiOp | "any">("update", "update", "create", "retrieve", "any"),
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 0, max: 8 }),
    pause,
  ).map(([k, op, t, r, p]) => new Fault(k, op, t, r, p))),
  fc.constantFrom(2500, 20_000).map((p) => new Wait(p)),
];

/** One sequence's dice: the world's seed, how slow and how faulty its Dataverse is. */
export const worldParams: fc.Arbitrary<Omit<WorldParams, "knownBugs">> = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  faultRate: fc.constantFrom(0, 0.03, 0.1, 0.2),
  maxLatencyMs: fc.constantFrom(0, 5, 30, 120),
  maxConcurrent: fc.constantFrom(undefined, undefined, 2, 3),
});

export interface SoakRun {
  figures: Figures;
  /** fast-check's report of the shortest failing sequence, with the seed and path that replay it. */
  failure?: string;
  seed: number;
  runs: number;
  ms: number;
}

/** The property: any sequence, run to the end and drained, keeps every invariant. */
export function soakProperty(figures: Figures, options: { knownBugs?: WorldParams["knownBugs"]; maxCommands?: number; replayPath?: string } = {}) {
  return fc.asyncProperty(worldParams, fc.commands(commands, { maxCommands: options.maxCommands ?? 60, size: "max", replayPath: options.replayPath }), async (params, cmds) => {
    const world = new World({ ...params, knownBugs: options.knownBugs }, figures);
    const onUnhandled = () => world.unhandledRejection();
    process.on("unhandledRejection", onUnhandled);
    try {
      await fc.asyncModelRun(() => ({ model: {}, real: world }), cmds);
      await world.drain();
      world.checkStep();
      world.checkEnd();
      if (world.violations.length) throw new Error(`at the end: ${world.violations.join("; ")}`);
    } finally {
      // Rejections surface a tick late: give them one before the listener goes.
      await new Promise((resolve) => setImmediate(resolve));
      process.off("unhandledRejection", onUnhandled);
      world.dispose();
    }
  });
}

/**
 * Runs sequences for `seconds`, from `seed`. On a violation fast-check shrinks the sequence and the report names
 * the seed and path that replay it (`path` replays exactly that case).
 */
export async function soak(options: { seconds: number; seed?: number; path?: string; replayPath?: string; knownBugs?: WorldParams["knownBugs"]; maxCommands?: number; numRuns?: number }): Promise<SoakRun> {
  const figures = newFigures();
  const seed = options.seed ?? Date.now() % 0x7fffffff;
  const started = Date.now();
  const details = await fc.check(soakProperty(figures, options), {
    seed,
    path: options.path,
    numRuns: options.numRuns ?? 1_000_000,
    interruptAfterTimeLimit: options.seconds * 1000,
    markInterruptAsFailure: false,
    // Time spent shrinking is not limited by the budget: a failure is worth its shortest form.
    endOnFailure: false,
  });
  const ms = Date.now() - started;
  const failure = details.failed ? `${fc.defaultReportMessage(details)}\n${String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance)}` : undefined;
  return { figures, failure, seed, runs: details.numRuns, ms };
}

/** The figures as a few lines of text. */
export function report(run: SoakRun): string {
  const f = run.figures;
  const faults = Object.entries(f.faults).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ") || "none";
  return [
    `seed ${run.seed}`,
    `sequences ${f.sequences}, commands ${f.commands}, calls ${f.calls}, reloads ${f.reloads}`,
    `tabs opened ${f.tabsOpened}, closed ${f.tabsClosed}, crashed ${f.tabsCrashed}, form changes ${f.formChanges}; changes adopted from another editor ${f.adopted}`,
    `check-ins saved ${f.checkIns}; half-done changes discarded and their records put back ${f.putBack}, left as discarded ${f.leftAsDiscarded}`,
    `faults injected: ${faults}`,
    `invariant checks ${f.checks}, violations ${f.violations}`,
    `time ${(run.ms / 1000).toFixed(1)} s`,
  ].join("\n");
}
