package org.anju.platform;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a value that could not be read must be, in Chinese, as said after "不对" or "无效": one wording for the API's
 * path and query parameters and JSON fields ({@link ApiErrors}) and the command line's options (org.anju.cli), which
 * had each their own — an enum's values "应为 [A, B]" on the command line and "应为 A、B 之一" in the API, and a date
 * the API refused by example only where the command line said which day the month lacks (review of the twenty-first
 * session, L4). Pure functions.
 */
public final class Expected {

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    private Expected() {
    }

    /**
     * What a value of {@code type} must be ("应为整数…"), or for a date what is wrong with {@code value} itself
     * ({@link #date}); empty for a type without a simple rule.
     */
    public static String of(Class<?> type, Object value) {
        if (type == null) {
            return "";
        }
        if (type.isEnum()) {
            return oneOf(Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        }
        if (type == Integer.class || type == int.class) {
            return "应为整数（" + Integer.MIN_VALUE + " 到 " + Integer.MAX_VALUE + "）";
        }
        if (type == Long.class || type == long.class || type == Short.class || type == short.class
                || type == java.math.BigInteger.class) {
            return "应为整数";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "应为数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "应为 true 或 false";
        }
        if (type == LocalDate.class) {
            return date(value == null ? null : String.valueOf(value));
        }
        if (type == YearMonth.class) {
            return "应为 2023-12 这样的年月";
        }
        return "";
    }

    /** The values a value must be one of: "应为 A、B、C 之一" (one alone: "应为 A"). */
    public static String oneOf(List<String> values) {
        return values.size() == 1 ? "应为 " + values.getFirst() : "应为 " + String.join("、", values) + " 之一";
    }

    /**
     * Why a value is no date: a day its month does not have said as such ("2023年2月没有30日（该月共 28 天）"), where
     * "无效" alone left the operator to guess (operator trial of the twentieth session, F27); a month or day written with
     * one digit, which neither the command line nor the API reads, by the same date written as they read it; anything
     * else by example.
     */
    public static String date(String value) {
        Matcher day = DAY.matcher(value == null ? "" : value.strip());
        if (day.matches()) {
            int year = Integer.parseInt(day.group(1));
            int month = Integer.parseInt(day.group(2));
            int dayOfMonth = Integer.parseInt(day.group(3));
            if (month < 1 || month > 12) {
                return "月份应为 1 至 12，「" + day.group(2) + "」不是月份";
            }
            int last = YearMonth.of(year, month).lengthOfMonth();
            if (dayOfMonth < 1 || dayOfMonth > last) {
                return year + "年" + month + "月没有" + dayOfMonth + "日（该月共 " + last + " 天）";
            }
            String written = "%04d-%02d-%02d".formatted(year, month, dayOfMonth);
            // a right date with spaces around it (the API does not trim a parameter): said as such, not as digits
            return !written.equals(value.strip()) ? "月和日都写两位，如 " + written
                    : !written.equals(value) ? "前后不能有空格：写作 " + written
                    : "应为 2023-12-31 这样的日期（年-月-日）";   // read as a date elsewhere: nothing to add
        }
        return "应为 2023-12-31 这样的日期（年-月-日）";
    }
}
