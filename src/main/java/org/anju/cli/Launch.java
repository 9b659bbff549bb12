package org.anju.cli;

import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What {@code java -jar anju.jar ARGS} starts, decided before anything starts: a command, the web app, the usage, or a
 * refusal. The web app takes Spring property overrides only ({@code --server.port=8080}) and Spring Boot's own
 * {@code --debug} and {@code --trace}: Spring ignores every other argument, so a mistyped command ({@code restor})
 * used to start the web app and migrate the configured database (a new, empty one then refused the correct restore).
 */
public record Launch(Kind kind, String argument) {

    /** {@code HELP} the top level's usage, {@code USAGE} a command's ({@code plan import --help}). */
    public enum Kind { WEB, COMMAND, HELP, USAGE, VERSION, REFUSED }

    /** {@code --name=value}, as Spring's command-line property source reads it (a name, then anything). */
    private static final Pattern PROPERTY = Pattern.compile("--[^=\\s][^=]*=.*", Pattern.DOTALL);

    public static Launch of(String... args) {
        if (args.length == 0) {
            return new Launch(Kind.WEB, null);
        }
        if (Cli.COMMANDS.contains(args[0])) {
            // a command's -V or --help as the top level's: printed without starting Spring or a database (Cli.asked)
            return new Launch(Cli.asked(args), args[0]);
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            return new Launch(Kind.HELP, args[0]);
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return new Launch(Kind.VERSION, args[0]);   // as every command's -V (refused as unknown before)
        }
        for (String a : args) {
            if (!PROPERTY.matcher(a).matches() && !a.equals("--debug") && !a.equals("--trace")) {
                return new Launch(Kind.REFUSED, a);
            }
        }
        return new Launch(Kind.WEB, null);
    }

    /** The refusal of {@link Kind#REFUSED}: the argument, then the usage. */
    public String refusal() {
        return "错误：无法识别的参数「" + argument + "」，未启动任何程序。\n" + usage();
    }

    public static String usage() {
        return "用法：\n"
                + "  java -jar anju.jar 命令 …        运行一个命令后退出；命令：" + String.join("、", new TreeSet<>(Cli.COMMANDS)) + "\n"
                + "  java -jar anju.jar 命令 --help   该命令的用法\n"
                + "  java -jar anju.jar               启动网站\n"
                + "  java -jar anju.jar --version     显示版本\n"
                + "  java -jar anju.jar --属性=值 …   启动网站并改变设置，如 --server.port=8080（网站只接受这种参数，以及 --debug、--trace）";
    }
}
