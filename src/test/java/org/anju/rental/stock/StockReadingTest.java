package org.anju.rental.stock;

import org.anju.intake.InputProblem;
import org.anju.intake.SourceReader;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stock list reader, the 户型 reading and the status table: plain code, no database. */
class StockReadingTest {

    static final Path HANDMADE = Path.of("src/test/resources/rental/stock/甘州区房源清单-手工样例.csv");

    final SourceReader reader = new SourceReader();

    StockFile.Reading read(String name, byte[] content, Programme programme) {
        return StockFile.read(reader.read(name, content), programme);
    }

    StockFile.Reading csv(String text, Programme programme) {
        return read("房源.csv", text.getBytes(StandardCharsets.UTF_8), programme);
    }

    static List<String> messages(StockFile.Reading r) {
        return r.problems().stream().map(InputProblem::describe).toList();
    }

    @Test
    void theHandMadeCountyListReadsWithItsOwnHeaderWords() throws Exception {
        StockFile.Reading r = read(HANDMADE.getFileName().toString(), Files.readAllBytes(HANDMADE), Programme.PUBLIC_RENTAL);
        assertThat(messages(r)).isEmpty();
        assertThat(r.lines()).hasSize(10);
        StockFile.SheetReading s = r.sheets().getFirst();
        assertThat(s.headerRow()).isEqualTo(2);
        assertThat(s.columns()).extracting(c -> c.header() + "→" + (c.field() == null ? "—" : c.field().name())).containsExactly(
                "序号→—", "小区名称→ESTATE", "楼号→BUILDING", "单元→ENTRANCE", "房间号→ROOM", "所在楼层→FLOOR",
                "面积（㎡）→FLOOR_AREA", "套内面积→USABLE_AREA", "户型→LAYOUT", "租金标准（元/㎡·月）→RENT",
                "房源状态→STATUS", "房屋坐落→ADDRESS");
        assertThat(s.columns().get(6).basis()).isEqualTo("表头“面积（㎡）”未写明建筑或使用面积，按房源表惯例读作建筑面积");
        assertThat(s.columns().get(9).basis()).endsWith("单位 元/㎡/月");
        assertThat(s.notes()).containsExactly("第 13 行是合计行，未作为房源导入", "6 个空白的项目名称或楼栋单元格沿用上一行（合并单元格）");

        StockFile.Line second = r.lines().get(1);
        assertThat(second.estate()).isEqualTo("祁连花园");
        assertThat(second.building()).isEqualTo("1号楼");
        assertThat(second.room()).isEqualTo("102");
        assertThat(second.rooms()).isEqualTo(1);
        assertThat(second.floorArea()).isEqualByComparingTo("45.60");
        assertThat(second.rent()).isEqualByComparingTo("5.5");
        assertThat(second.rentUnit()).isEqualTo(RentUnit.PER_M2_MONTH);
        assertThat(second.status()).isEqualTo(StockStatus.VACANT);
        StockFile.Line sixth = r.lines().get(5);
        assertThat(sixth.building()).as("a blank 楼号 below 2号楼 of the same estate").isEqualTo("2号楼");
        assertThat(sixth.rooms()).isEqualTo(2);
        StockFile.Line studio = r.lines().get(6);
        assertThat(studio.estate()).isEqualTo("滨河佳苑");
        assertThat(studio.entrance()).isEmpty();
        assertThat(studio.rooms()).isEqualTo(1);
        assertThat(r.lines()).extracting(StockFile.Line::status).containsExactly(StockStatus.OCCUPIED, StockStatus.VACANT,
                StockStatus.ALLOCATED, StockStatus.REPAIR, StockStatus.OCCUPIED, StockStatus.OCCUPIED, StockStatus.VACANT,
                StockStatus.OCCUPIED, StockStatus.WITHDRAWN, StockStatus.OCCUPIED);
    }

    @Test
    void aRentWithoutAUnitIsRefusedNotGuessed() {
        StockFile.Reading r = csv("项目名称,楼栋,房号,建筑面积,租金,状态\n阳光小区,1栋,101,50,300,空置\n阳光小区,1栋,102,50,6,空置\n",
                Programme.PUBLIC_RENTAL);
        assertThat(messages(r)).containsExactly("文件 房源.csv，正文，第 1 行，第 E 列：租金标准“租金”没有写明单位，无法判断是每平方米还是每套："
                + "请把表头改为“租金标准（元/㎡/月）”或“租金标准（元/套/月）”，或加一列“租金单位”");
    }

    @Test
    void rentUnitsFromAColumnACellOrTheMonthlyRentHeader() {
        StockFile.Reading r = csv("项目名称,楼栋,房号,建筑面积,租金标准,租金单位,状态\n阳光小区,1栋,101,50,300,元/套/月,空置\n"
                + "阳光小区,1栋,102,50,6,元/平方米/月,空置\n阳光小区,1栋,103,50,450,元/㎡/月,空置\n阳光小区,1栋,104,50,6,元/年,空置\n",
                Programme.PUBLIC_RENTAL);
        assertThat(messages(r)).containsExactly(
                "文件 房源.csv，正文，第 4 行，第 E 列：租金 450 元/㎡/月不合常理：是否为每套的月租金？请核对租金单位（元/㎡/月 或 元/套/月）",
                "文件 房源.csv，正文，第 5 行，第 F 列：租金单位“元/年”不对：应为 元/㎡/月 或 元/套/月（按年或按日计的请换算为每月）");
        assertThat(r.lines()).extracting(StockFile.Line::rentUnit).containsExactly(RentUnit.PER_DWELLING_MONTH, RentUnit.PER_M2_MONTH);

        StockFile.Reading monthly = csv("小区,栋号,门牌号,面积（平方米）,月租金（元）,使用状态,保障类型\n阳光小区,3#,501室,60,420,已配租,保租房\n",
                null);
        assertThat(messages(monthly)).isEmpty();
        StockFile.Line l = monthly.lines().getFirst();
        assertThat(l.rentUnit()).isEqualTo(RentUnit.PER_DWELLING_MONTH);
        assertThat(l.programme()).isEqualTo(Programme.AFFORDABLE_RENTAL);
        assertThat(l.status()).isEqualTo(StockStatus.ALLOCATED);
    }

    @Test
    void everyBadCellIsNamedWithItsFix() {
        StockFile.Reading r = csv("项目名称,楼栋,单元,房号,楼层,建筑面积,使用面积,户型,状态\n"
                + "阳光小区,1号楼,1单元,101,五楼,50,40,A户型,出租中\n"
                + "阳光小区,1号楼,1,101室,1,50,60,一室一厅,空置\n"
                + "阳光小区,1栋,1单元,101,1,五十,,一室一厅,空置\n", null);
        assertThat(messages(r)).containsExactly(
                "文件 房源.csv，正文，第 1 行：没有“保障类型”列：请在导入时选择这些房源是公租房还是保租房，或加一列“保障类型”",
                "文件 房源.csv，正文，第 2 行，第 E 列：楼层“五楼”不对：应为整数层数（如 5、5层、-1）",
                "文件 房源.csv，正文，第 2 行，第 H 列：户型“A户型”读不出室数：应写成“一室一厅”“1室1厅”“两室一厅一卫”或室数（如 2）",
                "文件 房源.csv，正文，第 2 行，第 I 列：状态“出租中”不对：应为 空置、已分配、已入住、维修、已退出",
                "文件 房源.csv，正文，第 3 行，第 G 列：使用面积 60 大于建筑面积 50：请核对两列是否填反",
                "文件 房源.csv，正文，第 4 行，第 F 列：建筑面积不是数字：五十");
    }

    @Test
    void theSameDwellingTwiceInAFileIsRefusedHoweverWritten() {
        StockFile.Reading r = csv("项目名称,楼栋,单元,房号,建筑面积,状态\n阳光小区,1号楼,1单元,501,50,空置\n阳 光 小 区,1栋,1,501室,50,空置\n",
                Programme.PUBLIC_RENTAL);
        assertThat(messages(r)).containsExactly("文件 房源.csv，正文，第 3 行，第 D 列：与第 2 行是同一套房源（阳 光 小 区 1栋 1单元 501室）："
                + "请删去重复的一行，或改正房号");
    }

    @Test
    void aListWithoutTheColumnsItNeedsSaysWhichAreMissing() {
        StockFile.Reading r = csv("小区名称,房号,户型,租金（元/㎡/月）\n阳光小区,101,一室,5\n", Programme.PUBLIC_RENTAL);
        assertThat(messages(r)).containsExactly("文件 房源.csv，正文，第 1 行：缺少“楼栋”“建筑面积（㎡）”“状态”列：每套房源都须写明，"
                + "状态为空置、已分配、已入住、维修或已退出");
        assertThat(messages(csv("名称,数量\n阳光小区,5\n", null))).containsExactly(
                "文件 房源.csv：找不到房源清单的表头：应有一行列名，至少包括“项目名称”“楼栋”“房号”“建筑面积”“状态”（可下载导入模板对照）");
    }

    @Test
    void twoHeaderRowsAndMergedCellsInAWorkbook() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("房源");
            row(s, 0, "临泽县保租房配租房源一览表");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
            row(s, 1, "项目名称", "楼栋", "房屋编号", "面积（㎡）", "", "户型", "月租金（元）", "状态", "保障类型");
            row(s, 2, "", "", "", "建筑", "使用", "", "", "", "");
            s.addMergedRegion(new CellRangeAddress(1, 1, 3, 4));
            row(s, 3, "丹霞苑", "1", "1-1-101", "70.5", "58", "三室两厅一卫", "600", "空置", "保租房");
            row(s, 4, "", "", "1-1-102", "70.5", "58", "3室2厅", "600", "已入住", "保租房");
            s.addMergedRegion(new CellRangeAddress(3, 4, 0, 0));
            s.addMergedRegion(new CellRangeAddress(3, 4, 1, 1));
            wb.write(out);
            xlsx = out.toByteArray();
        }
        StockFile.Reading r = read("房源.xlsx", xlsx, null);
        assertThat(messages(r)).isEmpty();
        assertThat(r.sheets().getFirst().columns()).extracting(c -> c.header() + "→" + c.field()).containsExactly(
                "项目名称→ESTATE", "楼栋→BUILDING", "房屋编号→ROOM", "建筑面积（㎡）→FLOOR_AREA", "使用面积（㎡）→USABLE_AREA",
                "户型→LAYOUT", "月租金（元）→RENT", "状态→STATUS", "保障类型→PROGRAMME");
        assertThat(r.lines()).hasSize(2);
        StockFile.Line l = r.lines().get(1);
        assertThat(List.of(l.estate(), l.building(), l.room())).containsExactly("丹霞苑", "1", "1-1-102");
        assertThat(l.usableArea()).isEqualByComparingTo("58");
        assertThat(l.rooms()).isEqualTo(3);
        assertThat(l.rentUnit()).isEqualTo(RentUnit.PER_DWELLING_MONTH);
    }

    private static void row(Sheet s, int r, String... cells) {
        Row row = s.createRow(r);
        for (int c = 0; c < cells.length; c++) {
            if (!cells[c].isEmpty()) {
                row.createCell(c).setCellValue(cells[c]);
            }
        }
    }

    @Test
    void layoutsSayTheirRooms() {
        assertThat(Layouts.rooms("一室一厅")).contains(1);
        assertThat(Layouts.rooms("1室1厅")).contains(1);
        assertThat(Layouts.rooms("两室一厅一卫")).contains(2);
        assertThat(Layouts.rooms("二室一厅")).contains(2);
        assertThat(Layouts.rooms("3室2厅1卫")).contains(3);
        assertThat(Layouts.rooms("２室１厅")).contains(2);
        assertThat(Layouts.rooms("2房1厅")).contains(2);
        assertThat(Layouts.rooms("三居室")).contains(3);
        assertThat(Layouts.rooms("开间")).contains(1);
        assertThat(Layouts.rooms("单间")).contains(1);
        assertThat(Layouts.rooms("4")).contains(4);
        assertThat(Layouts.rooms("十二室")).contains(12);
        assertThat(Layouts.rooms("A户型")).isEmpty();
        assertThat(Layouts.rooms("复式")).isEmpty();
        assertThat(Layouts.rooms("一室外走廊")).isEmpty();
        assertThat(Layouts.rooms("0")).isEmpty();
    }

    @Test
    void buildingsEntrancesAndRoomsCompareAsOne() {
        assertThat(List.of("1号楼", "1栋", "1幢", "1#", "1", "第1栋").stream().map(StockKeys::building).distinct()).containsExactly("1");
        assertThat(StockKeys.dwelling("1单元", "501室")).isEqualTo(StockKeys.dwelling("1", "501"));
        assertThat(StockKeys.building("A栋")).isNotEqualTo(StockKeys.building("B栋"));
    }

    @Test
    void theStatusTableAllowsWhatItSaysAndRefusesTheRestByName() {
        StringBuilder table = new StringBuilder();
        for (StockStep step : StockStep.values()) {
            table.append(step.name()).append(':');
            for (StockStatus s : StockStatus.values()) {
                if (step.allowedFrom(s)) {
                    table.append(' ').append(s.name());
                }
            }
            table.append(" → ").append(step.to().name()).append('\n');
        }
        assertThat(table.toString()).isEqualTo("""
                ALLOCATE: VACANT → ALLOCATED
                OCCUPY: ALLOCATED → OCCUPIED
                VACATE: ALLOCATED OCCUPIED → VACANT
                REPAIR: VACANT → REPAIR
                REPAIRED: REPAIR → VACANT
                WITHDRAW: VACANT REPAIR → WITHDRAWN
                REINSTATE: WITHDRAWN → VACANT
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StockStep.OCCUPY.check("阳光小区 1号楼 101", StockStatus.VACANT))
                .isInstanceOf(org.anju.platform.Conflict.class).hasMessage("阳光小区 1号楼 101 当前为空置，只有已分配的房源可以办理入住");
        assertThat(StockStatus.parse("在住")).contains(StockStatus.OCCUPIED);
        assertThat(StockStatus.parse("出租中")).isEmpty();
    }
}
