import { registerIcons } from "@fluentui/react";

/** Model-driven apps register Fluent's icons; tests register the ones the grid uses, as glyph-less stand-ins. */
registerIcons({
  icons: { CircleRing: "○", StatusCircleCheckmark: "✓", CheckMark: "✓", SortUp: "↑", SortDown: "↓", ChevronDown: "⌄", Info: "i", ErrorBadge: "!", Warning: "!", Completed: "✓", Clear: "×", Blocked2: "!", Cancel: "×" },
});

// jsdom has no canvas (and logs an error when asked for one): text is measured by estimate there.
if (typeof HTMLCanvasElement !== "undefined") HTMLCanvasElement.prototype.getContext = () => null;
