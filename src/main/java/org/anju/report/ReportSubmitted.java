package org.anju.report;

import java.time.YearMonth;

/**
 * A unit's month was submitted (in the submitting transaction: a listener's writes commit or roll back with it). The
 * reminders resolve the month's "尚未上报" at once, not at their next hourly run — until then the unit's other users
 * were told to report again and the level above saw 逾期未报 for a unit that had reported (absence audit D3).
 */
public record ReportSubmitted(int unitId, YearMonth period) {
}
