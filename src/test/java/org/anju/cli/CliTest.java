package org.anju.cli;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line, run in-process against its own database. */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=cli")
class CliTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    /** A {@code plan} subcommand. */
    private CliRun run(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "plan";
        System.arraycopy(args, 0, full, 1, args.length);
        return CliRun.of(context, full);
    }

    private Path seed(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, new ClassPathResource("seeds/" + name).getContentAsByteArray());
        return p;
    }

    private long plans() {
        return jdbc.sql("select count(*) from plan").query(Long.class).single();
    }

    @Test
    void importValidateExportAndReimport() throws IOException {
        Path jiangxi = seed("001_bc1ecb836366de7f.txt");
        CliRun dry = run("import", jiangxi.toString(), "--dry-run", "--json");
        assertThat(dry.exit()).as(dry.err()).isEqualTo(Cli.OK);
        assertThat(dry.out()).contains("\"documentNumber\" : \"赣建保〔2023〕1号\"", "\"committed\" : false");
        assertThat(plans()).isZero();

        CliRun imported = run("import", jiangxi.toString());
        assertThat(imported.exit()).as(imported.err()).isEqualTo(Cli.OK);
        assertThat(imported.out()).contains("已导入：001_bc1ecb836366de7f.txt", "附件7", "发现 1 处不一致",
                "合计行为 1062，各行之和为 1265");
        assertThat(run("import", seed("000_882ae47dbd807c50.txt").toString()).out()).contains("上级计划 赣建保〔2023〕1号");
        assertThat(run("import", seed("002_37d43cbaf8be4606.txt").toString()).exit()).isEqualTo(Cli.OK);

        CliRun validate = run("validate");
        assertThat(validate.exit()).isEqualTo(Cli.FINDINGS);
        // 赣州: 14 against the province's allocation, and its text's 2.99万套 (29951), now read from the text itself
        assertThat(validate.out()).contains("发现 1 处不一致", "大余县", "发现 15 处不一致", "正文「2.99万套」与附表 29951 不符");
        long shangrao = jdbc.sql("select id from plan where issuer_region_id = (select id from region where code = '361100')")
                .query(Long.class).single();
        assertThat(run("validate", "--plan", String.valueOf(shangrao)).exit()).isEqualTo(Cli.OK);

        long jiangxiId = jdbc.sql("select id from plan where document_number = '赣建保〔2023〕1号'").query(Long.class).single();
        Path xlsx = dir.resolve("赣.xlsx");
        CliRun export = run("export", "--plan", String.valueOf(jiangxiId), "--out", xlsx.toString());
        assertThat(export.exit()).as(export.err()).isEqualTo(Cli.OK);
        CliRun again = run("import", xlsx.toString(), "--dry-run", "--issuer", "360000", "--title", "导出再导入", "--years", "2023");
        assertThat(again.exit()).as(again.err()).isEqualTo(Cli.OK);
        assertThat(again.out()).contains("预览（未写入）", "附件6", "发现 1 处不一致");
    }

    @Test
    void badInputExitsWithTwoAndWritesNothing() throws IOException {
        long before = plans();
        Path bad = dir.resolve("坏表.tsv");
        Files.writeString(bad, "2023年城市棚户区改造目标任务分解表\n县市区\t开工\n合计\t10\n兴国县\t十\n", StandardCharsets.UTF_8);
        CliRun r = run("import", bad.toString());
        assertThat(r.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("导入失败：坏表.tsv", "第 4 行", "不是数字「十」");
        assertThat(plans()).isEqualTo(before);

        assertThat(run("import", dir.resolve("没有这个文件.xlsx").toString()).exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run("frobnicate").exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run("export", "--plan", "424242").exit()).isEqualTo(Cli.BAD_INPUT);
        // named as typed (operator trial of the twentieth session: "--years 应为…" for a --year typed)
        CliRun year = run("import", bad.toString(), "--dry-run", "--year=20x3");
        assertThat(year.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(year.err()).contains("--year 应为 2023 或 2023-2024：20x3");
        assertThat(run("import", bad.toString(), "--dry-run", "--years", "20x3").err()).contains("--years 应为");
    }

    /** A real table the file leaves uncertain: the preview names each question and the option that answers it. */
    @Test
    void uncertainColumnsAreAskedAndAnsweredOnTheCommandLine() throws IOException {
        Path dezhou = dir.resolve("德州.tsv");
        Files.copy(Path.of("src/test/resources/realworld/20-shandong-dezhou-2022-laojiu-jihua/table.tsv.txt"), dezhou);
        long before = plans();

        CliRun asked = run("import", dezhou.toString(), "--dry-run");
        assertThat(asked.exit()).as(asked.err()).isEqualTo(Cli.OK);
        assertThat(asked.out()).contains("尚有 7 处待确认（确认前不会写入任何数据）", "答法：--column \"项目数量=…\"",
                "答法：--region \"开发区=…\"，可选：371471（德州市德州天衢新区（371471））", "答法：--years 2023");

        CliRun refused = run("import", dezhou.toString());
        assertThat(refused.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(refused.err()).contains("尚有 7 处含义不确定，未写入任何数据");
        assertThat(plans()).isEqualTo(before);

        assertThat(run("import", dezhou.toString(), "--stage", "开建").err()).contains("--stage 不是阶段：「开建」");
        assertThat(run("import", dezhou.toString(), "--column", "项目数量").err()).contains("应写成 名称=答案");

        assertThat(refused.err()).contains("含义不确定：正文 第 C 列：「小区数」");  // each one listed
        CliRun directory = run("import", dir.toString(), "--dry-run");
        assertThat(directory.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(directory.err()).contains("无法读取文件", "这是一个目录");
        assertThat(run("import", dezhou.toString(), "--years", "2024-2022").err()).contains("起始年 2024 晚于结束年 2022");
        // what picocli refuses is said in Chinese too, naming the option
        assertThat(run("import").err()).contains("错误：缺少参数 FILE", "用法：").doesNotContain("Missing");
        assertThat(run("import", dezhou.toString(), "--colums", "a=b").err()).contains("无法识别：--colums", "--columns")
                .doesNotContain("Unknown");
        assertThat(run("import", dezhou.toString(), "--plan", "三").err()).contains("选项 --plan 的值「三」无效：应为整数");
        // -V, offered in every command's help as 显示版本并退出, printed nothing
        CliRun version = run("import", "-V");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("安居 ").contains("Java 25");

        // an answers file saved by a Chinese Windows editor is GBK: read as such, not as mojibake
        Path answers = dir.resolve("列含义.txt");
        Files.write(answers, "# 德州 2022\n项目数量=ignore\n建筑面积=OLD_COMMUNITY.START.AREA_10K_M2:万平方米\n"
                .getBytes(java.nio.charset.Charset.forName("GBK")));
        CliRun done = run("import", dezhou.toString(), "--years", "2022", "--stage", "开工", "--columns", answers.toString(),
                "--region", "开发区=371471", "--all");
        assertThat(done.exit()).as(done.err()).isEqualTo(Cli.OK);
        assertThat(done.out()).contains("已导入：德州.tsv", "第 B 列「项目数量」→ 不导入",
                "第 F 列「建筑面积」→ 城镇老旧小区改造开工（万平方米） · 目标任务 · 2022年",
                "「开发区」→ 德州天衢新区（371471） 城镇老旧小区改造开工（户） 2022年 目标任务：3793",
                "正文数「377万平米」（德州市）：与表中 377.72 不符");
        assertThat(plans()).isEqualTo(before + 1);
        jdbc.sql("delete from plan where source_file = '德州.tsv'").update();     // the other tests count plans
    }
}
