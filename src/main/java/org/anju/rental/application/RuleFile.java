package org.anju.rental.application;

import org.anju.rental.household.Guarantee;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A rule file a city uploaded, as stored (the content verbatim).
 *
 * @param kind      eligibility conditions ({@code RULES}, read by RuleSets), a review flow ({@code FLOW}, ReviewFlow),
 *                  waiting-list rules ({@code WAITING}, WaitingRules) or lease rules ({@code LEASE}, LeaseRules)
 * @param programme as the file states it (PUBLIC_RENTAL:低保特困; a lease file's 项目, 低保特困); waiting-list rules have
 *                  none and are stored under {@link #WAITING_PROGRAMME}; {@code guarantee} is what it is for
 */
public record RuleFile(long id, String cityCode, String cityName, Kind kind, String programme, Guarantee guarantee,
                       String name, LocalDate effectiveFrom, LocalDate effectiveTo, String fileName, String content,
                       Instant uploadedAt, String uploadedBy) {

    /** The programme waiting-list rules are stored under: a city has one 轮候 list of its 实物配租 households. */
    public static final String WAITING_PROGRAMME = "公租房轮候";

    public enum Kind {
        RULES("准入条件", "准入条件.tsv", """
                制表符分隔的 UTF-8 文本，一行一项：城市（市的区划代码，如 320300）、项目（PUBLIC_RENTAL:类别 或 RENTAL_SUBSIDY:类别，\
                如 PUBLIC_RENTAL:低保特困）、名称、生效（2024-01-01）、失效（可无）、来源（文件及文号）、参数（名称 数值 来源，可无）、\
                条件（代码 说明 事实 比较 数值 适用范围 条款，每个条件一行）。生效、失效以文件为准。"""),
        FLOW("审核流程", "审核流程.tsv", """
                制表符分隔的 UTF-8 文本：城市、项目（与准入条件的项目相同）、名称、来源、起算（次日 或 当日）、\
                步骤（代码 名称 办理层级（社区、街道、区县、市） 审核或公示 期限 工作日或日，每步一行，按先后）。\
                流程文件不写日期：上传时须填写生效日期（失效日期可不填）。"""),
        WAITING("轮候规则", "轮候规则.tsv", """
                制表符分隔的 UTF-8 文本，一行一项：城市（如 320300）、名称、生效（2024-01-01）、失效（可无）、来源、核实（已核实 或 未核实）、\
                排序（优先群体+资格日期 或 评分）、优先群体（按先后列出各群体，或写“无”；排序为优先群体+资格日期时必写）、\
                评分（群体及分值，每群体一行，可加“每满一年”；排序为评分时必写）、配租方式（摇号 或 顺序）、拒绝上限（次数 或 不限）、\
                超限后果（取消轮候资格 或 取消本批次选房）、复核周期（月数 月）。每市一份，没有的行不补默认值；生效、失效以文件为准。"""),
        LEASE("租赁规则", "租赁规则.tsv", """
                制表符分隔的 UTF-8 文本，每市每个项目一份：城市、项目（如 低保特困）、名称、生效、失效（可无）、来源、核实（必写）；\
                其余按本市规定写，未写的在用到时拒绝并说明应加哪一行：最长租期（年数 年 条款）、续租申请（最早 最晚 月数 条款）、\
                缴租（当月/次月 日）、不足一月（按日/按月）、取整（分/角/元 四舍五入/舍去/进位）、计租面积（建筑面积/使用面积）、\
                减免（群体 收取比例/减免比例/减免金额 数值 条款）、多档（取最低）、市场租金（数值 元/㎡/月 或 元/套/月 来源）、\
                搬迁期（月数 个月 租金 条款）、逾期租金、欠租、闲置（月数 个月 条款）、处罚、罚款、禁入（年数 年 条款）。\
                生效、失效以文件为准。""");

        private final String label;
        private final String defaultName;
        private final String format;

        Kind(String label, String defaultName, String format) {
            this.label = label;
            this.defaultName = defaultName;
            this.format = format;
        }

        public String label() {
            return label;
        }

        /** The name of an upload that came without one. */
        String defaultName() {
            return defaultName;
        }

        /** What a file of this kind holds, in Chinese, for the upload page. */
        public String format() {
            return format;
        }

        /** Whether the file states its own 生效/失效 (all but a review flow). */
        public boolean datesInFile() {
            return this != FLOW;
        }
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** 2024年1月1日起 / 2024年1月1日至2024年12月31日 */
    public String period() {
        return Dates.day(effectiveFrom) + (effectiveTo == null ? "起" : "至" + Dates.day(effectiveTo));
    }
}
