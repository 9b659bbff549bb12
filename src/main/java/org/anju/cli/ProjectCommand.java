package org.anju.cli;

import org.anju.intake.InputException;
import org.anju.project.Projects;
import org.anju.progress.Periods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;

@Command(name = "project", mixinStandardHelpOptions = true, description = "项目库：导入、导出",
        subcommands = {ProjectCommand.Import.class, ProjectCommand.Export.class})
class ProjectCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "导入项目库文件（XLSX、CSV 等）：按 地区+工程类别+年度+项目名称 新增或更新，可带月度进度；有任何错误则不写入")
    static class Import implements Callable<Integer> {
        private final Projects projects;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "要导入的文件")
        Path file;
        @Option(names = "--region", paramLabel = "CODE", description = "地区代码：名称在此范围内识别，所有行须在此范围内")
        String region;

        Import(Projects projects) {
            this.projects = projects;
        }

        @Override
        public Integer call() throws IOException {
            byte[] content = CliFiles.read(file, spec);
            if (content == null) {
                return Cli.BAD_INPUT;
            }
            try {
                Projects.ImportSummary s = projects.importFile(file.getFileName().toString(), content, region);
                spec.commandLine().getOut().println("已导入：" + s.fileName() + "，新增 " + s.inserted() + " 个项目，更新 "
                        + s.updated() + " 个，记录进度 " + s.progressRecords() + " 条" + s.notImportedText());
                return Cli.OK;
            } catch (InputException e) {
                return CliFiles.problems(spec, file, e);
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "导出项目库为 XLSX（可修改后重新导入）")
    static class Export implements Callable<Integer> {
        private final Projects projects;
        @Spec
        CommandSpec spec;
        @Option(names = "--region", paramLabel = "CODE", required = true, description = "地区代码")
        String region;
        @Option(names = "--year", required = true, description = "年度")
        int year;
        @Option(names = "--upto", paramLabel = "YYYY-MM", description = "进度截至月份（默认年末）")
        String upto;
        @Option(names = {"--out", "-o"}, paramLabel = "FILE", required = true,
                description = "输出文件（不可已存在，除非加 --force）")
        String out;
        @Option(names = "--force", description = "覆盖已存在的输出文件")
        boolean force;

        Export(Projects projects) {
            this.projects = projects;
        }

        @Override
        public Integer call() throws IOException {
            YearMonth until = upto == null ? YearMonth.of(year, 12) : Periods.parse(upto);
            Path file = OutFile.checked(out, "--out", force, "项目库.xlsx");
            OutFile.write(file, "--out", force, projects.export(region, year, until));
            spec.commandLine().getOut().println("已导出：" + file.toAbsolutePath());
            return Cli.OK;
        }
    }
}
