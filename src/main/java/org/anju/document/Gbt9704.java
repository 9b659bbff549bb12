package org.anju.document;

/**
 * The page geometry of GB/T 9704-2012 《党政机关公文格式》 in the units the renderers need; see docs/OFFICIAL-DOCUMENT.md.
 * 5.2.1 A4 (210 × 297 mm); 5.2.2 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm — so the 切口 (right) is 26 mm and the
 * bottom 35 mm; 5.2.4 22 lines of 28 characters filling the 版心; 7.5 page numbers 4号 with a 一字线 each side, 7 mm
 * below the 版心.
 */
public final class Gbt9704 {

    private Gbt9704() {
    }

    public static final double PAGE_WIDTH_MM = 210;
    public static final double PAGE_HEIGHT_MM = 297;
    public static final double TOP_MM = 37;
    public static final double LEFT_MM = 28;
    public static final double TEXT_WIDTH_MM = 156;
    public static final double TEXT_HEIGHT_MM = 225;
    public static final double RIGHT_MM = PAGE_WIDTH_MM - LEFT_MM - TEXT_WIDTH_MM;
    public static final double BOTTOM_MM = PAGE_HEIGHT_MM - TOP_MM - TEXT_HEIGHT_MM;
    public static final int LINES = 22;
    public static final int CHARS = 28;
    /** 7.5: the 一字线 of the page number is 7 mm below the 版心. */
    public static final double PAGE_NUMBER_GAP_MM = 7;
    /** 7.2.4: the 发文机关标志's top is 35 mm below the top of the 版心 (下行文). */
    public static final double ISSUER_MARK_DROP_MM = 35;
    /** 7.2.7: the red separator is 4 mm below the 发文字号. */
    public static final double SEPARATOR_GAP_MM = 4;

    /** Font sizes in points (号): 初号 42, 2号 22, 3号 16, 4号 14, 小四 12. */
    public static final double SIZE_2 = 22;
    public static final double SIZE_3 = 16;
    public static final double SIZE_4 = 14;
    public static final double SIZE_TABLE = 12;

    /** The line pitch that puts 22 lines in the 版心: 225 mm / 22 = 10.23 mm = 28.99 pt. */
    public static double linePitchPt() {
        return mmToPt(TEXT_HEIGHT_MM) / LINES;
    }

    /** The character pitch that puts 28 characters on a line: 156 mm / 28 = 15.79 pt (a 3号 character is 16 pt). */
    public static double charPitchPt() {
        return mmToPt(TEXT_WIDTH_MM) / CHARS;
    }

    public static double mmToPt(double mm) {
        return mm * 72 / 25.4;
    }

    /** Millimetres to twentieths of a point (twips), Word's page unit, rounded. */
    public static int twips(double mm) {
        return (int) Math.round(mm * 1440 / 25.4);
    }

    /** Page width in twips: 11906. */
    public static int pageWidthTwips() {
        return twips(PAGE_WIDTH_MM);
    }

    /** Page height in twips: 16838. */
    public static int pageHeightTwips() {
        return twips(PAGE_HEIGHT_MM);
    }

    /** Width of the 版心 in twips (8844). */
    public static int textWidthTwips() {
        return twips(TEXT_WIDTH_MM);
    }

    /** Width of the landscape 版心 (the portrait one turned: 225 mm, 12756 twips). */
    public static int landscapeTextWidthTwips() {
        return twips(TEXT_HEIGHT_MM);
    }
}
