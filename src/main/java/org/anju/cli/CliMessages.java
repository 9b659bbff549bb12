package org.anju.cli;

import org.anju.platform.Expected;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.ListResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The command line in Chinese: picocli's own words (usage headings, the standard --help and --version options)
 * as a resource bundle, and its refusals of what was typed ("Missing required parameter", "Unknown option")
 * said again naming the option and how to fix it.
 */
final class CliMessages extends ListResourceBundle {

    /** What an operator may type to remove, stop or restart an account, which the command line has not (user set). */
    private static final java.util.Set<String> REMOVALS = java.util.Set.of("delete", "remove", "rm", "del", "drop",
            "disable", "enable");

    /** picocli's words for an option's value that is another option: {@code … but found '--force'}. */
    private static final Pattern FOUND = Pattern.compile("but found '([^']*)'");
    /** picocli's words for options given together that exclude each other: {@code Error: --a, --b are mutually …}. */
    private static final Pattern EXCLUSIVE = Pattern.compile("Error: (.+) are mutually exclusive");

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"mixinStandardHelpOptions.help", "显示本帮助并退出"},
                {"mixinStandardHelpOptions.version", "显示版本并退出"},
                {"usage.synopsisHeading", "用法："},
                {"usage.commandListHeading", "%n命令：%n"},
                {"usage.optionListHeading", "%n选项：%n"},
                {"usage.parameterListHeading", "%n参数：%n"},
        };
    }

    /** What was wrong with the command as typed, in Chinese, naming the option or argument. */
    static String of(CommandLine.ParameterException e) {
        return switch (e) {
            // an option typed without its value: not a missing option (backup --out said "缺少选项 --out")
            case CommandLine.MissingParameterException m when m.getMessage() != null
                    && (m.getMessage().startsWith("Missing required parameter for option")
                    || m.getMessage().startsWith("Expected parameter for option")) -> {
                Matcher found = FOUND.matcher(m.getMessage());
                yield m.getMissing().stream().map(a -> name(a) + " 后缺少它的值 " + a.paramLabel())
                        .collect(Collectors.joining("、"))
                        + (found.find() ? "（其后的 " + found.group(1) + " 不是它的值）" : "")
                        + "：请写成 " + m.getMissing().stream().map(a -> a instanceof OptionSpec o
                                ? o.longestName() + " " + a.paramLabel() : a.paramLabel()).collect(Collectors.joining(" "))
                        + "（用法见下，或加 --help）";
            }
            case CommandLine.MissingParameterException m -> "缺少" + names(m.getMissing())
                    + "（用法见下，或加 --help）";
            case CommandLine.MutuallyExclusiveArgsException x -> {
                Matcher both = EXCLUSIVE.matcher(x.getMessage());
                yield both.find() ? "选项 " + String.join(" 与 ", both.group(1).split(",\\s*")) + " 只能给一个（用法见下，或加 --help）"
                        : "这些选项只能给一个：" + x.getMessage();
            }
            // no account is deleted: what it did stays attributed in the audit trail (operator trial: "user delete h_t1"
            // was told only 是否想写 set？)
            case CommandLine.UnmatchedArgumentException u when u.getCommandLine().getCommandSpec().name().equals("user")
                    && !u.getUnmatched().isEmpty() && REMOVALS.contains(u.getUnmatched().getFirst()) -> {
                String who = u.getUnmatched().size() > 1 ? u.getUnmatched().get(1) : "用户名";
                String verb = u.getUnmatched().getFirst();
                yield verb.equals("enable") ? "启用账号用 user set " + who + " --enable"
                        : (verb.equals("disable") ? "" : "账号不能删除（它的操作记录要能查到是谁）：")
                        + "停用用 user set " + who + " --disable（不能再登录），恢复用 user set " + who + " --enable";
            }
            case CommandLine.UnmatchedArgumentException u -> {
                List<String> suggestions = u.getSuggestions();
                yield "无法识别：" + String.join(" ", u.getUnmatched())
                        + (suggestions.isEmpty() ? "" : "（是否想写 " + String.join(" 或 ", suggestions) + "？）");
            }
            case CommandLine.OverwrittenOptionException o -> name(o.getOverwritten()) + " 只能给一次";
            case CommandLine.MaxValuesExceededException x -> "参数过多：多余的参数请删去（" + x.getMessage() + "）";
            // a command with subcommands typed alone (user, plan): which to give
            case CommandLine.ParameterException p when "Missing required subcommand".equals(p.getMessage()) ->
                    "缺少子命令：请给出 " + String.join("、", p.getCommandLine().getSubcommands().keySet()) + " 之一，如 "
                            + p.getCommandLine().getCommandSpec().qualifiedName() + " "
                            + p.getCommandLine().getSubcommands().keySet().iterator().next() + " --help（用法见下）";
            default -> e.getArgSpec() != null && e.getValue() != null
                    ? name(e.getArgSpec()) + " 的值「" + e.getValue() + "」无效" + expected(e.getArgSpec(), e.getValue())
                    : "命令有误：" + e.getMessage();
        };
    }

    /**
     * What the value must be, in the API's words ({@link Expected}: "应为 A、B 之一", where the command line said
     * "应为 [A, B]"), for a list's or array's elements ({@code --role}) as for a single value.
     */
    private static String expected(ArgSpec spec, String value) {
        Class<?> type = spec.type();
        if ((java.util.Collection.class.isAssignableFrom(type) || type.isArray()) && spec.auxiliaryTypes().length > 0) {
            type = spec.auxiliaryTypes()[0];
        }
        String expected = Expected.of(type, value);
        return expected.isEmpty() ? "" : "：" + expected;
    }

    private static String names(List<ArgSpec> specs) {
        return specs.stream().map(CliMessages::name).collect(Collectors.joining("、"));
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec o ? "选项 " + o.longestName() : "参数 " + spec.paramLabel();
    }
}
