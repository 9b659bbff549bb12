package org.anju.platform;

import org.springframework.util.unit.DataSize;

/** How an upload over the limit ({@code spring.servlet.multipart.*}) is reported. */
public final class UploadLimits {

    private UploadLimits() {
    }

    public static String message(DataSize limit) {
        return "上传文件过大：最大 " + human(limit) + "。请删去无关的工作表或附件，或分成几个文件上传";
    }

    static String human(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return bytes + " 字节";
    }
}
