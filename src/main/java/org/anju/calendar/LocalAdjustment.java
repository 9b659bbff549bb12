package org.anju.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A region's own change of one day (a local holiday such as a 民族节日, or a local 调休 working day); it holds for the
 * region and everything below it, a nearer region's change before a farther one's, and both before the national notice.
 *
 * @param reason    what the region decided and where (文件名称、文号)
 * @param createdBy the username that entered it
 */
public record LocalAdjustment(String regionCode, String regionName, LocalDate date, DayKind kind, String reason,
                              String createdBy, Instant createdAt) {
}
