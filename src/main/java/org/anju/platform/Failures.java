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

    public static String message(String id) {
        return "服务器内部出错（错误编号 " + id + "），已记录。请稍后重试；如仍出错，请把错误编号告诉系统管理员";
    }
}
