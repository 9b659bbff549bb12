package org.anju.platform;

import java.time.Instant;

/**
 * An uploaded document whose text is the latest stored version's of the same document (same issuer, kind and first
 * day): a double-click, a form sent again after Back, or a second official acting on a page read from a replica that
 * had not yet seen the first upload ("尚未上传…"). Stored again it would be a new version that changes nothing but
 * the history; so it is refused, naming the version already there. Line endings and a byte-order mark do not make a
 * difference (the same file saved on Windows and on a Mac); anything else does.
 */
public final class Reupload {

    private Reupload() {
    }

    /** Whether two texts are the same document. */
    public static boolean same(String stored, String uploaded) {
        return normal(stored).equals(normal(uploaded));
    }

    /**
     * The refusal: {@code file} is the upload's name, {@code what} names the stored version as the page lists it
     * (e.g. 轮候规则“徐州市公租房轮候规则”（2024年1月1日起）).
     */
    public static Conflict refusal(String file, String what, String uploadedBy, Instant uploadedAt) {
        return new Conflict(file + "：与" + uploadedBy + "于 " + ChinaTime.atMinute(uploadedAt) + " 上传的" + what
                + "内容相同，未重复保存。如要修改，请上传改过的文件");
    }

    private static String normal(String text) {
        String s = (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n").replace('\r', '\n');
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }
}
