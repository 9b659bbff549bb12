package org.anju.ledger.item;

import java.time.LocalDate;
import java.util.List;

/** A 督办 notice from an upper level to a region below it about some of its items, with its own deadline and a reply. */
public record Notice(long id, String issuerCode, String issuerName, String regionCode, String regionName, String title,
                     String body, LocalDate deadline, String reply, LocalDate repliedOn, String repliedBy, int version,
                     List<Long> itemIds) {
}
