package org.anju.calendar;

import java.time.LocalDate;

/**
 * Whether the day a period starts on is counted. Every computation names it: the convention belongs to the rule
 * being applied (the caller's configuration), never to this module.
 */
public enum Counting {
    /**
     * The start day is not counted; day 1 is the next day — 民法典 第201条 (按照年、月、日计算期间的，开始的当日不计入，
     * 自下一日开始计算), and the usual reading of "自受理之日起5个工作日内".
     */
    START_NEXT_DAY("开始的当日不计入，自下一日起算"),
    /** The start day is day 1 (for working days: if it is one). */
    START_SAME_DAY("开始的当日计入");

    private final String label;

    Counting(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The first day that may be counted. */
    public LocalDate firstDay(LocalDate start) {
        return this == START_NEXT_DAY ? start.plusDays(1) : start;
    }
}
