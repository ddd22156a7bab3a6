/**
 * Property names that only the control's own code reads and writes (row, edit and grid shapes, props
 * between its own components). The production minifier shortens them. Never list a name that crosses
 * into React, Fluent UI, PCF, Dataverse payloads or the DOM: the build test refuses such names.
 */
const INTERNAL_PROPERTY_NAMES = [
  // model: rows and fields
  "timesCheckedIn", "statusReason", "statusReasons", "fields", "synced", "statusLabel", "cells", "lookup", "entityType",
  // model: edits and problems
  "queued", "stored", "failed", "problem", "detail", "retryAfterMs", "times", "edit", "shown", "expected",
  // model: grid snapshot and policy
  "readOnlyReason", "checkIn", "canWrite", "selectedIds", "loadingMore", "hasMore", "loaded", "descending", "sortable",
  // props between the control's own components
  "editor", "policy", "openLookup", "loadMore", "onCheckIn", "onSave", "onDone", "rowId", "inactive", "editable",
  "reasons", "notStarted", "succeeded", "grid", "notice", "formatted",
];

module.exports = { INTERNAL_PROPERTY_NAMES };
