// In-page instrumentation for `npm run bench`, added as a Playwright init script: it runs before the page's own
// scripts, changes nothing the control or the harness does, and exposes `window.__bench` for bench/run.mjs.
//
//  - Timing: the control class is wrapped as the bundle registers it (the harness sets window.ComponentFramework
//    right before it loads bundle.js), so `init` is timed where it is called; the harness's render records time
//    each `updateView` and its synchronous ReactDOM.render.
//  - Rows re-rendered: Fluent's DetailsRowBase.prototype.render is wrapped to count calls. DetailsList renders
//    every row through that one class (DetailsRow = styled(DetailsRowBase)), so the count is exactly how many
//    row components React rendered, after DetailsRow's own shouldComponentUpdate. The shipped bundle is untouched.
//  - "Painted": a requestAnimationFrame callback, then a setTimeout 0 queued from it. The timeout runs after
//    that frame's style, layout and paint on the main thread.
//  - Heap before init: gc() (--js-flags=--expose-gc) then performance.memory.usedJSHeapSize
//    (--enable-precise-memory-info), synchronously inside init. Later readings are taken by run.mjs after a GC
//    through the DevTools protocol (browser.mjs, settledHeap).
(() => {
  "use strict";
  const now = () => performance.now();

  const bench = {
    /** Collect garbage at the start of init (before its clock starts) and read the heap there. */
    gcAtInit: true,
    /** true: leave the fake's records computing every value on each call (see materialize). */
    lazyRecords: false,
    counters: { rowRenders: 0, rowMounts: 0, listRenders: 0 },
    /** The last init: { start, end, heapBefore } (heapBefore measured after a full GC, before init runs). */
    lastInit: undefined,

    resetCounters() {
      bench.counters.rowRenders = 0;
      bench.counters.rowMounts = 0;
      bench.counters.listRenders = 0;
    },

    paint() {
      return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(now()), 0)));
    },

    /** Lets debounced and idle work run (Fluent's List renders pages ahead when idle), then a frame. */
    async quiet(ms = 150) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      await bench.paint();
    },

    heap() {
      const collect = globalThis.gc; // --js-flags=--expose-gc
      if (typeof collect === "function") {
        collect();
        collect();
      }
      return performance.memory ? performance.memory.usedJSHeapSize : undefined;
    },

    /**
     * Unmounts through the harness, then makes React 16 let go of the unmounted tree. react-dom keeps the last
     * root whose commit left synchronous work behind in a module variable (its nested-update guard,
     * rootWithNestedUpdates); the control's root is such a root (Fluent components set state as they mount), and
     * through its fibers it reaches the control's last props and all they reach, until another root takes its
     * place. A throwaway root that does the same (a state update in a layout effect) takes its place; then
     * heap figures taken after an unmount don't still count the unmounted control.
     */
    unmountAndRelease() {
      window.harness.unmount();
      const { React, ReactDOM } = window;
      const Nested = () => {
        const [done, setDone] = React.useState(false);
        React.useLayoutEffect(() => {
          if (!done) setDone(true);
        }, [done]);
        return null;
      };
      const scratch = document.createElement("div");
      ReactDOM.render(React.createElement(Nested), scratch);
      ReactDOM.unmountComponentAtNode(scratch);
    },

    /** Rows DetailsList has in the DOM and their elements (the row element and all its descendants). */
    domStats() {
      const rows = document.querySelectorAll('#control-root [role="row"][data-item-index]');
      let elements = 0;
      let svg = 0;
      for (const row of rows) {
        elements += 1 + row.getElementsByTagName("*").length;
        for (const icon of row.getElementsByTagName("svg")) svg += 1 + icon.getElementsByTagName("*").length;
      }
      return {
        rows: rows.length,
        elementsPerRow: rows.length ? elements / rows.length : 0,
        // The harness draws Fluent's icons as inline SVG; the platform's icon font draws them as text in the <i>.
        elementsPerRowFontIcons: rows.length ? (elements - svg) / rows.length : 0,
        controlElements: document.querySelectorAll("#control-root *").length,
      };
    },

    nextRender() {
      return new Promise((resolve) => {
        const off = window.harness.onRender((record) => {
          off();
          resolve({ ...record, end: now() });
        });
      });
    },

    /**
     * Mounts through window.harness and times `init` + the first `updateView` (and the harness's synchronous
     * ReactDOM.render of its element) until that frame is painted; then until the mount has settled (the
     * harness's idle: the dataset's follow-up loads and the table metadata landed) and painted.
     */
    async mount(options) {
      let first;
      let firstPainted;
      // Each update during the mount, with how many loads the dataset had completed by then.
      const updates = [];
      const off = window.harness.onRender((record) => {
        updates.push({ seq: record.seq, at: record.at, loads: window.harness.host.dataset.loads });
        if (first) return;
        first = { ...record, end: now(), dom: bench.domStats(), rowMounts: bench.counters.rowMounts };
        firstPainted = bench.paint();
      });
      bench.resetCounters();
      bench.lastInit = undefined;
      let info;
      try {
        info = await window.harness.mount(options);
      } finally {
        off();
      }
      if (!bench.lastInit || !first) {
        throw new Error("bench: the control's init was not seen (does the page still set window.ComponentFramework before loading bundle.js?)");
      }
      const firstPaint = await firstPainted;
      const settledPaint = await bench.paint();
      const init = bench.lastInit;
      const settledDom = bench.domStats();
      const later = window.harness.renders.filter((r) => r.at >= init.start && r.seq !== first.seq);
      return {
        info,
        initMs: init.end - init.start,
        updateViewMs: first.updateViewMs,
        reactMs: first.reactMs,
        jsMs: first.end - init.start,
        firstPaintMs: firstPaint - init.start,
        firstDom: first.dom,
        rowsRenderedFirst: first.rowMounts,
        settledPaintMs: settledPaint - init.start,
        settledDom,
        renders: later.length + 1,
        followUpMs: later.reduce((sum, r) => sum + r.updateViewMs + r.reactMs, 0),
        // Updates the first paint includes: the first, and the "loading" one the control's own refresh (for the
        // columns it adds) announces at once. One bringing data before the paint would be a measuring error.
        updatesBeforePaint: updates.filter((u) => u.at < firstPaint).length,
        followUpBeforePaint: updates.some((u) => u.at < firstPaint && u.loads > updates[0].loads),
        rowRendersSettled: bench.counters.rowRenders,
        heapBefore: init.heapBefore,
      };
    },

    /** Updates that bring the same data: the host reports the same size again (as after a resize or a focus change). */
    async unchanged(times) {
      await window.harness.idle();
      const host = window.harness.host;
      const { width, height } = window.harness.options;
      const samples = [];
      bench.resetCounters();
      for (let i = 0; i < times; i++) {
        const rendered = bench.nextRender();
        host.resize(width, height);
        const record = await rendered;
        samples.push({ updateViewMs: record.updateViewMs, totalMs: record.updateViewMs + record.reactMs });
      }
      return { samples, rowRenders: bench.counters.rowRenders };
    },

    /** dataset.refresh() with nothing changed in Dataverse: new record objects, same data (two updates: loading, loaded). */
    async refresh() {
      await window.harness.idle();
      await bench.paint();
      const records = [];
      const off = window.harness.onRender((r) => records.push({ ...r, end: now() }));
      bench.resetCounters();
      const start = now();
      window.harness.refresh();
      await window.harness.idle();
      off();
      const painted = await bench.paint();
      const last = records[records.length - 1];
      return {
        updates: records.length,
        controlMs: records.reduce((sum, r) => sum + r.updateViewMs + r.reactMs, 0),
        lastUpdateMs: last ? last.updateViewMs + last.reactMs : 0,
        landedToPaintMs: last ? painted - last.at : 0,
        refreshToPaintMs: painted - start,
        rowRenders: bench.counters.rowRenders,
        rowsInDom: bench.domStats().rows,
      };
    },

    /**
     * Picks a visible active row with a Check in button, and arms observers: the click's time (its event
     * timeStamp), the count cell showing the new count (optimistic) and painted, and "Saving…" gone with the
     * new count (saved) and painted. run.mjs then clicks the button with a real (CDP) mouse click.
     */
    armCheckIn(skip = 0) {
      const rows = [...document.querySelectorAll('#control-root [role="row"][data-item-index]')]
        .filter((row) => row.querySelector(".srg-checkin-button") && row.querySelector(".srg-count") && !row.querySelector(".srg-saving"))
        .filter((row) => row.getBoundingClientRect().bottom < window.innerHeight && Number(row.getAttribute("data-item-index")) < 12);
      const row = rows[skip % Math.max(1, rows.length)];
      if (!row) throw new Error("bench: no visible row with a Check in button");
      const index = row.getAttribute("data-item-index");
      const countOf = () => Number((row.querySelector(".srg-count")?.textContent ?? "").replace(/[^\d]/g, ""));
      const before = countOf();
      const expected = before + 1;
      const state = { index, before, expected, clickAt: undefined, optimisticAt: undefined, savedAt: undefined, rowRendersAtClick: 0 };
      bench.checkIn = state;
      let resolveOptimistic, resolveSaved;
      state.optimistic = new Promise((r) => (resolveOptimistic = r));
      state.saved = new Promise((r) => (resolveSaved = r));
      const check = () => {
        if (state.clickAt === undefined) return;
        const count = countOf();
        if (state.optimisticAt === undefined && count === expected) {
          state.optimisticAt = now();
          state.rowRendersOptimistic = bench.counters.rowRenders - state.rowRendersAtClick;
          resolveOptimistic(bench.paint());
        }
        if (state.optimisticAt !== undefined && state.savedAt === undefined && !row.querySelector(".srg-saving") && count === expected) {
          state.savedAt = now();
          resolveSaved(bench.paint());
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(row, { subtree: true, childList: true, characterData: true, attributes: true });
      window.addEventListener("click", (event) => {
        state.clickAt = event.timeStamp;
        // How long the browser took to hand the click to the page (input delivery, before any of its handlers).
        state.handedOverAt = now();
        state.rowRendersAtClick = bench.counters.rowRenders;
      }, { capture: true, once: true });
      return { index, before };
    },

    async checkInResult(optimisticTimeoutMs = 5000) {
      const state = bench.checkIn;
      const timeout = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error(`bench: check-in not ${state.optimisticAt ? "saved" : "shown"} within ${ms} ms`)), ms));
      const optimisticPaint = await Promise.race([state.optimistic, timeout(optimisticTimeoutMs)]);
      const savedPaint = await Promise.race([state.saved, timeout(15000)]);
      return {
        index: state.index,
        before: state.before,
        clickToDomMs: state.optimisticAt - state.clickAt,
        clickToHandlerMs: state.handedOverAt - state.clickAt,
        clickToPaintMs: optimisticPaint - state.clickAt,
        clickToSavedPaintMs: savedPaint - state.clickAt,
        rowRendersOptimistic: state.rowRendersOptimistic,
      };
    },

    /**
     * The desk's clock: the next keydown of `key` (its event timeStamp) until what the key changes is in the DOM
     * and painted: "matches" is the footer's count of matches (a key press in Find attendee, the list filtered),
     * "status" the status line (Enter after a scanned code: "Checking in …").
     */
    armDesk(key, until) {
      const root = document.getElementById("control-root");
      const target = () => root.querySelector(until === "status" ? ".srg-status-line" : ".srg-footer > span");
      const before = target()?.textContent ?? "";
      const state = { keyAt: undefined, doneAt: undefined, rowRendersAtKey: 0 };
      bench.desk = state;
      state.done = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          const text = target()?.textContent ?? "";
          if (state.keyAt === undefined || text === before || !text) return;
          state.doneAt = now();
          state.rowRenders = bench.counters.rowRenders - state.rowRendersAtKey;
          observer.disconnect();
          resolve(bench.paint());
        });
        observer.observe(root, { subtree: true, childList: true, characterData: true });
      });
      const onKey = (event) => {
        if (event.key !== key) return;
        window.removeEventListener("keydown", onKey, true);
        state.keyAt = event.timeStamp;
        state.rowRendersAtKey = bench.counters.rowRenders;
      };
      window.addEventListener("keydown", onKey, true);
    },

    async deskResult(timeoutMs = 5000) {
      const state = bench.desk;
      const painted = await Promise.race([state.done, new Promise((_, reject) => setTimeout(() => reject(new Error("bench: the desk's key press changed nothing")), timeoutMs))]);
      return { toDomMs: state.doneAt - state.keyAt, toPaintMs: painted - state.keyAt, rowRenders: state.rowRenders };
    },

    /** Arms the bulk run's clock: the click on the toolbar's Check in, until the summary is shown and painted. */
    armBulk() {
      const state = { clickAt: undefined, doneAt: undefined };
      bench.bulk = state;
      state.done = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (state.clickAt === undefined) return;
          // The summary (a MessageBar with its role=status) replaces the progress bar when the run is over.
          if (document.querySelector("#control-root .srg-bulk-summary") && !document.querySelector("#control-root .srg-progress")) {
            state.doneAt = now();
            observer.disconnect();
            resolve(bench.paint());
          }
        });
        observer.observe(document.getElementById("control-root"), { subtree: true, childList: true });
      });
      window.addEventListener("click", (event) => {
        state.clickAt = event.timeStamp;
        // How long the browser took to hand the click to the page (input delivery, before any of its handlers).
        state.handedOverAt = now();
        bench.resetCounters();
      }, { capture: true, once: true });
    },

    async bulkResult(timeoutMs) {
      const state = bench.bulk;
      const painted = await Promise.race([state.done, new Promise((_, reject) => setTimeout(() => reject(new Error("bench: the bulk run did not finish")), timeoutMs))]);
      const summary = document.querySelector("#control-root .srg-bulk-summary .ms-MessageBar-innerText")?.textContent ?? "";
      return { wallMs: painted - state.clickAt, toSummaryMs: state.doneAt - state.clickAt, summary, ...bench.counters };
    },
  };

  // ---- records as the platform hands them over ----------------------------------------------------------------

  /**
   * A model-driven app's dataset records carry their values: getValue and getFormattedValue are lookups. The
   * fake's records compute each value on every call (a Date and its formatting, a name lookup, Intl), which
   * would be charged to the control. So, as each load lands (outside the control's clock), every value the
   * control can read is computed once and the record answers from that. Set `bench.lazyRecords = true` (run.mjs
   * --lazy-records) to measure over the fake's records as they are.
   */
  const READ_COLUMNS = ["msevtmgt_name", "msevtmgt_syncedwithprovider", "msevtmgt_timescheckedin", "statecode", "statuscode", "versionnumber"];
  function materialize(engine) {
    if (bench.lazyRecords) return;
    const names = [...new Set([...engine.columns.map((c) => c.name), ...READ_COLUMNS])];
    for (const id of Object.keys(engine.records)) {
      const record = engine.records[id];
      if (record.__benchMaterialized) continue;
      const raw = new Map();
      const formatted = new Map();
      for (const name of names) {
        raw.set(name, record.getValue(name));
        formatted.set(name, record.getFormattedValue(name));
      }
      const { getValue, getFormattedValue } = record;
      engine.records[id] = {
        __benchMaterialized: true,
        getRecordId: record.getRecordId,
        getNamedReference: record.getNamedReference,
        getValue: (name) => (raw.has(name) ? raw.get(name) : getValue(name)),
        getFormattedValue: (name) => (formatted.has(name) ? formatted.get(name) : getFormattedValue(name)),
      };
    }
  }

  function instrumentDataset(engine) {
    if (engine.__benchWrapped) return;
    engine.__benchWrapped = true;
    materialize(engine);
    const finishLoad = engine.finishLoad;
    engine.finishLoad = function (...args) {
      const result = finishLoad.apply(this, args);
      materialize(this);
      return result;
    };
  }

  // ---- the control class, wrapped as the bundle registers it --------------------------------------------------

  function instrument(Control) {
    const proto = Control.prototype;
    if (proto.__benchWrapped) return;
    proto.__benchWrapped = true;
    const init = proto.init;
    proto.init = function (...args) {
      const record = { start: 0, end: 0, heapBefore: undefined };
      // The harness has made the context and the dataset's first page (window.harness.host) just before init.
      instrumentDataset(window.harness.host.dataset);
      // Garbage the page made while preparing the fakes is collected before the clock starts.
      if (bench.gcAtInit) record.heapBefore = bench.heap();
      record.start = now();
      try {
        return init.apply(this, args);
      } finally {
        record.end = now();
        bench.lastInit = record;
      }
    };
  }

  function instrumentFluent() {
    const Fluent = window.FluentUIReact;
    const list = Fluent?.DetailsListBase?.prototype;
    if (list && !list.__benchWrapped) {
      list.__benchWrapped = true;
      const renderList = list.render;
      list.render = function () {
        bench.counters.listRenders++;
        return renderList.call(this);
      };
    }
    const proto = Fluent?.DetailsRowBase?.prototype;
    if (!proto || proto.__benchWrapped) return;
    proto.__benchWrapped = true;
    const render = proto.render;
    proto.render = function () {
      bench.counters.rowRenders++;
      if (!this.__benchSeen) {
        this.__benchSeen = true;
        bench.counters.rowMounts++;
      }
      return render.call(this);
    };
  }

  let framework;
  Object.defineProperty(window, "ComponentFramework", {
    configurable: true,
    get: () => framework,
    set(value) {
      instrumentFluent();
      const register = value?.registerControl;
      framework = typeof register === "function"
        ? { ...value, registerControl(name, Control) { instrument(Control); return register.call(this, name, Control); } }
        : value;
    },
  });

  window.__bench = bench;
})();
