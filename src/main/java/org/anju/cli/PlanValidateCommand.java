package org.anju.cli;

import org.anju.plan.Plan;
import org.anju.plan.Plans;
import org.anju.plan.check.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "校验计划：表内合计、分年合计、正文总数、与上级下达任务；发现不一致时退出码为 1")
class PlanValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private final Plans plans;

    @Option(names = "--plan", paramLabel = "ID", description = "只校验这一个计划（默认全部）")
    Long planId;

    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;

    PlanValidateCommand(Plans plans) {
        this.plans = plans;
    }

    @Override
    public Integer call() {
        List<Plan> selected = planId == null ? plans.readable() : List.of(plans.get(planId));
        Map<String, List<Finding>> byPlan = new LinkedHashMap<>();
        List<Finding> all = new ArrayList<>();
        for (Plan p : selected) {
            List<Finding> f = plans.findings(p.id());
            byPlan.put(p.id() + " " + p.label(), f);
            all.addAll(f);
        }
        if (json) {
            Output.json(out(), all);
        } else {
            if (selected.isEmpty()) {
                out().println("没有计划可校验");
            }
            byPlan.forEach((plan, findings) -> {
                out().println("计划 " + plan);
                Output.findings(out(), findings);
            });
        }
        return all.isEmpty() ? Cli.OK : Cli.FINDINGS;
    }
}
