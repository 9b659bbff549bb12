package org.anju.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InputProblemTest {

    @Test
    void describeNamesWhatIsKnown() {
        assertThat(new InputProblem("计划.xlsx", "附件1", 12, 3, "……").describe())
                .isEqualTo("文件 计划.xlsx，工作表 附件1，第 12 行，第 C 列：……");
        assertThat(new InputProblem("计划.xls", "Sheet1", 2, 28, "数值无效").describe())
                .isEqualTo("文件 计划.xls，工作表 Sheet1，第 2 行，第 AB 列：数值无效");
        assertThat(new InputProblem("计划.csv", "正文", 5, 2, "数值无效").describe())
                .isEqualTo("文件 计划.csv，正文，第 5 行，第 B 列：数值无效");
        assertThat(new InputProblem("通报.docx", "表格2", 3, 2, "数值无效").describe())
                .isEqualTo("文件 通报.docx，表格2，第 3 行，第 2 列：数值无效");
        assertThat(new InputProblem("计划.txt", "正文", 90, 3, "数值无效").describe())
                .isEqualTo("文件 计划.txt，正文，第 90 行，第 3 列：数值无效");
        // a position in a line of text (encoding problems): no sheet, the column is a character position
        assertThat(new InputProblem("计划.csv", null, 3, 5, "不是有效的 UTF-8 编码").describe())
                .isEqualTo("文件 计划.csv，第 3 行，第 5 列：不是有效的 UTF-8 编码");
        assertThat(new InputProblem("计划.xlsx", "附件1", 12, null, "合计不符").describe())
                .isEqualTo("文件 计划.xlsx，工作表 附件1，第 12 行：合计不符");
        assertThat(new InputProblem("计划.xlsx", "附件1", null, null, "没有表头").describe())
                .isEqualTo("文件 计划.xlsx，工作表 附件1：没有表头");
        assertThat(InputProblem.ofFile("计划.xlsx", "文件是空的").describe()).isEqualTo("文件 计划.xlsx：文件是空的");
        assertThat(new InputProblem(null, null, null, null, "没有文件").describe()).isEqualTo("没有文件");
        // no telling extension: a worksheet name means letters, a Word table or text body means numbers
        assertThat(new InputProblem("上传的文件", "附件1", 4, 3, "x").describe()).isEqualTo("文件 上传的文件，工作表 附件1，第 4 行，第 C 列：x");
        assertThat(new InputProblem("上传的文件", "表格1", 4, 3, "x").describe()).isEqualTo("文件 上传的文件，表格1，第 4 行，第 3 列：x");
    }

    @CsvSource({"1,A", "3,C", "26,Z", "27,AA", "52,AZ", "53,BA", "702,ZZ", "703,AAA", "16384,XFD"})
    @ParameterizedTest
    void columnLetters(int column, String letters) {
        assertThat(InputProblem.columnLetters(column)).isEqualTo(letters);
    }

    @Test
    void exceptionMessageIsTheProblemsOnePerLine() {
        InputException e = new InputException(List.of(
                new InputProblem("计划.xlsx", "附件1", 12, 3, "甲"),
                new InputProblem("计划.xlsx", "附件1", 13, 3, "乙")));

        assertThat(e.getMessage()).isEqualTo("文件 计划.xlsx，工作表 附件1，第 12 行，第 C 列：甲\n"
                + "文件 计划.xlsx，工作表 附件1，第 13 行，第 C 列：乙");
        assertThat(e.problems()).hasSize(2);
    }

    @Test
    void longListsAreCutInTheMessageButKeptInProblems() {
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            problems.add(new InputProblem("计划.xlsx", "附件1", i, 1, "错"));
        }

        InputException e = new InputException(problems);

        assertThat(e.problems()).hasSize(60);
        assertThat(e.getMessage().lines()).hasSize(51);
        assertThat(e.getMessage()).endsWith("第 50 行，第 A 列：错\n……另有 10 处问题");
    }
}
