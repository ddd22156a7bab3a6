// Checks the production bundle against the product's promises: under the 100,000-byte tripwire (a bundled React or
// a heavy library would pass it; bytes decide nothing else: speed is measured side by side), React and Fluent left
// to the platform (page globals), no react-dom inside, and a production (not eval/development) build.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

export const TRIPWIRE_BYTES = 100000;

const path = process.argv[2] ?? "out/controls/SessionRegistrationGrid/bundle.js";
const bundle = readFileSync(path);
const text = bundle.toString("utf8");
const bytes = bundle.length;
const gzip = gzipSync(bundle, { level: 9 }).length;
const problems = [];
if (bytes > TRIPWIRE_BYTES) problems.push(`${bytes} bytes is over the ${TRIPWIRE_BYTES}-byte tripwire: is React, react-dom or a heavy library inside?`);
if (!text.includes("Reactv16")) problems.push("React is not taken from the platform global Reactv16");
if (!text.includes("FluentUIReactv81211")) problems.push("Fluent is not taken from the platform global FluentUIReactv81211");
if (/react-dom|ReactDOM|__SECRET_INTERNALS/.test(text)) problems.push("react-dom (or React's internals) is inside the bundle");
if (/\beval\(/.test(text)) problems.push("a development build (eval) was given");
console.log(`bundle.js: ${bytes} bytes, ${gzip} gzipped (tripwire ${TRIPWIRE_BYTES} bytes)`);
if (problems.length) {
  for (const p of problems) console.error(`bundle check failed: ${p}`);
  process.exit(1);
}
