package org.anju.report;

import java.time.OffsetDateTime;

/** One workflow step: who did what, how, and why (a return's reason). */
public record ReportEvent(String action, ReportStatus from, ReportStatus to, String actor, String channel,
                          String reason, OffsetDateTime at) {
}
