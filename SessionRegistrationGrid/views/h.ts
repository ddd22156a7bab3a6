import * as React from "react";

/**
 * React as the views use it: the JSX factory (tsconfig `jsxFactory`) and the hooks, as local names.
 * Local names minify to one letter where `React.createElement` and `React.useState` can't, which keeps the
 * shipped bundle within its size budget.
 */
export const { createElement: h, Fragment, useState, useRef, useMemo, useEffect, useCallback } = React;
