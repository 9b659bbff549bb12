package org.anju.privacy;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Role;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The one way into personal data. A feature seals what it stores ({@link #seal}: ciphertext, blind index, masked form),
 * finds records by value with the blind index ({@link #blindIndex}: one SQL equality), shows the masked form by default,
 * and asks here for a plaintext: {@link #reveal} (one record's field, with a reason) and {@link #export} (many records,
 * with a reason) check the actor — the record's region must be readable ({@link Access#checkRead}) and the actor's role
 * must be allowed the field ({@code anju.privacy.reveal}) — and log the access in {@code personal_data_access} before
 * the plaintext is handed out. Nothing here logs a plaintext or a key.
 *
 * <pre>{@code
 * static final Column APPLICANT_ID = new Column("rental_application", "applicant_id_enc", PersonalField.ID_NUMBER);
 *
 * IdNumber id = IdNumber.parse("申请人身份证号", form.idNumber());          // refused in Chinese, naming the field
 * SealedValue s = personalData.seal(APPLICANT_ID, id);
 * // insert … applicant_id_enc = s.ciphertext(), applicant_id_bidx = s.blindIndex(), applicant_id_masked = s.masked()
 * // duplicates: select id from rental_application where applicant_id_bidx = :bidx
 * String plain = personalData.reveal(Subject.of("rental_application", appId, region), APPLICANT_ID, row.enc(), "核对申请材料");
 * }</pre>
 */
@Service
public class PersonalData {

    /** Opens sealed values inside an {@link #export}: only the fields the export declared. */
    @FunctionalInterface
    public interface Opener {
        String open(Column column, byte[] sealed);
    }

    private static final Pattern SUBJECT_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final int MAX_REASON = 200;
    private static final int MAX_LIMIT = 1000;

    private final DataCipher cipher;
    private final AccessLog log;
    private final Access access;
    private final Regions regions;
    private final PrivacyProperties properties;
    private final JdbcClient jdbc;

    PersonalData(DataCipher cipher, AccessLog log, Access access, Regions regions, PrivacyProperties properties,
                 JdbcClient jdbc) {
        this.cipher = cipher;
        this.log = log;
        this.access = access;
        this.regions = regions;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    // ---- storing and finding ------------------------------------------------------------------------------

    /**
     * What to store for {@code value} in {@code column}: encrypted with the current key and bound to the column, its
     * blind index (null for fields without one) and its masked form. Sealing reveals nothing and is not logged.
     */
    public SealedValue seal(Column column, PersonalValue value) {
        if (value.field() != column.field()) {
            throw new IllegalStateException("列 " + column + " 存放" + column.field().label() + "，不能存放" + value.field().label());
        }
        String plain = value.normalized();
        return new SealedValue(cipher.seal(column, plain),
                value.field().indexed() ? cipher.blindIndex(value.field(), plain) : null, value.masked());
    }

    /**
     * The blind index of {@code value} — the same in every column of its field — to find records holding it:
     * {@code where applicant_id_bidx = ?}. Looking up is not revealing: the caller already has the value.
     *
     * @throws IllegalStateException for a field without a blind index (an income)
     */
    public byte[] blindIndex(PersonalValue value) {
        return cipher.blindIndex(value.field(), value.normalized());
    }

    /** The masked form of a sealed value (decrypted to mask it, shown to no one in plaintext, not logged). */
    public String masked(Column column, byte[] sealed) {
        return column.field().mask(cipher.open(column, sealed));
    }

    /**
     * Decrypts a value for a computation whose result alone leaves the calling service (a household's per-capita
     * income for an eligibility verdict or a subsidy tier): like {@link #masked}, nobody is shown the plaintext, so it
     * is not logged. Never put the result on a page, in a file or in a log; use {@link #reveal} or {@link #export}.
     */
    public String openForComputation(Column column, byte[] sealed) {
        return cipher.open(column, sealed);
    }

    /**
     * Logs that the current actor opened one record's page with personal data masked ({@code fields}): issue 12 wants
     * every view of a household's record known, not only plaintext reveals. Checks that the actor may read the region.
     */
    public void viewed(Subject subject, Set<PersonalField> fields) {
        Actor a = access.current();
        access.checkRead(subject.region());
        if (!fields.isEmpty()) {
            log.record(a, "VIEW", subject.type(), subject.id(), subject.region().id(), fields, "查看记录（脱敏）", null);
        }
    }

    // ---- revealing ----------------------------------------------------------------------------------------

    /** Whether the current actor's role may reveal {@code field} at all (to show a 查看 button); regions are checked on reveal. */
    public boolean mayReveal(PersonalField field) {
        Actor a = access.current();
        return a.system() || properties.mayReveal(a.roles(), field);
    }

    /**
     * The plaintext of one record's field, for the current actor, logged with the reason.
     *
     * @param reason why (核对申请材料, 电话回访): required
     * @return the normalized plaintext ({@link PersonalValue#normalized()})
     * @throws Denied   when the actor may not read the subject's region, or its role may not reveal this field
     * @throws BadInput when the reason is blank or too long
     */
    public String reveal(Subject subject, Column column, byte[] sealed, String reason) {
        Actor a = access.current();
        access.checkRead(subject.region());
        checkRole(a, Set.of(column.field()), "查看完整的");
        String why = reason(reason, "查看完整的" + column.field().label());
        String plain = cipher.open(column, sealed);
        log.record(a, "REVEAL", subject.type(), subject.id(), subject.region().id(), Set.of(column.field()), why, null);
        return plain;
    }

    /**
     * Exports rows with personal data in plaintext: checks the actor like a reveal for every declared field, maps every
     * row through {@code line} (which opens sealed values with the {@link Opener}), then logs the export once with the
     * row count, and only then returns the lines.
     *
     * @throws Denied   when the actor may not read {@code export.scope()} or reveal one of the fields
     * @throws BadInput when the reason is blank or too long
     */
    public <R, T> List<T> export(Export export, List<R> rows, BiFunction<R, Opener, T> line) {
        if (export.subjectType() == null || !SUBJECT_TYPE.matcher(export.subjectType()).matches() || export.scope() == null
                || export.fields().isEmpty()) {
            throw new IllegalStateException("导出须声明小写的记录类型、地区和要解密的字段：" + export.subjectType());
        }
        Actor a = access.current();
        access.checkRead(export.scope());
        checkRole(a, export.fields(), "导出完整的");
        String why = reason(export.reason(), "导出个人信息");
        Opener opener = (column, sealed) -> {
            if (!export.fields().contains(column.field())) {
                throw new IllegalStateException("导出未声明" + column.field().label() + "，却要解密 " + column);
            }
            return cipher.open(column, sealed);
        };
        List<T> lines = new ArrayList<>(rows.size());
        for (R row : rows) {
            lines.add(line.apply(row, opener));
        }
        log.record(a, "EXPORT", export.subjectType(), null, export.scope().id(), export.fields(), why, rows.size());
        return lines;
    }

    private void checkRole(Actor a, Set<PersonalField> fields, String verb) {
        for (PersonalField f : fields.stream().sorted().toList()) {
            if (!a.system() && !properties.mayReveal(a.roles(), f)) {
                throw new Denied(a.signedIn() ? "当前账号（" + a.displayName() + "，" + a.rolesLabel() + "）无权" + verb + f.label()
                        + "，只能看到脱敏后的信息；确因工作需要，请联系系统管理员" : "请先登录");
            }
        }
    }

    private static String reason(String reason, String what) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new BadInput(what + "须说明事由（如“核对申请材料”“电话回访”），事由会记入访问记录");
        }
        if (r.codePointCount(0, r.length()) > MAX_REASON) {
            throw new BadInput("事由不能超过 " + MAX_REASON + " 个字");
        }
        if (r.chars().anyMatch(Character::isISOControl)) {
            throw new BadInput("事由不能包含换行等控制字符");
        }
        return r;
    }

    // ---- auditing -----------------------------------------------------------------------------------------

    /**
     * Accesses to personal data of a region's subtree, newest first — for province and city administrators.
     *
     * @param regionCode the region (default: the actor's own); must lie in the actor's subtree
     * @param from       first day (Beijing time, yyyy-MM-dd), optional
     * @param to         last day, inclusive, optional
     * @param actor      only this username, optional
     * @param limit      1–1000, default 100
     */
    public List<AccessRecord> accesses(String regionCode, String from, String to, String actor, String subjectType,
                                       String subjectId, Integer limit) {
        Actor a = access.current();
        if (!a.system() && !a.has(Role.PROVINCE_ADMIN) && !a.has(Role.CITY_ADMIN)) {
            throw new Denied(a.signedIn() ? "只有省级、市级管理员可以查看个人信息访问记录" : "请先登录");
        }
        Region region = regionCode == null || regionCode.isBlank() ? a.region()
                : regions.byCode(regionCode.strip()).orElseThrow(() -> new NotFound("地区代码不存在：" + shorten(regionCode)));
        access.checkRead(region);
        LocalDate first = day(from, "起始日期（from）");
        LocalDate last = day(to, "截止日期（to）");
        if (first != null && last != null && last.isBefore(first)) {
            throw new BadInput("截止日期（to）不能早于起始日期（from）");
        }
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new BadInput("条数（limit）应在 1–" + MAX_LIMIT + " 之间");
        }
        Instant fromInstant = first == null ? null : first.atStartOfDay(ChinaTime.ZONE).toInstant();
        Instant toInstant = last == null ? null : last.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
        return log.list(region.id(), fromInstant, toInstant, filter(actor, "用户名（actor）"),
                filter(subjectType, "记录类型（subjectType）"), filter(subjectId, "记录标识（subjectId）"), n);
    }

    private static LocalDate day(String text, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (d.getYear() < 2000 || d.getYear() > 2999) {
                throw new BadInput(label + "超出范围：" + shorten(text));
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new BadInput(label + "应为 yyyy-MM-dd，如 2025-01-31：" + shorten(text));
        }
    }

    private static String filter(String text, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > 64 || t.chars().anyMatch(Character::isISOControl)) {
            throw new BadInput(label + "不能超过 64 个字符，也不能包含控制字符");
        }
        return t;
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }

    // ---- key rotation -------------------------------------------------------------------------------------

    /**
     * Re-seals every value of {@code column} not sealed with the current key (after a new key version was added), so
     * the old version can later be removed. The system only (the command line); nobody sees a plaintext, and the
     * re-encryption is logged once with its count. Blind indexes do not change.
     *
     * @return how many values were re-sealed
     */
    @Transactional
    public int reencrypt(Column column) {
        Actor a = access.current();
        if (!a.system()) {
            throw new Denied("只有系统（命令行）可以用新密钥重新加密个人信息");
        }
        int current = cipher.keys().current();
        String t = column.table();
        String c = column.column();   // both checked identifiers (Column)
        int count = 0;
        while (true) {
            record Row(String ctid, byte[] sealed) {
            }
            List<Row> batch = jdbc.sql("select ctid::text, " + c + " from " + t + " where " + c + " is not null and get_byte("
                            + c + ", 0) <> :current limit 500")
                    .param("current", current).query((rs, n) -> new Row(rs.getString(1), rs.getBytes(2))).list();
            if (batch.isEmpty()) {
                break;
            }
            int done = 0;
            for (Row row : batch) {
                byte[] fresh = cipher.seal(column, cipher.open(column, row.sealed()));
                done += jdbc.sql("update " + t + " set " + c + " = :fresh where ctid = cast(:ctid as tid) and " + c + " = :old")
                        .param("fresh", fresh).param("ctid", row.ctid()).param("old", row.sealed()).update();
            }
            if (done == 0) {
                throw new IllegalStateException("重新加密 " + column + " 时数据不断被同时修改，未能完成：请稍后重试");
            }
            count += done;
        }
        log.record(a, "REENCRYPT", t, null, regions.root().id(), Set.of(column.field()),
                "密钥轮换：" + column + " 改用第 " + current + " 版密钥加密", count);
        return count;
    }
}
