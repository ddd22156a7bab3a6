import * as React from "react";

/**
 * The JSX factory (tsconfig jsxFactory "h"): React's createElement and Fragment as local names, so each element
 * in the bundle reads `h(…)` instead of a property lookup on the platform's React. Same React, same elements.
 */
export const { createElement: h, Fragment } = React;
