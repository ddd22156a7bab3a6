import type { LookupRef } from "../../model/types";
import { stopDoubleClick } from "./stopDoubleClick";
import { h } from "../h";

/** The primary name (opens the registration) or a lookup (opens the related record). Text only, never markup. */
export const LinkCell = ({ text, onOpen }: { text: string; onOpen?: () => void }) =>
  onOpen ? (
    <button type="button" className="srg-link" onClick={onOpen} onDoubleClick={stopDoubleClick}>
      {text}
    </button>
  ) : (
    <span>{text}</span>
  );

export const LookupCell = ({ text, lookup, openLookup }: { text: string; lookup?: LookupRef; openLookup: (ref: LookupRef) => void }) => (
  <LinkCell text={text} onOpen={lookup ? () => openLookup(lookup) : undefined} />
);
