package org.anju.bulletin;

import org.anju.bulletin.BulletinFigures.CarriedOver;
import org.anju.bulletin.BulletinFigures.Count;
import org.anju.bulletin.BulletinFigures.Entry;
import org.anju.bulletin.BulletinFigures.Funds;
import org.anju.bulletin.BulletinFigures.Header;
import org.anju.bulletin.BulletinFigures.Problems;
import org.anju.bulletin.BulletinFigures.Program;
import org.anju.bulletin.BulletinFigures.ProgramProgress;
import org.anju.bulletin.BulletinFigures.Reporting;
import org.anju.bulletin.BulletinFigures.Scope;
import org.anju.bulletin.BulletinFigures.Subsidy;
import org.anju.progress.Rates;
import org.anju.region.RegionKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A bulletin's sentences from its {@link BulletinFigures}: which sentence and which clauses a figure calls for is
 * decided here, the words are {@link BulletinWording}'s. Figures print as {@link Rates} prints them (9223, 1092.28,
 * 54.0%, — for no rate).
 */
final class BulletinProse {

    /** 一 … 十二: numbering of subsections and problems. */
    static final String[] NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};

    private final BulletinWording w;

    BulletinProse(BulletinWording wording) {
        this.w = wording;
    }

    // ------------------------------------------------------------------------------------------------ 文头

    /**
     * 全市, or the region's own name for a kind the wording has no name for (开发区, 片区); by the name's last
     * character where the wording says (甘州区 → 全区, 玉门市 → 全市, a 旗 → 全旗).
     */
    String scopeLabel(RegionKind kind, String regionName) {
        String own = "scope." + kind + "." + regionName.substring(regionName.length() - 1);
        if (w.has(own)) {
            return w.fill(own);
        }
        return w.has("scope." + kind) ? w.fill("scope." + kind) : regionName;
    }

    /** The default 发文机关: 张掖市住房和城乡建设局, 甘肃省住房和城乡建设厅, 北京市住房和城乡建设委员会. */
    String issuer(RegionKind kind, String regionName) {
        String own = "issuer." + kind + "." + regionName.substring(regionName.length() - 1);
        String key = w.has(own) ? own : w.has("issuer." + kind) ? "issuer." + kind : "issuer.other";
        return w.fill(key, "地区", regionName);
    }

    /**
     * What kinds of unit a bulletin addresses, from their names (the region data, not a list of provinces): for a
     * province, which of 州 (自治州), 盟, 地区 it has besides 市 ("" when only 市: 江西省); for a city, which of 县, 市
     * (县级市), 区, 旗 its county-level units are (张掖市: 县区). Other kinds: "".
     */
    static String unitsKey(RegionKind scopeKind, List<String> unitNames) {
        List<String> order = switch (scopeKind) {
            case PROVINCE -> List.of("州", "盟", "地区");
            case PREFECTURE -> List.of("县", "市", "区", "旗");
            default -> List.of();
        };
        StringBuilder key = new StringBuilder();
        for (String suffix : order) {
            if (unitNames.stream().anyMatch(n -> n.endsWith(suffix))) {
                key.append(suffix);
            }
        }
        return key.toString();
    }

    String title(Header h) {
        return w.fill("title", "年份", h.scope().year(), "时段", span(h.scope()), "范围", h.scope().label());
    }

    String opening(Header h) {
        return w.fill("opening", "时段", span(h.scope()), "范围", h.scope().label());
    }

    /** 主送: by the region's kind and the kinds of unit it addresses ({@link Header#units}); 市本级 added after. */
    String addressee(Header h) {
        String key = "addressee." + h.kind();
        if (!w.has(key)) {
            return w.fill("addressee.other");
        }
        String text;
        if (h.units() != null && !h.units().isEmpty()) {
            String own = key + "." + h.units();
            text = w.has(own) ? w.fill(own) : w.has(key + ".other") ? w.fill(key + ".other") : w.fill(key);
        } else {
            text = w.fill(key);
        }
        if (h.cityLevel() && w.has(key + ".cityLevel") && text.endsWith("：")) {
            text = text.substring(0, text.length() - 1) + w.fill(key + ".cityLevel") + "：";
        }
        return text;
    }

    private String span(Scope s) {
        return s.month() == 1 ? w.fill("span.january") : w.fill("span.months", "月份", s.month());
    }

    /** 一、目标任务及进展情况 with the sections numbered （一）（二）…, and 二、存在的问题. */
    List<Bulletin.Section> body(List<Bulletin.Section> progress, List<String> problems) {
        List<Bulletin.Section> numbered = new ArrayList<>();
        for (int i = 0; i < progress.size(); i++) {
            Bulletin.Section s = progress.get(i);
            numbered.add(new Bulletin.Section(w.fill("section.numbered", "序号", NUMBERS[i], "标题", s.heading()),
                    s.paragraphs(), List.of()));
        }
        return List.of(new Bulletin.Section(w.fill("section.progress"),
                        numbered.isEmpty() ? List.of(w.fill("progress.none")) : List.of(), numbered),
                new Bulletin.Section(w.fill("section.problems"), problems.isEmpty() ? List.of(w.fill("problem.none")) : problems,
                        List.of()));
    }

    // ------------------------------------------------------------------------------------- 各类工程

    Bulletin.Section program(Program f) {
        String code = f.code();
        String name = w.has("program." + code + ".name") ? w.fill("program." + code + ".name") : f.catalogName();
        String measure = w.forProgram(code, "measure");
        String task = w.forProgram(code, "task", "名称", name, "任务量", fig(f.target()), "计量单位", measure,
                "项目", f.projects() > 0 ? w.forProgram(code, "projects", "项目数", f.projects()) : "",
                "小区", communities(code, f.communitiesTarget()));
        String progress = f.total() == null ? w.fill("unreported.all")
                : w.forProgram(code, "progress", programProgress(code, "progress", f.total(), measure, f.reporting()).toArray());
        List<String> units = new ArrayList<>();
        for (BulletinFigures.ProgramUnit u : f.units()) {
            List<Object> blanks = programProgress(code, "unit", u.progress(), measure, null);
            blanks.addAll(List.of("地区", u.name()));
            units.add(w.forProgram(code, "unit", blanks.toArray()));
        }
        if (f.total() != null && !f.unreported().isEmpty()) {
            units.add(unreported(f.unreported()));
        }
        String paragraph = w.forProgram(code, "paragraph", "年份", f.scope().year(), "范围", f.scope().label(),
                "计划投资", f.plannedInvestment() == null ? "" : w.forProgram(code, "plannedInvestment", "计划投资", fig(f.plannedInvestment())),
                "任务", task, "月份", f.scope().month(), "进展", progress, "其中", units(units),
                "续建结转", carriedOver(f, name, measure));
        return new Bulletin.Section(w.forProgram(code, "heading", "名称", name), List.of(paragraph), List.of());
    }

    /** The blanks of program.progress (the total) or program.unit (a unit): 开工, 投资, 基本建成 (完工). */
    private List<Object> programProgress(String code, String key, ProgramProgress p, String measure, Reporting reporting) {
        String stage = w.forProgram(code, "stage");
        Count investment = p.investment();
        Count basic = p.stage();
        return new ArrayList<>(List.of("小区", communities(code, p.communities()), "开工量", fig(p.started().amount()),
                "计量单位", measure, "开工率", rate(p.started().rate()),
                "投资", investment == null ? "" : w.forProgram(code, key + ".investment", "完成投资", fig(investment.amount()),
                        "完成投资率", rate(investment.rate())),
                "建成", basic == null ? "" : w.forProgram(code, key + ".stage", "阶段", stage, "阶段量", fig(basic.amount()),
                        "计量单位", measure, "阶段率", rate(basic.rate())),
                "部分报送", reporting == null ? "" : partial(reporting)));
    }

    private String communities(String code, BigDecimal communities) {
        return communities == null ? "" : w.forProgram(code, "communities", "小区数", fig(communities));
    }

    /**
     * 续建结转 finished this year, as seed 004 states it: "高台县、山丹县续建结转5402户城镇老旧小区改造任务已全面完工。";
     * a unit with some still open is named with what is done.
     */
    private String carriedOver(Program f, String name, String measure) {
        if (f.carriedOver().isEmpty()) {
            return "";
        }
        String code = f.code();
        String done = w.forProgram(code, "done");
        if (f.carriedOver().stream().allMatch(CarriedOver::allCompleted)) {
            return w.forProgram(code, "carriedOver.allDone", "地区名单", names(f.carriedOver().stream().map(CarriedOver::region).toList()),
                    "规模", fig(f.carriedOverSize()), "计量单位", measure, "名称", name, "完成", done);
        }
        List<String> units = f.carriedOver().stream().map(c -> w.forProgram(code, "carriedOver.unit", "地区", c.region(),
                "名称", name, "规模", fig(c.size()), "计量单位", measure, "完成", c.allCompleted() ? done
                        : w.forProgram(code, "partlyDone", "数量", fig(c.completed()), "计量单位", measure))).toList();
        return w.forProgram(code, "carriedOver.units", "各单位", parts(units));
    }

    // ------------------------------------------------------------------------------------- 租赁补贴

    Bulletin.Section subsidy(Subsidy f) {
        Scope s = f.scope();
        String target = f.target() == null ? ""
                : w.fill("subsidy.target", "年份", s.year(), "范围", s.label(), "任务量", fig(f.target()));
        String progress = f.total() == null
                ? w.fill(f.reporting().reported() > 0 ? "subsidy.unfilled.all" : "unreported.all")
                : w.fill(f.total().issued().rateUnfilled() ? "subsidy.progress.unfilled"
                        : f.total().issued().rate() == null ? "subsidy.progress.noTask" : "subsidy.progress",
                "发放户数", fig(f.total().issued().amount()), "完成率", rate(f.total().issued().rate()),
                "金额", f.total().amount() == null ? "" : w.fill("subsidy.progress.amount", "发放金额", fig(f.total().amount())),
                "部分报送", partial(f.reporting()));
        List<String> units = new ArrayList<>(f.units().stream().map(u -> w.fill(u.issued().rateUnfilled() ? "subsidy.unit.unfilled"
                : u.issued().rate() == null ? "subsidy.unit.noTask" : "subsidy.unit", "地区", u.name(), "发放户数", fig(u.issued().amount()), "完成率", rate(u.issued().rate()))).toList());
        if (f.total() != null && !f.unreported().isEmpty()) {
            units.add(unreported(f.unreported()));
        }
        if (f.total() != null && !f.unfilled().isEmpty()) {
            units.add(unfilled(f.unfilled(), "subsidy.item"));
        }
        String online = f.paying() > 0 && f.onlineReported() ? online(f) : "";
        String paragraph = w.fill("subsidy.paragraph", "任务", target, "月份", s.month(), "范围", s.label(), "进展", progress,
                "其中", units(units), "线上发放", online);
        return new Bulletin.Section(w.fill("subsidy.heading"), List.of(paragraph), List.of());
    }

    /**
     * What the paragraph says of online payment: who does not pay every household online; else that all do — of the
     * units whose figure is whole only, and "各县区均" only when every unit reported (a unit that did not report, or left
     * the item blank, is in no list, and what it paid online is not known); then who left it blank, in whole or in part.
     */
    private String online(Subsidy f) {
        int unknown = f.onlineUnfilled().size() + f.onlinePartly().size();
        String online;
        if (!f.notOnline().isEmpty()) {
            online = w.fill("subsidy.online.notAll", "地区名单", names(f.notOnline()));
        } else if (unknown > 0) {
            online = f.paying() > unknown ? w.fill("subsidy.online.allFilled") : "";
        } else {
            boolean everyUnit = f.unreported().isEmpty() && (f.reporting() == null || !f.reporting().partial());
            online = w.fill(everyUnit ? "subsidy.online.all" : "subsidy.online.allReported");
        }
        if (!f.onlineUnfilled().isEmpty()) {
            online += w.fill("subsidy.online.unfilled", "地区名单", names(f.onlineUnfilled()));
        }
        if (!f.onlinePartly().isEmpty()) {
            online += w.fill("subsidy.online.partly", "地区名单", names(f.onlinePartly()));
        }
        return online;
    }

    // ----------------------------------------------------------------------------------------- 资金

    Bulletin.Section funds(Funds f) {
        List<String> sources = f.sources().stream().map(x -> w.fill("funds.source", "来源", x.name(), "金额", fig(x.amount()))).toList();
        List<String> units = new ArrayList<>(f.units().stream().map(u -> w.fill("funds.unit", "地区", u.name(),
                "到位资金", fig(u.received()), "拨付", u.disbursed() == null ? "" : w.fill("funds.unit.disbursed",
                        "拨付", fig(u.disbursed().amount()), "拨付率", rate(u.disbursed())))).toList());
        if (!f.unreported().isEmpty()) {
            units.add(unreported(f.unreported()));
        }
        if (!f.unfilled().isEmpty()) {
            units.add(unfilled(f.unfilled(), "funds.item"));
        }
        String paragraph = w.fill("funds.paragraph", "月份", f.scope().month(), "范围", f.scope().label(),
                "到位资金", fig(f.received()),
                "来源", sources.isEmpty() ? "" : w.fill("funds.sources", "各来源", names(sources)),
                "拨付", f.disbursed() == null ? "" : w.fill("funds.disbursed", "拨付", fig(f.disbursed().amount()),
                        "拨付率", rate(f.disbursed())),
                "支出", f.spent() == null ? "" : w.fill("funds.spent", "支出", fig(f.spent().amount()), "支出率", rate(f.spent())),
                "部分报送", partial(f.reporting()), "其中", units(units));
        return new Bulletin.Section(w.fill("funds.heading"), List.of(paragraph), List.of());
    }

    // ------------------------------------------------------------------------------------- 信息录入

    Bulletin.Section entry(Entry f) {
        List<String> units = f.units().stream().map(u -> w.fill("entry.unit", "地区", u.name(),
                "新增", u.added() == null ? w.fill("entry.unit.added.unfilled") : w.fill("entry.unit.added", "新增户数", fig(u.added())),
                "录入情况", u.entered() == null ? w.fill("entry.unit.entered.unfilled")
                        : u.allEntered() ? w.fill("entry.unit.allEntered")
                        : u.added() == null ? w.fill("entry.unit.entered.noRate", "录入户数", fig(u.entered()))
                        : u.partlyUnfilled() ? w.fill("entry.unit.entered.partly", "录入户数", fig(u.entered()))
                        : w.fill("entry.unit.entered", "录入户数", fig(u.entered()), "录入率", rate(u.entryRate())),
                "腾退", u.vacated() == null ? "" : w.fill("entry.unit.vacated", "腾退套数", fig(u.vacated())),
                "分配入住", u.allocationRate() == null ? "" : w.fill("entry.unit.occupancy", "分配率", rate(u.allocationRate()),
                        "入住率", rate(u.occupancyRate())))).toList();
        String paragraph = w.fill("entry.paragraph", "月份", f.scope().month(), "各单位", parts(units));
        return new Bulletin.Section(w.fill("entry.heading"), List.of(paragraph), List.of());
    }

    // ------------------------------------------------------------------------------ 审计问题及信访投诉

    /** Section (七) from the ledgers; a part without items is left out, the section too when both are empty. */
    java.util.Optional<Bulletin.Section> ledgers(BulletinFigures.Ledgers f) {
        List<String> paragraphs = new ArrayList<>();
        if (!f.audits().isEmpty()) {
            StringBuilder items = new StringBuilder();
            for (BulletinFigures.AuditItem a : f.audits()) {
                String state = a.closed() ? w.fill("ledger.audit.state.closed")
                        : a.overdue() ? w.fill("ledger.audit.state.overdue") : w.fill("ledger.audit.state.open", "状态", a.state());
                items.append(w.fill("ledger.audit.item", "事项", sentence(a.title()),
                        "措施", a.measures() == null ? "" : w.fill("ledger.audit.measures", "整改措施", sentence(a.measures())),
                        "进展", a.note() == null ? "" : w.fill("ledger.audit.progress", "进展", sentence(a.note())),
                        "期限", date(a.deadline()), "月份", f.scope().month(), "状态", state));
            }
            paragraphs.add(w.fill("ledger.audit", "各事项", items.toString()));
        }
        if (!f.petitions().isEmpty()) {
            List<String> inTime = new ArrayList<>(), late = new ArrayList<>();
            StringBuilder open = new StringBuilder();
            for (BulletinFigures.PetitionItem p : f.petitions()) {
                if (p.closed()) {
                    (p.inTime() ? inTime : late).add(w.fill("ledger.petition.name", "地区", p.region(), "事项", p.title()));
                } else if (p.unit() == null) {
                    open.append(w.fill("ledger.petition.open.noUnit", "地区", p.region(), "事项", p.title()));
                } else {
                    open.append(w.fill("ledger.petition.open", "地区", p.region(), "事项", p.title(), "单位", p.unit()));
                }
            }
            String closed = (inTime.isEmpty() ? "" : w.fill("ledger.petition.closed.inTime", "事项名单", names(inTime)))
                    + (late.isEmpty() ? "" : w.fill("ledger.petition.closed.late", "事项名单", names(late)));
            paragraphs.add(w.fill("ledger.petition", "已办结", closed, "未办结", open.toString()));
        }
        return paragraphs.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new Bulletin.Section(w.fill("ledger.heading"), paragraphs, List.of()));
    }

    /** Problem 三 from the items overdue at the month's end, or null when none. */
    private String ledgerProblem(List<BulletinFigures.LateItem> late) {
        if (late.isEmpty()) {
            return null;
        }
        return w.fill("problem.ledger", "各事项", parts(late.stream().map(l -> l.audit()
                ? w.fill("problem.ledger.audit", "单位", l.unit() == null ? "" : l.unit(), "地区", l.region(), "事项", l.title(),
                "期限", date(l.deadline()))
                : w.fill("problem.ledger.petition", "单位", l.unit() == null ? "" : l.unit(), "地区", l.region(), "事项", l.title(),
                "期限", date(l.deadline()))).toList()));
    }

    private String date(java.time.LocalDate d) {
        return w.fill("ledger.date", "年", d.getYear(), "月", d.getMonthValue(), "日", d.getDayOfMonth());
    }

    /** Text without its closing 。；， so that the wording's own punctuation follows it. */
    private static String sentence(String text) {
        String t = text.strip();
        while (!t.isEmpty() && "。；，;,.".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    // ------------------------------------------------------------------------------------- 存在的问题

    /** The problems found, numbered 一是…, 二是…; empty when none. */
    List<String> problems(Problems f) {
        return problems(f, List.of());
    }

    /**
     * The region's name to print before a project's, without what the project's name repeats: nothing for 甘州区 before
     * 甘州区…; 张掖 before 市本级公租房 for 张掖市本级 (it printed "张掖市本级市本级公租房"). Two characters at least: 高台县
     * before 县城… keeps its 县.
     */
    static String regionBefore(String region, String project) {
        if (project.startsWith(region)) {
            return "";
        }
        for (int k = Math.min(region.length(), project.length()) - 1; k >= 2; k--) {
            if (region.endsWith(project.substring(0, k))) {
                return region.substring(0, region.length() - k);
            }
        }
        return region;
    }

    /** The problems found with 三是 审计及信访投诉 from the ledgers' overdue items (after 进展缓慢, as seed 004 has it). */
    List<String> problems(Problems f, List<BulletinFigures.LateItem> ledgerLate) {
        Scope s = f.scope();
        List<String> found = new ArrayList<>();
        if (!f.belowAverage().isEmpty()) {
            found.add(w.fill("problem.disbursement", "范围", s.label(), "平均拨付率", rate(f.averageDisbursement()),
                    "各单位", names(f.belowAverage().stream().map(u -> w.fill("problem.disbursement.unit", "地区", u.name(),
                            "拨付率", rate(u.rate()))).toList())));
        }
        if (!f.stalled().isEmpty()) {
            found.add(w.fill("problem.stalled", "各项目", parts(f.stalled().stream().map(p -> w.fill("problem.stalled.project",
                    "地区", regionBefore(p.region(), p.name()), "项目", p.name(),
                    "续建", p.carriedOver() && !p.name().contains("续建") ? w.fill("problem.stalled.carriedOver") : "",
                    "原因", names(p.reasons()))).toList())));
        }
        String ledger = ledgerProblem(ledgerLate);
        if (ledger != null) {
            found.add(ledger);
        }
        if (!f.overdue().isEmpty()) {
            found.add(w.fill(f.overdue().size() > 1 ? "problem.overdue.many" : "problem.overdue.one", "月份", s.month(),
                    "各项目", parts(f.overdue().stream().map(o -> w.fill("problem.overdue.project", "地区", o.where(),
                            "项目", o.name(), "规模", o.size(), "年", o.dueOn().getYear(), "月", o.dueOn().getMonthValue(),
                            "日", o.dueOn().getDayOfMonth())).toList())));
        }
        if (!f.lagging().isEmpty() && tooLong(f.lagging().stream().map(BulletinFigures.Lagging::region).distinct().count())
                && !f.laggingAreas().isEmpty()) {
            found.add(w.fill("problem.lagging.grouped", "单位数", f.lagging().stream().map(BulletinFigures.Lagging::region).distinct().count(),
                    "条数", f.lagging().size(), "各地区", areas("problem.lagging.group", f.laggingAreas())));
        } else if (!f.lagging().isEmpty()) {
            found.add(w.fill("problem.lagging", "各单位", parts(f.lagging().stream().map(l -> w.fill("problem.lagging.unit",
                    "地区", l.region(), "指标", l.indicator(), "比率名称", l.rateName(), "比率", rate(l.rate()),
                    "序时进度", Rates.figure(l.expected()) + "%",
                    "依据", l.basis() == null ? "" : w.fill("problem.lagging.milestone", "计划依据", l.basis()))).toList())));
        }
        if (!f.milestones().isEmpty()) {
            found.add(w.fill("problem.milestone", "各单位", parts(f.milestones().stream().map(m -> w.fill("problem.milestone.unit",
                    "地区", m.region(), "指标", m.indicator(), "日期", m.dueOn(), "年", m.dueOn().getYear(),
                    "月", m.dueOn().getMonthValue(), "日", m.dueOn().getDayOfMonth(), "要求", fig(m.threshold()),
                    "比率", rate(m.rate()), "计划", m.plan())).toList())));
        }
        if (!f.missing().isEmpty() && tooLong(f.missing().size()) && !f.missingAreas().isEmpty()) {
            found.add(w.fill("problem.missing.grouped", "单位数", f.missing().size(), "月份", s.month(),
                    "各地区", areas("problem.missing.group", f.missingAreas())));
        } else if (!f.missing().isEmpty()) {
            found.add(w.fill("problem.missing", "地区名单", names(f.missing()), "月份", s.month()));
        }
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            numbered.add(w.fill("problem.numbered", "序号", NUMBERS[i], "问题", found.get(i)));
        }
        return numbered;
    }

    // ----------------------------------------------------------------------------------------- 通用

    /** The longest list of units a bulletin names one by one ({@code list.limit}); longer lists are summed by area. */
    int listLimit() {
        return Integer.parseInt(w.fill("list.limit").strip());
    }

    private boolean tooLong(long count) {
        return count > listLimit();
    }

    private String areas(String key, List<BulletinFigures.Area> areas) {
        return names(areas.stream().map(a -> w.fill(key, "地区", a.name(), "个数", a.count())).toList());
    }

    /** 其中：…。 over the units' clauses, or nothing without any. */
    private String units(List<String> clauses) {
        return clauses.isEmpty() ? "" : w.fill("units", "各单位", parts(clauses));
    }

    private String unreported(List<String> names) {
        return w.fill("units.unreported", "地区名单", names(names));
    }

    /** "临泽县、高台县月报未填写已发放户数": units that reported and left the item blank, never "0户". */
    private String unfilled(List<String> names, String itemKey) {
        return w.fill("units.unfilled", "地区名单", names(names), "项目", w.fill(itemKey));
    }

    /** "（7个单位中5个已报送，合计和比率只含已报送单位）" after a total over some of its units. */
    private String partial(Reporting r) {
        return r.partial() ? w.fill("partial", "应报", r.expected(), "已报", r.reported()) : "";
    }

    private String names(List<String> names) {
        return w.join("join.names", names);
    }

    private String parts(List<String> parts) {
        return w.join("join.parts", parts);
    }

    private static String fig(BigDecimal v) {
        return Rates.figure(v);
    }

    private static String rate(BigDecimal rate) {
        return Rates.format(rate);
    }

    /** A count's rate; where a unit left its figure or base blank there is none, and the text says why, not "—". */
    private String rate(Count c) {
        return c.rateUnfilled() ? w.fill("rate.unfilled") : rate(c.rate());
    }
}
