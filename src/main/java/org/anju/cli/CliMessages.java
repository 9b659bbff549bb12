package org.anju.cli;

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

    private static String expected(ArgSpec spec, String value) {
        Class<?> type = spec.type();
        return type == java.time.LocalDate.class ? "：" + dateProblem(value) : type == Long.class || type == long.class || type == Integer.class || type == int.class ? "：应为整数"
                : type.isEnum() ? "：应为 " + java.util.Arrays.toString(type.getEnumConstants()) : "";
    }

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    /**
     * Why a date option's value is no date: a day its month does not have said as such ("2023年2月没有30日"), where
     * "无效" alone left the operator to guess (operator trial of the twentieth session, F27); anything else by example.
     */
    static String dateProblem(String value) {
        Matcher day = DAY.matcher(value == null ? "" : value.strip());
        if (day.matches()) {
            int year = Integer.parseInt(day.group(1));
            int month = Integer.parseInt(day.group(2));
            int dayOfMonth = Integer.parseInt(day.group(3));
            if (month < 1 || month > 12) {
                return "月份应为 1 至 12，「" + day.group(2) + "」不是月份";
            }
            int last = java.time.YearMonth.of(year, month).lengthOfMonth();
            if (dayOfMonth < 1 || dayOfMonth > last) {
                return year + "年" + month + "月没有" + dayOfMonth + "日（该月共 " + last + " 天）";
            }
            // a date, with a one-digit month or day, which the option does not read: how to write it
            return "月和日都写两位，如 " + "%04d-%02d-%02d".formatted(year, month, dayOfMonth);
        }
        return "应为 2023-12-31 这样的日期（年-月-日）";
    }

    private static String names(List<ArgSpec> specs) {
        return specs.stream().map(CliMessages::name).collect(Collectors.joining("、"));
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec o ? "选项 " + o.longestName() : "参数 " + spec.paramLabel();
    }
}
