package org.anju.rental.waiting;

import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.TooMany;
import org.anju.privacy.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The public waiting-list lookup, guarded and recorded (privacy review 2026-12-03, finding 1). It answers whether a
 * 资格证号 and an ID number belong together, and 公示 pages publish each 资格证号 beside the masked ID number: with no
 * bound, trying the ten hidden digits (a county code, a birth date; the check character rules out ten in eleven)
 * recovered a full ID number in 947 anonymous requests, and nothing was logged. Now every lookup is a row of
 * {@code rental_public_lookup} before it is answered, counted as a miss until it matched; after
 * {@link #MISSES_PER_CERTIFICATE} misses for one 资格证号 within {@link #CERTIFICATE_WINDOW}, or {@link #MISSES_PER_ADDRESS}
 * from one address within {@link #ADDRESS_WINDOW}, lookups are refused until the oldest of them is that old — whether the
 * pair would match or not, so the refusal tells nothing either. A household that mistyped five times goes to the
 * window or waits a day; a sweep of one applicant's ID number needs about two hundred days. The price: anyone who reads
 * a 资格证号 on a 公示 page can make its lookups wait a day with five wrong numbers (docs/SECURITY.md).
 */
@Service
public class PublicLookups {

    static final int MISSES_PER_CERTIFICATE = 5;
    static final Duration CERTIFICATE_WINDOW = Duration.ofHours(24);
    static final int MISSES_PER_ADDRESS = 20;
    static final Duration ADDRESS_WINDOW = Duration.ofHours(1);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final WaitingList waiting;
    private final JdbcClient jdbc;
    private final TransactionTemplate writes;

    PublicLookups(WaitingList waiting, JdbcClient jdbc, TransactionTemplate writes) {
        this.waiting = waiting;
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /**
     * A household's own standing for whoever holds its 资格证号 and the full ID number of one of its people, asked from
     * {@code address} (the client's, as login throttling counts it).
     *
     * @throws org.anju.platform.BadInput a malformed 资格证号 or ID number (not counted), or no household with both
     *                                    (counted as a miss)
     * @throws TooMany                    too many misses for the 资格证号 or from the address; the message says until when
     */
    public WaitingList.Standing lookup(String certificateNo, String idNumber, String address) {
        String certificate = WaitingList.certificate(certificateNo);
        IdNumber id = IdNumber.parse("身份证号", idNumber);   // a typo the form can tell is no guess: refused before it counts
        long row = writes.execute(s -> admit(certificate, address == null ? "?" : address));
        try {
            WaitingList.Standing standing = waiting.standing(certificate, id);
            matched(row);
            return standing;
        } catch (RuntimeException e) {
            if (!(e instanceof BadInput && WaitingList.NOT_MATCHED.equals(e.getMessage()))) {
                matched(row);   // the pair matched (a city without rules, a fault after the match): no miss
            }
            throw e;
        }
    }

    private void matched(long row) {
        writes.executeWithoutResult(s -> jdbc.sql("update rental_public_lookup set found = true where id = :id")
                .param("id", row).update());
    }

    /**
     * Refuses a lookup over the bounds, else records it as a miss for now. The lookups of one 资格证号, and of one
     * address, are taken one after another (advisory locks, 资格证号 first: no two wait on each other), so that parallel
     * requests cannot all pass the count before any is recorded.
     */
    private long admit(String certificate, String address) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('rental_public_lookup'), hashtext(:key))")
                .param("key", "certificate:" + certificate).query().singleRow();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('rental_public_lookup'), hashtext(:key))")
                .param("key", "address:" + address).query().singleRow();
        refuseOver("certificate_no", certificate, MISSES_PER_CERTIFICATE, CERTIFICATE_WINDOW,
                "资格证号 " + certificate + " 近 24 小时内已有 " + MISSES_PER_CERTIFICATE + " 次查询与身份证号不符，暂停查询");
        refuseOver("address", address, MISSES_PER_ADDRESS, ADDRESS_WINDOW,
                "本机近 1 小时内已有 " + MISSES_PER_ADDRESS + " 次查询与身份证号不符，暂停查询");
        return jdbc.sql("insert into rental_public_lookup (certificate_no, address) values (:certificate, :address) returning id")
                .param("certificate", certificate).param("address", address).query(Long.class).single();
    }

    /**
     * The latest {@code misses} misses of {@code column} = {@code value} within the window: refused until the oldest of
     * them has left it. {@code column} is one of this class's two, never input.
     */
    private void refuseOver(String column, String value, int misses, Duration window, String what) {
        Object[] found = jdbc.sql("select count(*), min(at) from (select at from rental_public_lookup where " + column
                        + " = :value and not found and at > now() - make_interval(secs => :window) order by at desc"
                        + " limit :misses) recent")
                .param("value", value).param("window", window.toSeconds()).param("misses", misses)
                .query((rs, n) -> new Object[]{rs.getInt(1), rs.getObject(2, OffsetDateTime.class)}).single();
        if ((int) found[0] >= misses) {
            OffsetDateTime until = ((OffsetDateTime) found[1]).plus(window);
            throw new TooMany(what + "：请于 " + WHEN.format(until.atZoneSameInstant(ChinaTime.ZONE)) + " 后再试，或携资格证和"
                    + "身份证到受理窗口查询");
        }
    }
}
