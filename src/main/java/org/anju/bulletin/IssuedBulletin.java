package org.anju.bulletin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * A bulletin as issued: never changes. A correction is a later edition that {@code supersedes} an earlier one; both
 * are kept. {@code content} is the whole document (head, sections' final text, tables) a renderer prints; the DOCX
 * rendered at issue is kept beside it with its SHA-256 ({@link BulletinDrafts#issuedDocx}).
 *
 * @param serial       number per issuer and year (签发年份)
 * @param supersededBy the later edition correcting this one, if any
 * @param changes      what the correction changed against {@code supersedes}, part by part
 */
public record IssuedBulletin(long id, String regionCode, String regionName, YearMonth period, int issueYear, int serial,
                             int edition, Long supersedes, Long supersededBy, String documentNumber, LocalDate signedOn,
                             String issuedBy, OffsetDateTime issuedAt, String correctionNote, List<String> changes,
                             String sha256, Bulletin content) {

    /** Issued and not corrected by a later edition. */
    public boolean current() {
        return supersededBy == null;
    }
}
