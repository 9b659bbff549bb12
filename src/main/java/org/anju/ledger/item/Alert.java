package org.anju.ledger.item;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An open item's standing against its deadline: 已逾期, 临近到期 (within the kind's due-soon days) or nothing. */
public enum Alert {
    OVERDUE("已逾期"), DUE_SOON("临近到期"), NONE("");

    private final String label;

    Alert(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The deadline day itself is still in time; a closed item has no alert. */
    public static Alert of(LedgerState state, LocalDate deadline, LocalDate today, int dueSoonDays) {
        if (state == LedgerState.CLOSED) {
            return NONE;
        }
        if (today.isAfter(deadline)) {
            return OVERDUE;
        }
        return ChronoUnit.DAYS.between(today, deadline) <= dueSoonDays ? DUE_SOON : NONE;
    }

    /** Whole months from {@code from} to {@code to} (2019-06-30 → 2023-12-31: 54), 0 when not late. */
    public static long monthsLate(LocalDate from, LocalDate to) {
        return to.isAfter(from) ? ChronoUnit.MONTHS.between(from, to) : 0;
    }
}
