import type { Text } from "../model/text";

/**
 * About how wide a text is in the grid's font: Segoe UI averages about half its size per character; Japanese
 * (and Chinese) characters take a whole one.
 */
const width = (value: string, fontSize = 14, perChar = 0.52) => Math.ceil(value.replace(/[\u3000-\u9fff]/g, "mm").length * fontSize * perChar);

const BUTTON_PADDING = 26;
const SMALL_BUTTON = 26;
/** A touch target: 44 px at least, in both directions. */
const TOUCH = 44;
const GAP = 8;

/**
 * The check-in column is as wide as its content in the user's language: "Check in again", its Undo, and
 * "Checked in ×N" (or "Saving…"), or a change that wasn't saved with Retry and Discard. The failure's words wrap
 * to a second line where they need it. On a touch screen Undo and Discard are 44 px targets that also say their word.
 */
export function checkInColumnWidth(text: Text, touch = false): number {
  const iconButton = (word: string) => (touch ? Math.max(TOUCH, width(word, 12) + 30) : SMALL_BUTTON);
  const undo = iconButton(text("CheckIn_UndoShort"));
  const discard = iconButton(text("Edit_Discard"));
  const retry = Math.max(touch ? TOUCH : 0, width(text("Edit_Retry"), 12) + 18);
  const button = Math.max(width(text("CheckIn_Button")), width(text("CheckIn_Again")) + 12) + BUTTON_PADDING;
  const beside = Math.max(width(text("CheckIn_Count", 99), 12), width(text("Edit_Saving"), 12)) + 16;
  const failed = width(text("CheckIn_Button")) + BUTTON_PADDING + Math.max(width(text("Row_NotSaved"), 12) + 12, width(text("Reason_network"), 12)) + retry + discard + 3 * GAP;
  return Math.min(touch ? 420 : 380, Math.max(button + GAP + undo + GAP + beside, failed) + 4);
}

/**
 * How wide a column's header label needs to be to read whole, in Fluent's semibold 14 px, with the sort arrow
 * (the cell's padding is counted with the column). Columns grow to it when the grid has the room.
 */
export function headerWidth(label: string): number {
  return width(label, 14, 0.6) + 20;
}
