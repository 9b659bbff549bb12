package org.anju.bulletin;

import org.anju.account.Access;
import org.anju.ledger.expropriation.ExpropriationFigures;
import org.anju.ledger.item.Ledger;
import org.anju.ledger.item.LedgerState;
import org.anju.ledger.item.Standing;
import org.anju.platform.ChinaTime;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.progress.Progress;
import org.anju.progress.ProgressSummary;
import org.anju.progress.Rates;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 003's 月报告 (吉安居办〔2021〕10号 §十一: “每月通报一次棚户区改造、房屋征收、棚改资金筹集和解决棚改逾期未安置问题整改等工作进展情况”)
 * for one region and month, composed from what Anju holds: the monthly figures ({@link Progress}: 棚改 开工, 基本建成,
 * 投资; 保障性安居工程 funds), {@link ExpropriationFigures} (签约率, 腾空率 — today's, the 征收 ledger keeps no
 * history) and the OVERDUE_RESETTLEMENT ledger as it stood at the month's end. A figure not held prints 未报, a part
 * without any data 无数据 — never 0. Returned as a {@link Bulletin} (sections, no tables) so that the page, the DOCX
 * writer and the JSON are the bulletin's. Read where the region's data may be read.
 */
// reads only: a read-only transaction, served by the read replica when one is configured (ReadReplicaRouting)
@Service
@org.springframework.transaction.annotation.Transactional(readOnly = true)
public class MonthlyReports {

    static final String OVERDUE = "OVERDUE_RESETTLEMENT";

    private final Progress progress;
    private final ExpropriationFigures expropriation;
    private final Ledger ledger;
    private final Regions regions;
    private final Access access;
    private final BulletinWording w = BulletinWording.load();

    MonthlyReports(Progress progress, ExpropriationFigures expropriation, Ledger ledger, Regions regions, Access access) {
        this.progress = progress;
        this.expropriation = expropriation;
        this.ledger = ledger;
        this.regions = regions;
        this.access = access;
    }

    public Bulletin compose(String regionCode, YearMonth period) {
        Region r = regions.byCode(regionCode == null ? "" : regionCode.strip())
                .orElseThrow(() -> new NotFound("地区代码“" + regionCode + "”不存在"));
        if (!access.canRead(r)) {
            throw new Denied("无权查看" + r.name() + "的月报告：只有" + r.name() + "及其上级的账号可以查看");
        }
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        LocalDate end = period.atEndOfMonth().isAfter(today) ? today : period.atEndOfMonth();
        int year = period.getYear(), month = period.getMonthValue();
        ProgressSummary s = progress.summary(r, period);
        List<Bulletin.Section> sections = List.of(
                section("monthly.shantytown.heading", shantytown(r, s, year, month)),
                section("monthly.expropriation.heading", expropriation(r, today)),
                section("monthly.funds.heading", List.of(w.fill("monthly.funds", "月份", month, "地区", r.name(),
                        "到位", amount(s, BulletinComposer.RECEIVED), "拨付", amount(s, BulletinComposer.DISBURSED),
                        "拨付率", s.line(BulletinComposer.DISBURSED).map(org.anju.progress.ProgressLine::rateText)
                                .orElse(Rates.format(null)), "支出", amount(s, BulletinComposer.SPENT)))),
                section("monthly.overdue.heading", overdue(r, end)));
        return new Bulletin(r.code(), r.name(), period, Bulletins.defaultIssuer(r), null, w.fill("monthly.title", "年份", year, "月份", month, "地区", r.name()),
                "", w.fill("monthly.opening", "年份", year, "月份", month, "地区", r.name()), sections, List.of(), List.of(), today);
    }

    public byte[] docx(String regionCode, YearMonth period) {
        Bulletin b = compose(regionCode, period);
        return BulletinDocument.docx(b, BulletinDocument.colophon(b, BulletinOptions.defaults()));
    }

    public String fileName(String regionCode, YearMonth period) {
        String name = regions.byCode(regionCode).map(Region::name).orElse(regionCode);
        return name + period.getYear() + "年" + period.getMonthValue() + "月棚户区改造等工作月报告.docx";
    }

    private Bulletin.Section section(String heading, List<String> paragraphs) {
        return new Bulletin.Section(w.fill(heading), paragraphs, List.of());
    }

    private List<String> shantytown(Region r, ProgressSummary s, int year, int month) {
        String start = "SHANTYTOWN.START.UNIT";
        boolean reported = !s.unreported();
        return List.of(w.fill("monthly.shantytown", "年份", year, "月份", month, "地区", r.name(),
                "任务", measured("monthly.dwellings", s.target(start)),
                "开工", measured("monthly.dwellings", registered(s, start)),
                "开工率", Rates.format(reported ? s.rate(start) : null),
                "建成", measured("monthly.dwellings", registered(s, "SHANTYTOWN.BASIC_COMPLETION.UNIT")),
                "投资", measured("monthly.yuan10k", registered(s, "SHANTYTOWN.INVESTMENT.YUAN_10K"))));
    }

    /** A stage the project register adds up: 0 where units reported and no project reached it, null (未报) where none did. */
    private static BigDecimal registered(ProgressSummary s, String code) {
        return s.unreported() ? null : s.actual(code) == null ? BigDecimal.ZERO : s.actual(code);
    }

    private List<String> expropriation(Region r, LocalDate today) {
        ExpropriationFigures.RegionFigures f = expropriation.region(r.code());
        if (f.projects() == 0) {
            return List.of(w.fill("monthly.expropriation.none", "地区", r.name()));
        }
        StringBuilder projects = new StringBuilder();
        for (ExpropriationFigures.ProjectFigures p : expropriation.projects(r.code())) {
            projects.append(w.fill("monthly.expropriation.project", "项目", p.name(), "地区", p.regionName(),
                    "户数", households(p.scope()), "签约率", p.signingRate().label(), "腾空率", p.vacatedRate().label()));
        }
        return List.of(w.fill("monthly.expropriation", "地区", r.name(), "项目数", f.projects(), "户数", households(f.scope()),
                "签约", households(f.signed()), "签约率", f.signingRate().label(), "腾空", households(f.vacated()),
                "腾空率", f.vacatedRate().label(), "日期", Dates.chinese(today), "各项目", projects.toString()));
    }

    private List<String> overdue(Region r, LocalDate end) {
        List<Standing> items;
        try {
            items = ledger.standing(r.code(), end).stream().filter(s -> s.item().kind().equals(OVERDUE)).toList();
        } catch (Denied e) {
            items = List.of();
        }
        if (items.isEmpty()) {
            return List.of(w.fill("monthly.overdue.none", "地区", r.name()));
        }
        long households = 0;
        boolean allStated = true;
        int closed = 0;
        StringBuilder each = new StringBuilder();
        for (Standing s : items) {
            String h = s.item().field("households");
            if (h == null) {
                allStated = false;
            } else {
                households += Long.parseLong(h);
            }
            closed += s.state() == LedgerState.CLOSED ? 1 : 0;
            LocalDate d = s.item().deadline();
            each.append(w.fill("monthly.overdue.project", "地区", s.item().regionName(), "项目", s.item().title(),
                    "户数", h == null ? w.fill("monthly.unreported") : w.fill("monthly.households", "数量", h),
                    "逾期", s.item().monthsLate() == null ? w.fill("monthly.overdue.lateUnknown")
                            : w.fill("monthly.overdue.late", "月数", s.item().monthsLate()),
                    "状态", s.state().label(), "期限", w.fill("ledger.date", "年", d.getYear(), "月", d.getMonthValue(), "日", d.getDayOfMonth())));
        }
        return List.of(w.fill("monthly.overdue", "地区", r.name(), "项目数", items.size(),
                "户数", allStated ? households(households) : w.fill("monthly.unreported"), "销号", closed,
                "未销号", items.size() - closed, "各项目", each.toString()));
    }

    private String households(long n) {
        return w.fill("monthly.households", "数量", n);
    }

    /** A typed fund figure: 未报 where no unit reported, 未填 where those that did left it blank, never 0. */
    private String amount(ProgressSummary s, String code) {
        if (!s.unreported() && s.actual(code) == null) {
            return w.fill("monthly.unfilled");
        }
        return measured("monthly.yuan10k", s.unreported() ? null : s.actual(code));
    }

    private String measured(String key, BigDecimal v) {
        return v == null ? w.fill("monthly.unreported") : w.fill(key, "数量", Rates.figure(v));
    }

    /** 2026年12月1日. */
    private static final class Dates {
        static String chinese(LocalDate d) {
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
    }
}
