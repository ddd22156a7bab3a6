import * as React from "react";
import { h } from "./jsx";
import { QUICK_FILTERS } from "../model/room";
import type { Find } from "./useFind";
import { useGrid } from "./GridContext";
import { useElementId } from "./useElementId";

interface DeskBarProps {
  find: Find;
  /** Moves focus into the first row the list shows (ArrowDown from the box). */
  focusFirstRow(): void;
}

/**
 * The check-in desk above the list: "Find attendee" (a name, a readable registration ID, or a scanner's code and
 * Enter), the phone's "Scan badge", "Add walk-in" on a session's form, and the quick filters with their counts.
 */
export const DeskBar = ({ find, focusFirstRow }: DeskBarProps) => {
  const { text, desk, policy, actions } = useGrid();
  const box = React.useRef<HTMLInputElement>(null);
  // Ids for the filters' counts, unique to this grid (a form may hold two).
  const ids = useElementId("srg");
  // When the key before this one went down: a scanner's keys come a few milliseconds apart (see useFind).
  const keys = React.useRef({ previous: -Infinity, gap: Infinity });
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    keys.current = { previous: e.timeStamp, gap: e.timeStamp - keys.current.previous };
    if (e.key === "Enter") {
      e.preventDefault();
      // The box clears for the next person (and the scanner's next code) and keeps the focus.
      if (desk.enter(find.query)) find.clearForNext();
    } else if (e.key === "ArrowDown" && find.rows.length) {
      e.preventDefault();
      focusFirstRow();
    } else if (e.key === "Escape" && find.query) {
      e.preventDefault();
      find.setQuery("");
    }
  };
  const onChange = (e: React.ChangeEvent<HTMLInputElement>) => {
    // A change with no key of its own (a paste, the browser's clear button) is not a scanner's.
    const gap = keys.current.gap;
    keys.current.gap = Infinity;
    find.setQuery(e.target.value, gap);
  };
  const addWalkIn = async () => {
    const contact = await actions.pickContact();
    if (contact) await desk.walkIn(contact);
  };
  const canCheckIn = policy.checkIn;
  return (
    <div className="srg-desk">
      <div className="srg-find">
        <input
          ref={box}
          type="search"
          className="srg-find-box"
          aria-label={text("Desk_FindLabel")}
          placeholder={text("Desk_FindPlaceholder")}
          autoComplete="off"
          spellCheck={false}
          value={find.query}
          onFocus={find.boxFocused}
          onChange={onChange}
          onKeyDown={onKeyDown}
        />
        {canCheckIn && desk.canScan && (
          <button type="button" className="srg-desk-button" onClick={() => void desk.scan().then(() => box.current?.focus())}>
            {text("Desk_ScanBadge")}
          </button>
        )}
        {canCheckIn && desk.canRegister && (
          <button type="button" className="srg-desk-button" onClick={() => void addWalkIn()}>
            {text("Desk_AddWalkIn")}
          </button>
        )}
      </div>
      <div className="srg-filters" role="group" aria-label={text("Filter_Group")}>
        {QUICK_FILTERS.map((filter) => (
          <button
            key={filter}
            type="button"
            className="srg-filter"
            aria-pressed={find.filter === filter}
            // The name is the filter's alone ("Checked in"); the count is its description.
            aria-label={text(`Filter_${filter}`)}
            aria-describedby={`${ids}-${filter}`}
            onClick={() => find.setFilter(filter)}
          >
            {text(`Filter_${filter}`)}
            <span id={`${ids}-${filter}`} className="srg-filter-count">
              {find.counts && text.number(find.counts[filter])}
            </span>
          </button>
        ))}
      </div>
    </div>
  );
};
