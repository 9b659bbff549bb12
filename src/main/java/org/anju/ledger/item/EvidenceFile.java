package org.anju.ledger.item;

import java.time.OffsetDateTime;

/** An evidence file's description (its content is read with {@link Ledger#fileContent}). */
public record EvidenceFile(long id, long itemId, Integer eventSeq, String name, String mediaType, int size, String sha256,
                           Long replaces, OffsetDateTime at, String by) {
}
