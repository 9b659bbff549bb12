package org.anju.ledger.expropriation;

import org.anju.calendar.Counting;
import org.anju.platform.BadInput;
import org.anju.platform.Conflict;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of 《国有土地上房屋征收与补偿条例》 a project records, and the checks each must pass before it is recorded:
 * the steps it needs first and the dates the articles allow. Pure; the messages cite the article.
 */
public final class Reg590 {

    /** 第十条: 征求意见期限不得少于30日 (national law, not a city setting). */
    public static final int MIN_COMMENT_DAYS = 30;

    public static final Set<String> VALUER_METHODS = Set.of("协商选定", "多数决定", "随机选定");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private Reg590() {
    }

    public enum Stage {
        PLAN_PUBLISHED("补偿方案公布征求意见", "第十条", "公布日期", "征求意见截止日期"),
        COMMENTS_PUBLISHED("征求意见情况公布", "第十一条", "公布日期", null),
        HEARING("听证会", "第十一条", "听证日期", null),
        RISK_ASSESSMENT("社会稳定风险评估", "第十二条", "评估完成日期", null),
        FUNDS("补偿费用足额到位、专户存储", "第十二条", "到位日期", null),
        DECISION("征收决定及公告", "第十三条", "决定日期", "公告日期"),
        SURVEY_PUBLISHED("调查登记结果公布", "第十五条", "公布日期", null),
        VALUER_CHOSEN("评估机构选定", "第十九条、第二十条", "选定日期", null),
        SIGNING_PERIOD("签约期限", "第二十六条", "起始日期", "截止日期"),
        PUBLISHED("分户补偿情况公布", "第二十九条", "公布日期", null);

        private final String label;
        private final String article;
        private final String onLabel;
        private final String secondLabel;

        Stage(String label, String article, String onLabel, String secondLabel) {
            this.label = label;
            this.article = article;
            this.onLabel = onLabel;
            this.secondLabel = secondLabel;
        }

        public String label() {
            return label;
        }

        public String article() {
            return article;
        }

        public String onLabel() {
            return onLabel;
        }

        public String secondLabel() {
            return secondLabel;
        }

        public static Stage parse(String text) {
            for (Stage s : values()) {
                if (s.name().equals(text) || s.label.equals(text)) {
                    return s;
                }
            }
            return null;
        }
    }

    /**
     * A recorded step.
     *
     * @param docNo 征收决定的文号, 专户 for FUNDS, the agency for VALUER_CHOSEN
     * @param note  风险评估结论, 评估机构选定方式 (协商选定/多数决定/随机选定), remarks
     * @param flag  for COMMENTS_PUBLISHED: whether most owners found the plan not in line with the regulation
     */
    public record Step(Stage stage, LocalDate on, LocalDate second, String docNo, String note, Boolean flag) {
    }

    /** How many days a period covers, both ends stated, counted as {@code counting} says. */
    public static long days(LocalDate first, LocalDate last, Counting counting) {
        return ChronoUnit.DAYS.between(counting.firstDay(first), last) + 1;
    }

    /** Whether a hearing is required before the decision (Art.11): 旧城区改建 and most owners object. */
    public static boolean hearingRequired(ProjectType type, Map<Stage, Step> done) {
        Step c = done.get(Stage.COMMENTS_PUBLISHED);
        return type == ProjectType.OLD_TOWN && c != null && Boolean.TRUE.equals(c.flag());
    }

    /**
     * Checks a step before it is recorded.
     *
     * @param unsigned households neither signed nor under a 补偿决定 (for PUBLISHED)
     * @throws BadInput for a missing or malformed field
     * @throws Conflict for a step out of order or too early, citing the article
     */
    public static void check(ProjectType type, Counting counting, Map<Stage, Step> done, Step step, LocalDate today,
                             long unsigned) {
        Stage s = step.stage();
        if (step.on() == null) {
            throw new BadInput(s.label() + "须填写" + s.onLabel());
        }
        if (done.containsKey(s)) {
            throw new Conflict(s.label() + "已于" + DAY.format(done.get(s).on()) + "登记，不能重复登记");
        }
        if (step.on().isAfter(today)) {
            throw new BadInput(s.label() + "的" + s.onLabel() + "（" + DAY.format(step.on()) + "）晚于今天：只能登记已经发生的步骤");
        }
        if (s.secondLabel() != null && step.second() == null) {
            throw new BadInput(s.label() + "须填写" + s.secondLabel());
        }
        if (s.secondLabel() != null && step.second().isBefore(step.on())) {
            throw new BadInput(s.label() + "的" + s.secondLabel() + "不能早于" + s.onLabel());
        }
        switch (s) {
            case PLAN_PUBLISHED -> {
                long n = days(step.on(), step.second(), counting);
                if (n < MIN_COMMENT_DAYS) {
                    LocalDate earliest = counting.firstDay(step.on()).plusDays(MIN_COMMENT_DAYS - 1);
                    throw new Conflict("征求意见期限不得少于30日（条例第十条）：" + DAY.format(step.on()) + "至"
                            + DAY.format(step.second()) + "，按“" + counting.label() + "”计为 " + n + " 日；征求意见截止日期最早为"
                            + DAY.format(earliest));
                }
            }
            case COMMENTS_PUBLISHED -> {
                Step plan = need(done, Stage.PLAN_PUBLISHED, s);
                if (!step.on().isAfter(plan.second())) {
                    throw new Conflict("征求意见情况须在征求意见期限届满后公布（条例第十一条）：征求意见至" + DAY.format(plan.second())
                            + "，公布日期应晚于该日");
                }
                if (type == ProjectType.OLD_TOWN && step.flag() == null) {
                    throw new BadInput("旧城区改建项目须说明多数被征收人是否认为补偿方案不符合条例规定（条例第十一条：是则须组织听证会）");
                }
            }
            case HEARING -> {
                Step c = need(done, Stage.COMMENTS_PUBLISHED, s);
                before(c, step, s);
            }
            case RISK_ASSESSMENT -> {
                need(done, Stage.PLAN_PUBLISHED, s);
                if (blank(step.note())) {
                    throw new BadInput("社会稳定风险评估须填写评估结论（如“低风险”）");
                }
            }
            case FUNDS -> {
                need(done, Stage.PLAN_PUBLISHED, s);
                if (blank(step.docNo())) {
                    throw new BadInput("补偿费用须专户存储（条例第十二条）：请填写专户（开户单位、开户行）");
                }
            }
            case DECISION -> {
                Step plan = need(done, Stage.PLAN_PUBLISHED, s);
                if (!step.on().isAfter(plan.second())) {
                    throw new Conflict("征收补偿方案的征求意见期限至" + DAY.format(plan.second()) + "届满（条例第十条：不得少于30日），"
                            + "征收决定不能早于届满的次日；现为" + DAY.format(step.on()));
                }
                Step comments = need(done, Stage.COMMENTS_PUBLISHED, s);
                Step risk = need(done, Stage.RISK_ASSESSMENT, s);
                Step funds = need(done, Stage.FUNDS, s);
                if (hearingRequired(type, done)) {
                    before(need(done, Stage.HEARING, s, "旧城区改建项目多数被征收人认为方案不符合条例规定，须先组织听证会（条例第十一条）"),
                            step, s);
                }
                before(comments, step, s);
                before(risk, step, s);
                before(funds, step, s);
                if (blank(step.docNo())) {
                    throw new BadInput("征收决定须填写文号（条例第十三条）");
                }
                if (step.second().isAfter(today)) {
                    throw new BadInput("征收决定的公告日期晚于今天：只能登记已经发布的公告");
                }
            }
            case SURVEY_PUBLISHED -> {
                // 条例第十五条: 调查登记 may precede the decision (the plan rests on it); only its publication is recorded
            }
            case VALUER_CHOSEN -> {
                Step decision = need(done, Stage.DECISION, s, "评估以房屋征收决定公告之日为价值时点（条例第十九条），须先登记征收决定及公告");
                if (step.on().isBefore(decision.second())) {
                    throw new Conflict("评估机构选定不能早于征收决定公告日期" + DAY.format(decision.second()) + "（条例第十九条、第二十条）");
                }
                if (blank(step.docNo())) {
                    throw new BadInput("请填写选定的房地产价格评估机构名称");
                }
                if (step.note() == null || !VALUER_METHODS.contains(step.note().strip())) {
                    throw new BadInput("评估机构的选定方式应为 协商选定、多数决定 或 随机选定（条例第二十条），现为“"
                            + (step.note() == null ? "" : step.note().strip()) + "”");
                }
            }
            case SIGNING_PERIOD -> {
                Step decision = need(done, Stage.DECISION, s, "签约须在房屋征收决定公告之后（条例第十三条、第二十五条），请先登记征收决定及公告");
                need(done, Stage.SURVEY_PUBLISHED, s);
                need(done, Stage.VALUER_CHOSEN, s);
                if (step.on().isBefore(decision.second())) {
                    throw new Conflict("签约期限不能早于征收决定公告日期" + DAY.format(decision.second()) + "开始（条例第十三条）");
                }
            }
            case PUBLISHED -> {
                Step period = need(done, Stage.SIGNING_PERIOD, s);
                if (!step.on().isAfter(period.second())) {
                    throw new Conflict("分户补偿情况在签约期限（至" + DAY.format(period.second()) + "）届满后公布（条例第二十九条）");
                }
                if (unsigned > 0) {
                    throw new Conflict("还有 " + unsigned + " 户既未签订补偿协议也未作出补偿决定（条例第二十六条），分户补偿情况尚不完整，不能公布");
                }
            }
        }
    }

    private static Step need(Map<Stage, Step> done, Stage required, Stage s) {
        return need(done, required, s, null);
    }

    private static Step need(Map<Stage, Step> done, Stage required, Stage s, String why) {
        Step r = done.get(required);
        if (r == null) {
            throw new Conflict(why != null ? why : "登记" + s.label() + "（条例" + s.article() + "）之前须先登记" + required.label()
                    + "（条例" + required.article() + "）");
        }
        return r;
    }

    private static void before(Step earlier, Step step, Stage s) {
        if (step.on().isBefore(earlier.on())) {
            throw new Conflict(s.label() + "的" + s.onLabel() + "（" + DAY.format(step.on()) + "）不能早于" + earlier.stage().label()
                    + "（" + DAY.format(earlier.on()) + "）");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** One line of the timeline: a stage, done or not, required or not, and what allows it next. */
    public record TimelineEntry(Stage stage, Step step, boolean required, String check) {
    }

    /** The stages in order with what each checks, for the project page. */
    public static List<TimelineEntry> timeline(ProjectType type, Counting counting, Map<Stage, Step> done) {
        List<TimelineEntry> out = new ArrayList<>();
        for (Stage s : Stage.values()) {
            Step st = done.get(s);
            boolean required = s != Stage.HEARING || hearingRequired(type, done);
            String check = switch (s) {
                case PLAN_PUBLISHED -> st == null ? "征求意见期限不得少于30日，按“" + counting.label() + "”计"
                        : "征求意见 " + DAY.format(st.on()) + "至" + DAY.format(st.second()) + "，共 " + days(st.on(), st.second(), counting)
                        + " 日（" + counting.label() + "），不少于30日";
                case COMMENTS_PUBLISHED -> st == null ? "征求意见期限届满后公布" : st.flag() == null ? "已公布"
                        : st.flag() ? "多数被征收人认为不符合条例规定" : "多数被征收人未认为不符合条例规定";
                case HEARING -> required ? "旧城区改建且多数被征收人认为方案不符合条例规定：须组织听证会" : "不需要（非旧城区改建或多数未反对）";
                case RISK_ASSESSMENT -> st == null ? "作出征收决定前" : "结论：" + st.note();
                case FUNDS -> st == null ? "作出征收决定前足额到位、专户存储、专款专用" : "专户：" + st.docNo();
                case DECISION -> st == null ? "征求意见期限届满、风险评估与资金到位之后" : st.docNo() + "，" + DAY.format(st.second()) + "公告";
                case SURVEY_PUBLISHED -> "调查结果在征收范围内公布";
                case VALUER_CHOSEN -> st == null ? "征收决定公告后，协商选定、多数决定或随机选定" : st.docNo() + "（" + st.note() + "）";
                case SIGNING_PERIOD -> st == null ? "征收决定公告后" : DAY.format(st.on()) + "至" + DAY.format(st.second()) + "，共 "
                        + days(st.on(), st.second(), counting) + " 日（" + counting.label() + "）";
                case PUBLISHED -> "签约期限届满，每户已签约或已作出补偿决定";
            };
            out.add(new TimelineEntry(s, st, required, check));
        }
        return out;
    }
}
