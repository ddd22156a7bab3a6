/**
 * The two-second rule for check-ins: a press within two seconds of the same registration's last counted press
 * is a double click or a repeated Enter, not a person entering again, and is ignored. Bulk check-in is exempt.
 */
export const REPEAT_WINDOW_MS = 2000;

export interface PressGuard {
  /** True when the press counts (and becomes the row's last counted press); false when it is a repeat. */
  accept(rowId: string, now: number): boolean;
}

export function createPressGuard(windowMs = REPEAT_WINDOW_MS): PressGuard {
  const counted = new Map<string, number>();
  return {
    accept(rowId, now) {
      const at = counted.get(rowId);
      if (at !== undefined && now - at < windowMs) return false;
      // One entry per registration pressed: at most the session's registrations, a few numbers each.
      counted.set(rowId, now);
      return true;
    },
  };
}
