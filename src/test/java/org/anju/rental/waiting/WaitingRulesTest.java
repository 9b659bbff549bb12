package org.anju.rental.waiting;

import org.anju.platform.BadInput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The waiting-list rule files: read strictly, every refusal naming the file and line. */
class WaitingRulesTest {

    static String resource(String name) throws IOException {
        try (var in = WaitingRulesTest.class.getResourceAsStream("/rental/waiting-samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void priorityGroupsInTheCitysOrderThenTheDate() throws IOException {
        WaitingRules r = WaitingRules.parse("360700-test.tsv", resource("360700-test.tsv"));
        assertThat(r.city()).isEqualTo("360700");
        assertThat(r.verified()).isFalse();
        assertThat(r.ordering()).isEqualTo(WaitingRules.Ordering.PRIORITY_DATE);
        assertThat(r.groups()).containsExactly("特困", "低保", "残疾", "优抚");
        assertThat(r.method()).isEqualTo(WaitingRules.Method.DRAW);
        assertThat(r.refusalsAllowed()).isEqualTo(1);
        assertThat(r.onExcess()).isEqualTo(WaitingRules.OnExcess.QUALIFICATION);
        assertThat(r.recheckMonths()).isEqualTo(12);
        assertThat(r.inForceOn(LocalDate.of(2019, 12, 31))).isFalse();
        assertThat(r.inForceOn(LocalDate.of(2020, 1, 1))).isTrue();
    }

    @Test
    void aScoreTableAndNoLimitWrittenOut() throws IOException {
        WaitingRules r = WaitingRules.parse("361100-test.tsv", resource("361100-test.tsv"));
        assertThat(r.ordering()).isEqualTo(WaitingRules.Ordering.SCORE);
        assertThat(r.points()).isEqualTo(Map.of("低保", 10, "残疾", 8));
        assertThat(r.yearPoints()).isEqualTo(2);
        assertThat(r.refusalsAllowed()).isNull();
        assertThat(r.refusalsText()).isEqualTo("不限");
        assertThat(r.onExcess()).isEqualTo(WaitingRules.OnExcess.ROUND);
    }

    static final String GOOD = String.join("\n", List.of("城市\t360700", "名称\t测试", "生效\t2024-01-01", "来源\t测试",
            "核实\t未核实", "排序\t优先群体+资格日期", "优先群体\t无", "配租方式\t顺序", "拒绝上限\t2", "超限后果\t取消本批次选房",
            "复核周期\t12\t月"));

    @Test
    void theGoodTextParsesAndNoPriorityGroupIsWrittenAsNone() {
        WaitingRules r = WaitingRules.parse("t.tsv", GOOD);
        assertThat(r.groups()).isEmpty();
        assertThat(r.refusalsAllowed()).isEqualTo(2);
    }

    @Test
    void nothingIsAssumed() {
        assertThatThrownBy(() -> WaitingRules.parse("t.tsv", GOOD.replace("拒绝上限\t2\n", "")))
                .isInstanceOf(BadInput.class).hasMessageContaining("t.tsv：缺少“拒绝上限”行").hasMessageContaining("不限");
        assertThatThrownBy(() -> WaitingRules.parse("t.tsv", GOOD.replace("拒绝上限\t2", "拒绝上限\t两次")))
                .isInstanceOf(BadInput.class).hasMessage("t.tsv 第 9 行第 2 列：拒绝上限“两次”应为整数");
        assertThatThrownBy(() -> WaitingRules.parse("t.tsv", GOOD.replace("复核周期\t12\t月", "复核周期\t1\t年")))
                .isInstanceOf(BadInput.class).hasMessageContaining("第 11 行第 3 列");
        assertThatThrownBy(() -> WaitingRules.parse("t.tsv", GOOD.replace("优先群体\t无\n", "")))
                .isInstanceOf(BadInput.class).hasMessageContaining("缺少“优先群体”行");
        assertThatThrownBy(() -> WaitingRules.parse("t.tsv", GOOD.replace("优先群体\t无", "优先群体\t低保\t低保")))
                .isInstanceOf(BadInput.class).hasMessage("t.tsv 第 7 行第 3 列：群体“低保”重复");
        assertThatThrownBy(() -> WaitingRules.parse("t.tsv", GOOD.replace("排序\t优先群体+资格日期", "排序\t评分")))
                .isInstanceOf(BadInput.class).hasMessageContaining("不应有“优先群体”行");
        assertThatThrownBy(() -> WaitingRules.parse("t.tsv", GOOD + "\n轮候期\t5"))
                .isInstanceOf(BadInput.class).hasMessageContaining("第 12 行第 1 列：不认识的行“轮候期”");
        assertThatThrownBy(() -> WaitingRules.parse("t.tsv", GOOD.replace("核实\t未核实", "核实\t是")))
                .isInstanceOf(BadInput.class).hasMessageContaining("核实应为“已核实”或“未核实”");
        assertThatThrownBy(() -> WaitingRules.parse("t.tsv", GOOD + "\n失效\t2023-01-01"))
                .isInstanceOf(BadInput.class).hasMessageContaining("失效日期应晚于生效日期");
    }
}
