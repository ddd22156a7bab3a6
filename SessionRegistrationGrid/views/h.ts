import * as React from "react";

/**
 * The JSX factory (tsconfig `jsxFactory`). A local name minifies to one letter where
 * `React.createElement` can't, which keeps the shipped bundle within its size budget.
 */
export const h = React.createElement;
export const Fragment = React.Fragment;
