/**
 * The local host page: runs the REAL built control (out/controls/SessionRegistrationGrid/bundle.js) the way a
 * model-driven app does, over the shared fakes of test/fixtures (the same FakeDataverse and PCF context the
 * unit tests use), and exposes `window.harness` for the end-to-end tests and benchmarks (docs/HARNESS.md).
 *
 * Bundled by esbuild as an IIFE (harness/server.mjs). React, ReactDOM and Fluent are NOT bundled: they are the
 * page's globals, loaded from node_modules UMD builds like the platform libraries.
 */
import { api } from "./api";
import { load, mountWith } from "./control";
import { $ } from "./dom";
import { showError, wirePanel } from "./panel";
import type { MountOptions } from "./types";

const ready = load();
window.harness = api;
wirePanel(api);

// `?manual` leaves the page empty for a test or benchmark to mount what it needs; otherwise the subgrid shows.
const params = new URLSearchParams(location.search);
ready
  .then(() => {
    if (params.has("manual")) {
      $("status").textContent = "Ready: nothing mounted (?manual). Call harness.mount().";
      return;
    }
    const view = params.get("view") === "all" ? "all" : "session";
    // One Dataverse for all of this browser's tabs (each tab a desk); ?live sets liveRefreshSeconds.
    // ?lang=1031 (1036, 1041, 1025), ?rtl=1, ?width=390 (a phone).
    const live = params.get("live");
    const number = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined);
    const options: MountOptions = {
      view, latencyMs: Number(params.get("latency") ?? 150), shared: true, desk: Number(params.get("desk") ?? 1),
      parameters: live === null ? undefined : { liveRefreshSeconds: Number(live) },
      languageId: number("lang"), rtl: params.has("rtl") ? params.get("rtl") !== "0" : undefined, width: number("width"),
      phoneApp: params.has("phone") ? params.get("phone") !== "0" : undefined, formFactor: number("formFactor"),
      // ?now=2025-06-12T09:40:00Z: the page's clock during the form's session, for a live Arrivals chart.
      now: params.get("now") ?? undefined,
    };
    // What the URL doesn't say keeps the page's defaults.
    return mountWith(Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)));
  })
  .catch(showError);
