package org.anju.bulletin;

import java.time.LocalDate;
import java.util.List;

/**
 * How to head a bulletin and what its 版记 says; all optional.
 *
 * @param issuer         发文机关, default the region's housing department
 * @param documentNumber 文号, e.g. 张旧改办〔2024〕1号
 * @param date           落款日期, default today
 * @param copyTo         版记 抄送机关, in order; none leaves the 抄送 line out
 * @param printedBy      版记 印发机关, default the 发文机关
 * @param printedOn      版记 印发日期, default the 落款日期
 */
public record BulletinOptions(String issuer, String documentNumber, LocalDate date, List<String> copyTo, String printedBy,
                              LocalDate printedOn) {

    public BulletinOptions {
        copyTo = copyTo == null ? List.of() : List.copyOf(copyTo);
    }

    public BulletinOptions(String issuer, String documentNumber, LocalDate date) {
        this(issuer, documentNumber, date, null, null, null);
    }

    public static BulletinOptions defaults() {
        return new BulletinOptions(null, null, null);
    }

    /** 抄送 as typed in one field: names separated by 、，, or ; (the trailing 。 dropped). */
    public static List<String> copyToList(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(typed.replaceAll("[。.]\\s*$", "").split("[、，,；;\\n]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
