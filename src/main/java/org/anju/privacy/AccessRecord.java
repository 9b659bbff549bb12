package org.anju.privacy;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the personal-data access log ({@code personal_data_access}), as auditors read it.
 *
 * @param action        {@code VIEW} (one record's page shown, masked), {@code REVEAL} (one record's fields shown in plaintext), {@code EXPORT} (many records written
 *                      out), {@code REENCRYPT} (values re-sealed under a new key; nobody saw them)
 * @param subjectId     the record whose data was revealed; null for exports and re-encryption
 * @param subjectRegion the region whose data it is (code), {@code subjectRegionName} its name
 * @param rows          the number of records exported or re-sealed; null for a reveal
 * @param via           UI, API, IMPORT, CLI or SYSTEM
 */
public record AccessRecord(long id, Instant at, String actor, String actorName, String actorRegion, String via,
                           String action, String subjectType, String subjectId, String subjectRegion,
                           String subjectRegionName, List<PersonalField> fields, String reason, Integer rows) {
}
