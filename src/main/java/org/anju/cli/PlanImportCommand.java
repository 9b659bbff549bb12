package org.anju.cli;

import org.anju.plan.imports.Choices;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.plan.imports.YearSpan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "导入分解表文件（XLSX、XLS、DOCX、CSV/TSV、TXT）；有任何错误则不写入")
class PlanImportCommand implements Callable<Integer> {

    private final PlanImporter importer;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "要导入的文件")
    Path file;

    @Option(names = "--dry-run", description = "只预览和校验，不写入")
    boolean dryRun;

    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;

    @Option(names = "--plan", paramLabel = "ID", description = "导入到已有计划")
    Long planId;

    @Option(names = "--replace", description = "替换计划已有的分解表")
    boolean replace;

    @Option(names = "--issuer", paramLabel = "CODE", description = "发文地区代码，如 361100（默认由表中地区推断）")
    String issuer;

    @Option(names = "--issuer-name", description = "发文机关，如 上饶市住房和城乡建设局")
    String issuerName;

    @Option(names = "--encoding", description = "文本文件编码，如 GBK（默认自动识别 UTF-8/GBK）")
    String encoding;

    @Option(names = "--title", description = "计划标题（默认取文件中的标题）")
    String title;

    @Option(names = "--doc-number", description = "文号（默认取文件中单独成行的文号）")
    String documentNumber;

    @Option(names = {"--years", "--year"}, paramLabel = "YYYY[-YYYY]",
            description = "年度，如 2023 或 2023-2024（表头、表名和正文都没写明时）")
    String years;

    @Option(names = "--program", paramLabel = "CODE", description = "工程类别代码，如 OLD_COMMUNITY（表中没写明时）")
    String program;

    @Option(names = "--stage", paramLabel = "CODE", description = "阶段代码，如 START、COMPLETION（表中没写明时）")
    String stage;

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "进展表的截止月份，如 2023-09（表中没写明时）")
    String period;

    @Option(names = "--column", paramLabel = "列=含义",
            description = "指定某列的含义：\"项目数量=ignore\"、\"户数=OLD_COMMUNITY.START.HOUSEHOLD\"，"
                    + "可加类型和年度：\"户数=OLD_COMMUNITY.START.HOUSEHOLD:TARGET:2024\"（可重复）")
    java.util.List<String> columns = new java.util.ArrayList<>();

    @Option(names = "--columns", paramLabel = "FILE", description = "列含义文件：每行一条 列=含义，# 开头为注释")
    Path columnsFile;

    @Option(names = "--region", paramLabel = "名称=代码", description = "指定某行的地区：\"吉林=220000\"、\"三县=ignore\"（可重复）")
    java.util.List<String> regionChoices = new java.util.ArrayList<>();

    @Option(names = "--all", description = "列出识别出的全部数字（默认列出前 20 个）")
    boolean all;

    @Option(names = "--parent", paramLabel = "文号", description = "上级计划的文号，none 为不设（默认按正文引用的已导入计划：含本计划年度、离发文地区最近的一个；多个难以区分时须指定）")
    String parent;

    PlanImportCommand(PlanImporter importer) {
        this.importer = importer;
    }

    @Override
    public Integer call() throws IOException {
        byte[] content = CliFiles.read(file, spec);
        if (content == null) {
            return Cli.BAD_INPUT;
        }
        YearSpan span;
        try {
            // named as typed: --year is the option's other name (operator trial: "--years 应为…" for a --year typed)
            span = YearSpan.parse(years, spec.commandLine().getParseResult().originalArgs().stream()
                    .anyMatch(a -> a.equals("--year") || a.startsWith("--year=")) ? "--year" : "--years");
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("错误：" + e.getMessage());
            return Cli.BAD_INPUT;
        }
        Charset charset;
        try {
            charset = encoding == null ? null : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("错误：--encoding 不支持的编码：" + encoding + "（如 GBK、UTF-8）");
            return Cli.BAD_INPUT;
        }
        Choices choices;
        try {
            java.util.List<String> columnLines = new java.util.ArrayList<>();
            if (columnsFile != null) {
                java.util.List<String> lines = CliFiles.lines(columnsFile, "--columns", spec);
                if (lines == null) {
                    return Cli.BAD_INPUT;
                }
                for (int n = 0; n < lines.size(); n++) {
                    // each line checked by itself, so that a wrong one is named with its file and line
                    Choices.pairs(List.of(lines.get(n)), "--columns 文件 " + columnsFile.getFileName() + " 第 " + (n + 1) + " 行");
                }
                columnLines.addAll(lines);
            }
            columnLines.addAll(columns);
            java.time.YearMonth month = Choices.month(period, "--period");
            choices = new Choices(Choices.pairs(columnLines, "--column"), Choices.pairs(regionChoices, "--region"),
                    program, stage, month);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("错误：" + e.getMessage());
            return Cli.BAD_INPUT;
        }
        ImportOptions options = new ImportOptions(dryRun, planId, replace, issuer, issuerName, title, documentNumber,
                null, span == null ? null : span.first(), span == null ? null : span.last(), parent, charset, false, null, null, choices);
        ImportResult result = importer.importFile(file.getFileName().toString(), content, options);
        if (json) {
            Output.json(spec.commandLine().getOut(), result);
        } else {
            Output.importResult(result.ok() ? spec.commandLine().getOut() : spec.commandLine().getErr(), result, all);
        }
        return result.ok() ? Cli.OK : Cli.BAD_INPUT;
    }
}
