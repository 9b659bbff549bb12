package org.anju.ledger.kind;

import org.anju.platform.BadInput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One kind-specific field.
 *
 * @param unit  for amounts: 万元, 元, ㎡ (null otherwise)
 * @param scale for amounts: the decimals kept; a value with more is refused, never rounded
 */
public record FieldDef(String code, String label, FieldType type, boolean required, List<String> values, String unit,
                       int scale) {

    private static final Pattern INTEGER = Pattern.compile("\\d{1,9}");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,12}(\\.\\d+)?");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");

    public FieldDef {
        values = List.copyOf(values);
    }

    /**
     * The value as stored (dates ISO, amounts plain with no more than the scale's decimals), or null for an empty text.
     *
     * @throws BadInput naming the field and what is expected
     */
    public String normalize(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            if (required) {
                throw new BadInput("“" + label + "”不能为空");
            }
            return null;
        }
        return switch (type) {
            case TEXT, REGION, PROJECT -> t;
            case DATE -> date(label, t).toString();
            case INTEGER -> {
                String n = t.replace(",", "");
                if (!INTEGER.matcher(n).matches()) {
                    throw new BadInput("“" + label + "”应为非负整数，实际为“" + t + "”");
                }
                yield String.valueOf(Integer.parseInt(n));
            }
            case AMOUNT -> {
                String n = t.replace(",", "");
                if (!AMOUNT.matcher(n).matches()) {
                    throw new BadInput("“" + label + "”应为以" + unit + "计的数字（最多 " + scale + " 位小数），实际为“" + t + "”");
                }
                BigDecimal v = new BigDecimal(n);
                if (v.scale() > scale && v.setScale(scale, RoundingMode.DOWN).compareTo(v) != 0) {
                    throw new BadInput("“" + label + "”最多 " + scale + " 位小数（" + unit + "），实际为“" + t + "”：请按" + unit + "填写，不代为舍入");
                }
                yield v.stripTrailingZeros().toPlainString();
            }
            case CHOICE -> {
                if (!values.contains(t)) {
                    throw new BadInput("“" + label + "”应为 " + String.join("、", values) + " 之一，实际为“" + t + "”");
                }
                yield t;
            }
        };
    }

    /** A date as officials write it: 2025-03-02, 2025/3/2, 2025年3月2日. */
    public static LocalDate date(String label, String t) {
        try {
            var m = CHINESE_DATE.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (t.contains("/")) {
                return LocalDate.parse(t, SLASHED);
            }
            return LocalDate.parse(t);
        } catch (java.time.DateTimeException e) {
            throw new BadInput("“" + label + "”应为日期（如 2025-03-02 或 2025年3月2日），实际为“" + t + "”");
        }
    }
}
