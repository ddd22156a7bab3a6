import type { Text } from "../model/text";

/**
 * About how wide a text is in the grid's font: Segoe UI averages about half its size per character; Japanese
 * (and Chinese) characters take a whole one.
 */
const width = (value: string, fontSize = 14) => Math.ceil(value.replace(/[\u3000-\u9fff]/g, "mm").length * fontSize * 0.52);

const BUTTON_PADDING = 26;
const SMALL_BUTTON = 26;
const GAP = 8;

/**
 * The check-in column is as wide as its content in the user's language: "Check in again", its Undo, and
 * "Checked in ×N" (or "Saving…"), or a change that wasn't saved with Retry and Discard. A long
 * reason may be cut there: the note's tooltip has the whole explanation.
 */
export function checkInColumnWidth(text: Text): number {
  const button = Math.max(width(text("CheckIn_Button")), width(text("CheckIn_Again")) + 12) + BUTTON_PADDING;
  const beside = Math.max(width(text("CheckIn_Count", 99), 12), width(text("Edit_Saving"), 12)) + 16;
  const failed = width(text("CheckIn_Button")) + BUTTON_PADDING + Math.max(width(text("Row_NotSaved"), 12) + 12, width(text("Reason_network"), 12)) + width(text("Edit_Retry"), 12) + 18 + SMALL_BUTTON + 3 * GAP;
  return Math.min(380, Math.max(button + GAP + SMALL_BUTTON + GAP + beside, failed) + 4);
}
