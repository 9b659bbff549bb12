package org.anju.cli;

import org.anju.intake.InputException;
import org.anju.intake.SourceReader;
import org.anju.platform.BadInput;
import org.anju.rental.draw.Draw;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rental draw verify}: re-runs a published lottery from its candidate list and seed, on any machine and
 * without the database — the point of a reproducible draw is that nobody has to trust ours.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"复核摇号结果：用公布的候选名单和随机种子重新计算顺序（算法 " + Draw.ALGORITHM + "，见 docs/LOTTERY.md）。",
                "名单文件每行一个申请编号（UTF-8 或 GBK，空行忽略，行首尾空格去掉）。给出 --expect 时，结果不符退出码为 1。"})
class DrawVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--candidates", required = true, paramLabel = "FILE", description = "公布的候选名单文件")
    Path candidates;

    @Option(names = "--seed", required = true, paramLabel = "TEXT", description = "公布的随机种子（原样）")
    String seed;

    @Option(names = "--expect", paramLabel = "SHA256", description = "公布的结果 SHA-256，用于比对")
    String expect;

    @Option(names = "--expect-candidates", paramLabel = "SHA256", description = "摇号前公布的候选名单 SHA-256，用于比对")
    String expectCandidates;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] content = CliFiles.read(candidates, spec);
        if (content == null) {
            return Cli.BAD_INPUT;
        }
        List<String> numbers = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        try {
            List<String> lines = SourceReader.text(candidates.getFileName().toString(), content).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String n = lines.get(i).strip();
                if (!n.isEmpty()) {
                    numbers.add(n);
                    lineOf.add(i + 1);
                }
            }
        } catch (InputException e) {
            return CliFiles.problems(spec, candidates, e);
        }
        Draw.Candidates list = Draw.candidates(numbers, i -> candidates.getFileName() + " 第 " + lineOf.get(i) + " 行");
        Draw.Result result = Draw.run(list, seed);
        out.println("算法：" + result.algorithm());
        out.println("候选名单：" + list.size() + " 户，SHA-256 " + list.hash());
        out.println("随机种子：" + seed);
        out.println("顺序号\t申请编号");
        for (int i = 0; i < result.order().size(); i++) {
            out.println((i + 1) + "\t" + result.order().get(i));
        }
        out.println("结果 SHA-256：" + result.hash());
        boolean same = true;
        if (expectCandidates != null && !expectCandidates.strip().equalsIgnoreCase(list.hash())) {
            err.println("候选名单与公布的不符：公布 " + expectCandidates.strip() + "，本文件 " + list.hash());
            same = false;
        }
        if (expect != null) {
            if (expect.strip().equalsIgnoreCase(result.hash())) {
                out.println("与公布的结果一致");
            } else {
                err.println("与公布的结果不符：公布 " + expect.strip() + "，重算 " + result.hash());
                same = false;
            }
        }
        return same ? Cli.OK : Cli.FINDINGS;
    }

    /** The command line for {@code rental draw verify}, which needs no application context. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine root = commandLine(CommandLine.defaultFactory());
        root.setOut(out);
        root.setErr(err);
        root.setResourceBundle(new CliMessages());
        root.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BadInput b) {
                cmd.getErr().println("错误：" + b.getMessage());
                return Cli.BAD_INPUT;
            }
            throw e;
        });
        root.setParameterExceptionHandler((e, params) -> {
            e.getCommandLine().getErr().println("错误：" + CliMessages.of(e));
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return Cli.BAD_INPUT;
        });
        return root.execute(args.length > 0 ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
    }

    /** {@code rental draw verify}'s command tree (its objects made by the factory). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        try {
            CommandLine draw = new CommandLine(factory.create(Draws.class), factory)
                    .addSubcommand(new CommandLine(factory.create(DrawVerifyCommand.class), factory));
            return new CommandLine(factory.create(Rental.class), factory).addSubcommand(draw);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Command(name = "rental", description = "公租房：摇号复核", mixinStandardHelpOptions = true)
    static final class Rental {
    }

    @Command(name = "draw", description = "摇号", mixinStandardHelpOptions = true)
    static final class Draws {
    }
}
