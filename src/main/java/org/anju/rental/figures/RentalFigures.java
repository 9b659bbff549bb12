package org.anju.rental.figures;

import org.anju.progress.RecordedFigures;
import org.anju.region.Region;
import org.anju.rental.stock.Stock;
import org.anju.rental.stock.StockCounts;
import org.anju.rental.subsidy.PaymentRolls;
import org.anju.rental.subsidy.SubsidyFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the 公租房 records say for a county's month, cumulative from January like the report:
 * <ul>
 * <li>新增保障家庭 — households of the county that received a 资格证 this year (实物配租 and 租赁补贴: the 公租房
 *     information system of seed 004 holds both; the basis names the split so the reporter can check);</li>
 * <li>信息录入 — the same households: each of them is, by being here, entered into the information system;</li>
 * <li>核查腾退公租房 — dwellings of the county's stock vacated (腾退) this year;</li>
 * <li>已发放户数, 发放金额 and 线上发放户数 of 租赁补贴 — lines the bank confirmed paid in the county's confirmed rolls,
 *     each household once in the year (a county without subsidy agreements here gets none of these);</li>
 * <li>and, for the bulletin, 分配率 and 入住率 of its stock at the month's end.</li>
 * </ul>
 * A county without households (or without stock) in the system gets no figure for them: it keeps its records
 * elsewhere, and its report stays as typed.
 */
@Component
class RentalFigures implements RecordedFigures {

    private final JdbcClient jdbc;
    private final Stock stock;
    private final PaymentRolls rolls;

    RentalFigures(JdbcClient jdbc, Stock stock, PaymentRolls rolls) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.rolls = rolls;
    }

    @Override
    public Optional<Occupancy> occupancy(Region unit, YearMonth period) {
        if (!jdbc.sql("select exists (select 1 from rental_estate where region_id = :unit)").param("unit", unit.id())
                .query(Boolean.class).single()) {
            return Optional.empty();
        }
        StockCounts c = stock.counts(unit.code(), period);
        return Optional.of(new Occupancy(c.allocable(), c.allocated() + c.occupied(), c.occupied()));
    }

    @Override
    public List<RecordedFigure> figures(Region unit, YearMonth period) {
        List<RecordedFigure> figures = new ArrayList<>();
        LocalDate from = period.withMonth(1).atDay(1);
        LocalDate to = period.atEndOfMonth();
        record Qualified(boolean any, long rental, long subsidy) {
        }
        Qualified q = jdbc.sql("""
                        select count(*) > 0,
                               count(*) filter (where guarantee = 'PUBLIC_RENTAL' and qualified_on between :from and :to),
                               count(*) filter (where guarantee = 'SUBSIDY' and qualified_on between :from and :to)
                          from rental_household where county_id = :unit and created_at < cast(:to as date) + 1""")
                .param("unit", unit.id()).param("from", from).param("to", to)
                .query((rs, n) -> new Qualified(rs.getBoolean(1), rs.getLong(2), rs.getLong(3))).single();
        if (q.any()) {
            BigDecimal total = BigDecimal.valueOf(q.rental() + q.subsidy());
            String basis = "保障家庭记录：" + span(period) + "取得资格证 " + total + " 户（实物配租 " + q.rental() + " 户、租赁补贴 "
                    + q.subsidy() + " 户）";
            figures.add(new RecordedFigure("PUBLIC_RENTAL.NEW_BENEFICIARY.HOUSEHOLD", "", total, basis));
            figures.add(new RecordedFigure("PUBLIC_RENTAL.DATA_ENTRY.HOUSEHOLD", "", total, basis + "，均已在本系统登记"));
        }
        record Vacated(boolean any, long count) {
        }
        // a county's rows by key from their parents, whatever the statistics (ARCHITECTURE.md, plans that do not
        // depend on the statistics; CountyReadsWithoutStatisticsTest)
        Vacated v = jdbc.sql("""
                        select exists (select 1 from rental_estate where region_id = :unit),
                               (select count(*) from rental_estate s
                                 cross join lateral (select b.id from rental_building b where b.estate_id = s.id offset 0) b
                                 cross join lateral (select d.id from rental_dwelling d where d.building_id = b.id offset 0) d
                                 cross join lateral (select 1 from rental_dwelling_event e where e.dwelling_id = d.id
                                                       and e.step = 'VACATE' and e.effective_on between :from and :to offset 0) e
                                 where s.region_id = :unit)""")
                .param("unit", unit.id()).param("from", from).param("to", to)
                .query((rs, n) -> new Vacated(rs.getBoolean(1), rs.getLong(2))).single();
        if (v.any()) {
            figures.add(new RecordedFigure("PUBLIC_RENTAL.VACATE.UNIT", "", BigDecimal.valueOf(v.count()),
                    "房源台账：" + from.getYear() + "年1月1日至" + to.getMonthValue() + "月" + to.getDayOfMonth() + "日腾退 "
                            + v.count() + " 套"));
        }
        if (jdbc.sql("select exists (select 1 from rental_subsidy_agreement where county_id = :unit)").param("unit", unit.id())
                .query(Boolean.class).single()) {
            SubsidyFigures f = rolls.figures(unit.code(), period);
            String paid = "发放花名册：" + span(period)
                    + "银行已确认发放 " + f.householdsInYear() + " 户、" + f.amountInYear().setScale(2, RoundingMode.HALF_UP)
                    .toPlainString() + " 元，其中线上发放 " + f.onlineHouseholdsInYear() + " 户";
            figures.add(new RecordedFigure("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", BigDecimal.valueOf(f.householdsInYear()), paid));
            // the report keeps 万元 to four decimals (1 元): the basis gives the exact amount
            figures.add(new RecordedFigure("RENTAL_SUBSIDY.ISSUE.YUAN_10K", "",
                    f.amountInYear().movePointLeft(4).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros(), paid
                            + "（金额按万元保留四位小数）"));
            figures.add(new RecordedFigure("RENTAL_SUBSIDY.ISSUE_ONLINE.HOUSEHOLD", "",
                    BigDecimal.valueOf(f.onlineHouseholdsInYear()), paid));
        }
        return figures;
    }

    /** The months a cumulative figure covers, as the report words them: 1月, 1—3月. */
    private static String span(YearMonth period) {
        return period.getMonthValue() == 1 ? "1月" : "1—" + period.getMonthValue() + "月";
    }
}
