package org.anju.plan.imports;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questions of a plan import's preview are read on the web page by officials, who have no command line: "可用 --stage
 * 指定" named only the command's option (trial of 2026-12-04, a city's breakdown table with 城镇老旧小区改造（个） and no
 * stage). They now name the import page's field, the option beside it.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=plan_question_wording")
class QuestionWordingTest {

    @Autowired
    PlanImporter importer;

    @Test
    void anOpenStageNamesTheImportPagesField() {
        byte[] xlsx = org.anju.Workbooks.xlsx("Sheet1",
                new Object[] {"张掖市2024年保障性安居工程目标任务分解表"},
                new Object[] {"序号", "县区", "城镇老旧小区改造（个）"},
                new Object[] {"1", "甘州区", "50"},
                new Object[] {"2", "临泽县", "40"});
        ImportResult r = importer.importFile("分解表.xlsx", xlsx, ImportOptions.preview());
        assertThat(r.questions()).singleElement().satisfies(q -> assertThat(q.text())
                .contains("无法确定（可在导入页“阶段”中填写（命令行 --stage），或逐列指定）"));
    }
}
