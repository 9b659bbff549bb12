package org.anju.cli;

import org.anju.intake.InputException;
import org.anju.ledger.item.LedgerFigures;
import org.anju.ledger.item.LedgerImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

@Command(name = "ledger", mixinStandardHelpOptions = true, description = "台账：导入、导出、逾期事项",
        subcommands = {LedgerCommand.Import.class, LedgerCommand.Export.class, LedgerCommand.Overdue.class})
class LedgerCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "导入一种事项的台账（XLSX、CSV、TSV，表头为该种类的中文列名）；默认只预览，--commit 全部写入，有任何错误则不写入")
    static class Import implements Callable<Integer> {
        private final LedgerImport imports;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "要导入的文件")
        Path file;
        @Option(names = "--region", paramLabel = "CODE", required = true, description = "台账所属地区代码")
        String region;
        @Option(names = "--kind", required = true, description = "种类：AUDIT、PETITION、OVERDUE_RESETTLEMENT、LATE_DELIVERY、DANGEROUS_BUILDING（或中文名称）")
        String kind;
        @Option(names = "--commit", description = "写入（默认只预览）")
        boolean commit;

        Import(LedgerImport imports) {
            this.imports = imports;
        }

        @Override
        public Integer call() throws IOException {
            byte[] content = CliFiles.read(file, spec);
            if (content == null) {
                return Cli.BAD_INPUT;
            }
            try {
                LedgerImport.Result r = imports.importFile(region, kind, file.getFileName().toString(), content, commit);
                spec.commandLine().getOut().println((r.committed() ? "已导入：" : "预览（未写入，加 --commit 写入）：") + r.regionName()
                        + "的" + r.kindName() + "台账 " + r.rows().size() + " 项");
                return Cli.OK;
            } catch (InputException e) {
                return CliFiles.problems(spec, file, e);
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "导出地区本级一种事项的台账为 XLSX（格式与导入相同）")
    static class Export implements Callable<Integer> {
        private final LedgerImport imports;
        @Spec
        CommandSpec spec;
        @Option(names = "--region", paramLabel = "CODE", required = true, description = "地区代码")
        String region;
        @Option(names = "--kind", required = true, description = "种类代码或中文名称")
        String kind;
        @Option(names = {"--out", "-o"}, paramLabel = "FILE", required = true,
                description = "输出文件（不可已存在，除非加 --force）")
        String out;
        @Option(names = "--force", description = "覆盖已存在的输出文件")
        boolean force;

        Export(LedgerImport imports) {
            this.imports = imports;
        }

        @Override
        public Integer call() throws IOException {
            Path file = OutFile.checked(out, "--out", force, "台账.xlsx");
            OutFile.write(file, "--out", force, imports.export(region, kind));
            spec.commandLine().getOut().println("已导出：" + file.toAbsolutePath());
            return Cli.OK;
        }
    }

    @Command(name = "overdue", mixinStandardHelpOptions = true, description = "列出地区及其下级已逾期的未销号事项（制表符分隔）")
    static class Overdue implements Callable<Integer> {
        private final LedgerFigures figures;
        @Spec
        CommandSpec spec;
        @Option(names = "--region", paramLabel = "CODE", required = true, description = "地区代码")
        String region;
        @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "截至日期（默认今天）")
        String on;

        Overdue(LedgerFigures figures) {
            this.figures = figures;
        }

        @Override
        public Integer call() {
            LocalDate day;
            try {
                day = on == null ? LocalDate.now(org.anju.platform.ChinaTime.ZONE) : LocalDate.parse(on);
            } catch (DateTimeParseException e) {
                spec.commandLine().getErr().println("错误：选项 --on 的值「" + on + "」无效：" + org.anju.platform.Expected.date(on));
                return Cli.BAD_INPUT;
            }
            var out = spec.commandLine().getOut();
            out.println("逾期天数\t种类\t地区\t责任单位\t事项\t整改期限\t状态");
            for (LedgerFigures.Late l : figures.overdue(region, day)) {
                out.println(l.daysLate() + "\t" + l.kindName() + "\t" + l.regionName() + "\t" + (l.unitName() == null ? "未指定" : l.unitName())
                        + "\t" + l.title() + "\t" + l.deadline() + "\t" + l.state().label());
            }
            return Cli.OK;
        }
    }
}
