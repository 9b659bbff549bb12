package org.anju.reminder;

/** What a reminder is about; the labels are what pages show. */
public enum ReminderKind {
    REPORT_DUE_SOON("月报临近截止"),
    REPORT_OVERDUE("月报逾期未报"),
    LEDGER_OVERDUE("台账事项逾期");

    private final String label;

    ReminderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
