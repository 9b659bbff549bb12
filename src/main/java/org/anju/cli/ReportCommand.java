package org.anju.cli;

import org.anju.intake.InputException;
import org.anju.report.Completeness;
import org.anju.report.ReportImport;
import org.anju.report.ReportInbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, description = "月报：导入、报送情况",
        subcommands = {ReportCommand.Import.class, ReportCommand.Status.class})
class ReportCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "导入月报（每行一个单位一个月：地区、月份及填报项；文件中没有的项保留原有数值，单元格留空则清除该项）；列名不符、列重复或有任何错误则不写入")
    static class Import implements Callable<Integer> {
        private final ReportImport imports;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "要导入的文件")
        Path file;
        @Option(names = "--region", paramLabel = "CODE", description = "地区代码：名称在此范围内识别")
        String region;
        @Option(names = "--submit", description = "导入后直接上报（计入汇总）")
        boolean submit;

        Import(ReportImport imports) {
            this.imports = imports;
        }

        @Override
        public Integer call() throws IOException {
            byte[] content = CliFiles.read(file, spec);
            if (content == null) {
                return Cli.BAD_INPUT;
            }
            try {
                ReportImport.ImportSummary s = imports.importFile(file.getFileName().toString(), content, region, submit);
                String read = s.columnsRead() == null ? "" : "；" + s.columnsRead();
                spec.commandLine().getOut().println(s.repeated()
                        ? "该文件已于 " + s.importedAt().atZoneSameInstant(org.anju.platform.ChinaTime.ZONE).toLocalDateTime()
                        .withNano(0) + " 由本用户导入：" + s.fileName() + "，" + s.saved() + " 份月报，其中上报 " + s.submitted()
                        + " 份" + read + "；此后这些月报没有改动，这次没有再次导入，也没有写入任何数据"
                        : "已导入：" + s.fileName() + "，" + s.saved() + " 份月报，其中上报 " + s.submitted() + " 份" + read);
                return Cli.OK;
            } catch (InputException e) {
                return CliFiles.problems(spec, file, e);
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "报送完整率和及时率（本级及各下级）")
    static class Status implements Callable<Integer> {
        private final ReportInbox reports;
        @Spec
        CommandSpec spec;
        @Mixin
        RegionMonth where;

        Status(ReportInbox reports) {
            this.reports = reports;
        }

        @Override
        public Integer call() {
            for (Completeness c : reports.completeness(where.region, where.month())) {
                spec.commandLine().getOut().println(c.regionName() + "：应报 " + c.expected() + "，已上报 " + c.submitted()
                        + "，已审核 " + c.approved() + "，退回 " + c.returned() + "，完整率 " + c.completenessText()
                        + "，及时率 " + c.timelinessText());
            }
            return Cli.OK;
        }
    }
}
