package org.anju.plan.imports;

/**
 * The plan years a user states (--years, the import form's 年度, the API's firstYear/lastYear): one year or a
 * range, read the same way everywhere.
 */
public record YearSpan(int first, int last) {

    private static final int EARLIEST = 1990;
    private static final int LATEST = 2100;

    public YearSpan {
        if (first < EARLIEST || last > LATEST) {
            throw new org.anju.platform.BadInput("年度应在 " + EARLIEST + "—" + LATEST + " 之间：" + first
                    + (last != first ? "-" + last : ""));
        }
        if (first > last) {
            throw new org.anju.platform.BadInput("年度的起始年 " + first + " 晚于结束年 " + last + "，应写成 " + last + "-" + first);
        }
    }

    /**
     * "2023", "2023-2024" (also —, –, ~, 至, 年), or null for blank.
     *
     * @param what the parameter's name in the message, e.g. {@code --years}
     * @throws IllegalArgumentException naming {@code what} and the expected form
     */
    public static YearSpan parse(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace("年", "").replace("度", "");
        String[] parts = t.split("\\s*(?:-|—|–|~|－|至)+\\s*");
        try {
            if (parts.length == 1) {
                int y = Integer.parseInt(parts[0].strip());
                return new YearSpan(y, y);
            }
            if (parts.length == 2) {
                return new YearSpan(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        } catch (IllegalArgumentException e) {
            throw new org.anju.platform.BadInput(what + "：" + e.getMessage());
        }
        throw new org.anju.platform.BadInput(what + " 应为 2023 或 2023-2024：" + text.strip());
    }
}
