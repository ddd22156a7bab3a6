import * as React from "react";

/**
 * An id for this element's lifetime, unique on the page (two grids on one form, or a grid with a chart), to tie a
 * label, a caption or a hint to what it names (aria-labelledby, aria-describedby, aria-controls).
 */
export const useElementId = (prefix: string): string => React.useMemo(() => `${prefix}-${Math.random().toString(36).slice(2)}`, [prefix]);
