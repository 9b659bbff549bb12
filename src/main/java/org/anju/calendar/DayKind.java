package org.anju.calendar;

/** Whether a day is worked or off. */
public enum DayKind {
    /** A day off: a holiday of the notice, a weekend, or a local day off. */
    OFF("休息"),
    /** A day worked: an ordinary weekday, or a weekend day a notice (调休) or a region makes a working day. */
    WORK("上班");

    private final String label;

    DayKind(String label) {
        this.label = label;
    }

    /** 休息 or 上班, as pages show it. */
    public String label() {
        return label;
    }
}
