package org.anju.rental.stock;

import org.anju.intake.InputProblem;
import org.anju.intake.SourceDocument;
import org.anju.intake.SourceRow;
import org.anju.intake.SourceSheet;
import org.anju.platform.Labels;
import org.anju.platform.Numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stock list read: one dwelling per row, every problem naming sheet, row and column and saying how to fix it. Pure
 * (no database): what the county already holds is checked by {@link Stock}.
 */
public final class StockFile {

    /** One dwelling as a row gives it. */
    public record Line(String sheet, int row, String region, String estate, Programme programme, String address, String building,
                       String entrance, String room, Integer floor, BigDecimal floorArea, BigDecimal usableArea,
                       String layout, Integer rooms, BigDecimal rent, RentUnit rentUnit, StockStatus status) {

        /** Estate, building, entrance and room as compared: the same dwelling however written. */
        public String key() {
            return StockKeys.estate(estate) + "|" + StockKeys.building(building) + "|" + StockKeys.dwelling(entrance, room);
        }

        /** 阳光小区1号楼1单元501 — how messages name the dwelling. */
        public String label() {
            return StockKeys.label(estate, building, entrance, room);
        }
    }

    /** How a sheet was read: its header row, the columns and notes (rows skipped, cells filled from above). */
    public record SheetReading(String sheet, int headerRow, List<StockHeader.Column> columns, int dwellings,
                               List<String> notes) {
    }

    /** The file as read: dwellings, how each sheet was read, and every problem (nothing may be written while any). */
    public record Reading(String file, List<Line> lines, List<SheetReading> sheets, List<InputProblem> problems) {
    }

    private static final Pattern FLOOR = Pattern.compile("^第?(-?\\d{1,3})(?:\\.0+)?(?:层|楼|F|f)?$");
    private static final Pattern LEADING_FIGURE = Pattern.compile("^([0-9.,，０-９．]+)(.*)$");
    private static final List<String> TOTALS = List.of("合计", "小计", "总计", "共计");
    /** The columns every dwelling needs: a header without one is refused, a list by project is told which it lacks. */
    private static final List<StockField> REQUIRED = List.of(StockField.ESTATE, StockField.BUILDING, StockField.ROOM,
            StockField.FLOOR_AREA, StockField.STATUS);

    private StockFile() {
    }

    /**
     * Reads every sheet with a stock header.
     *
     * @param programme what the dwellings are when the list has no 保障类型 column (null: the list must say)
     */
    public static Reading read(SourceDocument document, Programme programme) {
        String file = document.fileName();
        List<Line> lines = new ArrayList<>();
        List<SheetReading> sheets = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Line> seen = new HashMap<>();
        InputProblem partial = null;
        for (SourceSheet sheet : document.sheets()) {
            var header = StockHeader.find(sheet.rows());
            if (header.isEmpty() && partial == null) {
                partial = StockHeader.partial(sheet.rows()).map(p -> new InputProblem(file, sheet.name(), p.row(), null,
                        "有“" + String.join("”“", p.named().stream().map(StockField::label).toList()) + "”列，但没有“"
                                + String.join("”“", REQUIRED.stream().filter(f -> !p.named().contains(f))
                                .map(StockField::label).toList())
                                + "”列：房源清单须每套房源一行，写明楼栋和房号（按项目汇总的表不能导入；可下载导入模板对照）"))
                        .orElse(null);
            }
            if (header.isEmpty()) {
                boolean hasData = sheet.rows().stream().anyMatch(r -> !r.prose() && r.cells().stream().filter(c -> !c.isBlank()).count() >= 3);
                if (hasData) {
                    sheets.add(new SheetReading(sheet.name(), 0, List.of(), 0,
                            List.of("未找到房源表头（应有“房号”及“项目名称”“楼栋”“建筑面积”“状态”等列），本工作表未导入")));
                }
                continue;
            }
            new SheetReader(file, sheet, header.get(), programme, lines, problems, seen, sheets).read();
        }
        if (sheets.stream().allMatch(s -> s.columns().isEmpty())) {
            problems.add(partial != null ? partial : InputProblem.ofFile(file, "找不到房源清单的表头：应有一行列名，至少包括“项目名称”“楼栋”“房号”“建筑面积”“状态”"
                    + "（可下载导入模板对照）"));
        }
        return new Reading(file, List.copyOf(lines), List.copyOf(sheets), List.copyOf(problems));
    }

    private static final class SheetReader {
        private final String file;
        private final SourceSheet sheet;
        private final StockHeader.Header header;
        private final Programme programme;
        private final List<Line> lines;
        private final List<InputProblem> problems;
        private final Map<String, Line> seen;
        private final List<SheetReading> sheets;
        private final List<String> notes = new ArrayList<>();
        private int filled;
        private int count;

        SheetReader(String file, SourceSheet sheet, StockHeader.Header header, Programme programme, List<Line> lines,
                    List<InputProblem> problems, Map<String, Line> seen, List<SheetReading> sheets) {
            this.file = file;
            this.sheet = sheet;
            this.header = header;
            this.programme = programme;
            this.lines = lines;
            this.problems = problems;
            this.seen = seen;
            this.sheets = sheets;
        }

        void read() {
            int headerRow = sheet.rows().get(header.rowIndex()).number();
            for (String p : header.problems()) {
                problems.add(new InputProblem(file, sheet.name(), headerRow, null, p));
            }
            List<String> missing = new ArrayList<>();
            for (StockField f : REQUIRED) {
                if (header.column(f) == null) {
                    missing.add(f.label());
                }
            }
            if (!missing.isEmpty()) {
                problems.add(new InputProblem(file, sheet.name(), headerRow, null, "缺少“" + String.join("”“", missing)
                        + "”列：每套房源都须写明" + (missing.contains("状态") ? "，状态为空置、已分配、已入住、维修或已退出" : "")));
                sheets.add(new SheetReading(sheet.name(), headerRow, header.columns(), 0, List.of()));
                return;
            }
            if (header.column(StockField.PROGRAMME) == null && programme == null) {
                problems.add(new InputProblem(file, sheet.name(), headerRow, null,
                        "没有“保障类型”列：请在导入时选择这些房源是公租房还是保租房，或加一列“保障类型”"));
            }
            boolean rentUnitKnown = header.rentUnit() != null || header.column(StockField.RENT_UNIT) != null;
            boolean rentUnitReported = false;
            String lastEstate = null;
            String lastBuilding = null;
            String headerRoom = Labels.compact(header.column(StockField.ROOM).header());
            for (int i = header.rowIndex() + header.rows(); i < sheet.rows().size(); i++) {
                SourceRow row = sheet.rows().get(i);
                if (row.prose() || row.cells().stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (isTotal(row)) {
                    notes.add("第 " + row.number() + " 行是合计行，未作为房源导入");
                    continue;
                }
                String roomText = cell(row, StockField.ROOM);
                if (Labels.compact(roomText).equals(headerRoom)) {
                    notes.add("第 " + row.number() + " 行重复表头，已跳过");
                    continue;
                }
                if (header.fields().values().stream().allMatch(c -> cell(row, c.field()).isBlank())) {
                    continue;
                }
                int before = problems.size();
                String estate = cell(row, StockField.ESTATE);
                if (estate.isBlank() && lastEstate != null) {
                    estate = lastEstate; // a merged cell: read as the value above
                    filled++;
                } else if (estate.isBlank()) {
                    problem(row, StockField.ESTATE, "项目名称为空：请写明这套房源所属的项目（小区）");
                }
                String building = cell(row, StockField.BUILDING);
                if (building.isBlank() && lastBuilding != null && estate.equals(lastEstate)) {
                    building = lastBuilding;
                    filled++;
                } else if (building.isBlank()) {
                    problem(row, StockField.BUILDING, "楼栋为空：请写明楼栋（如 1号楼、3栋）");
                }
                lastEstate = estate.isBlank() ? null : estate;
                lastBuilding = building.isBlank() ? null : building;
                if (roomText.isBlank()) {
                    problem(row, StockField.ROOM, "房号为空：请写明房号（如 501）");
                }
                Programme p = programme(row);
                Integer floor = floor(row);
                BigDecimal floorArea = area(row, StockField.FLOOR_AREA);
                if (floorArea == null && cell(row, StockField.FLOOR_AREA).isBlank()) {
                    problem(row, StockField.FLOOR_AREA, "建筑面积为空：请填写每套的建筑面积（平方米）");
                }
                BigDecimal usableArea = area(row, StockField.USABLE_AREA);
                if (floorArea != null && usableArea != null && usableArea.compareTo(floorArea) > 0) {
                    problem(row, StockField.USABLE_AREA, "使用面积 " + usableArea.toPlainString() + " 大于建筑面积 "
                            + floorArea.toPlainString() + "：请核对两列是否填反");
                }
                String layout = cell(row, StockField.LAYOUT);
                Integer rooms = rooms(row, layout);
                BigDecimal rent = null;
                RentUnit unit = null;
                String rentText = cell(row, StockField.RENT);
                if (!rentText.isBlank()) {
                    RentUnit cellUnit = null;
                    String figure = rentText;
                    Matcher m = LEADING_FIGURE.matcher(Labels.compact(rentText));
                    if (m.matches() && !m.group(2).isEmpty()) {
                        figure = m.group(1);
                        String suffix = m.group(2);
                        if (RentUnit.notMonthly(suffix)) {
                            problem(row, StockField.RENT, "租金“" + rentText + "”按年或按日计：请换算为每月（元/㎡/月 或 元/套/月）");
                        } else if (RentUnit.parse(suffix).isPresent()) {
                            cellUnit = RentUnit.parse(suffix).get();
                        } else if (!RentUnit.normalize(suffix).equals("元")) {
                            problem(row, StockField.RENT, "租金“" + rentText + "”不是金额：应为数字，单位写在表头或“租金单位”列");
                        }
                    }
                    switch (Numbers.read(figure)) {
                        case Numbers.Value v -> rent = v.value();
                        case Numbers.Bad b -> problem(row, StockField.RENT, "租金标准" + b.reason());
                        case Numbers.Blank b -> {
                        }
                    }
                    RentUnit columnUnit = null;
                    if (header.column(StockField.RENT_UNIT) != null) {
                        String u = cell(row, StockField.RENT_UNIT);
                        if (u.isBlank() && cellUnit == null && header.rentUnit() == null) {
                            problem(row, StockField.RENT_UNIT, "租金单位为空：应为 元/㎡/月 或 元/套/月");
                        } else if (!u.isBlank()) {
                            columnUnit = RentUnit.parse(u).orElse(null);
                            if (columnUnit == null) {
                                problem(row, StockField.RENT_UNIT, "租金单位“" + u + "”不对：应为 元/㎡/月 或 元/套/月"
                                        + (RentUnit.notMonthly(u) ? "（按年或按日计的请换算为每月）" : ""));
                            }
                        }
                    }
                    unit = agree(row, header.rentUnit(), columnUnit, cellUnit);
                    if (rent != null && unit == null && !rentUnitKnown && cellUnit == null && !rentUnitReported) {
                        problems.add(new InputProblem(file, sheet.name(), headerRow, header.column(StockField.RENT).index(),
                                "租金标准“" + header.column(StockField.RENT).header() + "”没有写明单位，无法判断是每平方米还是每套："
                                        + "请把表头改为“租金标准（元/㎡/月）”或“租金标准（元/套/月）”，或加一列“租金单位”"));
                        rentUnitReported = true;
                    }
                    if (rent != null && unit == RentUnit.PER_M2_MONTH && rent.compareTo(BigDecimal.valueOf(RentUnit.MAX_PER_M2)) > 0) {
                        problem(row, StockField.RENT, "租金 " + rent.toPlainString() + " 元/㎡/月不合常理：是否为每套的月租金？"
                                + "请核对租金单位（元/㎡/月 或 元/套/月）");
                    }
                }
                StockStatus status = null;
                String statusText = cell(row, StockField.STATUS);
                if (statusText.isBlank()) {
                    problem(row, StockField.STATUS, "状态为空：应为 " + StockStatus.choices());
                } else {
                    status = StockStatus.parse(statusText).orElse(null);
                    if (status == null) {
                        problem(row, StockField.STATUS, "状态“" + statusText + "”不对：应为 " + StockStatus.choices());
                    }
                }
                if (problems.size() > before) {
                    continue;
                }
                Line line = new Line(sheet.name(), row.number(), blankToNull(cell(row, StockField.REGION)), estate.strip(), p, blankToNull(cell(row, StockField.ADDRESS)),
                        building.strip(), cell(row, StockField.ENTRANCE).strip(), roomText.strip(), floor, floorArea,
                        usableArea, blankToNull(layout), rooms, rent, rent == null ? null : unit, status);
                Line first = seen.putIfAbsent(line.key(), line);
                if (first != null) {
                    problem(row, StockField.ROOM, "与" + (first.sheet().equals(sheet.name()) ? "" : "工作表 " + first.sheet() + " ")
                            + "第 " + first.row() + " 行是同一套房源（" + line.label() + "）：请删去重复的一行，或改正房号");
                    continue;
                }
                lines.add(line);
                count++;
            }
            if (filled > 0) {
                notes.add(filled + " 个空白的项目名称或楼栋单元格沿用上一行（合并单元格）");
            }
            sheets.add(new SheetReading(sheet.name(), headerRow, header.columns(), count, List.copyOf(notes)));
        }

        private RentUnit agree(SourceRow row, RentUnit... units) {
            RentUnit found = null;
            for (RentUnit u : units) {
                if (u == null) {
                    continue;
                }
                if (found != null && found != u) {
                    problem(row, StockField.RENT, "租金单位前后不一：表头、“租金单位”列或单元格分别写了 " + found.label() + " 和 "
                            + u.label() + "，请只保留正确的一个");
                    return null;
                }
                found = u;
            }
            return found;
        }

        private Programme programme(SourceRow row) {
            if (header.column(StockField.PROGRAMME) == null) {
                return programme;
            }
            String t = cell(row, StockField.PROGRAMME);
            if (t.isBlank()) {
                if (programme == null) {
                    problem(row, StockField.PROGRAMME, "保障类型为空：应为 公租房 或 保租房");
                }
                return programme;
            }
            Programme p = Programme.parse(t).orElse(null);
            if (p == null) {
                problem(row, StockField.PROGRAMME, "保障类型“" + t + "”不对：应为 公租房 或 保租房");
            }
            return p;
        }

        private Integer floor(SourceRow row) {
            String t = Labels.compact(cell(row, StockField.FLOOR));
            if (t.isEmpty()) {
                return null;
            }
            Matcher m = FLOOR.matcher(t);
            if (!m.matches()) {
                problem(row, StockField.FLOOR, "楼层“" + t + "”不对：应为整数层数（如 5、5层、-1）");
                return null;
            }
            int f = Integer.parseInt(m.group(1));
            if (f < -5 || f > 200 || f == 0) {
                problem(row, StockField.FLOOR, "楼层 " + f + " 不对：应在 -5 至 200 之间且不为 0");
                return null;
            }
            return f;
        }

        private BigDecimal area(SourceRow row, StockField f) {
            String t = cell(row, f);
            if (t.isBlank()) {
                return null;
            }
            String figure = Labels.compact(t).replaceFirst("(㎡|平方米|平米|m2|m²|M2)$", "");
            return switch (Numbers.read(figure)) {
                case Numbers.Blank b -> null;
                case Numbers.Bad b -> {
                    problem(row, f, labelOf(f) + b.reason());
                    yield null;
                }
                case Numbers.Value v -> {
                    if (v.value().signum() <= 0 || v.value().compareTo(BigDecimal.valueOf(1000)) >= 0) {
                        problem(row, f, labelOf(f) + " " + v.value().toPlainString() + " 不对：每套面积应大于 0、小于 1000 平方米");
                        yield null;
                    }
                    yield v.value();
                }
            };
        }

        private Integer rooms(SourceRow row, String layout) {
            String count = cell(row, StockField.ROOMS);
            Integer fromCount = null;
            if (!count.isBlank()) {
                fromCount = Layouts.rooms(count).filter(n -> count.strip().matches("\\d{1,2}")).orElse(null);
                if (fromCount == null) {
                    problem(row, StockField.ROOMS, "室数“" + count + "”不对：应为 1 至 20 的整数");
                }
            }
            if (layout.isBlank()) {
                return fromCount;
            }
            Integer fromLayout = Layouts.rooms(layout).orElse(null);
            if (fromLayout == null) {
                problem(row, StockField.LAYOUT, "户型“" + layout + "”读不出室数：应写成“一室一厅”“1室1厅”“两室一厅一卫”或室数（如 2）");
                return null;
            }
            if (fromCount != null && !fromCount.equals(fromLayout)) {
                problem(row, StockField.ROOMS, "室数 " + fromCount + " 与户型“" + layout + "”（" + fromLayout + " 室）不一致");
                return null;
            }
            return fromLayout;
        }

        private static String labelOf(StockField f) {
            return f == StockField.FLOOR_AREA ? "建筑面积" : f == StockField.USABLE_AREA ? "使用面积" : f.label();
        }

        private boolean isTotal(SourceRow row) {
            for (int c = 0; c < Math.min(4, row.cells().size()); c++) {
                String t = Labels.compact(row.cell(c));
                if (TOTALS.stream().anyMatch(t::startsWith)) {
                    return true;
                }
            }
            return false;
        }

        private String cell(SourceRow row, StockField f) {
            StockHeader.Column c = header.column(f);
            return c == null ? "" : row.cell(c.index() - 1);
        }

        private void problem(SourceRow row, StockField f, String message) {
            StockHeader.Column c = header.column(f);
            problems.add(new InputProblem(file, sheet.name(), row.number(), c == null ? null : c.index(), message));
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
