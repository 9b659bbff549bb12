package org.anju.rental.subsidy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a city's subsidy parameters: the file as uploaded ({@code content}, verbatim) and what was read from it.
 * {@code cycle} and {@code partialMonth} are null where the file does not say; rolls are then refused.
 */
public record SubsidyParameters(long id, String regionCode, String regionName, LocalDate effectiveFrom, String fileName,
                                String name, String source, Cycle cycle, PartialMonth partialMonth, String sheetTitle,
                                String sheetUnit, String sha256, Instant uploadedAt, String uploadedBy, String content) {
}
