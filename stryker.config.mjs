// StrykerJS: how many hand-made bugs in model/ and services/ the Jest suite notices (`npm run mutate`, not CI).
// Surviving mutants are either killed by a test or named as equivalent in docs/TESTING.md.
import { tmpdir } from "node:os";
import { join } from "node:path";

const withComponents = Boolean(process.env.STRYKER_WITH_COMPONENTS);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ["SessionRegistrationGrid/model/**/*.ts", "SessionRegistrationGrid/services/**/*.ts"],
  testRunner: "jest",
  jest: {
    projectType: "custom",
    // Unit tests import what they test, so Jest's import graph finds them: each mutant loads only those files,
    // not all of them (most of a mutant's time went on loading test files that run none of their tests). The
    // component tests reach model/ and services/ through the views, which that graph misses: with them, every file.
    enableFindRelatedTests: !withComponents,
    configFile: "jest.config.js",
    config: {
      // The packaging scripts, the string tables and the long soak say nothing about model/ and services/;
      // the soak runs on its own (npm run soak) and in npm test; test/known holds open bugs, which fail.
      // The component tests (React in jsdom) reach the same code through the views at many times the cost: with
      // them a run takes hours on 2 cores, without them about half an hour. STRYKER_WITH_COMPONENTS=1 adds them.
      testPathIgnorePatterns: ["/node_modules/", "/test/e2e/", "/test/solution/", "/test/unit/build/", "/test/soak/", "/test/known/",
        ...(withComponents ? [] : ["/test/component/"])],
    },
  },
  // Only the tests that run a mutant's code run for it. The component tests' docblock environment is swapped
  // for Stryker's in the sandbox, so they report which tests reach which mutant.
  coverageAnalysis: "perTest",
  buildCommand: "node scripts/mutation-sandbox.mjs",
  // A mutant TypeScript refuses is no bug a test could catch: it is counted apart (CompileError), not as killed.
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  concurrency: 2,
  // A mutant that loops is noticed within 10 s over twice its tests' own time (they take well under a second).
  timeoutMS: 10000,
  timeoutFactor: 2,
  ignorePatterns: ["out", "test-results", "bench/results", "reports", "solution/bin", "solution/obj", "docs", "harness", "bench"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // Unchanged code and tests keep their result from the last run (reports/stryker-incremental.json).
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  thresholds: { high: 90, low: 80, break: null },
  // Outside the project: pcf-scripts builds every ControlManifest.Input.xml under the project root, a sandbox's too.
  tempDirName: join(tmpdir(), "stryker-session-registration-grid"),
  cleanTempDir: true,
};
