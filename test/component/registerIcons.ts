import { registerIcons } from "@fluentui/react";

/** Model-driven apps register Fluent's icons; tests register the ones the grid uses, as glyph-less stand-ins. */
registerIcons({
  icons: { Search: "⌕", CircleRing: "○", StatusCircleCheckmark: "✓", CheckMark: "✓", SortUp: "↑", SortDown: "↓", ChevronDown: "⌄", Info: "i", ErrorBadge: "!", Warning: "!", Completed: "✓", Clear: "×", Blocked2: "!", Cancel: "×" },
});

