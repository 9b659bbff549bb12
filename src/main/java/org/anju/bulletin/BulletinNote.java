package org.anju.bulletin;

import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * The part of a bulletin its issuer writes: 下一步工作重点. {@code version} 0 means nothing written yet;
 * a save passes the version it read.
 */
public record BulletinNote(String regionCode, YearMonth period, String nextSteps, int version, String updatedBy,
                           OffsetDateTime updatedAt) {

    /** Longest text accepted: some pages of a bulletin, not a report. */
    public static final int MAX_LENGTH = 5000;

    static BulletinNote empty(String regionCode, YearMonth period) {
        return new BulletinNote(regionCode, period, "", 0, null, null);
    }

    /** The text as paragraphs, one per non-blank line. */
    public java.util.List<String> paragraphs() {
        return nextSteps.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
