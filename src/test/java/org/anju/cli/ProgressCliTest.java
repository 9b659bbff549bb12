package org.anju.cli;

import org.anju.AnjuTest;
import org.anju.intake.SourceReader;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.PlanImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** project / report / progress / bulletin commands in-process on their own database. */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=progress_cli")
class ProgressCliTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    PlanImporter importer;
    @Autowired
    SourceReader reader;
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(context, args);
    }

    private Path seed(String name) throws IOException {
        Path p = dir.resolve(name.substring(name.indexOf('/') + 1));
        Files.write(p, new ClassPathResource("seeds/" + name).getContentAsByteArray());
        return p;
    }

    @Test
    void theZhangyeMonthFromFilesToBulletin() throws IOException {
        assertThat(Cli.handles(new String[] {"bulletin"})).isTrue();
        assertThat(Cli.handles(new String[] {"project", "import"})).isTrue();
        importer.importFile("targets.txt", new ClassPathResource("seeds/zhangye-2023/targets.txt").getContentAsByteArray(),
                new ImportOptions(false, null, false, "620700", null, "张掖市2023年保障性安居工程目标任务", null,
                        LocalDate.of(2023, 1, 1), 2023, 2023, null, null, false, null, null));

        CliRun projects = run("project", "import", seed("zhangye-2023/projects.csv").toString(), "--region", "620700");
        assertThat(projects.exit()).as(projects.err()).isEqualTo(Cli.OK);
        assertThat(projects.out()).contains("新增 15 个项目", "记录进度 22 条");
        CliRun reports = run("report", "import", seed("zhangye-2023/reports-2023-12.csv").toString(), "--region", "620700", "--submit");
        assertThat(reports.exit()).as(reports.err()).isEqualTo(Cli.OK);
        assertThat(reports.out()).contains("7 份月报，其中上报 7 份");
        assertThat(run("report", "status", "--region", "620700", "--period", "2023-12").out())
                .contains("张掖市：应报 7，已上报 7，已审核 0");
        assertThat(run("progress", "show", "--region", "620700", "--period", "2023-12").out())
                .contains("住房租赁补贴发放（户）：2532 / 2503，发放完成率 101.2%");
        assertThat(run("progress", "rebuild").out()).contains("已重算汇总");
        assertThat(run("progress", "show", "--region", "620700", "--period", "2023-12").out())
                .contains("保障性安居工程拨付（万元）：15149.5 / 25480，拨付率 59.5%");

        Path docx = dir.resolve("通报.docx");
        CliRun bulletin = run("bulletin", "--region", "620700", "--period", "2023-12", "--out", docx.toString(),
                "--number", "张旧改办〔2024〕1号", "--date", "2024-01-09");
        assertThat(bulletin.exit()).as(bulletin.err()).isEqualTo(Cli.OK);
        // a day its month does not have: said so, not just "无效" (operator trial of the twentieth session, F27)
        CliRun noSuchDay = run("bulletin", "--region", "620700", "--period", "2023-12", "--out", dir.resolve("x.docx").toString(),
                "--date", "2023-02-30");
        assertThat(noSuchDay.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(noSuchDay.err()).contains("选项 --date 的值「2023-02-30」无效：2023年2月没有30日（该月共 28 天）");
        assertThat(run("bulletin", "--region", "620700", "--period", "2023-12", "--out", dir.resolve("x.docx").toString(),
                "--date", "2024年1月9日").err()).contains("选项 --date 的值「2024年1月9日」无效：应为 2023-12-31 这样的日期（年-月-日）");
        assertThat(reader.read("通报.docx", Files.readAllBytes(docx)).sheets().getFirst().rows())
                .anySatisfy(r -> assertThat(r.cell(0)).isEqualTo("张旧改办〔2024〕1号"));
        Path xlsx = dir.resolve("附件.xlsx");
        assertThat(run("bulletin", "--region", "620700", "--period", "2023-12", "-o", xlsx.toString()).exit()).isEqualTo(Cli.OK);
        assertThat(reader.read("附件.xlsx", Files.readAllBytes(xlsx)).sheets()).hasSize(3);
        Path exported = dir.resolve("项目库.xlsx");
        assertThat(run("project", "export", "--region", "620700", "--year", "2023", "-o", exported.toString()).exit()).isEqualTo(Cli.OK);
        assertThat(run("project", "import", exported.toString(), "--region", "620700").out()).contains("新增 0 个项目，更新 15 个");
    }

    @Test
    void badInputExitsWith2AndNamesTheCell() throws IOException {
        Path bad = dir.resolve("坏月报.csv");
        Files.writeString(bad, "地区,月份,已发放户数（户）\n民乐县,2023-11,十二\n", StandardCharsets.UTF_8);
        CliRun r = run("report", "import", bad.toString(), "--region", "620700");
        assertThat(r.exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("未写入任何数据", "文件 坏月报.csv，正文，第 2 行，第 C 列：“已发放户数（户）”不是数字：十二");
        assertThat(run("project", "import", dir.resolve("没有.xlsx").toString()).exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run("bulletin", "--region", "620700", "--period", "2023-12", "-o", "x.txt").exit()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run("bulletin", "--region", "620700", "--period", "2023-13", "-o", "x.docx").exit()).isEqualTo(Cli.BAD_INPUT);
    }

    /**
     * Every command that writes a file checks it first as backup does — a missing directory, a directory, a file where
     * the directory should be, an existing file without --force, a path ending in / — and is refused in one line
     * naming it, exit 2, nothing written; never a device or pipe, even with --force. Operator trial F5: 内部错误 with 38
     * stack frames and exit 3; {@code -o dir.docx/} wrote {@code dir.docx}; an existing file was overwritten.
     */
    @Test
    void everyOutputFileIsCheckedAsBackupsIsAndWrittenWholeOrNotAtAll() throws IOException {
        Path plain = dir.resolve("plain");
        Files.writeString(plain, "x");
        Path old = dir.resolve("old.xlsx");
        Files.writeString(old, "an older export");
        Path subdir = Files.createDirectory(dir.resolve("dir.docx"));
        Path link = Files.createSymbolicLink(dir.resolve("link.xlsx"), old);
        String[][] commands = {
                {"bulletin", "--period=2023-12", "--region=620700"},
                {"project", "export", "--region=620700", "--year=2023"},
                {"plan", "export", "--plan=1"},
                {"ledger", "export", "--kind=AUDIT", "--region=360702"},
                {"backup"}};
        for (String[] command : commands) {
            String[][] refusals = {
                    {"/nonexist/b.xlsx", "目录不存在：/nonexist（未写入任何内容）"},
                    {subdir.toString(), subdir + " 是一个目录（未写入任何内容）"},
                    {subdir + "/", subdir + "/ 以 / 结尾，是目录的写法"},
                    {dir.resolve("x/new.xlsx") + "/", "以 / 结尾"},
                    {plain.resolve("a.xlsx").toString(), plain + " 不是目录，而是一个文件（未写入任何内容）"},
                    {old.toString(), "文件已存在：" + old + "（未写入任何内容）。换一个文件名，或加 --force 覆盖它"},
                    {"/dev/null", "/dev/null 不是普通文件", "--force"},
                    {link.toString(), link + " 是一个符号链接", "--force"},
                    {"-", "--out -：不能写到标准输出"}};
            for (String[] r : refusals) {
                String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                        java.util.Arrays.stream(r.length > 2 ? new String[] {"--out", r[0], r[2]} : new String[] {"--out", r[0]}))
                        .toArray(String[]::new);
                CliRun said = run(args);
                assertThat(said.exit()).as(String.join(" ", args) + "\n" + said.err()).isEqualTo(Cli.BAD_INPUT);
                assertThat(said.err()).as(String.join(" ", args)).startsWith("错误：").contains(r[1])
                        .doesNotContain("Exception", "\tat ", "内部错误", "错误编号").hasLineCount(1);
            }
        }
        assertThat(Files.readString(old)).isEqualTo("an older export");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(plain)).isEqualTo("x");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactlyInAnyOrder(plain, old, subdir, link);
        }
        try (var inside = Files.list(subdir)) {
            assertThat(inside).isEmpty();
        }

        // --force replaces an existing file, whole: through a part file that does not stay behind, keeping the old
        // file's mode (an owner-only export stayed 0600 when written in place; review of the twentieth session, M2)
        Files.setPosixFilePermissions(old, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        CliRun forced = run("project", "export", "--region=620700", "--year=2023", "-o", old.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isEqualTo(Cli.OK);
        assertThat(Files.readAllBytes(old)).startsWith(new byte[] {'P', 'K'});
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(old)))
                .isEqualTo("rw-------");
        CliRun ledger = run("ledger", "export", "--kind=AUDIT", "--region=620700", "-o", dir.resolve("台账.xlsx").toString());
        assertThat(ledger.exit()).as(ledger.err()).isEqualTo(Cli.OK);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactlyInAnyOrder(plain, old, subdir, link, dir.resolve("台账.xlsx"));
        }
        assertThat(run("project", "export", "--help").out()).contains("--force");
    }
}
