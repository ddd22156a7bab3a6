/**
 * The two-second rule for check-ins: a press within two seconds of the same registration's last counted press
 * is a double click or a repeated Enter, not a person entering again, and is ignored. Bulk check-in is exempt.
 * The desk's ten-second rule for a badge scanned twice is the same guard with a longer window.
 */
export const REPEAT_WINDOW_MS = 2000;

export interface PressGuard {
  /** True when the press counts (and becomes the row's last counted press); false when it is a repeat. */
  accept(rowId: string, now: number): boolean;
  /** Whether a press counted for this registration within the window, without counting one. */
  recent(rowId: string, now: number): boolean;
}

export function createPressGuard(windowMs = REPEAT_WINDOW_MS): PressGuard {
  const counted = new Map<string, number>();
  const recent = (rowId: string, now: number) => {
    const at = counted.get(rowId);
    return at !== undefined && now - at < windowMs;
  };
  return {
    recent,
    accept(rowId, now) {
      if (recent(rowId, now)) return false;
      // One entry per registration pressed: at most the session's registrations, a few numbers each.
      counted.set(rowId, now);
      return true;
    },
  };
}
