package org.anju.cli;

import org.anju.plan.Plan;
import org.anju.plan.Plans;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true, description = "列出计划")
class PlanListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private final Plans plans;

    @Option(names = "--json", description = "以 JSON 输出")
    boolean json;

    PlanListCommand(Plans plans) {
        this.plans = plans;
    }

    @Override
    public Integer call() {
        if (json) {
            Output.json(out(), plans.readable());
            return Cli.OK;
        }
        for (Plan p : plans.readable()) {
            out().println(p.id() + "\t" + p.yearsLabel() + "\t" + p.label() + "\t" + p.title());
        }
        return Cli.OK;
    }
}
