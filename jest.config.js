/** Fast tests: the pure model and services in node, components in jsdom (per-file docblock). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // test/known holds open bugs' examples, which fail until fixed: `npm run test:known` runs them.
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/", ...(process.env.KNOWN_BUGS ? [] : ["/test/known/"])],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/test/tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  clearMocks: true,
  setupFiles: ["<rootDir>/test/component/registerIcons.ts"],
  setupFilesAfterEnv: ["<rootDir>/test/component/failOnConsole.ts"],
};
