package org.anju.rental.stock;

import java.time.OffsetDateTime;

/** The number of historic dwellings (历年房源) a region is to enter, as the level above set it. */
public record HistoricTotal(String regionCode, String regionName, int total, String note, int version,
                            OffsetDateTime updatedAt, String updatedBy) {
}
