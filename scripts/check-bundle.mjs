// Checks the production bundle against the product's promises: within the size budget, React and Fluent
// left to the platform (page globals), no react-dom inside, and a production (not eval/development) build.
import { readFileSync, statSync } from "node:fs";

const BUDGET = 20000;
const path = process.argv[2] ?? "out/controls/SessionRegistrationGrid/bundle.js";
const bundle = readFileSync(path, "utf8");
const bytes = statSync(path).size;
const problems = [];
if (bytes > BUDGET) problems.push(`${bytes} bytes is over the ${BUDGET}-byte budget`);
if (!bundle.includes("Reactv16")) problems.push("React is not taken from the platform global Reactv16");
if (!bundle.includes("FluentUIReactv81211")) problems.push("Fluent is not taken from the platform global FluentUIReactv81211");
if (/react-dom|ReactDOM|__SECRET_INTERNALS/.test(bundle)) problems.push("react-dom (or React's internals) is inside the bundle");
if (/\beval\(/.test(bundle)) problems.push("a development build (eval) was given");
console.log(`bundle.js: ${bytes} bytes (budget ${BUDGET})`);
if (problems.length) {
  for (const p of problems) console.error(`bundle check failed: ${p}`);
  process.exit(1);
}
