package org.anju.plan.imports;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.plan.Plans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Audit M5: the 上级计划 of an imported plan is not the first plan above the issuer that the text cites. A city's notice
 * cites the ministry's plan, the province's plan of the year and last year's: the province's of the year is taken and the
 * others are named with why; two of the province's plans of the year cited alike are a question, not a pick.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=parent_plan")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParentPlanImportTest {

    @Autowired
    PlanImporter importer;
    @Autowired
    Plans plans;
    @Autowired
    MockMvc mvc;

    /** A 下达 notice as the province's and the ministry's read: 文号 on a line of its own, the table as an attachment. */
    static String upper(String office, String number, int year, String what, String unitHeader, String rows) {
        return office + "文件\n" + number + "\n关于下达" + year + "年" + what + "的通知\n"
                + "现将" + year + "年" + what + "下达给你们，请认真抓好落实。\n附件\n" + year + "年城市棚户区改造目标任务分解表\n"
                + "单位：套\n" + unitHeader + "\t开工\t基本建成\n" + rows + office + "\n" + year + "年1月20日\n";
    }

    @BeforeAll
    void upperPlans() {
        commit("建保2024-5.txt", upper("住房和城乡建设部", "建保〔2024〕5号", 2024, "保障性安居工程建设计划", "省份",
                "合计\t5000\t2500\n江西省\t3000\t1500\n湖南省\t2000\t1000\n"));
        commit("赣建保2024-3.txt", upper("江西省住房和城乡建设厅", "赣建保〔2024〕3号", 2024, "全省保障性安居工程建设工作计划",
                "设区市", "合计\t3000\t1500\n南昌市\t1800\t900\n上饶市\t1200\t600\n"));
        commit("赣建保2024-4.txt", upper("江西省住房和城乡建设厅", "赣建保〔2024〕4号", 2024, "全省城市棚户区改造补充计划",
                "设区市", "合计\t300\t100\n南昌市\t200\t50\n上饶市\t100\t50\n"));
        commit("赣建保2023-9.txt", upper("江西省住房和城乡建设厅", "赣建保〔2023〕9号", 2023, "全省保障性安居工程建设工作计划",
                "设区市", "合计\t2800\t1400\n南昌市\t1700\t800\n上饶市\t1100\t600\n"));
    }

    void commit(String name, String text) {
        ImportResult r = importer.importFile(name, text.getBytes(StandardCharsets.UTF_8), ImportOptions.commit());
        assertThat(r.problems()).as(name).isEmpty();
        assertThat(r.committed()).as(name).isTrue();
    }

    /** 上饶市's notice of 2024, citing {@code basis} the way the Shangrao seed cites the province's plan. */
    static String city(String basis) {
        return """
                关于下达2024年全市保障性安居工程建设工作计划的通知

                各县（市、区）人民政府，上饶经济技术开发区管委会：
                为确保完成国家和省确定的我市2024年保障性安居工程建设任务，%s，现将2024年全市保障性安居工程建设工作计划下达给你们，请认真抓好落实。
                附件
                2024年城市棚户区改造目标任务分解表
                单位：套
                县市区\t开工\t基本建成
                合计\t1200\t600
                信州区\t600\t300
                广丰区\t600\t300
                """.formatted(basis);
    }

    List<String> notes(ImportResult r) {
        return r.notes().stream().filter(n -> n.where().equals("上级计划")).map(ImportResult.Note::text).toList();
    }

    @Test
    void theProvincesPlanOfTheYearIsTakenAndTheOthersCitedAreNamedWithWhy() {
        String text = city("根据《住房和城乡建设部关于下达2024年保障性安居工程建设计划的通知》（建保〔2024〕5号）、"
                + "《关于下达2024年全省保障性安居工程建设工作计划的通知》（赣建保〔2024〕3号）要求，对照"
                + "《关于下达2023年全省保障性安居工程建设工作计划的通知》（赣建保〔2023〕9号）完成情况");
        ImportResult r = importer.importFile("上饶2024.txt", text.getBytes(StandardCharsets.UTF_8), ImportOptions.preview());
        assertThat(r.problems()).isEmpty();
        assertThat(r.plan().issuerCode()).isEqualTo("361100");
        // before: the first cited plan above 上饶市 — the ministry's
        assertThat(r.plan().parentPlan()).isEqualTo("赣建保〔2024〕3号");
        assertThat(notes(r)).containsExactly("按正文引用的 赣建保〔2024〕3号；正文还引用了 建保〔2024〕5号（全国的计划，江西省离发文地区更近）、"
                + "赣建保〔2023〕9号（2023年的计划，不含本计划的2024年）");
        assertThat(r.questions()).isEmpty();
    }

    @Test
    void oneCitedPlanAboveIsTakenSayingSo() {
        String text = city("根据《关于下达2024年全省保障性安居工程建设工作计划的通知》（赣建保〔2024〕3号）要求");
        ImportResult r = importer.importFile("上饶2024-单一.txt", text.getBytes(StandardCharsets.UTF_8), ImportOptions.preview());
        assertThat(r.plan().parentPlan()).isEqualTo("赣建保〔2024〕3号");
        assertThat(notes(r)).containsExactly("按正文引用的 赣建保〔2024〕3号");
    }

    @Test
    void twoOfTheProvincesPlansOfTheYearAreAQuestionNotAPick() throws Exception {
        String text = city("根据《关于下达2024年全省保障性安居工程建设工作计划的通知》（赣建保〔2024〕3号）和"
                + "《关于下达2024年全省城市棚户区改造补充计划的通知》（赣建保〔2024〕4号）要求");
        byte[] file = text.getBytes(StandardCharsets.UTF_8);
        ImportResult r = importer.importFile("上饶2024-两个.txt", file, ImportOptions.preview());
        assertThat(r.plan().parentPlan()).as("before: the first cited").isNull();
        assertThat(notes(r)).isEmpty();
        assertThat(r.complete()).isFalse();
        assertThat(r.questions()).singleElement().satisfies(q -> {
            assertThat(q.kind()).isEqualTo("PARENT");
            assertThat(q.where()).isEqualTo("上级计划");
            assertThat(q.text()).isEqualTo("正文引用的 2 个计划（赣建保〔2024〕3号「关于下达2024年全省保障性安居工程建设工作计划的通知」"
                    + "（江西省，2024年）、赣建保〔2024〕4号「关于下达2024年全省城市棚户区改造补充计划的通知」（江西省，2024年））"
                    + "同为江西省印发、含本计划的2024年，无法确定本计划落实的是哪一个：请选择上级计划（命令行 --parent 文号，不设则 --parent none）");
            assertThat(q.choices()).extracting(ImportResult.Choice::value)
                    .containsExactly("赣建保〔2024〕3号", "赣建保〔2024〕4号", "none");
        });
        // a commit without the answer writes nothing and says what is open
        ImportResult refused = importer.importFile("上饶2024-两个.txt", file, ImportOptions.commit());
        assertThat(refused.committed()).isFalse();
        assertThat(refused.problems()).extracting(ImportResult.Problem::message).anySatisfy(m ->
                assertThat(m).startsWith("尚有 1 处含义不确定，未写入任何数据：上级计划：正文引用的 2 个计划"));

        // answered: the chosen one, said to be chosen; or none
        ImportOptions chosen = new ImportOptions(true, null, false, null, null, null, null, null, null, null,
                "赣建保〔2024〕4号", null, false, null, null);
        ImportResult answered = importer.importFile("上饶2024-两个.txt", file, chosen);
        assertThat(answered.questions()).isEmpty();
        assertThat(answered.plan().parentPlan()).isEqualTo("赣建保〔2024〕4号");
        assertThat(notes(answered)).containsExactly("按指定的 赣建保〔2024〕4号");
        ImportOptions none = new ImportOptions(true, null, false, null, null, null, null, null, null, null,
                "none", null, false, null, null);
        ImportResult without = importer.importFile("上饶2024-两个.txt", file, none);
        assertThat(without.questions()).isEmpty();
        assertThat(without.plan().parentPlan()).isNull();
        assertThat(notes(without)).containsExactly("按指定不设上级计划");

        // the page asks it with the cited plans to choose from
        String page = mvc.perform(multipart("/imports/preview").file(new MockMultipartFile("file", "上饶2024-两个.txt",
                        "text/plain", file)).with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<select name=\"parent\" aria-label=\"上级计划\">",
                "<option value=\"赣建保〔2024〕4号\">赣建保〔2024〕4号「关于下达2024年全省城市棚户区改造补充计划的通知」（江西省，2024年）</option>",
                "<option value=\"none\">不设上级计划</option>");
    }
}
