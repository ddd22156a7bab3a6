// Stryker's build step, run inside its sandbox copy (never in the work tree): component tests name their
// environment in a docblock (`@jest-environment jsdom`), which beats any config, so here it becomes Stryker's
// jsdom environment, which reports per-test coverage (Stryker then runs only the tests that reach a mutant).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = process.cwd();
if (!/[\\/]sandbox-[^\\/]+$/.test(root)) {
  console.error(`mutation-sandbox: not a Stryker sandbox (${root}); nothing changed`);
  process.exit(1);
}

const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : /\.test\.tsx?$/.test(name) ? [path] : [];
});

let changed = 0;
for (const file of files(resolve(root, "test"))) {
  const source = readFileSync(file, "utf8");
  const next = source.replace(/@jest-environment jsdom\b/, "@jest-environment @stryker-mutator/jest-runner/jest-env/jsdom");
  if (next !== source) {
    writeFileSync(file, next);
    changed++;
  }
}
console.log(`mutation-sandbox: ${changed} jsdom test file(s) use Stryker's jsdom environment`);
