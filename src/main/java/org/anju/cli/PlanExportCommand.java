package org.anju.cli;

import org.anju.plan.BreakdownTable;
import org.anju.plan.Plan;
import org.anju.plan.Plans;
import org.anju.plan.export.XlsxExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, description = "按原表格式导出分解表为 XLSX")
class PlanExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private final Plans plans;
    private final XlsxExport export;

    @Option(names = "--plan", paramLabel = "ID", required = true, description = "计划编号")
    long planId;

    @Option(names = "--table", paramLabel = "N", description = "只导出第 N 张表（默认全部）")
    Integer table;

    @Option(names = {"--out", "-o"}, paramLabel = "FILE",
            description = "输出文件（默认 <文号>.xlsx；不可已存在，除非加 --force）")
    String out;

    @Option(names = "--force", description = "覆盖已存在的输出文件")
    boolean force;

    PlanExportCommand(Plans plans, XlsxExport export) {
        this.plans = plans;
        this.export = export;
    }

    @Override
    public Integer call() throws IOException {
        Path given = out == null ? null : OutFile.checked(out, "--out", force, "附件.xlsx");   // before anything is read
        Plan plan = plans.get(planId);
        List<BreakdownTable> tables = table == null ? plans.tables(planId) : List.of(plans.table(planId, table));
        if (tables.isEmpty()) {
            spec.commandLine().getErr().println("错误：计划 " + planId + " 没有分解表");
            return Cli.BAD_INPUT;
        }
        Path target = given != null ? given : OutFile.checked(
                Path.of(plan.label().replaceAll("[\\\\/:*?\"<>|]", "_") + ".xlsx"), "--out", force, "附件.xlsx");
        OutFile.write(target, "--out", force, export.write(tables));
        out().println("已导出 " + tables.size() + " 张表：" + target.toAbsolutePath());
        return Cli.OK;
    }
}
