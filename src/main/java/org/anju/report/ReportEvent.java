package org.anju.report;

import java.time.OffsetDateTime;

/** One workflow step: who did what, how, and why (a return's reason). */
public record ReportEvent(String action, ReportStatus from, ReportStatus to, String actor, String channel,
                          String reason, OffsetDateTime at) {

    /** The step in Chinese, for pages. */
    public String actionLabel() {
        return switch (action) {
            case "SAVE" -> "保存";
            case "SUBMIT" -> "上报";
            case "APPROVE" -> "审核通过";
            case "RETURN" -> "退回";
            case "LOCK" -> "锁定";
            case "REOPEN" -> "解锁退回";
            default -> action;
        };
    }

    /** How it came in, in Chinese. */
    public String channelLabel() {
        return switch (channel) {
            case "UI" -> "网页";
            case "API" -> "接口";
            case "IMPORT" -> "导入";
            case "CLI" -> "命令行";
            case "SYSTEM" -> "系统";
            default -> channel;
        };
    }
}
