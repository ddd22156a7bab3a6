/**
 * Property names that only the control's own code reads and writes (row, edit and grid shapes, props between
 * its own components, its own classes' methods). The production minifier shortens them, like it does private
 * class fields. test/unit/build/internalNames.test.ts refuses any name the control also uses as a string, or
 * that React, Fluent UI, the PCF API or the DOM declare, so no outside contract can break.
 */
const INTERNAL_PROPERTY_NAMES = [
  // model: rows, fields, edits, problems
  "timesCheckedIn", "statusReason", "statusReasons", "statusLabel", "queued", "failed", "problem",
  "retryAfterMs", "times", "edit", "shown", "expected", "readVersion",
  // model: grid snapshot, sorting, paging, policy
  "readOnlyReason", "canWrite", "selectedIds", "loadingMore", "hasMore", "descending", "sortable",
  // props between the control's own components
  "editor", "openLookup", "loadMore", "onLoadMore", "onCheckIn", "onSave", "onDone", "onOpen", "rowId", "saving",
  "reasons", "notStarted", "succeeded", "notice",
  // the control's own services and their options
  "onSaved", "refreshDelayMs", "attempts", "baseDelayMs", "maxDelayMs", "isCancelled",
  "stateOf", "failedRowIds", "syncWithDataset", "retryFailed", "discardFailed", "runBulk",
  "hasNewData", "requestMissingColumns", "applyPageSize",
];

module.exports = { INTERNAL_PROPERTY_NAMES };
