import type { Text } from "../model/text";

let context: CanvasRenderingContext2D | null | undefined;

/** The rendered width of a text in the grid's font; an estimate where there is no canvas (tests). */
export function textWidth(value: string, font = "14px 'Segoe UI', sans-serif"): number {
  if (context === undefined) {
    try {
      context = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
    } catch {
      context = null; // jsdom without the canvas package
    }
  }
  if (!context) return value.length * 7.5;
  context.font = font;
  return Math.ceil(context.measureText(value).width);
}

const BUTTON_PADDING = 26;
const ICON = 12;
const GAP = 8;
const SMALL = "12px 'Segoe UI', sans-serif";
const small = (value: string) => textWidth(value, SMALL);

/**
 * The check-in column is as wide as its content in the user's language: "Check in again" with "Checked in ×N"
 * (or "Saving…", an ignored repeat) beside it, or a change that wasn't saved with Retry and Discard. A long
 * reason may be cut there: the note's tooltip has the whole explanation.
 */
export function checkInColumnWidth(text: Text): number {
  const button = Math.max(textWidth(text("CheckIn_Button")), textWidth(text("CheckIn_Again")) + ICON) + BUTTON_PADDING;
  const beside = Math.max(small(text("CheckIn_Count", 99)) + ICON + 4, small(text("Edit_Saving")) + 16, small(text("CheckIn_Repeat")) + ICON);
  const failed = textWidth(text("CheckIn_Button")) + BUTTON_PADDING + GAP
    + Math.max(small(text("Row_NotSaved")) + ICON, small(text("Reason_network"))) + small(text("Edit_Retry")) + 18 + 26 + 2 * 6;
  return Math.min(360, Math.max(button + GAP + beside, failed) + 4);
}
