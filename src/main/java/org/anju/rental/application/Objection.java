package org.anju.rental.application;

import java.time.LocalDate;

/**
 * A 公示异议 as staff recorded it: when and how it came in, what it says, who recorded it; then the finding.
 *
 * @param upheld null while it is being verified
 */
public record Objection(long id, long applicationId, String step, LocalDate receivedOn, String channel, String content,
                        String recordedBy, LocalDate resolvedOn, Boolean upheld, String finding, String resolvedBy) {

    public boolean pending() {
        return upheld == null;
    }

    public String resultLabel() {
        return upheld == null ? "核查中" : upheld ? "异议成立" : "异议不成立";
    }
}
