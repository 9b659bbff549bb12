package org.anju.bulletin;

import java.time.LocalDate;

/**
 * How to head a bulletin; all optional.
 *
 * @param issuer         发文机关, default the region's housing department
 * @param documentNumber 文号, e.g. 张旧改办〔2024〕1号
 * @param date           落款日期, default today
 */
public record BulletinOptions(String issuer, String documentNumber, LocalDate date) {

    public static BulletinOptions defaults() {
        return new BulletinOptions(null, null, null);
    }
}
