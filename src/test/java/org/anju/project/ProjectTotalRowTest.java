package org.anju.project;

import org.anju.AnjuTest;
import org.anju.intake.InputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A county's project list ends with a 合计 row: it was refused "未知地区：合计", "“工程类别”不能为空", "“年度”不能为空",
 * "“项目名称”不能为空" (trial of 2026-12-04). Now it is checked against the rows above it, left out and said.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=project_total_row")
class ProjectTotalRowTest {

    @Autowired
    Projects projects;

    static byte[] csv(String total) {
        return ("地区,工程类别,年度,项目名称,套数,户数,计划投资（万元）\n"
                + "甘州区,保障性租赁住房,2025,甘州区2025年试点保租房项目,120,,3600.5\n"
                + "甘州区,城镇老旧小区改造,2025,甘州区南街小区改造,,300,800\n"
                + total + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTotalRowThatAddsUpIsLeftOutAndSaid() {
        Projects.ImportSummary s = projects.importFile("项目清单.csv", csv("合计,,,,120,300,4400.5"), "620700");
        assertThat(s.inserted()).isEqualTo(2);
        assertThat(s.notImportedText()).isEqualTo("；第 4 行“合计”是合计行，与其上各行之和相符，未作为项目导入");
    }

    @Test
    void aTotalRowThatDoesNotAddUpRefusesTheFileNamingTheCell() {
        assertThatThrownBy(() -> projects.importFile("项目清单2.csv", csv(",,,合计,120,300,4400"), "620700"))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 项目清单2.csv，正文，第 4 行，第 G 列：合计行的“计划投资（万元）”为 4400，"
                                + "与其上各行之和 4400.5 不符：请核对各行和合计，或删去合计行"));
    }
}
