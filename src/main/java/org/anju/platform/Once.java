package org.anju.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A request that creates something done once however often it arrives (the double-submit trial: a double-clicked
 * 交办, a 督办通知 sent again after Back, an API client retrying a 缴费 after a timeout each stored it again; there is
 * no natural key to catch them — two petitions may read alike). The page's form carries a key made when it was shown
 * ({@code <input type="hidden" name="_once" th:value="${@once.key()}">}), the API an {@code Idempotency-Key} header;
 * the key is recorded per user with the result (an id) in the transaction that creates it (table
 * {@code request_once}). A repeat waits for the first to end — PostgreSQL makes an insert on the same key wait for the
 * transaction holding it — and gets the first one's result; a first that was refused or failed left nothing, so its
 * repeat runs and is refused or done as it would be. A request without a key runs as before.
 */
@Component("once")
public class Once implements Expiring {

    /** The form field a page's form carries its key in. */
    public static final String FIELD = "_once";
    /** The header an API client gives its key in (the IETF draft's name). */
    public static final String HEADER = "Idempotency-Key";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** Where a request's key comes from. */
    public enum From {
        /** The page's form (hidden field {@value #FIELD}). */
        FORM("表单字段 " + Once.FIELD),
        /** The API's {@value #HEADER} header. */
        HEADER("请求头 " + Once.HEADER);

        private final String label;

        From(String label) {
            this.label = label;
        }
    }

    /**
     * The digest kept of what was asked: keyed (HMAC under a key derived from the personal-data key, module privacy), so
     * that personal data may be part of the request — a plain SHA-256 of a phone number is found by trying them all.
     */
    public interface Digest {
        /** The hex digest of {@code request}. */
        String of(String request);
    }

    /**
     * A page form's fields as a request, without the CSRF token and the key (the same form sent again has new ones).
     * Personal fields stay in: a form sent again with only the phone number changed is another request, not the same.
     * A field sent more than once (a multi-value form's checkboxes) counts with all its values.
     */
    public static Object fields(Map<String, ?> form) {
        Map<String, Object> fields = new TreeMap<>(form);
        fields.remove(FIELD);
        fields.remove("_csrf");
        return fields;
    }

    @Override
    public String what() {
        return "重复提交键";
    }

    /** Drops the keys older than a day (the scheduled clean-up; a user's next keyed request drops their own too). */
    @Override
    public int dropExpired() {
        return jdbc.sql("delete from request_once where made_at < now() - interval '1 day'").update();
    }

    /** The outcome: the id made, whether by this request or by the first with its key, and when that one was done. */
    public record Done(long id, boolean repeated, Instant at) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate writes;
    private final Digest digests;

    Once(JdbcClient jdbc, PlatformTransactionManager transactions, Digest digests) {
        this.jdbc = jdbc;
        this.digests = digests;
        this.writes = new TransactionTemplate(transactions);
    }

    /** A new key for a form being shown. */
    public String key() {
        return UUID.randomUUID().toString();
    }

    /**
     * Runs {@code work} (which returns the id of what it made) unless the current user already did under {@code key}.
     *
     * @param key     the form's or header's key; null or blank: no key, the work runs
     * @param from    where the key came from, for the refusals
     * @param request what was asked (the form's fields, the request's body; its keyed {@link Digest} is kept a day):
     *                the same key with another request is refused rather than answered with the first one's
     *                result — the user went Back and changed the form, or a client reused a key; which of the two was
     *                meant is not guessed
     */
    public Done run(String key, From from, Object request, LongSupplier work) {
        if (key == null || key.isBlank()) {
            return new Done(work.getAsLong(), false, Instant.now());
        }
        String k = key.strip();
        if (!KEY.matcher(k).matches()) {
            throw new BadInput(from.label + "“" + (k.length() > 40 ? k.substring(0, 40) + "…" : k)
                    + "”不是有效的键：应为 1–100 个字母、数字或 . _ : - 组成（如一个 UUID），每次新的提交用一个新键");
        }
        String owner = owner();
        String digest = digest(request);
        return writes.execute(status -> {
            jdbc.sql("delete from request_once where owner = :owner and made_at < now() - interval '1 day'")
                    .param("owner", owner).update();
            boolean first = jdbc.sql("""
                            insert into request_once (owner, key, digest) values (:owner, :key, :digest)
                            on conflict do nothing""")
                    .param("owner", owner).param("key", k).param("digest", digest).update() == 1;
            if (!first) {
                return jdbc.sql("select result, made_at, digest from request_once where owner = :owner and key = :key")
                        .param("owner", owner).param("key", k)
                        .query((rs, n) -> {
                            Instant at = rs.getTimestamp("made_at").toInstant();
                            if (!same(rs.getString("digest"), digest, request)) {
                                throw new Conflict(from == From.FORM
                                        ? "这张表单已于 " + ChinaTime.atSecond(at) + " 提交过，这次的内容有改动，未保存：如要再提交一项，"
                                        + "请重新打开表单填写（返回上一页再提交会被当作同一次提交）"
                                        : from.label + "“" + k + "”已于 " + ChinaTime.atSecond(at) + " 用于另一次内容不同的提交，"
                                        + "本次未保存：每次新的提交请用新的键，重试时才用原来的键");
                            }
                            return new Done(Long.parseLong(rs.getString("result")), true, at);
                        })
                        .single();
            }
            long id = work.getAsLong();
            jdbc.sql("update request_once set result = :id where owner = :owner and key = :key")
                    .param("id", Long.toString(id)).param("owner", owner).param("key", k).update();
            return new Done(id, false, Instant.now());
        });
    }

    /** Marks a keyed digest: a key recorded before they were keyed holds a plain SHA-256, without the mark. */
    private static final String KEYED = "hmac:";

    private String digest(Object request) {
        return KEYED + digests.of(String.valueOf(request));
    }

    /**
     * Whether the digest recorded with a key is this request's. A key recorded before the digests were keyed (an upgrade
     * within the day) holds the plain SHA-256 of the request as it was asked then: compared as such, so that a client's
     * retry across the upgrade is answered with its first result, not refused as another request — a refusal that
     * invites a retry under a new key, and a second record (review 24 M2). A request whose first was recorded without
     * its personal fields (a petition's name and phone) still differs: refused, never guessed to be the same.
     */
    private static boolean same(String recorded, String digest, Object request) {
        return recorded.startsWith(KEYED) ? recorded.equals(digest) : recorded.equals(Sha256.hex(String.valueOf(request)));
    }

    private static String owner() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "" : a.getName();
    }
}
