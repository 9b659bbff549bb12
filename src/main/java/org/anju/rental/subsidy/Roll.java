package org.anju.rental.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A county's 发放花名册 for a month or a quarter.
 *
 * @param periodEnd the last day of the period
 * @param paid      lines the bank paid; {@code failed} those it returned; the rest are not yet marked ({@link #unmarked})
 */
public record Roll(long id, String countyCode, String countyName, Cycle cycle, LocalDate periodStart, LocalDate periodEnd,
                   String periodName, long parametersId, boolean confirmed, int households, BigDecimal total,
                   Instant generatedAt, String generatedBy, Instant confirmedAt, String confirmedBy, int paid, int failed,
                   int online, int version) {

    public String statusLabel() {
        return confirmed ? "已确认" : "草稿";
    }

    /** Lines with no bank result registered yet (a draft's are all of them: results are registered once confirmed). */
    public int unmarked() {
        return households - paid - failed;
    }

    /** Whether any bank result is registered: before that, 0 paid and 0 failed say nothing about the bank. */
    public boolean registered() {
        return paid + failed > 0;
    }

    /**
     * The bank's results as the roll's page states them: the counts registered and the lines still without one, never
     * "已发放 0 户" for a roll whose results are not entered yet (audit L2).
     */
    public String results() {
        if (!confirmed) {
            return "确认后登记银行发放结果";
        }
        if (!registered()) {
            return "银行发放结果尚未登记（未登记结果 " + unmarked() + " 户）";
        }
        return "已发放 " + paid + " 户（线上 " + online + " 户），发放失败 " + failed + " 户"
                + (unmarked() > 0 ? "，未登记结果 " + unmarked() + " 户" : "");
    }
}
