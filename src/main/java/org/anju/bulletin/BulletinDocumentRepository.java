package org.anju.bulletin;

import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL of {@code bulletin_draft} and {@code bulletin_issue} (which has no UPDATE: a trigger refuses it anyway). */
@Repository
class BulletinDocumentRepository {

    private static final TypeReference<List<DraftSection>> SECTIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Regions regions;

    BulletinDocumentRepository(JdbcClient jdbc, JsonMapper json, Regions regions) {
        this.jdbc = jdbc;
        this.json = json;
        this.regions = regions;
    }

    // ------------------------------------------------------------------------------------------------ drafts

    private static final String DRAFT = """
            select id, region_id, period, version, corrects, issuer, document_number, addressee, dated, copy_to, printed_by,
                   printed_on, correction_note, unit_order, sections::text as sections, composed::text as composed, composed_at,
                   created_by, updated_by, updated_at
            from bulletin_draft""";

    Optional<BulletinDraft> draft(long id) {
        return jdbc.sql(DRAFT + " where id = ?").param(id).query(this::draftRow).optional();
    }

    Optional<BulletinDraft> draft(int regionId, YearMonth period) {
        return jdbc.sql(DRAFT + " where region_id = ? and period = ?").params(regionId, period.atDay(1)).query(this::draftRow).optional();
    }

    /** Inserts a draft; empty when the region already has one for the month (someone created it first). */
    Optional<Long> insert(int regionId, YearMonth period, Long corrects, BulletinDraft.Head h, List<String> order,
                          List<DraftSection> sections, Bulletin composed, String by) {
        return jdbc.sql("""
                        insert into bulletin_draft (region_id, period, corrects, issuer, document_number, addressee, dated, copy_to,
                               printed_by, printed_on, unit_order, sections, composed, composed_at, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), now(), ?, ?)
                        on conflict (region_id, period) do nothing returning id""")
                .params(regionId, period.atDay(1), corrects, h.issuer(), h.documentNumber(), h.addressee(), h.dated(), h.copyTo(),
                        h.printedBy(), h.printedOn(), order.toArray(String[]::new), json.writeValueAsString(sections),
                        json.writeValueAsString(composed), by, by)
                .query(Long.class).optional();
    }

    /** Replaces everything editable if the draft is still at {@code version}; false when someone saved in between. */
    boolean update(BulletinDraft d, int version, String by) {
        BulletinDraft.Head h = d.head();
        return jdbc.sql("""
                        update bulletin_draft set issuer = ?, document_number = ?, addressee = ?, dated = ?, copy_to = ?,
                               printed_by = ?, printed_on = ?, correction_note = ?, unit_order = ?, sections = cast(? as jsonb),
                               composed = cast(? as jsonb), composed_at = ?, version = version + 1, updated_by = ?, updated_at = now()
                        where id = ? and version = ?""")
                .params(h.issuer(), h.documentNumber(), h.addressee(), h.dated(), h.copyTo(), h.printedBy(), h.printedOn(),
                        d.correctionNote(), d.unitOrder().toArray(String[]::new), json.writeValueAsString(d.sections()),
                        d.composed() == null ? null : json.writeValueAsString(d.composed()), d.composedAt(), by, d.id(), version)
                .update() == 1;
    }

    boolean delete(long id, int version) {
        return jdbc.sql("delete from bulletin_draft where id = ? and version = ?").params(id, version).update() == 1;
    }

    private BulletinDraft draftRow(ResultSet rs, int n) throws SQLException {
        Region r = regions.byId(rs.getInt("region_id"));
        String composed = rs.getString("composed");
        java.sql.Array order = rs.getArray("unit_order");
        return new BulletinDraft(rs.getLong("id"), r.code(), r.name(), YearMonth.from(rs.getObject("period", LocalDate.class)),
                rs.getInt("version"), (Long) rs.getObject("corrects"),
                new BulletinDraft.Head(rs.getString("issuer"), rs.getString("document_number"), rs.getString("addressee"),
                        rs.getObject("dated", LocalDate.class), rs.getString("copy_to"), rs.getString("printed_by"),
                        rs.getObject("printed_on", LocalDate.class)),
                rs.getString("correction_note"),
                order == null ? List.of() : Arrays.asList((String[]) order.getArray()),
                json.readValue(rs.getString("sections"), SECTIONS),
                composed == null ? null : json.readValue(composed, Bulletin.class),
                rs.getObject("composed_at", OffsetDateTime.class), rs.getString("created_by"), rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    // ------------------------------------------------------------------------------------------------ issued

    private static final String ISSUED_COLUMNS = """
            select i.id, i.region_id, i.period, i.issue_year, i.serial, i.edition, i.supersedes, later.id as superseded_by,
                   i.document_number, i.signed_on, i.issued_by, i.issued_at, i.correction_note, i.changes::text as changes,
                   i.sha256, i.content::text as content
            """;
    /**
     * The version that corrected it, by its key in a lateral subquery the planner cannot merge: with the statistics the
     * autovacuum leaves after the table was emptied a plain join read the table whole per bulletin (IssuedArchiveByRegionTest).
     */
    private static final String LATER = """

            left join lateral (select l.id from bulletin_issue l where l.supersedes = i.id offset 0) later on true""";
    private static final String ISSUED = ISSUED_COLUMNS + "from bulletin_issue i" + LATER;

    /** Serializes issues of one region (serial numbers) for the rest of the transaction. */
    void lockIssuer(int regionId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('bulletin_issue'), ?)").param(regionId).query().singleRow();
    }

    int nextSerial(int regionId, int year) {
        return jdbc.sql("select coalesce(max(serial), 0) + 1 from bulletin_issue where region_id = ? and issue_year = ?")
                .params(regionId, year).query(Integer.class).single();
    }

    record NewIssue(int regionId, YearMonth period, int year, int serial, int edition, Long supersedes, String number,
                    LocalDate signedOn, String by, Bulletin content, String correctionNote, List<String> changes,
                    String copyTo, String printedBy, LocalDate printedOn, byte[] docx, String sha256, long draftId) {
    }

    long insert(NewIssue i) {
        return jdbc.sql("""
                        insert into bulletin_issue (region_id, period, issue_year, serial, edition, supersedes, document_number,
                               signed_on, issued_by, content, correction_note, changes, copy_to, printed_by, printed_on, docx, sha256,
                               draft_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?) returning id""")
                .params(i.regionId(), i.period().atDay(1), i.year(), i.serial(), i.edition(), i.supersedes(), i.number(),
                        i.signedOn(), i.by(), json.writeValueAsString(i.content()), i.correctionNote(),
                        json.writeValueAsString(i.changes()), i.copyTo(), i.printedBy(), i.printedOn(), i.docx(), i.sha256(),
                        i.draftId())
                .query(Long.class).single();
    }

    /** The version issued from draft {@code draftId} (deleted then), if it was issued. */
    Optional<Long> issuedFromDraft(long draftId) {
        return jdbc.sql("select id from bulletin_issue where draft_id = ?").param(draftId).query(Long.class).optional();
    }

    Optional<IssuedBulletin> issued(long id) {
        return jdbc.sql(ISSUED + " where i.id = ?").param(id).query(this::issuedRow).optional();
    }

    /** The edition in force of the region's bulletin of the month (the newest of its chain), if one was issued. */
    Optional<IssuedBulletin> currentIssued(int regionId, YearMonth period) {
        return jdbc.sql(ISSUED + " where i.region_id = ? and i.period = ? and later.id is null order by i.edition desc limit 1")
                .params(regionId, period.atDay(1)).query(this::issuedRow).optional();
    }

    /**
     * A page of issued versions, newest first, that a reader at {@code readerRegionId} may read (null: the system, all):
     * issued inside the reader's subtree or by a region above the reader (as {@code Access.canReadIssuedBy}) — filtered
     * here, before the page is cut, so no readable row is lost behind others' rows. {@code regionId} null for any issuer,
     * {@code year} (of the month reported on) null for any.
     */
    org.anju.platform.Page<IssuedBulletin> issued(Integer readerRegionId, Integer regionId, Integer year,
                                                  org.anju.platform.PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new java.util.ArrayList<>();
        String from = " from bulletin_issue i";
        if (readerRegionId != null) {
            // the readable regions (the subtree, the regions above), each one's bulletins by its key
            // (bulletin_issue_period) in a lateral subquery the planner cannot merge: two EXISTS joined by OR read every
            // bulletin of the country for each page and its count, and a plain IN let a province's page sort them all
            // (IssuedArchiveByRegionTest)
            from = """
                     from (select x.region_id from region_ancestor x where x.ancestor_id = ?
                           union select x.ancestor_id from region_ancestor x where x.region_id = ?) readable
                     cross join lateral (select * from bulletin_issue b where b.region_id = readable.region_id offset 0) i""";
            params.add(readerRegionId);
            params.add(readerRegionId);
        }
        if (regionId != null) {
            where.append(" and i.region_id = ?");
            params.add(regionId);
        }
        if (year != null) {
            where.append(" and i.period >= ? and i.period < ?");
            params.add(LocalDate.of(year, 1, 1));
            params.add(LocalDate.of(year + 1, 1, 1));
        }
        long total = jdbc.sql("select count(*) " + from + where).params(params).query(Long.class).single();
        org.anju.platform.Page.checkInRange(page, total);
        List<Object> all = new java.util.ArrayList<>(params);
        all.add(page.limit());
        all.add(page.offset());
        List<IssuedBulletin> rows = jdbc.sql(ISSUED_COLUMNS + from + LATER + where
                        + " order by i.signed_on desc, i.issued_at desc, i.id desc limit ? offset ?")
                .params(all).query(this::issuedRow).list();
        return org.anju.platform.Page.of(page, total, rows);
    }

    Optional<byte[]> docx(long id) {
        return jdbc.sql("select docx from bulletin_issue where id = ?").param(id).query(byte[].class).optional();
    }

    /** The 版记 an issued version was signed with: 抄送 (as typed), 印发机关, 印发日期. */
    Optional<BulletinDraft.Head> colophon(long id) {
        return jdbc.sql("select copy_to, printed_by, printed_on from bulletin_issue where id = ?").param(id)
                .query((rs, n) -> new BulletinDraft.Head(null, null, null, null, rs.getString("copy_to"), rs.getString("printed_by"),
                        rs.getObject("printed_on", LocalDate.class))).optional();
    }

    private IssuedBulletin issuedRow(ResultSet rs, int n) throws SQLException {
        Region r = regions.byId(rs.getInt("region_id"));
        return new IssuedBulletin(rs.getLong("id"), r.code(), r.name(), YearMonth.from(rs.getObject("period", LocalDate.class)),
                rs.getInt("issue_year"), rs.getInt("serial"), rs.getInt("edition"), (Long) rs.getObject("supersedes"),
                (Long) rs.getObject("superseded_by"), rs.getString("document_number"), rs.getObject("signed_on", LocalDate.class),
                rs.getString("issued_by"), rs.getObject("issued_at", OffsetDateTime.class), rs.getString("correction_note"),
                json.readValue(rs.getString("changes"), STRINGS), rs.getString("sha256"),
                json.readValue(rs.getString("content"), Bulletin.class));
    }
}
