package org.anju.document;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The font files the PDF embeds for each role of a 公文, as {@code path} or {@code path#PostScriptName} for a member of a
 * TrueType collection (.ttc). The standard's fonts (方正小标宋, 仿宋_GB2312, 楷体_GB2312) are not free; the defaults are
 * free Debian fonts with TrueType outlines (PDFBox embeds those, not the CFF outlines of Noto CJK .otf/.ttc):
 * see docs/OFFICIAL-DOCUMENT.md for the mapping and why.
 *
 * @param title      标题 and 发文机关标志 (小标宋 substitute): AR PL UMing CN, fonts-arphic-uming
 * @param body       正文, tables, 版记 (仿宋 substitute — no free 仿宋 with simplified characters is packaged): AR PL UMing CN
 * @param heiti      一级标题, 附件 label, table headers (黑体): WenQuanYi Zen Hei, fonts-wqy-zenhei
 * @param kaiti      二级标题 (楷体): AR PL UKai CN, fonts-arphic-ukai
 * @param pageNumber 页码 (半角宋体): AR PL UMing CN
 */
@ConfigurationProperties("anju.document.fonts")
public record DocumentFonts(String title, String body, String heiti, String kaiti, String pageNumber) {

    static final String UMING = "/usr/share/fonts/truetype/arphic/uming.ttc#UMingCN";
    static final String UKAI = "/usr/share/fonts/truetype/arphic/ukai.ttc#UKaiCN";
    static final String ZENHEI = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#WenQuanYiZenHei";

    public DocumentFonts {
        title = or(title, UMING);
        body = or(body, UMING);
        heiti = or(heiti, ZENHEI);
        kaiti = or(kaiti, UKAI);
        pageNumber = or(pageNumber, UMING);
    }

    public static DocumentFonts defaults() {
        return new DocumentFonts(null, null, null, null, null);
    }

    private static String or(String v, String d) {
        return v == null || v.isBlank() ? d : v.strip();
    }

    /** A role of a 公文's text and the font that prints it. */
    public enum Role {
        TITLE("title", "标题（小标宋）"), BODY("body", "正文（仿宋）"), HEITI("heiti", "黑体标题"), KAITI("kaiti", "楷体标题"),
        PAGE_NUMBER("page-number", "页码（宋体）");

        final String property;
        final String label;

        Role(String property, String label) {
            this.property = property;
            this.label = label;
        }

        public String property() {
            return "anju.document.fonts." + property;
        }
    }

    public String spec(Role role) {
        return switch (role) {
            case TITLE -> title;
            case BODY -> body;
            case HEITI -> heiti;
            case KAITI -> kaiti;
            case PAGE_NUMBER -> pageNumber;
        };
    }

    /** The file of a role's font (the part before '#'). */
    public Path file(Role role) {
        String s = spec(role);
        int hash = s.indexOf('#');
        return Path.of(hash < 0 ? s : s.substring(0, hash));
    }

    /** The PostScript name of the collection member, or null for a plain .ttf. */
    public String member(Role role) {
        String s = spec(role);
        int hash = s.indexOf('#');
        return hash < 0 ? null : s.substring(hash + 1);
    }

    /**
     * Refuses, before anything is rendered, when a role's font file is missing — in Chinese, naming the property and
     * the Debian package that installs the default — so that no PDF goes out with missing glyphs.
     */
    public void check() {
        for (Role role : Role.values()) {
            Path f = file(role);
            if (!Files.isReadable(f)) {
                throw new org.anju.platform.Conflict("无法生成 PDF：" + role.label + "所用的字体文件 " + f + " 不存在或不可读。"
                        + "请在服务器上安装 Debian 软件包 " + debianPackage(f) + "（apt-get install " + debianPackage(f)
                        + "），或在配置项 " + role.property() + " 中指定一个 TrueType 字体文件（.ttf，或 .ttc#字体名）");
            }
        }
    }

    /** The Debian package that ships a default font file. */
    static String debianPackage(Path f) {
        String s = f.toString();
        if (s.contains("uming")) {
            return "fonts-arphic-uming";
        }
        if (s.contains("ukai")) {
            return "fonts-arphic-ukai";
        }
        if (s.contains("wqy-zenhei")) {
            return "fonts-wqy-zenhei";
        }
        if (s.contains("gbsn00lp")) {
            return "fonts-arphic-gbsn00lp";
        }
        if (s.contains("gkai00mp")) {
            return "fonts-arphic-gkai00mp";
        }
        return "（提供该字体的软件包）";
    }
}
