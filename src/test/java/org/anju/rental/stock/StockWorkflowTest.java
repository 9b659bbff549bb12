package org.anju.rental.stock;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.intake.InputException;
import org.anju.intake.InputProblem;
import org.anju.intake.SourceReader;
import org.anju.intake.SourceRow;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The housing stock against the real database: import, counts, status changes, access, 未报. */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=rental_stock")
class StockWorkflowTest {

    static final String CITY = "620700";
    static final String GANZHOU = "620702";
    static final String LINZE = "620723";
    static final String GAOTAI = "620724";
    static final LocalDate TODAY = LocalDate.now(org.anju.platform.ChinaTime.ZONE);

    @Autowired
    Stock stock;
    @Autowired
    Regions regions;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Actor user(String region, Role role) {
        return new Actor("t_" + region + "_" + role.name().toLowerCase(), "测试用户", regions.byCode(region).orElseThrow(),
                EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    static byte[] handmade() throws Exception {
        return Files.readAllBytes(StockReadingTest.HANDMADE);
    }

    static List<String> problems(Throwable e) {
        return ((InputException) e).problems().stream().map(InputProblem::describe).toList();
    }

    @Test
    void aCountyImportsItsListAndTheCityReadsTheCounts() throws Exception {
        Actor ganzhou = user(GANZHOU, Role.COUNTY_REPORTER);
        Actor city = user(CITY, Role.CITY_ADMIN);
        String file = "甘州区房源清单-手工样例.csv";

        Stock.Preview preview = as(ganzhou, () -> stock.preview(file, bytes(), GANZHOU, Programme.PUBLIC_RENTAL));
        assertThat(preview.dwellings()).isEqualTo(10);
        assertThat(preview.newEstates()).containsExactly("祁连花园", "滨河佳苑");
        assertThat(preview.newBuildings()).isEqualTo(3);
        assertThat(preview.byStatus()).containsEntry(StockStatus.OCCUPIED, 5).containsEntry(StockStatus.VACANT, 2);
        assertThat(stock.estates(GANZHOU)).as("a preview writes nothing").isEmpty();

        Stock.ImportSummary done = as(ganzhou, () -> stock.importFile(file, bytes(), GANZHOU, Programme.PUBLIC_RENTAL));
        assertThat(done.dwellings()).isEqualTo(10);
        assertThat(done.estatesAdded()).isEqualTo(2);
        assertThat(done.buildingsAdded()).isEqualTo(3);

        List<Estate> estates = stock.estates(GANZHOU);
        assertThat(estates).extracting(Estate::name).containsExactly("滨河佳苑", "祁连花园");
        Estate qilian = estates.get(1);
        assertThat(qilian.address()).isEqualTo("甘州区南环路12号");
        assertThat(qilian.programme()).isEqualTo(Programme.PUBLIC_RENTAL);
        assertThat(qilian.dwellings()).isEqualTo(6);
        assertThat(stock.buildings(qilian.id())).containsExactly("1号楼", "2号楼");
        Dwelling d = stock.dwellings(GANZHOU, qilian.id(), StockStatus.VACANT, 0).dwellings().getFirst();
        assertThat(d.label()).isEqualTo("祁连花园 1号楼 1单元 102");
        assertThat(d.layout()).isEqualTo("1室1厅");
        assertThat(d.rooms()).isEqualTo(1);
        assertThat(d.rentText()).isEqualTo("5.5 元/㎡/月");
        assertThat(d.enteredOn()).isEqualTo(LocalDate.now(org.anju.platform.ChinaTime.ZONE));
        assertThat(d.statusOn()).as("the file says 空置, not since when").isNull();

        // the same file again: every dwelling is already there, nothing written
        assertThatThrownBy(() -> as(ganzhou, () -> stock.importFile(file, bytes(), GANZHOU, Programme.PUBLIC_RENTAL)))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(problems(e)).hasSize(10).first().isEqualTo("文件 " + file + "，正文，第 3 行，第 E 列："
                        + "房源 祁连花园 1号楼 1单元 101 已经登记：导入只新增房源，已登记的房源请在房源页面修改（或从文件中删去这一行）"));
        // another programme for a registered estate
        byte[] other = "项目名称,楼栋,房号,建筑面积,状态,保障类型\n祁连花园,3号楼,101,50,空置,保租房\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> as(ganzhou, () -> stock.importFile("新增.csv", other, GANZHOU, null)))
                .satisfies(e -> assertThat(problems(e)).containsExactly("文件 新增.csv，正文，第 2 行，第 F 列：项目“祁连花园”已登记为公租房，"
                        + "本行为保租房：同一项目的保障类型须一致"));
        assertThat(stock.dwellings(GANZHOU, null, null, 0).total()).isEqualTo(10);

        // the county's counts now: 9 in stock (one withdrawn), 8 allocable (one under repair)
        YearMonth now = YearMonth.now(org.anju.platform.ChinaTime.ZONE);
        StockCounts c = as(city, () -> stock.counts(GANZHOU, now));
        assertThat(List.of(c.total(), c.vacant(), c.allocated(), c.occupied(), c.repair(), c.withdrawn(), c.allocable(), c.entered()))
                .containsExactly(9, 2, 1, 5, 1, 1, 8, 10);
        assertThat(c.allocationRate()).isEqualByComparingTo("75.0");
        assertThat(c.occupancyRate()).isEqualByComparingTo("62.5");
        assertThat(c.entryRateText()).as("no historic total set").isEqualTo("未报");
        assertThat(as(city, () -> stock.counts(GANZHOU, now.minusMonths(1))).entered()).as("entered this month").isZero();

        // the city sets the county's historic total; a county cannot
        assertThatThrownBy(() -> as(ganzhou, () -> stock.setHistoricTotal(GANZHOU, 12, null, 0)))
                .isInstanceOf(org.anju.platform.Denied.class).hasMessage("无权设定甘州区的历年房源基数：由其上一级（张掖市）的管理员设定");
        HistoricTotal t = as(city, () -> stock.setHistoricTotal(GANZHOU, 12, "张旧改办〔2024〕1号：历年已建成18221套之甘州区部分（测试值）", 0));
        assertThat(t.total()).isEqualTo(12);
        assertThatThrownBy(() -> as(city, () -> stock.setHistoricTotal(GANZHOU, 13, null, 0)))
                .as("set a moment ago by the same user (another window): said so, where it said 他人修改（或已设定）")
                .isInstanceOf(org.anju.platform.ConcurrentUpdateException.class)
                .hasMessageStartingWith("甘州区的历年房源基数已被您本人的账号（另一窗口或此前的一次提交）于 ")
                .hasMessageEndingWith("设定，请刷新后重试（当前版本 " + t.version() + "，提交的版本 0）");
        List<StockCounts> summary = as(city, () -> stock.summary(CITY, now));
        StockCounts gz = summary.stream().filter(s -> s.regionCode().equals(GANZHOU)).findFirst().orElseThrow();
        assertThat(gz.entryRate()).isEqualByComparingTo("83.3");
        StockCounts linze = summary.stream().filter(s -> s.regionCode().equals(LINZE)).findFirst().orElseThrow();
        assertThat(linze.entryRateText()).as("临泽县 has no total: 未报, never 0%").isEqualTo("未报");
        assertThat(linze.allocationRate()).as("no stock: no rate").isNull();
        StockCounts whole = summary.getLast();
        assertThat(whole.regionCode()).isEqualTo(CITY);
        assertThat(whole.total()).as("the city sums its units (other tests add stock elsewhere)")
                .isEqualTo(summary.subList(0, summary.size() - 1).stream().mapToInt(StockCounts::total).sum());
        assertThat(whole.historicTotal()).as("the city's base is unknown while a county's is").isNull();
        assertThat(whole.totalsKnown()).isEqualTo(1);

        // another county's staff neither read nor write 甘州区's stock; the city reads but does not write it
        Actor linzeUser = user(LINZE, Role.COUNTY_REPORTER);
        assertThatThrownBy(() -> as(linzeUser, () -> stock.dwellings(GANZHOU, null, null, 0)))
                .isInstanceOf(org.anju.platform.Denied.class).hasMessageStartingWith("无权查看甘州区的数据");
        assertThatThrownBy(() -> as(linzeUser, () -> stock.importFile(file, bytes(), GANZHOU, Programme.PUBLIC_RENTAL)))
                .isInstanceOf(org.anju.platform.Denied.class).hasMessageStartingWith("无权修改甘州区的数据");
        assertThatThrownBy(() -> as(city, () -> stock.change(d.id(), d.version(), StockStep.ALLOCATE, TODAY, null)))
                .isInstanceOf(org.anju.platform.Denied.class).hasMessageStartingWith("无权修改甘州区的数据");
        assertThat(as(city, () -> stock.dwelling(d.id())).roomNo()).isEqualTo("102");
    }

    byte[] bytes() {
        try {
            return handmade();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void statusChangesFollowTheTableAndKeepTheirHistory() {
        Actor gaotai = user(GAOTAI, Role.COUNTY_REPORTER);
        Estate e = as(gaotai, () -> stock.saveEstate(Estate.of(GAOTAI, "丹霞小区", "高台县城关镇", Programme.PUBLIC_RENTAL, "政府投资建设", null)));
        assertThatThrownBy(() -> as(gaotai, () -> stock.saveEstate(Estate.of(GAOTAI, "丹霞 小区", null, Programme.PUBLIC_RENTAL, null, null))))
                .isInstanceOf(org.anju.platform.Conflict.class).hasMessage("高台县已有项目“丹霞 小区”");
        Dwelling d = as(gaotai, () -> stock.add(new Stock.NewDwelling(e.id(), "3栋", "2单元", "501", null, 5,
                new java.math.BigDecimal("48.5"), null, "一室一厅", new java.math.BigDecimal("260"), RentUnit.PER_DWELLING_MONTH,
                StockStatus.VACANT)));
        assertThat(d.label()).isEqualTo("丹霞小区 3栋 2单元 501");
        assertThatThrownBy(() -> as(gaotai, () -> stock.add(new Stock.NewDwelling(e.id(), "3号楼", "2", "501室", null, 5,
                new java.math.BigDecimal("48.5"), null, null, null, null, StockStatus.VACANT))))
                .isInstanceOf(org.anju.platform.Conflict.class).hasMessage("已有房源 丹霞小区 3号楼 2单元 501室：同一楼栋、单元、房号只能登记一次");
        assertThatThrownBy(() -> as(gaotai, () -> stock.add(new Stock.NewDwelling(e.id(), "3栋", "2", "502", null, 5,
                new java.math.BigDecimal("48.5"), null, null, new java.math.BigDecimal("5"), null, StockStatus.VACANT))))
                .isInstanceOf(org.anju.platform.BadInput.class)
                .hasMessage("租金标准须写明单位：元/㎡/月（PER_M2_MONTH）或 元/套/月（PER_DWELLING_MONTH）");

        assertThatThrownBy(() -> as(gaotai, () -> stock.change(d.id(), d.version(), StockStep.OCCUPY, TODAY, null)))
                .isInstanceOf(org.anju.platform.Conflict.class).hasMessage("丹霞小区 3栋 2单元 501 当前为空置，只有已分配的房源可以办理入住");
        Dwelling allocated = as(gaotai, () -> stock.change(d.id(), d.version(), StockStep.ALLOCATE, TODAY, null));
        assertThat(allocated.status()).isEqualTo(StockStatus.ALLOCATED);
        assertThatThrownBy(() -> as(gaotai, () -> stock.change(d.id(), d.version(), StockStep.OCCUPY, TODAY, null)))
                .as("the version read before the allocation, which the same user made: said so, where it said 他人")
                .isInstanceOf(org.anju.platform.ConcurrentUpdateException.class)
                .hasMessageStartingWith("房源 丹霞小区 3栋 2单元 501 已被您本人的账号（另一窗口或此前的一次提交）于 ")
                .hasMessageEndingWith("修改，请刷新后重试（当前版本 1，提交的版本 0）");
        Dwelling occupied = as(gaotai, () -> stock.change(d.id(), allocated.version(), StockStep.OCCUPY, TODAY, null));
        assertThatThrownBy(() -> as(gaotai, () -> stock.change(d.id(), occupied.version(), StockStep.WITHDRAW, TODAY, "拆除")))
                .isInstanceOf(org.anju.platform.Conflict.class)
                .hasMessage("丹霞小区 3栋 2单元 501 当前为已入住，只有空置或维修中的房源可以退出（有人分配或居住的请先腾退）");
        assertThatThrownBy(() -> as(gaotai, () -> stock.change(d.id(), occupied.version(), StockStep.VACATE,
                LocalDate.now(org.anju.platform.ChinaTime.ZONE).plusDays(1), null)))
                .isInstanceOf(org.anju.platform.BadInput.class).hasMessageEndingWith("不能晚于今天");
        // a colleague vacates it meanwhile: a step from the version read before is refused naming them
        Dwelling vacant = as(user(GAOTAI, Role.COUNTY_ADMIN), () -> stock.change(d.id(), occupied.version(), StockStep.VACATE,
                TODAY, null));
        assertThatThrownBy(() -> as(gaotai, () -> stock.change(d.id(), occupied.version(), StockStep.WITHDRAW, TODAY, "拆除")))
                .isInstanceOf(org.anju.platform.ConcurrentUpdateException.class)
                .hasMessageStartingWith("房源 丹霞小区 3栋 2单元 501 已被t_620724_county_admin于 ")
                .hasMessageEndingWith("修改，请刷新后重试（当前版本 3，提交的版本 2）");
        assertThatThrownBy(() -> as(gaotai, () -> stock.change(d.id(), vacant.version(), StockStep.WITHDRAW, TODAY, " ")))
                .isInstanceOf(org.anju.platform.BadInput.class).hasMessage("退出须说明原因（如拆除、出售、转作他用，或误操作恢复）");
        Dwelling withdrawn = as(gaotai, () -> stock.change(d.id(), vacant.version(), StockStep.WITHDRAW, TODAY, "列入危房拆除"));
        assertThat(withdrawn.status()).isEqualTo(StockStatus.WITHDRAWN);
        assertThat(stock.history(d.id())).extracting(x -> x.stepLabel() + ":" + x.status().label()).containsExactly(
                "录入:空置", "分配:已分配", "入住:已入住", "腾退:空置", "退出:已退出");
        assertThat(stock.history(d.id()).getLast().reason()).isEqualTo("列入危房拆除");
        StockCounts c = stock.counts(GAOTAI, YearMonth.now(org.anju.platform.ChinaTime.ZONE));
        assertThat(List.of(c.total(), c.withdrawn(), c.entered())).containsExactly(0, 1, 1);
    }

    /**
     * The status a dwelling is entered with holds since a day nobody told us (review 2026-12-04 of guesses, M2): its
     * 状态日期 stays empty and the entry date is not called a status change; a step needs its own date (M1), which may
     * not go back before the entry — the month-end counts hold the dwelling from its entry on, with that status.
     */
    @Test
    void aStatusGivenAtEntryHasNoStartDateAndAStepNeedsItsOwn() {
        String sunan = "620721";
        LocalDate yesterday = TODAY.minusDays(1);
        Actor reporter = user(sunan, Role.COUNTY_REPORTER);
        Estate e = as(reporter, () -> stock.saveEstate(Estate.of(sunan, "康乐小区", null, Programme.PUBLIC_RENTAL, null, null)));
        Dwelling d = as(reporter, () -> stock.add(new Stock.NewDwelling(e.id(), "1栋", "1", "101", null, 1,
                new java.math.BigDecimal("50"), null, null, null, null, StockStatus.OCCUPIED)));
        assertThat(d.statusOn()).isNull();
        assertThat(d.enteredOn()).isEqualTo(TODAY);
        assertThat(stock.history(d.id())).singleElement().satisfies(x -> {
            assertThat(x.step()).isEqualTo("ENTER");
            assertThat(x.effectiveOn()).as("the day the counts hold it from").isEqualTo(TODAY);
        });
        YearMonth month = YearMonth.from(TODAY);
        assertThat(stock.counts(sunan, month)).extracting(StockCounts::occupied, StockCounts::vacant, StockCounts::entered)
                .containsExactly(1, 0, 1);

        assertThatThrownBy(() -> as(reporter, () -> stock.change(d.id(), d.version(), StockStep.VACATE, null, null)))
                .isInstanceOf(org.anju.platform.BadInput.class).hasMessage("请填写生效日期（effectiveOn）");
        assertThatThrownBy(() -> as(reporter, () -> stock.change(d.id(), d.version(), StockStep.VACATE, yesterday, null)))
                .isInstanceOf(org.anju.platform.BadInput.class).hasMessage("生效日期 " + yesterday + " 不能早于该房源录入系统的日期 "
                        + TODAY + "：录入前的状态变更不在本系统登记");
        assertThat(stock.history(d.id())).hasSize(1);
        assertThat(stock.dwelling(d.id()).version()).isZero();

        Dwelling vacant = as(reporter, () -> stock.change(d.id(), d.version(), StockStep.VACATE, TODAY, null));
        assertThat(vacant.statusOn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> as(reporter, () -> stock.change(d.id(), vacant.version(), StockStep.REPAIR, yesterday, null)))
                .isInstanceOf(org.anju.platform.BadInput.class)
                .hasMessage("生效日期 " + yesterday + " 不能早于该房源上次状态变更的日期 " + TODAY);
        assertThat(stock.counts(sunan, month)).extracting(StockCounts::occupied, StockCounts::vacant, StockCounts::entered)
                .containsExactly(0, 1, 1);
    }

    /** V40_2411 on rows the old code wrote (status_on = the entry day): it forgets that date, not a step's. */
    @Test
    void theMigrationForgetsAnEntrysDateNotAStepsOne() throws Exception {
        String nankang = "360703";   // a county no other test here counts
        Actor reporter = user(nankang, Role.COUNTY_REPORTER);
        Estate e = as(reporter, () -> stock.saveEstate(Estate.of(nankang, "迁移测试小区", null, Programme.PUBLIC_RENTAL, null, null)));
        java.util.function.Function<String, Dwelling> add = room -> as(reporter, () -> stock.add(new Stock.NewDwelling(e.id(),
                "1栋", "1", room, null, 1, new java.math.BigDecimal("50"), null, null, null, null, StockStatus.OCCUPIED)));
        Dwelling entered = add.apply("101");
        Dwelling stepped = add.apply("102");
        as(reporter, () -> stock.change(stepped.id(), stepped.version(), StockStep.VACATE, TODAY, null));
        jdbc.sql("update rental_dwelling set status_on = entered_on where id = :id").param("id", entered.id()).update();
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/rental/V40_2411__dwelling_status_on_unknown_at_entry.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        jdbc.sql(migration.substring(migration.indexOf("update rental_dwelling"))).update();
        assertThat(stock.dwelling(entered.id()).statusOn()).isNull();
        assertThat(stock.dwelling(stepped.id()).statusOn()).isEqualTo(TODAY);
    }

    @Test
    void aCountysExportImportsAgainAsItIs() throws Exception {
        String minle = "620725";
        String shandan = "620722";
        Stock.ImportSummary first = stock.importFile("甘州区房源清单-手工样例.csv", bytes(), minle, Programme.PUBLIC_RENTAL);
        assertThat(first.dwellings()).isEqualTo(10);
        byte[] exported = stock.export(minle);
        Stock.ImportSummary again = stock.importFile("导出.xlsx", exported, shandan, null);
        assertThat(again.dwellings()).isEqualTo(10);
        assertThat(rows(stock.export(shandan))).isEqualTo(rows(exported));
        assertThat(rows(exported).getFirst()).isEqualTo("项目名称|保障类型|地址|楼栋|单元|房号|楼层|建筑面积（㎡）|使用面积（㎡）|户型|室数|"
                + "租金标准|租金单位|状态|状态日期|录入日期");
        // 状态日期 blank: the list said 空置, not since when; 录入日期 is the day of the import
        assertThat(rows(exported)).contains("滨河佳苑|公租房|甘州区滨河路8号|A栋||301|3|30.5|24|开间|1|6|元/㎡/月|空置||"
                + LocalDate.now(org.anju.platform.ChinaTime.ZONE));
        // the city's export names each row's county
        assertThat(rows(stock.export(CITY)).getFirst()).startsWith("地区|项目名称|");
    }

    /**
     * A 街道初审员 writes its own town (for applications), but a town keeps no stock list: its estates and imports are
     * refused saying which county enters them, and nothing is written.
     */
    @Test
    void aTownsStaffEntersNoStockOfItsOwn() {
        String dongjie = "620702001000"; // 东街街道, 甘州区
        Actor reviewer = user(dongjie, Role.TOWN_REVIEWER);
        assertThatThrownBy(() -> as(reviewer, () -> stock.saveEstate(Estate.of(dongjie, "东街公租房", null,
                Programme.PUBLIC_RENTAL, null, null))))
                .isInstanceOf(org.anju.platform.BadInput.class).hasMessageContaining("房源按县区登记").hasMessageContaining("甘州区");
        assertThatThrownBy(() -> as(reviewer, () -> stock.importFile("东街房源.csv", bytes(), null, Programme.PUBLIC_RENTAL)))
                .isInstanceOf(org.anju.platform.BadInput.class).hasMessageContaining("甘州区");
        assertThatThrownBy(() -> as(reviewer, () -> stock.preview("东街房源.csv", bytes(), dongjie, Programme.PUBLIC_RENTAL)))
                .isInstanceOf(org.anju.platform.BadInput.class);
        assertThat(stock.estates(dongjie)).isEmpty();
    }

    static List<String> rows(byte[] xlsx) {
        // the title (row 1) names the county: compared from the header on
        return new SourceReader().read("x.xlsx", xlsx).sheets().getFirst().rows().stream().skip(1)
                .map(SourceRow::cells).map(c -> String.join("|", c)).toList();
    }
}
