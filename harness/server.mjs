// The local host for the control: builds it (pcf-scripts, production), bundles the harness page (esbuild)
// and serves both over node:http on 127.0.0.1. Used by `npm start` (scripts/start.mjs), the end-to-end
// tests (test/e2e) and benchmarks, in-process: no second server, no browser opened.
//
// Routes (everything else is a 404; nothing is fetched from the network):
//   /                      harness/index.html
//   /harness/main.js(.map) out/harness/main.js, bundled from harness/main.ts (+ test/fixtures)
//   /harness/<file>.css    harness/<file>.css
//   /control/*             out/controls/SessionRegistrationGrid/* (the built control, as Dataverse serves it)
//   /vendor/react.js       node_modules/react/umd/react.<build>.js         (the platform's React)
//   /vendor/react-dom.js   node_modules/react-dom/umd/react-dom.<build>.js
//   /vendor/fluentui-react.js  node_modules/@fluentui/react/dist/fluentui-react.umd.js (the platform's Fluent 8)
//   /vendor/axe.min.js     node_modules/axe-core/axe.min.js (loaded only by the accessibility scan)
import { spawn } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const CONTROL_DIR = join(ROOT, "out", "controls", "SessionRegistrationGrid");
export const HARNESS_OUT = join(ROOT, "out", "harness");
const HARNESS_SRC = join(ROOT, "harness");
const NODE_MODULES = join(ROOT, "node_modules");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".resx": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** The UMD files that stand in for the platform libraries, by React build ("production" or "development"). */
export function vendorFiles(reactBuild = "production") {
  const min = reactBuild === "development" ? "development" : "production.min";
  return {
    "react.js": join(NODE_MODULES, "react", "umd", `react.${min}.js`),
    "react-dom.js": join(NODE_MODULES, "react-dom", "umd", `react-dom.${min}.js`),
    "fluentui-react.js": join(NODE_MODULES, "@fluentui", "react", "dist", "fluentui-react.umd.js"),
    "axe.min.js": join(NODE_MODULES, "axe-core", "axe.min.js"),
  };
}

/** Runs a command with pcf telemetry off; rejects when it fails. Output goes to this process's (or nowhere). */
export function run(command, args, { quiet = false, cwd = ROOT } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true" },
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      shell: process.platform === "win32",
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}${quiet ? `\n${output}` : ""}`));
    });
  });
}

/** `npm run build:prod`: the production bundle, exactly what the solution ships. */
export async function buildControl({ quiet = false } = {}) {
  await run(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build:prod"], { quiet });
  if (!existsSync(join(CONTROL_DIR, "bundle.js"))) throw new Error(`The build wrote no ${relative(ROOT, CONTROL_DIR)}/bundle.js`);
}

/**
 * Bundles harness/main.ts (and the shared fixtures it imports) into out/harness/main.js, an IIFE.
 * React, ReactDOM and Fluent are not bundled: the page reads them from its globals, as the platform provides them.
 */
export async function bundleHarness() {
  const esbuild = await import("esbuild");
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [join(HARNESS_SRC, "main.ts")],
    outfile: join(HARNESS_OUT, "main.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    sourcemap: true,
    logLevel: "warning",
    legalComments: "none",
  });
}

/** Where a request path is served from, or undefined (404). Never outside the allowed folders. */
function locate(pathname, vendor) {
  const inside = (base, rel) => {
    const file = normalize(join(base, rel));
    return file === base || file.startsWith(base + sep) ? file : undefined;
  };
  if (pathname === "/" || pathname === "/index.html") return join(HARNESS_SRC, "index.html");
  if (pathname.startsWith("/harness/")) {
    const rel = pathname.slice("/harness/".length);
    if (rel === "main.js" || rel === "main.js.map") return join(HARNESS_OUT, rel);
    return extname(rel) === ".css" || extname(rel) === ".svg" ? inside(HARNESS_SRC, rel) : undefined;
  }
  if (pathname.startsWith("/control/")) return inside(CONTROL_DIR, pathname.slice("/control/".length));
  if (pathname.startsWith("/vendor/")) return vendor[pathname.slice("/vendor/".length)];
  return undefined;
}

/**
 * Serves the harness on `host` (127.0.0.1). `port`: 8182 by default, the next free one if busy (unless
 * `strictPort`); 0 picks any free port (tests). Resolves with `{ url, port, server, close() }`.
 */
export async function startHarnessServer({ port = 8182, host = "127.0.0.1", strictPort = false, reactBuild = "production", log = () => undefined } = {}) {
  const vendor = vendorFiles(reactBuild);
  const server = createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const file = locate(pathname, vendor);
    let stat;
    try {
      stat = file ? statSync(file) : undefined;
    } catch {
      stat = undefined;
    }
    if (!file || !stat?.isFile()) {
      log(`404 ${pathname}`);
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${pathname}\n`);
      return;
    }
    res.writeHead(200, {
      "Content-Type": MIME[extname(file)] ?? "application/octet-stream",
      "Content-Length": stat.size,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  server.keepAliveTimeout = 1000;

  const listen = (p) =>
    new Promise((resolveListen, reject) => {
      const onError = (error) => {
        server.off("listening", onListening);
        reject(error);
      };
      const onListening = () => {
        server.off("error", onError);
        resolveListen(server.address().port);
      };
      server.once("error", onError);
      server.once("listening", onListening);
      server.listen(p, host);
    });

  let bound;
  for (let candidate = port, tries = 0; ; candidate++, tries++) {
    try {
      bound = await listen(candidate);
      break;
    } catch (error) {
      if (error.code !== "EADDRINUSE" || strictPort || port === 0 || tries >= 50) throw error;
    }
  }
  const url = `http://${host}:${bound}/`;
  return {
    url,
    port: bound,
    server,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections?.();
        server.close(() => resolveClose());
      }),
  };
}

/** Build (unless `build: false`), bundle the harness, serve. The one call `npm start`, e2e and bench make. */
export async function prepareAndServe({ build = true, quiet = false, ...serverOptions } = {}) {
  if (build) await buildControl({ quiet });
  else if (!existsSync(join(CONTROL_DIR, "bundle.js"))) {
    throw new Error(`No build in ${relative(ROOT, CONTROL_DIR)}: run without --no-build (or npm run build:prod) first.`);
  }
  await bundleHarness();
  return startHarnessServer(serverOptions);
}
