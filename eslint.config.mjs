// ESLint 9 flat config, as `pac pcf init` writes it, tightened for this control.
// pcf-scripts runs it on SessionRegistrationGrid/ during every build: a lint error fails the build.
import eslintjs from "@eslint/js";
import microsoftPowerApps from "@microsoft/eslint-plugin-power-apps";
import globals from "globals";
import typescriptEslint from "typescript-eslint";

/** @type {import('eslint').Linter.Config[]} */
export default [
  {
    ignores: ["**/generated/", "out/", "node_modules/", "coverage/", "test-results/", "bench/results/"],
  },
  eslintjs.configs.recommended,
  ...typescriptEslint.configs.recommended,
  ...typescriptEslint.configs.stylistic,
  {
    plugins: { "@microsoft/power-apps": microsoftPowerApps },
    languageOptions: {
      globals: { ...globals.browser, ComponentFramework: "readonly" },
      // JSX compiles to h() and Fragment (tsconfig jsxFactory): they count as used where JSX is.
      parserOptions: { ecmaVersion: 2022, sourceType: "module", jsxPragma: "h", jsxFragmentName: "Fragment" },
    },
    rules: {
      ...microsoftPowerApps.configs.paCheckerHosted.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    // The model is pure TypeScript: no React, Fluent, PCF context or services in it.
    files: ["SessionRegistrationGrid/model/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: ["react", "react-dom", "@fluentui/*", "../services/*", "../views/*", "../pcf/*"],
      }],
    },
  },
  {
    // Only services/ talks to Dataverse; views get the editor injected.
    files: ["SessionRegistrationGrid/views/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react-dom", "../pcf/*", "../../pcf/*"] }],
    },
  },
  {
    files: ["test/**/*.{ts,tsx,mjs,js}", "scripts/**/*.{js,mjs}", "bench/**/*.mjs", "harness/**/*.mjs", "*.config.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { "no-console": "off" },
  },
  {
    // CommonJS files that Node and webpack load with require().
    files: ["scripts/**/*.js", "*.config.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
