package org.anju.rental.stock;

import org.anju.intake.SourceRow;
import org.anju.platform.Labels;
import org.anju.platform.Numbers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the header of a stock list and says what each column is, tolerating what counties write: 小区名称 for 项目名称,
 * 栋号/幢号/楼号 for 楼栋, 房间号/门牌号 (or 房屋编号 when there is no 房号) for 房号, 面积（㎡） alone for 建筑面积, 套内面积 for
 * 使用面积, 房型 for 户型, a unit in brackets (租金标准（元/㎡/月）, 月租金（元）), two header rows (面积（㎡） over 建筑 | 使用).
 * Every column gets a basis the preview shows; a column it does not know is listed as not imported, never guessed.
 */
public final class StockHeader {

    /** One column as read: its 1-based position, header text, field (null: not imported) and on what basis. */
    public record Column(int index, String header, StockField field, String basis) {
    }

    /**
     * A sheet's header: the 0-based index of its (first) row in the sheet's rows, how many rows it takes, the columns,
     * the rent unit the rent column's header states (null: not stated) and problems with the header itself.
     */
    public record Header(int rowIndex, int rows, List<Column> columns, Map<StockField, Column> fields, RentUnit rentUnit,
                         List<String> problems) {

        public Column column(StockField f) {
            return fields.get(f);
        }
    }

    private static final Pattern BRACKET = Pattern.compile("[（(\\[【]([^）)\\]】]*)[）)\\]】]");
    private static final int SCAN_ROWS = 30;

    private static final Map<String, StockField> NAMES = new HashMap<>();
    /** Columns read as 房号 only when the list has no 房号 column of its own. */
    private static final List<String> ROOM_CODES = List.of("房屋编号", "房源编号", "房屋编码", "编号");
    /** Columns known and deliberately not imported, with why. */
    private static final Map<String, String> NOT_IMPORTED = new HashMap<>();

    static {
        names(StockField.REGION, "地区", "县区", "所属县区", "区县", "行政区", "所属地区");
        names(StockField.ESTATE, "项目名称", "项目", "项目名", "小区名称", "小区", "小区名", "项目小区名称", "小区项目名称",
                "房源项目", "公租房项目", "保租房项目", "所属项目", "所属小区", "楼盘名称", "项目（小区）名称");
        names(StockField.PROGRAMME, "保障类型", "房源类型", "房屋类型", "住房类型", "房源类别", "保障房类型", "住房保障类型");
        names(StockField.ADDRESS, "地址", "房屋地址", "房源地址", "详细地址", "坐落", "房屋坐落", "座落", "房屋座落", "项目地址",
                "小区地址", "坐落地址");
        names(StockField.BUILDING, "楼栋", "楼栋号", "栋号", "栋", "楼号", "幢号", "幢", "楼幢", "楼幢号", "所在楼栋", "栋数");
        names(StockField.ENTRANCE, "单元", "单元号", "所在单元");
        names(StockField.ROOM, "房号", "房间号", "室号", "门牌号", "房屋号", "户号", "房号室");
        names(StockField.FLOOR, "楼层", "所在楼层", "所在层", "层次", "层");
        names(StockField.FLOOR_AREA, "建筑面积", "房屋建筑面积", "套型建筑面积");
        names(StockField.USABLE_AREA, "使用面积", "套内使用面积", "实用面积", "套内面积");
        names(StockField.LAYOUT, "户型", "房型", "户型结构", "房屋户型", "套型");
        names(StockField.ROOMS, "室数", "居室数", "卧室数");
        names(StockField.RENT, "租金标准", "租金", "月租金", "租金单价", "月租金标准", "月租金额", "核定租金", "租金价格");
        names(StockField.RENT_UNIT, "租金单位", "计租单位", "租金计价单位", "计价单位");
        names(StockField.STATUS, "状态", "房源状态", "使用状态", "房屋状态", "入住状态", "分配状态", "配租状态");
        for (String s : List.of("序号", "备注", "说明", "结构", "朝向", "层数", "总层数", "装修情况", "状态日期", "录入日期", "建成年份")) {
            NOT_IMPORTED.put(s, "不导入");
        }
        for (String s : List.of("承租人", "承租人姓名", "姓名", "身份证号", "身份证号码", "联系电话", "电话", "承租家庭", "租户")) {
            NOT_IMPORTED.put(s, "不导入（承租人的个人信息由租赁合同管理，不随房源导入）");
        }
    }

    private static void names(StockField f, String... names) {
        for (String n : names) {
            NAMES.put(base(n), f);
        }
    }

    private StockHeader() {
    }

    /** The header text without brackets, spaces, required-markers and a trailing colon. */
    static String base(String header) {
        return BRACKET.matcher(Labels.compact(header)).replaceAll("").replace("*", "").replace("：", "").replace(":", "");
    }

    /** What the brackets of a header say (the unit), "" when none. */
    static String unit(String header) {
        Matcher m = BRACKET.matcher(Labels.compact(header));
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            b.append(m.group(1));
        }
        return b.toString();
    }

    /** The field a header names on its own, if any (面积 alone and 房屋编号 are decided with the other columns). */
    static Optional<StockField> field(String header) {
        return Optional.ofNullable(NAMES.get(base(header)));
    }

    /**
     * Where no header is found: the first row of three cells or more naming some of a 房源清单's fields but not its
     * 房号, with the fields it names — a list by project (项目名称, 总套数 …), one row per estate, is no 房源清单, and saying
     * only "找不到表头" left its owner looking for a header the file has.
     */
    static Optional<Partial> partial(List<SourceRow> rows) {
        for (int i = 0; i < Math.min(rows.size(), SCAN_ROWS); i++) {
            SourceRow row = rows.get(i);
            if (row.prose() || row.cells().stream().filter(c -> !c.isBlank()).count() < 3) {
                continue;
            }
            List<StockField> named = row.cells().stream().map(StockHeader::field).flatMap(Optional::stream).distinct().toList();
            if (!named.isEmpty()) {
                return Optional.of(new Partial(row.number(), named));
            }
        }
        return Optional.empty();
    }

    /** A row that names some fields of a 房源清单 ({@link #partial}). */
    record Partial(int row, List<StockField> named) {
    }

    /** The header of the first rows of a sheet: the first row naming 房号 (or 房屋编号) and at least two more fields. */
    public static Optional<Header> find(List<SourceRow> rows) {
        for (int i = 0; i < Math.min(rows.size(), SCAN_ROWS); i++) {
            SourceRow row = rows.get(i);
            if (row.prose()) {
                continue;
            }
            List<String> texts = row.cells();
            if (looksLikeHeader(texts)) {
                SourceRow next = i + 1 < rows.size() ? rows.get(i + 1) : null;
                boolean twoRows = next != null && !next.prose() && next.number() == row.number() + 1 && isSubHeader(next.cells());
                return Optional.of(read(i, texts, twoRows ? next.cells() : null));
            }
        }
        return Optional.empty();
    }

    private static boolean looksLikeHeader(List<String> cells) {
        java.util.Set<StockField> found = java.util.EnumSet.noneOf(StockField.class);
        boolean room = false;
        for (String c : cells) {
            String b = base(c);
            if (b.isEmpty()) {
                continue;
            }
            StockField f = NAMES.get(b);
            if (f != null) {
                found.add(f);
            }
            room |= f == StockField.ROOM || ROOM_CODES.contains(b);
            if (b.equals("面积")) {
                found.add(StockField.FLOOR_AREA);
            }
        }
        return room && found.size() >= 3;
    }

    /** A second header row: names at least one field and holds no figure (a data row has areas). */
    private static boolean isSubHeader(List<String> cells) {
        boolean names = false;
        for (String c : cells) {
            if (c.isBlank()) {
                continue;
            }
            if (Numbers.read(c) instanceof Numbers.Value) {
                return false;
            }
            String b = base(c);
            names |= NAMES.containsKey(b) || b.equals("建筑") || b.equals("使用") || b.equals("套内");
        }
        return names;
    }

    /** Reads the header row (and the row below it, when it is a second header row). */
    static Header read(int rowIndex, List<String> top, List<String> sub) {
        int width = Math.max(top.size(), sub == null ? 0 : sub.size());
        List<String> texts = new ArrayList<>();
        String parent = "";
        for (int c = 0; c < width; c++) {
            String t = c < top.size() ? top.get(c) : "";
            if (!t.isBlank()) {
                parent = t;
            }
            String s = sub == null || c >= sub.size() ? "" : sub.get(c);
            if (s.isBlank()) {
                texts.add(t);
            } else if (field(s).isPresent() || parent.isBlank()) {
                String u = unit(s).isEmpty() && !unit(parent).isEmpty() ? "（" + unit(parent) + "）" : "";
                texts.add(s + u);
            } else {
                // 面积（㎡） over 建筑 | 使用: 建筑面积（㎡）, 使用面积（㎡）
                String u = unit(parent).isEmpty() ? "" : "（" + unit(parent) + "）";
                texts.add(base(s) + base(parent) + (unit(s).isEmpty() ? u : "（" + unit(s) + "）"));
            }
        }
        List<Column> columns = new ArrayList<>();
        Map<StockField, Column> fields = new EnumMap<>(StockField.class);
        List<String> problems = new ArrayList<>();
        boolean hasRoom = texts.stream().anyMatch(t -> NAMES.get(base(t)) == StockField.ROOM);
        boolean hasFloorArea = texts.stream().anyMatch(t -> NAMES.get(base(t)) == StockField.FLOOR_AREA);
        for (int c = 0; c < texts.size(); c++) {
            String text = texts.get(c);
            String b = base(text);
            if (b.isEmpty()) {
                continue;
            }
            StockField f = NAMES.get(b);
            String basis = f == null ? null : "表头“" + text + "”";
            if (f == null && b.equals("面积") && !hasFloorArea) {
                f = StockField.FLOOR_AREA;
                basis = "表头“" + text + "”未写明建筑或使用面积，按房源表惯例读作建筑面积";
            } else if (f == null && ROOM_CODES.contains(b) && !hasRoom) {
                f = StockField.ROOM;
                basis = "表头“" + text + "”：表中没有“房号”列，以它为房号";
            }
            if (f != null && fields.containsKey(f)) {
                Column first = fields.get(f);
                problems.add("第 " + org.anju.intake.InputProblem.columnLetters(first.index()) + " 列“" + first.header()
                        + "”和第 " + org.anju.intake.InputProblem.columnLetters(c + 1) + " 列“" + text + "”都是"
                        + f.label() + "：请删去其中一列");
                columns.add(new Column(c + 1, text, null, "与前一列重复，未读"));
                continue;
            }
            if (f == null) {
                columns.add(new Column(c + 1, text, null, NOT_IMPORTED.getOrDefault(b, "未识别的列，不导入")));
                continue;
            }
            String unit = unit(text);
            if ((f == StockField.FLOOR_AREA || f == StockField.USABLE_AREA) && !unit.isEmpty() && !areaUnit(unit)) {
                problems.add("“" + text + "”的单位应为平方米（㎡）：房源面积按每套的平方米数填写");
            }
            Column col = new Column(c + 1, text, f, basis);
            columns.add(col);
            fields.put(f, col);
        }
        RentUnit rentUnit = null;
        Column rent = fields.get(StockField.RENT);
        if (rent != null) {
            String u = unit(rent.header());
            String b = base(rent.header());
            if (RentUnit.parse(u).isPresent()) {
                rentUnit = RentUnit.parse(u).get();
                fields.put(StockField.RENT, new Column(rent.index(), rent.header(), StockField.RENT,
                        rent.basis() + "，单位 " + rentUnit.label()));
            } else if (!u.isEmpty() && RentUnit.notMonthly(u)) {
                problems.add("“" + rent.header() + "”按年或按日计：房源的租金标准按月填写（元/㎡/月 或 元/套/月），请换算后导入");
            } else if (RentUnit.normalize(u).equals("元") && b.startsWith("月租金")) {
                rentUnit = RentUnit.PER_DWELLING_MONTH;
                fields.put(StockField.RENT, new Column(rent.index(), rent.header(), StockField.RENT,
                        rent.basis() + "：每套每月的租金，单位 元/套/月"));
            }
            columns.replaceAll(c -> c.index() == rent.index() ? fields.get(StockField.RENT) : c);
        }
        return new Header(rowIndex, sub == null ? 1 : 2, List.copyOf(columns), fields, rentUnit, List.copyOf(problems));
    }

    private static boolean areaUnit(String unit) {
        String u = RentUnit.normalize(unit);
        return u.equals("㎡") || u.equals("m") || u.equals("平方") || u.equals("㎡)");
    }
}
