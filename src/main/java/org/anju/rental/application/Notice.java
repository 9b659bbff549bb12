package org.anju.rental.application;

import java.time.LocalDate;
import java.util.List;

/**
 * A public notice (公示) of one office: the applications in it, masked, each with its period, and where to object.
 *
 * @param objectTo where objections go, in the notice's words
 */
public record Notice(String regionCode, String regionName, String stepName, String objectTo, List<Entry> entries) {

    public Notice {
        entries = List.copyOf(entries);
    }

    /** @param from the first day of the notice, @param to its last */
    public record Entry(long number, String applicantName, String applicantIdNumber, String regionName,
                        String guarantee, String programme, int members, LocalDate from, LocalDate to) {
    }
}
