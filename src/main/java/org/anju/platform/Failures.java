package org.anju.platform;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Ids for failures (bugs): shown to the user, logged with the exception, so an administrator finds the one. */
public final class Failures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Failures() {
    }

    /** Eight hex digits: short enough to read out on the phone. */
    public static String id() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Logs the bug under a new id and returns the id, for the message the user sees. */
    public static String record(Throwable e) {
        String id = id();
        org.slf4j.LoggerFactory.getLogger(Failures.class).error("内部错误 {}", id, e);
        return id;
    }

    public static String message(String id) {
        return "服务器内部出错（错误编号 " + id + "），已记录。请稍后重试；如仍出错，请把错误编号告诉系统管理员";
    }
}
