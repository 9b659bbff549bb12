package org.anju.cli;

import org.anju.progress.Progress;
import org.anju.progress.ProgressLine;
import org.anju.progress.Rates;
import org.anju.progress.Rollups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "progress", mixinStandardHelpOptions = true, description = "进度汇总：查看、重算",
        subcommands = {ProgressCommand.Show.class, ProgressCommand.Rebuild.class})
class ProgressCommand {

    @Command(name = "show", mixinStandardHelpOptions = true, description = "某地区某月的汇总和比率")
    static class Show implements Callable<Integer> {
        private final Progress progress;
        @Spec
        CommandSpec spec;
        @Mixin
        RegionMonth where;

        Show(Progress progress) {
            this.progress = progress;
        }

        @Override
        public Integer call() {
            var s = progress.summary(where.region, where.month());
            spec.commandLine().getOut().println(s.regionName() + " " + s.period() + "（累计；报送情况：" + s.reportingText() + "）");
            for (ProgressLine l : s.lines()) {
                spec.commandLine().getOut().println("  " + l.indicatorName() + "：" + l.actualText()
                        + (l.target() == null ? "" : " / " + Rates.figure(l.target()))
                        + (l.rateName() == null ? "" : "，" + l.rateName() + " " + l.rateText()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true, description = "由各填报单位数据重算全部汇总（修复或批量导入后）")
    static class Rebuild implements Callable<Integer> {
        private final Rollups rollups;
        @Spec
        CommandSpec spec;

        Rebuild(Rollups rollups) {
            this.rollups = rollups;
        }

        @Override
        public Integer call() {
            spec.commandLine().getOut().println("已重算汇总：" + rollups.rebuild() + " 行");
            return Cli.OK;
        }
    }
}
