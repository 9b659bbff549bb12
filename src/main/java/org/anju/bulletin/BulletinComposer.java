package org.anju.bulletin;

import org.anju.bulletin.BulletinTable.HeaderCell;
import org.anju.indicator.Program;
import org.anju.progress.Progress;
import org.anju.progress.ProgressLine;
import org.anju.progress.ProgressSummary;
import org.anju.progress.Rates;
import org.anju.project.Projects;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.report.ReportInbox;
import org.anju.supervision.LaggingUnit;
import org.anju.supervision.MilestoneAlert;
import org.anju.supervision.OverdueDelivery;
import org.anju.supervision.Ranking;
import org.anju.supervision.RankedUnit;
import org.anju.supervision.StalledProject;
import org.anju.supervision.Supervision;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Composes a bulletin from the roll-ups, the register and the supervision checks. */
@Component
class BulletinComposer {

    /** Programs with projects, in the order seed 004's 附件1 prints them. */
    static final List<String> TABLE_PROGRAMS = List.of("OLD_COMMUNITY", "SHANTYTOWN", "MINING_SHANTYTOWN",
            "AFFORDABLE_RENTAL", "PUBLIC_RENTAL", "SHARED_OWNERSHIP");
    /** …and the order its text takes them. */
    static final List<String> TEXT_PROGRAMS = List.of("OLD_COMMUNITY", "AFFORDABLE_RENTAL", "SHANTYTOWN",
            "MINING_SHANTYTOWN", "PUBLIC_RENTAL", "SHARED_OWNERSHIP");
    static final String[] NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
    static final String ISSUED = "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD";
    static final String AMOUNT = "RENTAL_SUBSIDY.ISSUE.YUAN_10K";
    static final String ONLINE = "RENTAL_SUBSIDY.ISSUE_ONLINE.HOUSEHOLD";
    static final String RECEIVED = "HOUSING.FUND_RECEIVED.YUAN_10K";
    static final String DISBURSED = "HOUSING.FUND_DISBURSED.YUAN_10K";
    static final String SPENT = "HOUSING.FUND_SPENT.YUAN_10K";

    private final Progress progress;
    private final Supervision supervision;
    private final Projects projects;
    private final ReportInbox reports;

    BulletinComposer(Progress progress, Supervision supervision, Projects projects, ReportInbox reports) {
        this.progress = progress;
        this.supervision = supervision;
        this.projects = projects;
        this.reports = reports;
    }

    /** Everything a bulletin says, for one region's subtree. */
    record Data(Region scope, String scopeLabel, YearMonth period, ProgressSummary total, List<ProgressSummary> units) {
    }

    Bulletin compose(Region scope, YearMonth period, String issuer, String documentNumber, LocalDate date) {
        List<ProgressSummary> units = supervision.units(scope).stream().map(r -> progress.summary(r, period)).toList();
        Data d = new Data(scope, scopeLabel(scope), period, progress.summary(scope, period), units);
        String span = period.getMonthValue() == 1 ? "1月" : "1--" + period.getMonthValue() + "月";
        String title = "关于" + period.getYear() + "年" + span + d.scopeLabel() + "保障性安居工程进展情况的通报";
        String opening = "现将" + span + "份" + d.scopeLabel() + "保障性安居工程进展情况通报如下：";
        List<Bulletin.Section> progressSections = new ArrayList<>();
        for (String program : TEXT_PROGRAMS) {
            programSection(d, program).ifPresent(progressSections::add);
        }
        subsidySection(d).ifPresent(progressSections::add);
        fundSection(d).ifPresent(progressSections::add);
        entrySection(d).ifPresent(progressSections::add);
        List<Bulletin.Section> numbered = new ArrayList<>();
        for (int i = 0; i < progressSections.size(); i++) {
            Bulletin.Section s = progressSections.get(i);
            numbered.add(new Bulletin.Section("（" + NUMBERS[i] + "）" + s.heading(), s.paragraphs(), List.of()));
        }
        List<String> problems = problems(d);
        List<BulletinTable> tables = new ArrayList<>();
        projectTable(d).ifPresent(tables::add);
        subsidyTable(d).ifPresent(tables::add);
        fundTable(d).ifPresent(tables::add);
        List<BulletinTable> labelled = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            BulletinTable t = tables.get(i);
            labelled.add(new BulletinTable("附件" + (i + 1), t.title(), t.unitLine(), t.header(), t.rows(), t.note()));
        }
        List<Bulletin.Section> sections = List.of(
                new Bulletin.Section("一、目标任务及进展情况", List.of(), numbered),
                new Bulletin.Section("二、存在的问题", problems.isEmpty() ? List.of("未发现明显问题。") : problems, List.of()));
        String addressee = switch (scope.kind()) {
            case NATION -> "各省、自治区、直辖市住房城乡建设厅（委）：";
            case PROVINCE -> "各市（州）人民政府：";
            case PREFECTURE -> "各县区人民政府" + (units.stream().anyMatch(u -> u.regionCode().endsWith("-SB")) ? "、市本级：" : "：");
            default -> "各有关单位：";
        };
        return new Bulletin(scope.code(), scope.name(), period, issuer, documentNumber, title, addressee, opening,
                sections, problems, labelled, date);
    }

    static String scopeLabel(Region scope) {
        return switch (scope.kind()) {
            case NATION -> "全国";
            case PROVINCE -> "全省";
            case PREFECTURE -> "全市";
            case COUNTY -> "全县";
            default -> scope.name();
        };
    }

    // -------------------------------------------------------------------------------------- sections

    private java.util.Optional<Bulletin.Section> programSection(Data d, String program) {
        Program p = progress.indicators().program(program).orElse(null);
        if (p == null) {
            return java.util.Optional.empty();
        }
        String measure = p.defaultMeasure();
        String start = program + ".START." + measure;
        String invest = program + ".INVESTMENT.YUAN_10K";
        String planned = program + ".PLANNED_INVESTMENT.YUAN_10K";
        ProgressSummary t = d.total();
        if (t.target(start) == null && t.actual(start) == null) {
            return java.util.Optional.empty();
        }
        boolean old = program.equals("OLD_COMMUNITY");
        String unit = old ? "户" : "套";
        String communities = program + ".START.COMMUNITY";
        String basic = basicCode(program, measure);
        String month = d.period().getMonthValue() + "月底";
        StringBuilder b = new StringBuilder();
        b.append(d.period().getYear()).append("年").append(d.scopeLabel());
        if (t.actual(planned) != null) {
            b.append("计划投资").append(fig(t.actual(planned))).append("万元，");
        }
        if (old) {
            b.append("实施城镇老旧小区改造");
            if (t.target(communities) != null) {
                b.append(fig(t.target(communities))).append("个小区、");
            }
            b.append(fig(t.target(start))).append("户。");
        } else {
            int count = projects.countOfYear(d.scope(), d.period().getYear(), program);
            b.append(program.contains("SHANTYTOWN") ? "实施" : "建设").append(p.name());
            if (count > 0 && program.contains("SHANTYTOWN")) {
                b.append(count).append("个项目");
            }
            b.append(fig(t.target(start))).append(unit).append("。");
        }
        b.append("截止").append(month).append("，");
        if (t.unreported()) {
            b.append("各单位均未报送本月数据。");
        } else {
            b.append("开工");
            if (old && t.actual(communities) != null) {
                b.append(fig(t.actual(communities))).append("个小区、");
            }
            b.append(fig(nz(t.actual(start)))).append(unit).append("，开工率").append(rate(t, start));
            if (t.actual(invest) != null) {
                b.append("，完成投资").append(fig(t.actual(invest))).append("万元，完成投资率").append(rate(t, invest));
            }
            if (t.target(basic) != null) {
                b.append("；").append(basicLabel(program)).append(fig(nz(t.actual(basic)))).append(unit)
                        .append("，").append(basicLabel(program)).append("率").append(rate(t, basic));
            }
            b.append(partial(t)).append("。");
        }
        List<String> parts = new ArrayList<>();
        List<String> unreported = new ArrayList<>();
        for (ProgressSummary u : d.units()) {
            if (u.target(start) == null && u.actual(start) == null) {
                continue;
            }
            if (u.unreported()) {
                unreported.add(u.regionName());     // 未报送, never "已开工0套，开工率0.0%"
                continue;
            }
            StringBuilder s = new StringBuilder(u.regionName()).append("已开工");
            if (old && u.actual(communities) != null) {
                s.append(fig(u.actual(communities))).append("个小区、");
            }
            s.append(fig(nz(u.actual(start)))).append(unit).append("，开工率").append(rate(u, start));
            if (u.actual(invest) != null) {
                s.append("，已完成投资").append(fig(u.actual(invest))).append("万元");
            }
            if (u.target(basic) != null) {
                s.append("，").append(basicLabel(program)).append(fig(nz(u.actual(basic)))).append(unit)
                        .append("，").append(basicLabel(program)).append("率").append(rate(u, basic));
            }
            parts.add(s.toString());
        }
        if (!unreported.isEmpty() && !t.unreported()) {
            parts.add(String.join("、", unreported) + "未报送本月数据");
        }
        if (!parts.isEmpty()) {
            b.append("其中：").append(String.join("；", parts)).append("。");
        }
        b.append(carriedOver(d, program, old ? "城镇老旧小区改造" : p.name(), unit));
        String heading = (old ? "城镇老旧小区改造" : p.name()) + "目标任务及进展情况";
        return java.util.Optional.of(new Bulletin.Section(heading, List.of(b.toString()), List.of()));
    }

    /** 基本建成 of housing, 完工 of old communities: the stage after 开工 that annual tasks count. */
    private static String basicCode(String program, String measure) {
        return program.equals("OLD_COMMUNITY") ? program + ".COMPLETION.HOUSEHOLD" : program + ".BASIC_COMPLETION." + measure;
    }

    private static String basicLabel(String program) {
        return program.equals("OLD_COMMUNITY") ? "完工" : "基本建成";
    }

    /**
     * 续建结转 finished this year, as seed 004 states it: "高台县、山丹县续建结转5402户城镇老旧小区改造任务已全面完工。"
     * Only units that finished some; one still open is named with what is left, not left out.
     */
    private String carriedOver(Data d, String program, String name, String unit) {
        List<Projects.CarriedOver> done = projects.carriedOver(d.scope(), d.period(), program).stream()
                .filter(c -> c.completedSize().signum() > 0).toList();
        if (done.isEmpty()) {
            return "";
        }
        String finished = program.equals("OLD_COMMUNITY") ? "已全面完工" : "已全部基本建成";
        if (done.stream().allMatch(Projects.CarriedOver::allCompleted)) {
            BigDecimal total = done.stream().map(Projects.CarriedOver::size).reduce(BigDecimal.ZERO, BigDecimal::add);
            return done.stream().map(Projects.CarriedOver::regionName).collect(Collectors.joining("、"))
                    + "续建结转" + fig(total) + unit + name + "任务" + finished + "。";
        }
        return done.stream().map(c -> c.regionName() + "续建结转" + name + fig(c.size()) + unit + "，"
                        + (c.allCompleted() ? finished : (program.equals("OLD_COMMUNITY") ? "已完工" : "已基本建成")
                        + fig(c.completedSize()) + unit))
                .collect(Collectors.joining("；")) + "。";
    }

    private java.util.Optional<Bulletin.Section> subsidySection(Data d) {
        ProgressSummary t = d.total();
        if (t.target(ISSUED) == null && t.actual(ISSUED) == null) {
            return java.util.Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        if (t.target(ISSUED) != null) {
            b.append(d.period().getYear()).append("年").append(d.scopeLabel()).append("计划发放住房租赁补贴")
                    .append(fig(t.target(ISSUED))).append("户。");
        }
        b.append("截止").append(d.period().getMonthValue()).append("月底，").append(d.scopeLabel());
        if (t.unreported()) {
            b.append("各单位均未报送本月数据。");
        } else {
            b.append("发放住房租赁补贴").append(fig(nz(t.actual(ISSUED)))).append("户，占发放任务的").append(rate(t, ISSUED));
            if (t.actual(AMOUNT) != null) {
                b.append("，发放金额").append(fig(t.actual(AMOUNT))).append("万元");
            }
            b.append(partial(t)).append("。");
        }
        List<String> parts = new ArrayList<>();
        List<String> notOnline = new ArrayList<>();
        List<String> unreported = new ArrayList<>();
        int paying = 0;
        for (ProgressSummary u : d.units()) {
            if (u.actual(ISSUED) == null && u.target(ISSUED) == null) {
                continue;
            }
            if (u.unreported()) {
                unreported.add(u.regionName());
                continue;
            }
            parts.add(u.regionName() + "发放" + fig(nz(u.actual(ISSUED))) + "户，占发放任务的" + rate(u, ISSUED));
            if (u.actual(ISSUED) != null && u.actual(ISSUED).signum() > 0) {
                paying++;
                if (u.actual(ONLINE) == null || u.actual(ONLINE).compareTo(u.actual(ISSUED)) < 0) {
                    notOnline.add(u.regionName());
                }
            }
        }
        if (!unreported.isEmpty() && !t.unreported()) {
            parts.add(String.join("、", unreported) + "未报送本月数据");
        }
        if (!parts.isEmpty()) {
            b.append("其中：").append(String.join("；", parts)).append("。");
        }
        if (paying > 0 && t.actual(ONLINE) != null) {
            b.append(notOnline.isEmpty() ? (unreported.isEmpty() ? "各县区" : "已报送的县区") + "均实现了线上发放补贴。"
                    : String.join("、", notOnline) + "尚未全部实现线上发放补贴。");
        }
        return java.util.Optional.of(new Bulletin.Section("住房租赁补贴目标任务及进展情况", List.of(b.toString()), List.of()));
    }

    private java.util.Optional<Bulletin.Section> fundSection(Data d) {
        ProgressSummary t = d.total();
        if (t.actual(RECEIVED) == null) {
            return java.util.Optional.empty();
        }
        StringBuilder b = new StringBuilder("截止").append(d.period().getMonthValue()).append("月底，").append(d.scopeLabel())
                .append("已争取到位保障性安居工程资金共计").append(fig(t.actual(RECEIVED))).append("万元");
        String sources = t.line(RECEIVED).map(ProgressLine::bySource).orElse(java.util.Map.of()).entrySet().stream()
                .filter(e -> !e.getKey().equals("UNSPECIFIED"))
                .map(e -> org.anju.progress.FundSource.valueOf(e.getKey()).label() + fig(e.getValue()) + "万元")
                .collect(Collectors.joining("、"));
        if (!sources.isEmpty()) {
            b.append("（其中").append(sources).append("）");
        }
        if (t.actual(DISBURSED) != null) {
            b.append("，拨付").append(fig(t.actual(DISBURSED))).append("万元，拨付率").append(rate(t, DISBURSED));
        }
        if (t.actual(SPENT) != null) {
            b.append("，支出").append(fig(t.actual(SPENT))).append("万元，支出率").append(rate(t, SPENT));
        }
        b.append(partial(t)).append("。");
        List<String> parts = new ArrayList<>();
        List<String> unreported = new ArrayList<>();
        for (ProgressSummary u : d.units()) {
            if (u.unreported()) {
                unreported.add(u.regionName());
                continue;
            }
            if (u.actual(RECEIVED) == null) {
                continue;
            }
            StringBuilder s = new StringBuilder(u.regionName()).append("到位资金").append(fig(u.actual(RECEIVED))).append("万元");
            if (u.actual(DISBURSED) != null) {
                s.append("，拨付").append(fig(u.actual(DISBURSED))).append("万元，资金拨付率").append(rate(u, DISBURSED));
            }
            parts.add(s.toString());
        }
        if (!unreported.isEmpty()) {
            parts.add(String.join("、", unreported) + "未报送本月数据");
        }
        if (!parts.isEmpty()) {
            b.append("其中：").append(String.join("；", parts)).append("。");
        }
        return java.util.Optional.of(new Bulletin.Section("保障性安居工程资金争取使用情况", List.of(b.toString()), List.of()));
    }

    private java.util.Optional<Bulletin.Section> entrySection(Data d) {
        String fresh = "PUBLIC_RENTAL.NEW_BENEFICIARY.HOUSEHOLD";
        String entered = "PUBLIC_RENTAL.DATA_ENTRY.HOUSEHOLD";
        String vacated = "PUBLIC_RENTAL.VACATE.UNIT";
        if (d.total().actual(fresh) == null && d.total().actual(vacated) == null) {
            return java.util.Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (ProgressSummary u : d.units()) {
            if (u.actual(fresh) == null && u.actual(vacated) == null) {
                continue;
            }
            StringBuilder s = new StringBuilder(u.regionName()).append("新增保障家庭").append(fig(nz(u.actual(fresh)))).append("户，");
            BigDecimal e = nz(u.actual(entered));
            s.append(e.compareTo(nz(u.actual(fresh))) >= 0 ? "信息全部录入" : "信息录入" + fig(e) + "户（录入率" + rate(u, entered) + "）");
            if (u.actual(vacated) != null) {
                s.append("，经核查腾退公租房").append(fig(u.actual(vacated))).append("套");
            }
            parts.add(s.toString());
        }
        String text = "截止" + d.period().getMonthValue() + "月底，" + String.join("；", parts) + "。";
        return java.util.Optional.of(new Bulletin.Section("公租房信息系统录入完成情况", List.of(text), List.of()));
    }

    // -------------------------------------------------------------------------------------- problems

    private List<String> problems(Data d) {
        List<String> found = new ArrayList<>();
        String scope = d.scope().code();
        if (d.total().rate(DISBURSED) != null) {
            Ranking r = supervision.ranking(scope, d.period(), DISBURSED, false);
            List<RankedUnit> below = r.belowAverage();
            if (!below.isEmpty()) {
                found.add("项目资金拨付率较低。" + d.scopeLabel() + "保障性安居工程资金拨付率" + r.averageText() + "，"
                        + below.stream().map(u -> u.regionName() + "（" + u.rateText() + "）").collect(Collectors.joining("、"))
                        + "资金拨付率低于" + d.scopeLabel() + "平均水平。");
            }
        }
        List<StalledProject> stalled = supervision.stalled(scope, d.period());
        if (!stalled.isEmpty()) {
            found.add("个别项目进展缓慢。" + stalled.stream().map(p -> (p.name().startsWith(p.regionName()) ? "" : p.regionName()) + p.name()
                            + (p.carriedOver() && !p.name().contains("续建") ? "（续建）" : "") + p.reasons().stream().collect(Collectors.joining("、")))
                    .collect(Collectors.joining("；")) + "。");
        }
        List<OverdueDelivery> overdue = supervision.overdueDeliveries(scope, d.period());
        if (!overdue.isEmpty()) {
            found.add("项目逾期未交付使用。" + overdue.stream().map(OverdueDelivery::text).collect(Collectors.joining("；"))
                    + "，截止" + d.period().getMonthValue() + "月底" + (overdue.size() > 1 ? "均" : "") + "未交付使用。");
        }
        List<LaggingUnit> lagging = supervision.lagging(scope, d.period());
        if (!lagging.isEmpty()) {
            found.add("部分任务进度滞后于序时进度。" + lagging.stream().map(LaggingUnit::message)
                    .collect(Collectors.joining("；")) + "。");
        }
        List<MilestoneAlert> alerts = supervision.milestoneAlerts(scope, d.period());
        if (!alerts.isEmpty()) {
            found.add("未达到计划进度要求。" + alerts.stream().map(MilestoneAlert::message).collect(Collectors.joining("；")) + "。");
        }
        List<Region> missing = reports.missing(d.scope(), d.period());
        if (!missing.isEmpty()) {
            found.add("数据报送不完整。" + missing.stream().map(Region::name).collect(Collectors.joining("、"))
                    + "未报送" + d.period().getMonthValue() + "月数据。");
        }
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            numbered.add(NUMBERS[i] + "是" + found.get(i));
        }
        return numbered;
    }

    // ---------------------------------------------------------------------------------------- tables

    private java.util.Optional<BulletinTable> projectTable(Data d) {
        List<String> programs = TABLE_PROGRAMS.stream().filter(p -> {
            String code = startCode(p);
            return code != null && (d.total().target(code) != null || d.total().actual(code) != null);
        }).toList();
        if (programs.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<HeaderCell> r1 = new ArrayList<>(List.of(new HeaderCell("地区", 1, 3)));
        List<HeaderCell> r2 = new ArrayList<>();
        List<HeaderCell> r3 = new ArrayList<>();
        // 基本建成 (完工) beside 开工 for a program with a task for it: the year's second count
        java.util.Map<String, String> basic = new java.util.LinkedHashMap<>();
        for (String p : programs) {
            String code = basicCode(p, progress.indicators().program(p).orElseThrow().defaultMeasure());
            if (withTotal(d).stream().anyMatch(s -> s.target(code) != null)) {
                basic.put(p, code);
            }
        }
        for (String p : programs) {
            String name = progress.indicators().program(p).orElseThrow().name();
            r1.add(new HeaderCell((p.equals("SHANTYTOWN") ? "棚户区改造" : name) + "项目", basic.containsKey(p) ? 6 : 3, 1));
            r2.add(new HeaderCell("开工情况", 3, 1));
            r3.addAll(List.of(HeaderCell.of("年度任务"), HeaderCell.of("开工量"), HeaderCell.of("开工率")));
            if (basic.containsKey(p)) {
                String l = basicLabel(p);
                r2.add(new HeaderCell(l + "情况", 3, 1));
                r3.addAll(List.of(HeaderCell.of(l + "任务"), HeaderCell.of(l + "量"), HeaderCell.of(l + "率")));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (ProgressSummary s : withTotal(d)) {
            List<String> row = new ArrayList<>();
            boolean any = false;
            for (String p : programs) {
                List<String> codes = basic.containsKey(p) ? List.of(startCode(p), basic.get(p)) : List.of(startCode(p));
                for (String code : codes) {
                    boolean has = s.target(code) != null || s.actual(code) != null;
                    any |= has;
                    row.add(has ? figOrBlank(s.target(code)) : "");
                    row.add(has ? actual(s, code) : "");
                    row.add(has ? rate(s, code) : "");
                }
            }
            if (any) {
                row.addFirst(label(d, s));
                rows.add(row);
            }
        }
        String units = java.util.stream.Stream.of("套", "户")
                .filter(u -> programs.stream().anyMatch(p -> (p.equals("OLD_COMMUNITY") ? "户" : "套").equals(u)))
                .collect(Collectors.joining("、"));
        return java.util.Optional.of(new BulletinTable("", d.period().getYear() + "年" + span(d) + d.scopeLabel()
                + "保障性安居工程项目进展情况", "单位：" + units, List.of(r1, r2, r3), rows, note(rows)));
    }

    private java.util.Optional<BulletinTable> subsidyTable(Data d) {
        return simpleTable(d, ISSUED, ISSUED, "租赁补贴发放情况", "任务数", "已发放户数", "完成率", "单位：户",
                d.period().getYear() + "年" + d.period().getMonthValue() + "月底租赁补贴发放情况", true);
    }

    private java.util.Optional<BulletinTable> fundTable(Data d) {
        return simpleTable(d, RECEIVED, SPENT, "保障性安居工程资金到位及支出情况", "到位资金", "支出", "支出率", "单位：万元",
                d.period().getYear() + "年" + d.period().getMonthValue() + "月底保障性安居工程资金支出情况", false);
    }

    /** 地区 | group (任务/基数, 实际, 率): two header rows. */
    private java.util.Optional<BulletinTable> simpleTable(Data d, String baseCode, String actualCode, String group,
                                                          String baseHeader, String actualHeader, String rateHeader,
                                                          String unitLine, String title, boolean baseIsTarget) {
        Function<ProgressSummary, BigDecimal> base = s -> baseIsTarget ? s.target(baseCode) : s.actual(baseCode);
        if (base.apply(d.total()) == null && d.total().actual(actualCode) == null) {
            return java.util.Optional.empty();
        }
        List<List<HeaderCell>> header = List.of(
                List.of(new HeaderCell("地区", 1, 2), new HeaderCell(group, 3, 1)),
                List.of(HeaderCell.of(baseHeader), HeaderCell.of(actualHeader), HeaderCell.of(rateHeader)));
        List<List<String>> rows = new ArrayList<>();
        for (ProgressSummary s : withTotal(d)) {
            if (base.apply(s) == null && s.actual(actualCode) == null) {
                continue;
            }
            rows.add(List.of(label(d, s), figOrBlank(base.apply(s)), actual(s, actualCode), rate(s, actualCode)));
        }
        return java.util.Optional.of(new BulletinTable("", title, unitLine, header, rows, note(rows)));
    }

    // --------------------------------------------------------------------------------------- helpers

    private String startCode(String program) {
        return progress.indicators().program(program)
                .flatMap(p -> progress.indicators().find(program, "START", p.defaultMeasure()))
                .map(i -> i.code()).orElse(null);
    }

    private static List<ProgressSummary> withTotal(Data d) {
        List<ProgressSummary> list = new ArrayList<>();
        list.add(d.total());
        list.addAll(d.units());
        return list;
    }

    private static String label(Data d, ProgressSummary s) {
        return s.regionCode().equals(d.scope().code()) ? d.scopeLabel() : s.regionName();
    }

    private static String span(Data d) {
        return d.period().getMonthValue() == 1 ? "1月" : "1—" + d.period().getMonthValue() + "月";
    }

    /** A rate as the 通报 prints it: 未报 for a unit whose month is not in the sums, never 0.0%. */
    private static String rate(ProgressSummary s, String code) {
        return s.unreported() ? ProgressLine.UNREPORTED : Rates.format(s.rate(code));
    }

    /** An actual as the 通报 prints it: 0 for a unit that reported none, 未报 for one that did not report. */
    private static String actual(ProgressSummary s, String code) {
        return s.unreported() ? ProgressLine.UNREPORTED : fig(nz(s.actual(code)));
    }

    /** The table's 备注, with the legend of 未报 where a row has it. */
    private static String note(List<List<String>> rows) {
        boolean unreported = rows.stream().anyMatch(r -> r.contains(ProgressLine.UNREPORTED));
        return "备注：县区排名不分先后。" + (unreported ? "“未报”表示该单位未报送本月数据（不是0）。" : "");
    }

    /** "（7个单位中5个已报送，合计只含已报送单位）" after a total over some of its units. */
    private static String partial(ProgressSummary s) {
        return s.reported() < s.expected() ? "（" + s.expected() + "个单位中" + s.reported() + "个已报送，合计和比率只含已报送单位）" : "";
    }

    private static String fig(BigDecimal v) {
        return Rates.figure(v);
    }

    private static String figOrBlank(BigDecimal v) {
        return v == null ? "" : Rates.figure(v);
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    static boolean isGroup(Region r) {
        return r.kind() == RegionKind.GROUP;
    }
}
