package org.anju.report;

/** A plausibility warning on one figure: shown to the unit and the reviewer, never blocking. */
record ReportFlag(String indicatorCode, String source, String message) {
}
