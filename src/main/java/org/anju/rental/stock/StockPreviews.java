package org.anju.rental.stock;

import org.anju.account.Access;
import org.anju.account.Channel;
import org.anju.platform.NotFound;
import org.anju.privacy.KeptFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The files of the import page's previews, kept until their owner confirms (at most 30 minutes, 3 per user): in the
 * database ({@link KeptFiles}), so that the confirm may reach another node than the preview (issue 15); the commit
 * reads the same bytes again and checks them again against the database.
 *
 * <p>A preview is confirmed once (double-submit trial 2026-12-04, defect 10): {@link #commitOnce} takes a lock on the
 * token and records the import's outcome ({@code rental_stock_import_done}) in the import's own transaction; a repeat —
 * a double-click that waited for the first, Back and resubmit, on any node — is answered with that outcome instead of
 * importing again ("未导入…已经登记") or saying the preview is gone (404).
 */
@Component
public class StockPreviews implements org.anju.platform.Expiring {

    static final String PURPOSE = "stock-import";
    static final int MAX_PER_USER = 3;
    static final String NOT_FOUND = "预览已过期或不存在（预览后 30 分钟内须确认），请重新上传文件";
    /** How long a confirm's outcome answers a repeat of it. */
    static final Duration REMEMBER = Duration.ofDays(30);

    record Kept(String owner, String regionCode, Programme programme, String fileName, byte[] content, Instant at) {
    }

    /** What a confirm wrote; {@code repeat}: what the token's first confirm wrote, by whom and when (nothing now). */
    record Outcome(Stock.ImportSummary summary, boolean repeat, String owner, String ownerName, Instant at) {
    }

    private final KeptFiles files;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    StockPreviews(KeptFiles files, JdbcClient jdbc, TransactionTemplate transaction) {
        this.files = files;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Keeps a previewed file for its owner; the token names it in the commit. */
    public String keep(String owner, String regionCode, Programme programme, String fileName, byte[] content) {
        Map<String, String> params = new HashMap<>();
        params.put("region", regionCode);
        params.put("programme", programme == null ? null : programme.name());
        return files.keep(PURPOSE, owner, params, fileName, content, MAX_PER_USER);
    }

    /** The kept file, whoever kept it (the caller checks the region and the owner). */
    Optional<Kept> get(String token) {
        return files.get(PURPOSE, token).map(k -> new Kept(k.owner(), k.param("region"),
                k.param("programme") == null ? null : Programme.valueOf(k.param("programme")), k.fileName(), k.content(),
                k.at()));
    }

    void forget(String token) {
        files.forget(token);
    }

    /**
     * Confirms the token's preview once. Under a lock on the token (a second confirm waits for the first, on any node),
     * the first confirm runs {@code work} on the kept file and records what it wrote in the same transaction, the file
     * forgotten with it; a confirm after that — at once or later — gets the first's outcome back, marked as a repeat,
     * and nothing runs. Only the preview's owner gets either, and only while they write its region: as before, one who
     * does not write the region is refused by {@code checkRegion} (403), anyone else, an unknown token, an expired
     * preview — {@link NotFound}.
     *
     * @param checkRegion refuses the current user the region the preview is for
     * @param work        imports the kept file (its transaction joins this one); throwing rolls back
     */
    Outcome commitOnce(String token, String owner, String ownerName, java.util.function.Consumer<String> checkRegion,
                       Function<Kept, Stock.ImportSummary> work) {
        UUID t = uuid(token).orElseThrow(() -> new NotFound(NOT_FOUND));
        // the channel is set before the transaction begins: what the import writes is audited as an import
        return Access.via(Channel.IMPORT, () -> transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended('rental_stock_import:' || ?, 0))")
                    .param(t.toString()).query().singleRow();
            Optional<Outcome> done = done(t);
            if (done.isPresent()) {
                checkRegion.accept(done.get().summary().regionCode());
                if (!done.get().owner().equals(owner)) {
                    throw new NotFound(NOT_FOUND);
                }
                return done.get();
            }
            Kept k = get(token).orElseThrow(() -> new NotFound(NOT_FOUND));
            checkRegion.accept(k.regionCode());
            if (!k.owner().equals(owner)) {
                throw new NotFound(NOT_FOUND);
            }
            Stock.ImportSummary s = work.apply(k);
            dropExpired();
            Instant at = jdbc.sql("insert into rental_stock_import_done (token, owner, owner_name, file_name, region_code,"
                            + " region_name, dwellings, estates_added, buildings_added)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning done_at")
                    .params(t, owner, ownerName, s.fileName(), s.regionCode(), s.regionName(), s.dwellings(),
                            s.estatesAdded(), s.buildingsAdded())
                    .query(java.sql.Timestamp.class).single().toInstant();
            forget(token);
            return new Outcome(s, false, owner, ownerName, at);
        }));
    }

    @Override
    public String what() {
        return "房源导入结果";
    }

    /** The outcomes older than {@link #REMEMBER} (also dropped by each import; the scheduled clean-up drops them on time). */
    @Override
    public int dropExpired() {
        return jdbc.sql("delete from rental_stock_import_done where done_at < now() - make_interval(secs => ?)")
                .param((double) REMEMBER.toSeconds()).update();
    }

    private Optional<Outcome> done(UUID token) {
        return jdbc.sql("select owner, owner_name, file_name, region_code, region_name, dwellings, estates_added,"
                        + " buildings_added, done_at from rental_stock_import_done"
                        + " where token = ? and done_at >= now() - make_interval(secs => ?)")
                .param(token).param((double) REMEMBER.toSeconds())
                .query((rs, n) -> new Outcome(new Stock.ImportSummary(rs.getString("file_name"),
                        rs.getString("region_code"), rs.getString("region_name"), rs.getInt("dwellings"),
                        rs.getInt("estates_added"), rs.getInt("buildings_added")), true, rs.getString("owner"),
                        rs.getString("owner_name"), rs.getTimestamp("done_at").toInstant()))
                .optional();
    }

    private static Optional<UUID> uuid(String token) {
        try {
            return token == null ? Optional.empty() : Optional.of(UUID.fromString(token.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a token that is no token names no preview
        }
    }
}
