package org.anju.ledger.kind;

/** How a kind's deadline is set: a date the issuer gives, or N working or calendar days from a start date. */
public sealed interface DeadlineRule {

    /** The issuer gives the date (整改落实期限, 完成时点). */
    record OnDate() implements DeadlineRule {
    }

    /** N working days on the region's holiday calendar, from {@code startField} (null: the issuer gives the start). */
    record WorkingDays(int days, String startField) implements DeadlineRule {
    }

    /** N calendar days (日), from {@code startField} (null: the issuer gives the start). */
    record CalendarDays(int days, String startField) implements DeadlineRule {
    }

    /** In words, for the form: 日期, 15个工作日, 60日. */
    default String label() {
        return switch (this) {
            case OnDate d -> "日期";
            case WorkingDays w -> w.days() + "个工作日";
            case CalendarDays c -> c.days() + "日";
        };
    }
}
