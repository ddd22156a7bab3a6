/**
 * Merged by pcf-scripts into its own webpack config (featureconfig.json turns this on).
 * It only tunes the minifier, so the production bundle stays within its 20,000-byte budget:
 * - names of the control's own internal data properties are shortened, like private class fields
 *   already are. The list is explicit; test/unit/build/internalNames.test.ts checks that none of them
 *   is a name React, Fluent UI, the PCF API or the DOM reads, so no outside contract can break.
 */
const { INTERNAL_PROPERTY_NAMES } = require("./scripts/internalNames.js");

module.exports = {
  // No per-module path comments: terser would keep them as a license banner and a LICENSE.txt beside the bundle.
  output: { pathinfo: false },
  optimization: {
    minimizeOptions: {
      javascript: {
        ecma: 2020,
        compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
        mangle: { properties: { regex: new RegExp(`^(?:${INTERNAL_PROPERTY_NAMES.join("|")})$`) } },
      },
    },
  },
};
