package org.anju.platform;

/**
 * Rows a module keeps for a while and then drops (the keys of requests done once, the outcomes of imports kept to answer
 * a repeat): the scheduled clean-up, once per cluster, calls every bean of this type, so a module's rows are dropped on
 * time without the clean-up's module depending on it. Each module may still drop its own old rows when it writes new
 * ones; this covers the rows of users and modules that write none for a long time (review 23 L4: the import outcomes
 * stayed until the next import, however long after).
 */
public interface Expiring {

    /** What the rows are, for the clean-up's log: 重复提交键, 房源导入结果. */
    String what();

    /** Drops the rows older than they are kept; how many were dropped. */
    int dropExpired();
}
