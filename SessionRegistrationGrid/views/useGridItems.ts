import { shownFields, type RowEditState } from "../model/rowEdits";
import type { RegistrationRow } from "../model/types";
import type { RegistrationEditor } from "../services/registrationEditor";
import type { GridItem } from "./gridTypes";
import { useEffect, useMemo, useRef, useState } from "./h";

/**
 * Rows joined with their edit state. An item object is reused while its row and edit state are the same
 * objects, so DetailsList re-renders only the rows that changed.
 */
export function useGridItems(rows: readonly RegistrationRow[], editor: RegistrationEditor): GridItem[] {
  // Re-render whenever the editor's state changes.
  const [revision, setRevision] = useState(0);
  useEffect(() => editor.subscribe(() => setRevision((r) => r + 1)), [editor]);
  const cache = useRef(new Map<string, GridItem>());
  return useMemo(() => {
    const previous = cache.current;
    const next = new Map<string, GridItem>();
    const items = rows.map((row) => {
      const edit: RowEditState = editor.stateOf(row.id);
      const old = previous.get(row.id);
      const item = old && old.row === row && old.edit === edit ? old : { row, edit, shown: shownFields(row.fields, edit) };
      next.set(row.id, item);
      return item;
    });
    cache.current = next;
    return items;
  }, [rows, editor, revision]); // revision: the editor's state changed
}
