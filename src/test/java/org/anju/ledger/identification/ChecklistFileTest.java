package org.anju.ledger.identification;

import org.anju.platform.BadInput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checklist file reader: the shipped Jilin and Shandong files, and refusals by line and column. */
class ChecklistFileTest {

    static final String JILIN = "/ledger/identification/220000-吉安居办2021-10号.tsv";
    static final String SHANDONG = "/ledger/identification/370000-山东认定办法2018.tsv";

    static String resource(String path) {
        try (InputStream in = ChecklistFileTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void jilinsNoticeIsEightExclusionsAndThreePriorities() {
        ChecklistFile.Parsed p = ChecklistFile.parse("jl.tsv", resource(JILIN));
        assertThat(p.regionCode()).isEqualTo("220000");
        assertThat(p.document()).isEqualTo("吉安居办〔2021〕10号");
        assertThat(p.from()).isEqualTo(LocalDate.of(2021, 3, 23));
        assertThat(p.to()).isNull();
        assertThat(p.clauses()).extracting(Clause::number).containsExactly("JL-1", "JL-2", "JL-3", "JL-4", "JL-5", "JL-6",
                "JL-7", "JL-8", "JL-P1", "JL-P2", "JL-P3");
        assertThat(p.clauses().stream().filter(c -> c.kind() == ClauseKind.EXCLUSION)).hasSize(8);
        assertThat(p.clauses().stream().filter(c -> c.kind() == ClauseKind.PRIORITY)).hasSize(3);
        Clause six = p.clauses().get(5);
        assertThat(six.text()).isEqualTo("严禁将房龄不长、经鉴定未达到D级危房的居民楼纳入棚改");
        assertThat(six.check().text()).isEqualTo("类型=城市危房 且 鉴定等级≠D");
    }

    /** Every clause of the shipped Jilin file is in seed 003 §四–五 word for word. */
    @Test
    void jilinsClausesAreVerbatimFromTheSeed() {
        String seed = resource("/ledger/identification/seed003-sections-4-5.txt");
        List<Clause> clauses = ChecklistFile.parse("jl.tsv", resource(JILIN)).clauses();
        assertThat(clauses).allSatisfy(c -> assertThat(seed).contains(c.text()));
    }

    /** Shandong's 8 as the newspaper reported them (the research file); they differ from Jilin's. */
    @Test
    void shandongsClausesAreTheReportedOnesAndDifferFromJilins() {
        String research = resource("/ledger/identification/research-01_exclusion_checklist.tsv");
        List<Clause> sd = ChecklistFile.parse("sd.tsv", resource(SHANDONG)).clauses();
        assertThat(sd).hasSize(8).allSatisfy(c -> assertThat(research).contains(c.number() + "\t").contains(c.text()));
        assertThat(sd.get(3).text()).contains("结构比较安全").doesNotContain("D级");
        assertThat(sd.get(3).check()).isNull();
        assertThat(sd.getFirst().text()).doesNotContain("除外");
        List<Clause> jl = ChecklistFile.parse("jl.tsv", resource(JILIN)).clauses();
        assertThat(jl.get(2).text()).contains("(与棚改和公租房项目直接相关的基础设施建设除外)");
        assertThat(jl).extracting(Clause::text).doesNotContain(sd.get(6).text(), sd.get(7).text());
    }

    static final String HEAD = "地区\t220000\n发文机关\t测试\n名称\t测试清单\n文号\t测试〔2021〕1号\n生效\t2021-03-23\n来源\t测试\n";

    @Test
    void refusesAnUnknownKindNamingLineAndColumn() {
        assertThatThrownBy(() -> ChecklistFile.parse("t.tsv", HEAD + "条款\tA-1\t严禁甲\t禁止\t是否甲？\t材料\n"))
                .isInstanceOf(BadInput.class).hasMessage("t.tsv 第 7 行第 4 列：类别“禁止”不对：应为 排除、必备 或 优先");
    }

    @Test
    void refusesMissingColumnsEmptyCellsAndDuplicates() {
        assertThatThrownBy(() -> ChecklistFile.parse("t.tsv", HEAD + "条款\tA-1\t严禁甲\t排除\n"))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("t.tsv 第 7 行第 5 列：条款行应为").hasMessageContaining("只有 4 列");
        assertThatThrownBy(() -> ChecklistFile.parse("t.tsv", HEAD + "条款\tA-1\t严禁甲\t排除\t\t材料\n"))
                .isInstanceOf(BadInput.class).hasMessage("t.tsv 第 7 行第 5 列：问题不能为空");
        assertThatThrownBy(() -> ChecklistFile.parse("t.tsv", HEAD + "条款\tA-1\t严禁甲\t排除\t是否？\t材料\n\n"
                + "条款\tA-1\t严禁乙\t排除\t是否？\t材料\n"))
                .isInstanceOf(BadInput.class).hasMessage("t.tsv 第 9 行第 2 列：条款编号“A-1”与第 7 行重复");
    }

    @Test
    void refusesBadHeaderLines() {
        assertThatThrownBy(() -> ChecklistFile.parse("t.tsv", HEAD.replace("2021-03-23", "2021年3月23日") + "条款\tA\t甲\t排除\t问\t材\n"))
                .isInstanceOf(BadInput.class).hasMessage("t.tsv 第 5 行第 2 列：日期“2021年3月23日”应写成 2021-03-23");
        assertThatThrownBy(() -> ChecklistFile.parse("t.tsv", HEAD.replace("来源\t测试\n", "") + "条款\tA\t甲\t排除\t问\t材\n"))
                .isInstanceOf(BadInput.class).hasMessage("t.tsv：缺少“来源”行");
        assertThatThrownBy(() -> ChecklistFile.parse("t.tsv", "# 注释\n" + HEAD + "附注\t说明\n"))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("t.tsv 第 8 行第 1 列：不认识的行“附注”");
        assertThatThrownBy(() -> ChecklistFile.parse("t.tsv", HEAD)).isInstanceOf(BadInput.class)
                .hasMessageContaining("没有“条款”行");
        assertThatThrownBy(() -> ChecklistFile.parse("t.tsv", HEAD.replace("220000", "吉林省") + "条款\tA\t甲\t排除\t问\t材\n"))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("t.tsv 第 1 行第 2 列：地区应为 6 位区划代码");
        assertThatThrownBy(() -> ChecklistFile.parse("t.tsv", HEAD + "失效\t2020-01-01\n条款\tA\t甲\t排除\t问\t材\n"))
                .isInstanceOf(BadInput.class).hasMessage("t.tsv 第 7 行第 2 列：失效日期 2020-01-01 早于生效日期 2021-03-23");
    }

    @Test
    void refusesABadCheckInTheSeventhColumn() {
        assertThatThrownBy(() -> ChecklistFile.parse("t.tsv", HEAD + "条款\tA\t甲\t排除\t问\t材\t房龄<20\n"))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("t.tsv 第 7 行第 7 列：核对条件“房龄<20”应写成 事实 运算 值");
        assertThatThrownBy(() -> ChecklistFile.parse("t.tsv", HEAD + "条款\tA\t甲\t排除\t问\t材\t鉴定等级≥C\n"))
                .isInstanceOf(BadInput.class).hasMessage("t.tsv 第 7 行第 7 列：核对条件“鉴定等级≥C”：鉴定等级只能用 = 或 ≠");
        assertThatThrownBy(() -> ChecklistFile.parse("t.tsv", HEAD + "条款\tA\t甲\t排除\t问\t材\t类型=棚屋\n"))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("t.tsv 第 7 行第 7 列：核对条件“类型=棚屋”：类型应为 城市棚户区");
    }

    @Test
    void aCheckIsUndecidedWhileAFactIsNotStatedUnlessAnotherConditionFails() {
        FactCheck d = FactCheck.parse("类型=城市危房 且 鉴定等级≠D");
        assertThat(d.holds(Facts.NONE)).isNull();
        assertThat(d.missing(Facts.NONE)).containsExactly("类型", "鉴定等级");
        assertThat(d.holds(new Facts(AreaType.CITY_SHANTY, null, null, null, null, null, null))).isFalse();
        assertThat(d.holds(new Facts(AreaType.DANGEROUS, null, null, null, Facts.Grade.C, null, null))).isTrue();
        assertThat(d.holds(new Facts(AreaType.DANGEROUS, null, null, null, Facts.Grade.NONE, null, null))).isTrue();
        assertThat(d.holds(new Facts(AreaType.DANGEROUS, null, null, null, Facts.Grade.D, null, null))).isFalse();
        FactCheck fifty = FactCheck.parse("集中成片户数≥50");
        assertThat(fifty.holds(new Facts(null, 80, 50, null, null, null, null))).isTrue();
        assertThat(fifty.holds(new Facts(null, 80, 49, null, null, null, null))).isFalse();
        assertThat(fifty.holds(new Facts(null, 80, null, null, null, null, null))).isNull();
    }

    @Test
    void evidenceChecksumIsTheStandardSha256() {
        // FIPS 180-2 test vector
        assertThat(Identifications.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    /** The API returns clauses with their checks: the record types serialize (the check as its text and conditions). */
    @Test
    void clausesWithChecksSerializeToJson() {
        String json = tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(ChecklistFile.parse("jl.tsv", resource(JILIN)).clauses());
        assertThat(json).contains("\"number\":\"JL-6\"").contains("类型=城市危房 且 鉴定等级≠D").contains("\"kind\":\"EXCLUSION\"");
    }
}
