package org.anju.rental.figures;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.ChinaTime;
import org.anju.privacy.SyntheticIds;
import org.anju.progress.RecordedFigures.RecordedFigure;
import org.anju.region.Regions;
import org.anju.rental.household.Guarantee;
import org.anju.rental.household.HouseholdForm;
import org.anju.rental.household.Households;
import org.anju.rental.stock.Dwelling;
import org.anju.rental.stock.Estate;
import org.anju.rental.stock.Programme;
import org.anju.rental.stock.RentUnit;
import org.anju.rental.stock.Stock;
import org.anju.rental.stock.StockStatus;
import org.anju.rental.stock.StockStep;
import org.anju.report.Report;
import org.anju.report.ReportValue;
import org.anju.report.Reports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly report of 章贡区 offered what its 公租房 records say: households qualified this year and dwellings
 * vacated; a typed figure that differs is flagged on save; a county without records is offered nothing (未报, not 0).
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=rental_figures")
class RentalFiguresTest {

    static final String COUNTY = "360702";       // 章贡区
    static final String STREET = "360702001000"; // 解放街道

    @Autowired
    Households households;
    @Autowired
    Stock stock;
    @Autowired
    Reports reports;
    @Autowired
    Regions regions;
    @Autowired
    org.anju.progress.RecordedFigures figures;

    Actor actor(String username, String region, Role role) {
        return new Actor(username, username, regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    long household(Actor clerk, int seq) {
        return as(clerk, () -> households.register(new HouseholdForm(STREET, null, null, List.of(
                new HouseholdForm.MemberForm("测试" + "甲乙丙".charAt(seq - 1), SyntheticIds.number("360702", "19800101", seq), "本人", "1000",
                        true, true, null)), List.of(), null, null, null, null, null, null, null)));
    }

    @Test
    void theRecordsAreOfferedAndADifferentTypedFigureIsFlagged() {
        Actor reviewer = actor("jf_reviewer", STREET, Role.TOWN_REVIEWER);
        Actor reporter = actor("zg_reporter", COUNTY, Role.COUNTY_REPORTER);
        YearMonth month = YearMonth.now(ChinaTime.ZONE);
        LocalDate today = LocalDate.now(ChinaTime.ZONE);

        assertThat(as(reporter, () -> reports.recorded(COUNTY, month))).as("no records yet: nothing offered").isEmpty();

        long a = household(reviewer, 1);
        long b = household(reviewer, 2);
        household(reviewer, 3);   // registered, still under review
        as(reviewer, () -> households.qualify(a, Guarantee.PUBLIC_RENTAL, today));
        as(reviewer, () -> households.qualify(b, Guarantee.SUBSIDY, today));
        Estate e = as(reporter, () -> stock.saveEstate(Estate.of(COUNTY, "测试小区", null, Programme.PUBLIC_RENTAL, null, null)));
        Dwelling d = as(reporter, () -> stock.add(new Stock.NewDwelling(e.id(), "1栋", "", "101", null, 1,
                new BigDecimal("50"), null, null, new BigDecimal("300"), RentUnit.PER_DWELLING_MONTH, StockStatus.OCCUPIED)));
        as(reporter, () -> stock.change(d.id(), d.version(), StockStep.VACATE, today, null));

        Map<String, RecordedFigure> offered = as(reporter, () -> reports.recorded(COUNTY, month));
        assertThat(offered.get("PUBLIC_RENTAL.NEW_BENEFICIARY.HOUSEHOLD").value()).isEqualByComparingTo("2");
        assertThat(offered.get("PUBLIC_RENTAL.NEW_BENEFICIARY.HOUSEHOLD").basis())
                .endsWith("取得资格证 2 户（实物配租 1 户、租赁补贴 1 户）");
        assertThat(offered.get("PUBLIC_RENTAL.DATA_ENTRY.HOUSEHOLD").value()).isEqualByComparingTo("2");
        assertThat(offered.get("PUBLIC_RENTAL.VACATE.UNIT").value()).isEqualByComparingTo("1");
        assertThat(offered).doesNotContainKey("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD");

        org.anju.progress.RecordedFigures.Occupancy occupancy = as(reporter, () -> figures.occupancy(
                regions.byCode(COUNTY).orElseThrow(), month)).orElseThrow();
        assertThat(occupancy).isEqualTo(new org.anju.progress.RecordedFigures.Occupancy(1, 0, 0));
        assertThat(occupancy.allocationRate()).isEqualByComparingTo("0");
        assertThat(figures.occupancy(regions.byCode("360703").orElseThrow(), month)).as("no stock kept here").isEmpty();

        Report saved = as(reporter, () -> reports.save(COUNTY, month, reports.get(COUNTY, month).version(), List.of(
                new ReportValue("PUBLIC_RENTAL.NEW_BENEFICIARY.HOUSEHOLD", "", new BigDecimal("3")),
                new ReportValue("PUBLIC_RENTAL.VACATE.UNIT", "", BigDecimal.ONE))));
        assertThat(saved.flags()).containsExactly("公租房信息系统录入·新增保障家庭填报 3，业务记录为 2（"
                + offered.get("PUBLIC_RENTAL.NEW_BENEFICIARY.HOUSEHOLD").basis() + "）：请核实，或采用业务记录的数值");

        assertThat(as(actor("gx_reporter", "360703", Role.COUNTY_REPORTER), () -> reports.recorded("360703", month)))
                .as("南康区 keeps no records here").isEmpty();
    }
}
