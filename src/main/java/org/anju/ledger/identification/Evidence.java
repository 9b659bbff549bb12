package org.anju.ledger.identification;

import java.time.Instant;

/** An evidence file of a clause (its content is read separately): kept for good, checksummed with SHA-256. */
public record Evidence(long id, String clauseNo, String fileName, String contentType, int size, String sha256,
                       Instant uploadedAt, String uploadedBy) {
}
