package org.anju.privacy;

import java.util.Set;

/**
 * How personal data is shown by default: pure functions over the normalized text, total (an odd value is masked too,
 * never shown or refused).
 *
 * <p>What the rules are based on. No national standard fixes the digits: GB/T 35273-2020 (信息安全技术 个人信息安全规范,
 * 个人信息展示限制) asks that personal data shown on screens or paper be de-identified; the State Council's
 * 《2018年政务公开工作要点》 (国办发〔2018〕23号) asks that published lists touching privacy be de-identified (去标识化处理) —
 * 公示 of 保障房 allocations included. Practice varies: the first 6 and last 4 of an ID number (hiding exactly the birth
 * date), 3+4, or only the first and last character; 138****1234 for a mobile everywhere. Our choices:
 * <ul>
 *   <li>身份证号: the first 4 and the last 4 ({@code 3601**********123X}). The 6+4 form hides only the birth date, which
 *       an age column beside it (pages of applications show one) narrows to a year — some 30 candidates with the check
 *       digit; hiding the county too leaves hundreds. The last four still let a clerk tell two applicants apart and
 *       match a card in hand.</li>
 *   <li>手机号: the first 3 and last 4 ({@code 138****1234}); 固定电话: the area code and the last 4
 *       ({@code 0791-****3456}).</li>
 *   <li>姓名: the surname only, one * per other character ({@code 张*}, {@code 张**}, {@code 欧阳**}); a compound surname
 *       (复姓) is kept whole; a transcribed name (阿依古丽·买买提) keeps its first character and the dots.</li>
 *   <li>金额: nothing ({@code ***}).</li>
 *   <li>银行账号: the last four digits behind four stars ({@code ****1234}), as bank statements and payment receipts
 *       print a card; the number of digits is hidden too.</li>
 * </ul>
 * A list published to the public (公示) may want less still; that is for the feature publishing it to decide.
 */
public final class Masks {

    /** 复姓 of the 百家姓 and those common today, kept whole when a name starts with one (and has a given name after it). */
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "太史", "端木", "上官", "司马", "东方", "独孤",
            "南宫", "万俟", "闻人", "夏侯", "诸葛", "尉迟", "公羊", "赫连", "澹台", "皇甫", "宗政", "濮阳", "公冶", "太叔",
            "申屠", "公孙", "慕容", "仲孙", "钟离", "长孙", "宇文", "司徒", "鲜于", "司空", "闾丘", "子车", "亓官", "司寇",
            "巫马", "公西", "颛孙", "壤驷", "公良", "漆雕", "乐正", "宰父", "谷梁", "拓跋", "夹谷", "轩辕", "令狐", "段干",
            "百里", "呼延", "东郭", "南门", "羊舌", "微生", "梁丘", "左丘", "东门", "西门", "第五", "南荣", "东里", "即墨",
            "达奚", "褚师");

    private Masks() {
    }

    /** {@code 360102199001011234} → {@code 3601**********1234}; a value of 8 characters or fewer is all stars. */
    public static String idNumber(String value) {
        if (value == null) {
            return "";
        }
        int n = value.length();
        return n <= 8 ? "*".repeat(n) : value.substring(0, 4) + "*".repeat(n - 8) + value.substring(n - 4);
    }

    /** {@code 13812345678} → {@code 138****5678}; {@code 0791-86123456} → {@code 0791-****3456}. */
    public static String phone(String value) {
        if (value == null) {
            return "";
        }
        int dash = value.indexOf('-');
        if (dash > 0) {
            return value.substring(0, dash + 1) + keepLast(value.substring(dash + 1), 4);
        }
        if (value.length() == 11) {
            return value.substring(0, 3) + "****" + value.substring(7);
        }
        return keepLast(value, 4);
    }

    /** {@code 张三} → {@code 张*}; {@code 欧阳娜娜} → {@code 欧阳**}; {@code 阿依古丽·买买提} → {@code 阿***·***}. */
    public static String name(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int[] cps = value.codePoints().toArray();
        int keep = 1;
        if (cps.length > 2 && COMPOUND_SURNAMES.contains(new String(cps, 0, 2))) {
            keep = 2;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            b.appendCodePoint(i < keep || c == '·' || c == ' ' ? c : '*');
        }
        return b.toString();
    }

    /** Any amount → {@code ***}. */
    public static String amount(String value) {
        return "***";
    }

    /** {@code 6222021234567890123} → {@code ****0123}; a value of four characters or fewer is all stars. */
    public static String bankAccount(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return value.length() <= 4 ? "*".repeat(value.length()) : "****" + value.substring(value.length() - 4);
    }

    private static String keepLast(String s, int last) {
        return s.length() <= last ? "*".repeat(s.length()) : "*".repeat(s.length() - last) + s.substring(s.length() - last);
    }
}
