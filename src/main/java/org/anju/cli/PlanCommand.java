package org.anju.cli;

import picocli.CommandLine.Command;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "建设计划：导入、校验、导出目标任务分解表",
        subcommands = {PlanImportCommand.class, PlanValidateCommand.class, PlanExportCommand.class,
                PlanListCommand.class})
class PlanCommand {
}
