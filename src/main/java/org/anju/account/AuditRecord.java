package org.anju.account;

import java.time.Instant;
import java.util.List;

/**
 * One audit entry as a person reads it: when (Beijing time, 2025年3月2日 14:05:09), who by name, through which channel
 * (页面/接口/导入/命令行/系统), what (月报 章贡区 2025年10月) and each field's change in Chinese, ids resolved to names.
 *
 * @param time       the moment in Beijing time, written officially
 * @param actor      the username (shown on hover)
 * @param actorName  the person's name (系统 for the system)
 * @param via        页面, 接口, 导入, 命令行 or 系统
 * @param action     新增, 修改 or 删除
 * @param table      the table's code (report)
 * @param tableLabel its Chinese name (月报)
 * @param object     the row named in Chinese (月报 章贡区 2025年10月)
 * @param changes    the fields that changed (for 新增 the values set, for 删除 the values removed)
 * @param rows       for an entry written per statement (bulk), how many rows it covers; 0 otherwise
 */
public record AuditRecord(long id, Instant at, String time, String actor, String actorName, String via, String action,
                          String table, String tableLabel, String object, List<FieldChange> changes, int rows) {

    /**
     * One field: its Chinese name (or its code where none is given), the value before and after, readable ("—" for
     * none).
     */
    public record FieldChange(String column, String label, String before, String after) {
    }
}
