package org.anju.rental.lease;

import static org.anju.rental.rules.RuleText.bad;
import static org.anju.rental.rules.RuleText.date;
import static org.anju.rental.rules.RuleText.number;

import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.anju.rental.rules.RuleText;
import org.anju.rental.stock.RentUnit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A city's public-rental lease rules as data (OPERATIONS.md §4.3, §4.5, §4.6, §5.3), one file per city and programme,
 * valid from a date. Everything is optional except who issued them and when; what a lease needs and the file does not
 * say is refused when it is needed, naming the line to add — never a default. The text form (tab-separated):
 * <pre>
 * 城市	360700
 * 项目	公租房
 * 名称	…
 * 生效	2024-01-01
 * 来源	…
 * 核实	已核实 | 未核实
 * 最长租期	5	年	条款
 * 续租申请	不限	3	条款            (earliest months before the end, or 不限; latest months before the end)
 * 缴租	当月	10                      (the month's rent is due on day 10 of the month; 次月: of the next)
 * 不足一月	按日 | 按月
 * 取整	分	四舍五入                    (分/角/元; 四舍五入/舍去/进位)
 * 计租面积	建筑面积 | 使用面积
 * 减免	低保	收取比例	10	条款       (收取比例 %: pays that share; 减免比例 %: that share off; 减免金额 元/月)
 * 多档	取最低                           (a household in two tiers pays the lower rent; absent: refused)
 * 市场租金	40	元/㎡/月	来源            (or 元/套/月)
 * 搬迁期	3	个月	市场租金×0.8	条款   (rent during the 搬迁期: 合同租金, 合同租金×k, 市场租金, 市场租金×k)
 * 逾期租金	市场租金	条款
 * 欠租	6	个月	条款                    (cumulative months unpaid: the lease is taken back)
 * 闲置	6	个月	条款                    (consecutive months without living there)
 * 处罚	转租转借	是	是	是	wording	条款   (kind; 补缴市场租金; 罚款; 禁入; the penalty as the regulation words it)
 * 罚款	无违法所得	1000	条款
 * 罚款	违法所得倍数	3	条款
 * 罚款	封顶	30000	条款
 * 禁入	5	年	条款
 * </pre>
 * Every problem names the file, the line and the column; nothing half-read is returned.
 */
public record LeaseRules(String file, String city, String programme, String name, LocalDate effectiveFrom,
                         LocalDate effectiveTo, String source, boolean verified, Limit maxTerm, Renewal renewal, Due due,
                         Boolean proRataByDay, Rounding rounding, Boolean rentOnUsableArea,
                         Map<String, Reduction> reductions, boolean lowestOfTiers, Market market, Grace grace,
                         RentRule overstay, Limit arrears, Limit idle, Map<ViolationKind, Penalty> penalties, Fine fine,
                         Limit ban) {

    public LeaseRules {
        reductions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reductions));
        penalties = penalties.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(penalties));
    }

    /** A number with the article that states it (最长租期 5 年, 欠租 6 个月, 禁入 5 年). */
    public record Limit(int value, String clause) {
    }

    /** @param earliestMonths null: the rules set no earliest day (不限) */
    public record Renewal(Integer earliestMonths, int latestMonths, String clause) {
    }

    public record Due(boolean nextMonth, int day) {
        LocalDate of(YearMonth period) {
            YearMonth m = nextMonth ? period.plusMonths(1) : period;
            return m.atDay(Math.min(day, m.lengthOfMonth()));
        }

        String text() {
            return (nextMonth ? "次月" : "当月") + day + "日";
        }
    }

    public record Rounding(int scale, RoundingMode mode, String text) {
    }

    public enum ReductionKind { PAY_SHARE, OFF_SHARE, OFF_AMOUNT }

    public record Reduction(String tier, ReductionKind kind, BigDecimal value, String clause) {
        String text() {
            return switch (kind) {
                case PAY_SHARE -> tier + "按标准租金的 " + value.toPlainString() + "% 收取";
                case OFF_SHARE -> tier + "减免标准租金的 " + value.toPlainString() + "%";
                case OFF_AMOUNT -> tier + "每月减免 " + value.toPlainString() + " 元";
            } + (clause == null ? "" : "（" + clause + "）");
        }
    }

    public record Market(BigDecimal value, RentUnit unit, String source) {
    }

    /** A rent as the rules state it: the contract rent or the market rent, times a factor. */
    public record RentRule(boolean market, BigDecimal factor, String clause) {
        String text() {
            return (market ? "市场租金" : "合同租金") + (factor.compareTo(BigDecimal.ONE) == 0 ? "" : "×" + factor.toPlainString());
        }
    }

    public record Grace(int months, RentRule rent, String clause) {
    }

    /** What a violation of a kind brings: market rent charged back to the act, a fine, a ban, and the words. */
    public record Penalty(ViolationKind kind, boolean backCharge, boolean fined, boolean banned, String wording,
                          String clause) {
    }

    /** The fine's ceiling: without illegal income; with it, a multiple of it up to a cap. */
    public record Fine(BigDecimal withoutIncome, BigDecimal multiple, BigDecimal cap, String clause) {
    }

    /** "360700-公租房.tsv（2024-01-01 起）". */
    public String label() {
        return name + "（" + file + "，" + effectiveFrom + " 起" + (verified ? "" : "，未核实") + "）";
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    // ---- what the rules compute ------------------------------------------------------------------------

    /**
     * Money as the rules round it: an amount already in whole 分 stays as it is; one with more decimals is rounded as
     * the 取整 line says, and refused when the file says nothing (the city must state it, it is not guessed).
     */
    public BigDecimal money(BigDecimal exact, String what) {
        BigDecimal s = exact.stripTrailingZeros();
        if (s.scale() <= 2) {
            return exact.setScale(2, RoundingMode.UNNECESSARY);
        }
        if (rounding == null) {
            throw new Conflict(what + "算得 " + s.toPlainString() + " 元，不是整分，而" + label()
                    + "没有规定取整方式：请在规则文件中加一行“取整	分	四舍五入”（或 角、元；舍去、进位），按本市规定填写");
        }
        return exact.setScale(rounding.scale(), rounding.mode()).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** 合同期满日 may be at most this day for a lease starting on {@code start}. */
    public LocalDate latestEnd(LocalDate start) {
        if (maxTerm == null) {
            throw new Conflict(label() + "没有规定最长租期：请加一行“最长租期	年数	年	条款”");
        }
        return start.plusYears(maxTerm.value()).minusDays(1);
    }

    public LocalDate dueOn(YearMonth period) {
        if (due == null) {
            throw new Conflict(label() + "没有规定按月缴租的日期：请加一行“缴租	当月（或 次月）	日”");
        }
        return due.of(period);
    }

    /** The computed rent: standard, reductions, the monthly contract rent, each step in words. */
    public record RentComputation(BigDecimal standard, BigDecimal monthly, String tier, List<String> steps) {
        public String text() {
            return String.join("；", steps);
        }
    }

    /**
     * The monthly rent of a dwelling for a household in {@code groups} (低保, 特困 …): the standard (元/㎡/月 × the
     * rules' 计租面积, or 元/套/月), then the reduction of the household's tier.
     */
    public RentComputation rent(BigDecimal rate, RentUnit unit, BigDecimal floorArea, BigDecimal usableArea,
                                Set<String> groups) {
        if (rate == null || unit == null) {
            throw new Conflict("该房源没有登记租金标准（元/㎡/月 或 元/套/月）：请先在房源中填写租金标准及其单位");
        }
        List<String> steps = new ArrayList<>();
        BigDecimal standard;
        if (unit == RentUnit.PER_M2_MONTH) {
            BigDecimal area = area(floorArea, usableArea);
            String areaName = Boolean.TRUE.equals(rentOnUsableArea) ? "使用面积" : "建筑面积";
            standard = money(rate.multiply(area), "标准租金");
            steps.add("标准租金 " + plain(rate) + " 元/㎡/月 × " + areaName + " " + plain(area) + " ㎡ = " + standard + " 元/月");
        } else {
            standard = money(rate, "标准租金");
            steps.add("标准租金 " + standard + " 元/套/月");
        }
        List<Reduction> applicable = reductions.values().stream().filter(r -> groups.contains(r.tier())).toList();
        if (applicable.isEmpty()) {
            steps.add("无租金减免（" + (reductions.isEmpty() ? "本规则未设减免档次" : "家庭不属于 "
                    + String.join("、", reductions.keySet())) + "）");
            steps.add("合同租金 " + standard + " 元/月");
            return new RentComputation(standard, standard, null, steps);
        }
        if (applicable.size() > 1 && !lowestOfTiers) {
            throw new Conflict("该家庭同时属于 " + String.join("、", applicable.stream().map(Reduction::tier).toList())
                    + "，而" + label() + "没有规定多档减免如何适用：请加一行“多档	取最低”（或按本市规定修改）");
        }
        Reduction best = null;
        BigDecimal lowest = null;
        for (Reduction r : applicable) {
            BigDecimal v = reduced(standard, r);
            if (lowest == null || v.compareTo(lowest) < 0) {
                lowest = v;
                best = r;
            }
        }
        steps.add(best.text() + "：" + switch (best.kind()) {
            case PAY_SHARE -> standard + " × " + plain(best.value()) + "% = " + lowest + " 元/月";
            case OFF_SHARE -> standard + " × (100% − " + plain(best.value()) + "%) = " + lowest + " 元/月";
            case OFF_AMOUNT -> standard + " − " + plain(best.value()) + " = " + lowest + " 元/月";
        } + (applicable.size() > 1 ? "（多档取最低）" : ""));
        steps.add("合同租金 " + lowest + " 元/月");
        return new RentComputation(standard, lowest, best.tier(), steps);
    }

    private BigDecimal reduced(BigDecimal standard, Reduction r) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        return switch (r.kind()) {
            case PAY_SHARE -> money(standard.multiply(r.value()).divide(hundred), r.tier() + "租金");
            case OFF_SHARE -> money(standard.multiply(hundred.subtract(r.value())).divide(hundred), r.tier() + "租金");
            case OFF_AMOUNT -> standard.subtract(r.value()).max(BigDecimal.ZERO).setScale(2, RoundingMode.UNNECESSARY);
        };
    }

    private BigDecimal area(BigDecimal floorArea, BigDecimal usableArea) {
        if (rentOnUsableArea == null) {
            throw new Conflict(label() + "没有规定按建筑面积还是使用面积计租：请加一行“计租面积	建筑面积”（或 使用面积）");
        }
        BigDecimal a = rentOnUsableArea ? usableArea : floorArea;
        if (a == null) {
            throw new Conflict("该房源没有登记" + (rentOnUsableArea ? "使用面积" : "建筑面积") + "，无法按面积计租：请先在房源中填写");
        }
        return a;
    }

    /** The market rent of a dwelling a month. */
    public BigDecimal marketRent(BigDecimal floorArea, BigDecimal usableArea) {
        if (market == null) {
            throw new Conflict(label() + "没有规定市场租金：请加一行“市场租金	数值	元/㎡/月（或 元/套/月）	来源”");
        }
        return market.unit() == RentUnit.PER_M2_MONTH ? money(market.value().multiply(area(floorArea, usableArea)), "市场租金")
                : money(market.value(), "市场租金");
    }

    /** A rent rule applied: the contract rent or the dwelling's market rent times the factor. */
    public BigDecimal monthly(RentRule rule, BigDecimal contract, BigDecimal floorArea, BigDecimal usableArea) {
        BigDecimal base = rule.market() ? marketRent(floorArea, usableArea) : contract;
        return money(base.multiply(rule.factor()), rule.text());
    }

    /** The ceiling of the fine (art. 36: ≤1000 元; with illegal income ≤3× it, at most 30000 元). */
    public BigDecimal fineMax(BigDecimal illegalIncome) {
        if (fine == null) {
            throw new Conflict(label() + "没有规定罚款：请加“罚款	无违法所得	数额”“罚款	违法所得倍数	倍数”“罚款	封顶	数额”三行");
        }
        if (illegalIncome == null || illegalIncome.signum() == 0) {
            return fine.withoutIncome().setScale(2, RoundingMode.UNNECESSARY);
        }
        BigDecimal m = illegalIncome.multiply(fine.multiple());
        return (fine.cap() != null && m.compareTo(fine.cap()) > 0 ? fine.cap() : m).setScale(2, RoundingMode.HALF_UP);
    }

    public Penalty penalty(ViolationKind kind) {
        Penalty p = penalties.get(kind);
        if (p == null) {
            throw new Conflict(label() + "没有规定“" + kind.label() + "”的处理：请加一行“处罚	" + kind.label()
                    + "	补缴市场租金（是/否）	罚款（是/否）	禁入（是/否）	处理措施	条款”");
        }
        return p;
    }

    public Limit threshold(ViolationKind kind) {
        Limit l = kind == ViolationKind.ARREARS ? arrears : kind == ViolationKind.IDLE ? idle : null;
        if (l == null && kind.measured()) {
            throw new Conflict(label() + "没有规定" + kind.label() + "几个月收回：请加一行“" + kind.label() + "	月数	个月	条款”");
        }
        return l;
    }

    public Grace graceRule() {
        if (grace == null) {
            throw new Conflict(label() + "没有规定搬迁期：请加一行“搬迁期	月数	个月	租金（如 合同租金）	条款”");
        }
        return grace;
    }

    public RentRule overstayRule() {
        if (overstay == null) {
            throw new Conflict(label() + "没有规定搬迁期满仍不腾退的租金：请加一行“逾期租金	市场租金（或 合同租金×2 等）	条款”");
        }
        return overstay;
    }

    public Limit banRule() {
        if (ban == null) {
            throw new Conflict(label() + "没有规定违规退出后几年内不得再申请：请加一行“禁入	年数	年	条款”");
        }
        return ban;
    }

    public Renewal renewalRule() {
        if (renewal == null) {
            throw new Conflict(label() + "没有规定续租申请的时间：请加一行“续租申请	最早提前月数（或 不限）	最迟提前月数	条款”");
        }
        return renewal;
    }

    public boolean byDay() {
        if (proRataByDay == null) {
            throw new Conflict(label() + "没有规定不足一个月的租金如何计算：请加一行“不足一月	按日”（或 按月）");
        }
        return proRataByDay;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    // ---- reading -------------------------------------------------------------------------------------

    public static LeaseRules parse(String file, String text) {
        Map<String, String> single = new LinkedHashMap<>();
        Limit maxTerm = null, arrears = null, idle = null, ban = null;
        Renewal renewal = null;
        Due due = null;
        Boolean byDay = null, usable = null;
        Rounding rounding = null;
        Map<String, Reduction> reductions = new LinkedHashMap<>();
        boolean lowest = false;
        Market market = null;
        Grace grace = null;
        RentRule overstay = null;
        Map<ViolationKind, Penalty> penalties = new EnumMap<>(ViolationKind.class);
        BigDecimal fineNone = null, fineMultiple = null, fineCap = null;
        String fineClause = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RuleText.Line line : RuleText.lines(text)) {
            String[] f = line.cells();
            int n = line.number();
            String key = f[0];
            boolean repeatable = key.equals("减免") || key.equals("处罚") || key.equals("罚款");
            if (!repeatable && !seen.add(key)) {
                throw bad(file, n, 1, "“" + key + "”写了两次，只能有一行");
            }
            switch (key) {
                case "城市", "项目", "名称", "生效", "失效", "来源", "核实" -> single.put(key, cell(file, n, f, 1, "内容"));
                case "最长租期" -> maxTerm = limit(file, n, f, "年");
                case "欠租" -> arrears = limit(file, n, f, "个月");
                case "闲置" -> idle = limit(file, n, f, "个月");
                case "禁入" -> ban = limit(file, n, f, "年");
                case "续租申请" -> {
                    String earliest = cell(file, n, f, 1, "最早提前月数（或 不限）");
                    Integer e = earliest.equals("不限") ? null : integer(file, n, 2, earliest);
                    int latest = integer(file, n, 3, cell(file, n, f, 2, "最迟提前月数"));
                    if (e != null && e < latest) {
                        throw bad(file, n, 2, "最早提前 " + e + " 个月不能少于最迟提前 " + latest + " 个月");
                    }
                    renewal = new Renewal(e, latest, optional(f, 3));
                }
                case "缴租" -> {
                    String m = cell(file, n, f, 1, "当月 或 次月");
                    if (!m.equals("当月") && !m.equals("次月")) {
                        throw bad(file, n, 2, "应为“当月”或“次月”，不是“" + m + "”");
                    }
                    int day = integer(file, n, 3, cell(file, n, f, 2, "日"));
                    if (day < 1 || day > 31) {
                        throw bad(file, n, 3, "缴租日应为 1 至 31");
                    }
                    due = new Due(m.equals("次月"), day);
                }
                case "不足一月" -> {
                    String v = cell(file, n, f, 1, "按日 或 按月");
                    if (!v.equals("按日") && !v.equals("按月")) {
                        throw bad(file, n, 2, "应为“按日”或“按月”，不是“" + v + "”");
                    }
                    byDay = v.equals("按日");
                }
                case "取整" -> {
                    String unit = cell(file, n, f, 1, "分、角 或 元");
                    int scale = switch (unit) {
                        case "分" -> 2;
                        case "角" -> 1;
                        case "元" -> 0;
                        default -> throw bad(file, n, 2, "取整到“" + unit + "”不可用：应为 分、角 或 元");
                    };
                    String mode = cell(file, n, f, 2, "四舍五入、舍去 或 进位");
                    RoundingMode rm = switch (mode) {
                        case "四舍五入" -> RoundingMode.HALF_UP;
                        case "舍去" -> RoundingMode.DOWN;
                        case "进位" -> RoundingMode.UP;
                        default -> throw bad(file, n, 3, "取整方式“" + mode + "”不可用：应为 四舍五入、舍去 或 进位");
                    };
                    rounding = new Rounding(scale, rm, unit + mode);
                }
                case "计租面积" -> {
                    String v = cell(file, n, f, 1, "建筑面积 或 使用面积");
                    if (!v.equals("建筑面积") && !v.equals("使用面积")) {
                        throw bad(file, n, 2, "应为“建筑面积”或“使用面积”，不是“" + v + "”");
                    }
                    usable = v.equals("使用面积");
                }
                case "减免" -> {
                    String tier = cell(file, n, f, 1, "群体（如 低保）");
                    String how = cell(file, n, f, 2, "收取比例、减免比例 或 减免金额");
                    ReductionKind kind = switch (how) {
                        case "收取比例" -> ReductionKind.PAY_SHARE;
                        case "减免比例" -> ReductionKind.OFF_SHARE;
                        case "减免金额" -> ReductionKind.OFF_AMOUNT;
                        default -> throw bad(file, n, 3, "减免方式“" + how + "”不可用：应为 收取比例（%）、减免比例（%）或 减免金额（元/月）");
                    };
                    BigDecimal v = number(file, n, 4, cell(file, n, f, 3, "数值"));
                    if (v.signum() < 0 || kind != ReductionKind.OFF_AMOUNT && v.compareTo(BigDecimal.valueOf(100)) > 0) {
                        throw bad(file, n, 4, "“" + v.toPlainString() + "”不对：比例应在 0 至 100 之间，金额不能为负");
                    }
                    if (reductions.put(tier, new Reduction(tier, kind, v, optional(f, 4))) != null) {
                        throw bad(file, n, 2, "“" + tier + "”的减免写了两次");
                    }
                }
                case "多档" -> {
                    String v = cell(file, n, f, 1, "取最低");
                    if (!v.equals("取最低")) {
                        throw bad(file, n, 2, "多档只能写“取最低”（家庭属于多个减免档次时收最低的租金）；不写则遇到多档时拒绝");
                    }
                    lowest = true;
                }
                case "市场租金" -> {
                    BigDecimal v = number(file, n, 2, cell(file, n, f, 1, "数值"));
                    String unitText = cell(file, n, f, 2, "单位（元/㎡/月 或 元/套/月）");
                    RentUnit unit = RentUnit.parse(unitText).orElseThrow(() -> bad(file, n, 3,
                            "单位“" + unitText + "”不可用：应为 元/㎡/月 或 元/套/月"));
                    market = new Market(v, unit, cell(file, n, f, 3, "来源"));
                }
                case "搬迁期" -> {
                    int months = integer(file, n, 2, cell(file, n, f, 1, "月数"));
                    unit(file, n, f, 2, "个月");
                    grace = new Grace(months, rentRule(file, n, 4, cell(file, n, f, 3, "搬迁期租金")), optional(f, 4));
                }
                case "逾期租金" -> overstay = rentRuleWith(file, n, 2, cell(file, n, f, 1, "租金"), optional(f, 2));
                case "处罚" -> {
                    String k = cell(file, n, f, 1, "违规情形");
                    ViolationKind kind = ViolationKind.parse(k).orElseThrow(() -> bad(file, n, 2,
                            "违规情形“" + k + "”不认识：应为 " + ViolationKind.choices()));
                    Penalty p = new Penalty(kind, yes(file, n, f, 2, "补缴市场租金"), yes(file, n, f, 3, "罚款"),
                            yes(file, n, f, 4, "禁入"), cell(file, n, f, 5, "处理措施"), cell(file, n, f, 6, "条款"));
                    if (penalties.put(kind, p) != null) {
                        throw bad(file, n, 2, "“" + kind.label() + "”的处罚写了两次");
                    }
                }
                case "罚款" -> {
                    String which = cell(file, n, f, 1, "无违法所得、违法所得倍数 或 封顶");
                    BigDecimal v = number(file, n, 3, cell(file, n, f, 2, "数值"));
                    switch (which) {
                        case "无违法所得" -> fineNone = v;
                        case "违法所得倍数" -> fineMultiple = v;
                        case "封顶" -> fineCap = v;
                        default -> throw bad(file, n, 2, "“" + which + "”不认识：应为 无违法所得、违法所得倍数 或 封顶");
                    }
                    fineClause = optional(f, 3) == null ? fineClause : optional(f, 3);
                }
                default -> throw bad(file, n, 1, "不认识的行“" + key + "”：应为 城市、项目、名称、生效、失效、来源、核实、最长租期、"
                        + "续租申请、缴租、不足一月、取整、计租面积、减免、多档、市场租金、搬迁期、逾期租金、欠租、闲置、处罚、罚款 或 禁入");
            }
        }
        for (String k : List.of("城市", "项目", "名称", "生效", "来源", "核实")) {
            if (single.getOrDefault(k, "").isEmpty()) {
                throw new BadInput(file + "：缺少“" + k + "”行");
            }
        }
        String verified = single.get("核实");
        if (!verified.equals("已核实") && !verified.equals("未核实")) {
            throw new BadInput(file + "：核实应为“已核实”或“未核实”，不是“" + verified + "”");
        }
        Fine fine = null;
        if (fineNone != null || fineMultiple != null || fineCap != null) {
            if (fineNone == null || fineMultiple == null) {
                throw new BadInput(file + "：罚款须同时写“无违法所得”和“违法所得倍数”两行（封顶可无）");
            }
            fine = new Fine(fineNone, fineMultiple, fineCap, fineClause);
        }
        for (Penalty p : penalties.values()) {
            if (p.fined() && fine == null) {
                throw new BadInput(file + "：“" + p.kind().label() + "”的处罚要罚款，但没有“罚款”行");
            }
            if (p.banned() && ban == null) {
                throw new BadInput(file + "：“" + p.kind().label() + "”的处罚要禁入，但没有“禁入	年数	年”行");
            }
        }
        LocalDate from = date(file, "生效", single.get("生效"));
        String to = single.getOrDefault("失效", "");
        return new LeaseRules(file, single.get("城市"), single.get("项目"), single.get("名称"), from,
                to.isEmpty() ? null : date(file, "失效", to), single.get("来源"), verified.equals("已核实"), maxTerm, renewal,
                due, byDay, rounding, usable, reductions, lowest, market, grace, overstay, arrears, idle, penalties, fine, ban);
    }

    private static Limit limit(String file, int n, String[] f, String unit) {
        int v = integer(file, n, 2, cell(file, n, f, 1, "数值"));
        if (v <= 0) {
            throw bad(file, n, 2, "应大于 0");
        }
        unit(file, n, f, 2, unit);
        return new Limit(v, optional(f, 3));
    }

    private static void unit(String file, int n, String[] f, int i, String unit) {
        String u = cell(file, n, f, i, "单位（" + unit + "）");
        if (!u.equals(unit)) {
            throw bad(file, n, i + 1, "单位应为“" + unit + "”，不是“" + u + "”");
        }
    }

    private static RentRule rentRule(String file, int n, int column, String text) {
        return rentRuleWith(file, n, column, text, null);
    }

    private static RentRule rentRuleWith(String file, int n, int column, String text, String clause) {
        String[] parts = text.split("[×*]", 2);
        String base = parts[0].strip();
        if (!base.equals("合同租金") && !base.equals("市场租金")) {
            throw bad(file, n, column, "租金“" + text + "”应写成 合同租金、合同租金×2、市场租金 或 市场租金×0.8");
        }
        BigDecimal factor = parts.length == 2 ? number(file, n, column, parts[1].strip()) : BigDecimal.ONE;
        if (factor.signum() <= 0) {
            throw bad(file, n, column, "倍数应大于 0");
        }
        return new RentRule(base.equals("市场租金"), factor, clause);
    }

    private static boolean yes(String file, int n, String[] f, int i, String what) {
        String v = cell(file, n, f, i, what + "（是/否）");
        if (!v.equals("是") && !v.equals("否")) {
            throw bad(file, n, i + 1, what + "应为“是”或“否”，不是“" + v + "”");
        }
        return v.equals("是");
    }

    private static String cell(String file, int n, String[] f, int i, String what) {
        if (f.length <= i || f[i].isEmpty()) {
            throw bad(file, n, i + 1, "“" + f[0] + "”缺少" + what);
        }
        return f[i];
    }

    private static String optional(String[] f, int i) {
        return f.length > i && !f[i].isEmpty() ? f[i] : null;
    }

    private static int integer(String file, int n, int column, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw bad(file, n, column, "“" + text + "”不是整数");
        }
    }
}
