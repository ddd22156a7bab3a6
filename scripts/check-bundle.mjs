// Checks the production bundle against the product's promises: within the size budget (bytes and gzip), React
// and Fluent left to the platform (page globals), no react-dom inside, and a production (not eval/development) build.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

export const BUDGET_BYTES = 40000;
export const BUDGET_GZIP = 14000;

const path = process.argv[2] ?? "out/controls/SessionRegistrationGrid/bundle.js";
const bundle = readFileSync(path);
const text = bundle.toString("utf8");
const bytes = bundle.length;
const gzip = gzipSync(bundle, { level: 9 }).length;
const problems = [];
if (bytes > BUDGET_BYTES) problems.push(`${bytes} bytes is over the ${BUDGET_BYTES}-byte budget`);
if (gzip > BUDGET_GZIP) problems.push(`${gzip} bytes gzipped is over the ${BUDGET_GZIP}-byte budget`);
if (!text.includes("Reactv16")) problems.push("React is not taken from the platform global Reactv16");
if (!text.includes("FluentUIReactv81211")) problems.push("Fluent is not taken from the platform global FluentUIReactv81211");
if (/react-dom|ReactDOM|__SECRET_INTERNALS/.test(text)) problems.push("react-dom (or React's internals) is inside the bundle");
if (/\beval\(/.test(text)) problems.push("a development build (eval) was given");
console.log(`bundle.js: ${bytes} bytes, ${gzip} gzipped (budget ${BUDGET_BYTES}, ${BUDGET_GZIP} gzipped)`);
if (problems.length) {
  for (const p of problems) console.error(`bundle check failed: ${p}`);
  process.exit(1);
}
