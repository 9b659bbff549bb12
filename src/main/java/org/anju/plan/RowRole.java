package org.anju.plan;

/** What a row of a breakdown table is: the 合计/全省 row, a row with rows below it (a city), or a unit. */
public enum RowRole {
    TOTAL, PARENT, DETAIL
}
