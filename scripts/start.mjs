#!/usr/bin/env node
// `npm start`: builds the control (production, as shipped), bundles the local host page and serves it on
// 127.0.0.1 (PORT or 8182; the next free port if busy). Prints the URL and keeps running; opens no browser.
//
//   npm start                       build, then serve
//   npm start -- --no-build         serve the build already in out/controls (still re-bundles the page)
//   npm start -- --port 9000        or PORT=9000 npm start
//   npm start -- --react-dev        React's development build (its warnings in the console)
import { prepareAndServe } from "../harness/server.mjs";
import { commandLine } from "./lib/cli.mjs";

const { flag, value } = commandLine();

if (flag("--help") || flag("-h")) {
  console.log("Usage: npm start [-- --no-build] [--port <n>] [--react-dev]");
  process.exit(0);
}

const port = Number(value("--port") ?? process.env.PORT ?? 8182);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port: ${value("--port") ?? process.env.PORT}`);
  process.exit(2);
}

try {
  if (!flag("--no-build")) console.log("Building the control (npm run build:prod)…");
  const server = await prepareAndServe({
    build: !flag("--no-build"),
    port,
    reactBuild: flag("--react-dev") ? "development" : "production",
  });
  console.log("");
  console.log(`Session Registration Grid is running at ${server.url}`);
  console.log(`  ${server.url}?view=all          all registrations of the event (over 5,000)`);
  console.log(`  ${server.url}?latency=0         no simulated Dataverse latency`);
  console.log("Press Ctrl+C to stop.");
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
