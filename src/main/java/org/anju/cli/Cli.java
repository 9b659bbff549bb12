package org.anju.cli;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.region.Regions;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line in the same jar: {@code java -jar anju.jar plan import FILE}, also {@code project …},
 * {@code report …}, {@code progress …}, {@code bulletin …} and {@code user …}; and {@code rental draw verify}, which
 * re-runs a published lottery without any database; {@code backup --out FILE} and {@code restore --in FILE}, which
 * start the database connection only (no migration, no application: {@link PgArchives}). Otherwise it starts the application
 * without the web server or demo data, on the same database the web app uses (attaching to it when the
 * app is running), runs one command and exits with its code.
 *
 * <p>Commands act as the operator ({@code cli:<os user>}, channel CLI in the audit trail), not limited by
 * region: whoever can run the jar against the database is trusted like the database owner.
 *
 * <p>Exit codes: 0 done; 1 {@code plan validate} found inconsistencies; then by the refusal's kind, as the web's
 * statuses ({@code Refusal.Kind}): 2 bad input, usage or not found (nothing written), 4 a conflict or stale data,
 * 5 not allowed; 3 a failure (a bug, shown with an error id; or the application could not start).
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    public static final int FAILURE = 3;
    /** A refusal to try again after a change (a conflict, stale data, too busy): {@code Refusal.Kind#exitCode}. */
    public static final int CONFLICT = 4;
    /** Not allowed. */
    public static final int DENIED = 5;

    static final Set<String> COMMANDS = Set.of("plan", "project", "report", "progress", "bulletin", "user",
            "rental", "privacy", "ledger", "backup", "restore");   // scripts/anju's list is the same
    /** Commands that need the database's address only: they start no application (a restore target may be empty). */
    private static final Set<String> DATABASE_TOOLS = Set.of("backup", "restore");
    /** Set when a database tool runs on its own, outside the application (no pool is opened then: PrimaryDatabase). */
    static final String STANDALONE = "anju.cli.database-tool";
    /** Spring Boot's switch for its background pre-initialisation (a system property). */
    private static final String NO_BACKGROUND_PREINIT = "spring.backgroundpreinitializer.ignore";

    private Cli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** @param application the application class, handed in so the command line does not depend on it (no cycle) */
    public static int run(Class<?> application, String[] args) {
        // the command's output alone on stdout, where a script reads it (--json): whatever else is printed while the
        // application starts and runs — the embedded PostgreSQL's start and its server's lines, logged before Spring
        // has set up logging — goes to stderr (operator trial: eight such lines before the JSON of a dry run)
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return run(application, args, stdout);
        } finally {
            System.setOut(stdout);
        }
    }

    private static int run(Class<?> application, String[] args, PrintStream stdout) {
        if (args[0].equals("rental")) { // re-running a published draw needs no database: anyone may do it
            return DrawVerifyCommand.run(args, new PrintWriter(stdout, true, StandardCharsets.UTF_8),
                    new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        }
        // one command at a time on an embedded database (CommandTurn); a command's --help (when not answered before,
        // by Launch) uses a throw-away one, and
        // backup and restore make no data directory nobody asked for (ToolTarget says so): no turn where none is
        var embedded = helpAsked(args) ? java.util.Optional.<java.nio.file.Path>empty()
                : org.anju.platform.DatabasePrestart.embeddedDirectory()
                        .filter(d -> !DATABASE_TOOLS.contains(args[0]) || java.nio.file.Files.isDirectory(d));
        if (embedded.isEmpty()) {
            return started(application, args, stdout);
        }
        try {
            // a file where the directory should be: said as such, before the turn makes anything there (operator trial,
            // F22: "FileAlreadyExistsException", exit 3); a directory a configuration file names is SettingChecks'
            org.anju.platform.DataDirectorySetting.checkAsNamed(embedded.get());
        } catch (org.anju.platform.SettingProblem e) {
            System.err.println("错误：" + e.getMessage());
            System.err.println(e.action());
            return BAD_INPUT;
        }
        try (org.anju.platform.CommandTurn turn = org.anju.platform.CommandTurn.take(embedded.get(),
                dir -> System.err.println("安居：另一个命令正在使用内置数据库 " + dir + "，等它结束后再运行本命令……"))) {
            return started(application, args, stdout);
        } catch (org.anju.platform.CommandTurn.Stopping e) {
            System.err.println("安居：" + e.getMessage());
            return FAILURE;
        } catch (java.io.IOException e) {
            System.err.println("错误：无法在数据目录 " + embedded.get().toAbsolutePath() + " 中取得内置数据库的使用权（"
                    + e.getClass().getSimpleName() + "：" + e.getMessage() + "）：检查该目录是否属于运行安居的用户、是否可写");
            return FAILURE;
        }
    }

    private static int started(Class<?> application, String[] args, PrintStream stdout) {
        boolean tool = DATABASE_TOOLS.contains(args[0]);
        if (System.getProperty(NO_BACKGROUND_PREINIT) == null) {
            // Spring Boot's background thread warms Jackson, Tomcat, validation and the message converters for a web
            // app; a command uses hardly any of them, and on a busy machine that thread's CPU (0.1 s) is the command's
            // wait. Read by Spring Boot from the system properties when the application starts
            System.setProperty(NO_BACKGROUND_PREINIT, "true");
        }
        // a command's --help makes its command objects, and with them the database they use: on a throw-away one, so
        // that asking how to use a command in some directory leaves no ./anju-data with a new data key there (trial
        // of the fifteenth session: 166 MB and a key)
        boolean help = helpAsked(args);
        if (!tool) {
            // its "Detected a Linux x86_64 system" came out on stderr with every command: logged by the early start,
            // before Spring set logging.level.io.zonky (a trial of the docs' commands)
            org.anju.platform.EarlyLogging.level("io.zonky", ch.qos.logback.classic.Level.WARN);
            if (!help) {
                org.anju.platform.DatabasePrestart.early();   // PostgreSQL's start begins before Spring's (checked later)
            }
        }
        // backup and restore start the database connection only: no migration (a restore target must stay empty), no
        // region tree, no other beans
        SpringApplication app = tool ? new SpringApplication(org.anju.platform.DatabaseOnlyConfiguration.class)
                : new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(Map.ofEntries(
                Map.entry(STANDALONE, String.valueOf(tool)),
                Map.entry("anju.db.ephemeral", String.valueOf(help)),
                Map.entry("anju.demo.enabled", "false"),
                // a command needs a few services, not the whole application: each bean is made when first asked for
                // (the migrations still run before the first query: Spring Boot makes every JDBC user depend on them)
                Map.entry("spring.main.lazy-initialization", "true"),
                // a command uses a connection or two: no pool of ten SCRAM handshakes (DatabaseConfiguration)
                Map.entry("anju.db.minimum-idle", "1"),
                // Flyway's full validation only when this jar's migrations or the history changed (SchemaCheck)
                Map.entry("anju.db.fast-schema-check", "true"),
                // the reporting tree only at start: the 乡级 and 村级 units when a command first asks for one (Regions)
                Map.entry("anju.regions.local-units-on-demand", "true"),
                // the actuator's check that the health groups' members exist (application.yml) made the health beans
                // — and with them the pool and Flyway — at once for every command; the web app still checks them
                Map.entry("management.endpoint.health.validate-group-membership", "false"),
                Map.entry("logging.level.root", "ERROR"),
                // but the data key's two warnings (a key file others can read, a key just generated to back up): an
                // operator runs commands too, and saw neither (operator trial). On stderr, as every log line of a command
                Map.entry("logging.level.org.anju.privacy.DataKeys", "WARN"),
                // a failed start's analysis is printed by run() below, once, on stderr: not also as a log on stdout
                // (Spring Boot's own reporter is off in application.yml for the web app too)
                Map.entry("logging.level." + org.anju.platform.StartupFailureReporter.LOGGER, "OFF"),
                Map.entry("logging.level.io.zonky", "ERROR")));
        if (!tool && !help) {
            // the embedded PostgreSQL starts while Spring prepares the context (DatabaseConfiguration takes it over)
            app.addListeners(new org.anju.platform.DatabasePrestart());
        }
        // the settings the start used, to name the database's address and user if it cannot be reached
        var environment = new java.util.concurrent.atomic.AtomicReference<org.springframework.core.env.Environment>();
        app.addListeners((org.springframework.context.ApplicationListener<org.springframework.context.ApplicationEvent>) e -> {
            if (e instanceof org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent prepared) {
                environment.set(prepared.getEnvironment());
                if (tool && !help) {
                    ToolTarget.check(args[0], prepared.getEnvironment());   // before any database is started or made
                }
            }
        });
        // a setting refused before the logging system is set up (SettingChecks) is reported by Spring through logback's
        // first configuration, which the property above does not reach yet: it was printed twice
        for (String name : List.of(org.anju.platform.EarlyLogging.SPRING_BOOT_REPORTER,
                org.anju.platform.StartupFailureReporter.LOGGER)) {
            org.anju.platform.EarlyLogging.level(name, ch.qos.logback.classic.Level.OFF);
        }
        StartupTrace trace = StartupTrace.of(app);
        try (ConfigurableApplicationContext context = app.run()) {
            long commandStart = System.nanoTime();
            int exit = execute(context, args, new PrintWriter(stdout, true, StandardCharsets.UTF_8),
                    new PrintWriter(System.err, true, StandardCharsets.UTF_8));
            if (trace != null) {
                trace.print(System.err, StartupTrace.millisSince(commandStart));
            }
            return exit;
        } catch (SpringApplication.AbandonedRunException e) {
            throw e;   // the build's Spring AOT processing stops the run here on purpose (pom.xml process-aot)
        } catch (RuntimeException e) {
            // the application did not start (a setting, the data key, the data directory, the database): the same words
            // as the web app's "APPLICATION FAILED TO START", printed here once
            org.springframework.boot.diagnostics.FailureAnalysis analysis = analysis(e, environment.get());
            if (analysis != null) {
                System.err.println("错误：" + analysis.getDescription());
                System.err.println(analysis.getAction());
                // a setting given wrong is the caller's input to correct (2), not a failure of the program (3)
                return cause(e, org.anju.platform.SettingProblem.class) ? BAD_INPUT : FAILURE;
            }
            System.err.println("错误：" + e.getMessage());
            return FAILURE;
        }
    }

    private static boolean cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** A failed start as one of Anju's own failure analyzers (META-INF/spring.factories) explains it, or null. */
    static org.springframework.boot.diagnostics.FailureAnalysis analysis(Throwable failure,
                                                                        org.springframework.core.env.Environment environment) {
        var analyzers = org.springframework.core.io.support.SpringFactoriesLoader.forDefaultResourceLocation().load(
                org.springframework.boot.diagnostics.FailureAnalyzer.class,
                org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver.of(
                        org.springframework.core.env.Environment.class, environment),
                (type, name, cannotMake) -> { });   // Spring Boot's own, which need the failed context: not ours
        for (var a : analyzers) {
            if (a.getClass().getName().startsWith("org.anju.")) {
                var analysis = a.analyze(failure);
                if (analysis != null) {
                    return analysis;
                }
            }
        }
        return null;
    }

    /**
     * Whether picocli would print the usage or the version: {@code Launch} answers those before {@code run}, so here only
     * for callers that come straight to {@code run}. By picocli's parse, as {@code Launch}: a scan for a literal
     * {@code -V} ran {@code plan import -- -V} (a file named -V) on a throw-away database, which it then left, its
     * import with it (review of the twenty-second session, M2).
     */
    static boolean helpAsked(String[] args) {
        return asked(args) != Launch.Kind.COMMAND;
    }

    /** Runs a command in a running context (tests call this directly). */
    public static int execute(ConfigurableApplicationContext context, String[] args) {
        return execute(context, args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    public static int execute(ConfigurableApplicationContext context, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls.getPackageName().equals(Cli.class.getPackageName())) {
                    return context.getAutowireCapableBeanFactory().createBean(cls);
                }
                return fallback.create(cls);
            }
        };
        CommandLine cli = new CommandLine(root(args.length == 0 ? "plan" : args[0]), factory)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof org.springframework.dao.DataIntegrityViolationException d) {
                        // as the web: a duplicate a Conflict (exit 4), anything else bad input (exit 2)
                        org.anju.platform.Refusal refused = org.anju.platform.DatabaseRefusals.refusal(d);
                        cmd.getErr().println("错误：" + refused.getMessage());
                        return refused.kind().exitCode();
                    }
                    if (e instanceof PgArchives.Unreachable u) {
                        cmd.getErr().println("错误：" + u.getMessage());
                        return FAILURE;   // as a command whose start could not reach the database
                    }
                    org.anju.platform.Refusal r = org.anju.platform.Refusal.of(e);
                    if (r != null) {
                        cmd.getErr().println("错误：" + r.getMessage());
                        return r.kind().exitCode(); // the same table as the web's statuses
                    }
                    cmd.getErr().println("错误：" + org.anju.platform.Failures.message(org.anju.platform.Failures.record(e)));
                    return FAILURE;
                });
        cli.setOut(out);
        cli.setErr(err);
        configure(cli);
        if (context.getBeanProvider(Regions.class).getIfAvailable() == null) { // a database tool: no actor, no audit
            return cli.execute(Arrays.copyOfRange(args, 1, args.length));
        }
        Actor operator = Actor.commandLine(context.getBean(Regions.class).root(), System.getProperty("user.name"));
        return Access.runAs(operator, () -> cli.execute(Arrays.copyOfRange(args, 1, args.length)));
    }

    /** The command's picocli root: an object, or a class its factory makes (with the beans it needs). */
    private static Object root(String command) {
        return switch (command) {
            case "project" -> new ProjectCommand();
            case "report" -> new ReportCommand();
            case "progress" -> new ProgressCommand();
            case "bulletin" -> BulletinCommand.class;
            case "user" -> new UserCommand();
            case "privacy" -> new PrivacyCommand();
            case "ledger" -> new LedgerCommand();
            case "backup" -> BackupCommand.class;
            case "restore" -> RestoreCommand.class;
            default -> new PlanCommand();
        };
    }

    /**
     * What a command's arguments ask of picocli alone: its version ({@code backup -V}, {@code plan import --version}) —
     * {@link Launch.Kind#VERSION} — or its usage ({@code plan import --help}) — {@link Launch.Kind#USAGE} — printed
     * without starting Spring or a database, as the top level's (both started Spring and a database, a throw-away one for
     * the usage, for static text: 2–3 s). Else {@link Launch.Kind#COMMAND}. Decided by picocli's own parser on the
     * commands' model, so that {@code -V} or {@code --help} counts as the option only where picocli takes it so: not as
     * the value of another option ({@code backup --out -V}, refused as before), not after {@code --}; both asked, the
     * usage, as picocli prints it. The command objects are made without their constructors (no beans: nothing is
     * run, only parsed; no option's default is shown in a usage); any doubt (an error, an unexpected failure) answers
     * {@code COMMAND}, and the command runs as before.
     */
    static Launch.Kind asked(String[] args) {
        if (args.length < 2 || !COMMANDS.contains(args[0]) || Arrays.stream(args).skip(1).noneMatch(
                a -> a.equals("--version") || a.equals("--help") || (a.startsWith("-") && !a.startsWith("--")
                        && (a.indexOf('V') > 0 || a.indexOf('h') > 0)))) {
            return Launch.Kind.COMMAND;   // no picocli model made for every command: only when -V or -h may be there
        }
        try {
            for (CommandLine.ParseResult p = bare(args[0]).parseArgs(Arrays.copyOfRange(args, 1, args.length)); p != null;
                 p = p.subcommand()) {
                if (p.isUsageHelpRequested()) {
                    return Launch.Kind.USAGE;
                }
                if (p.isVersionHelpRequested()) {
                    return Launch.Kind.VERSION;
                }
            }
            return Launch.Kind.COMMAND;
        } catch (RuntimeException | LinkageError e) {
            return Launch.Kind.COMMAND;   // the command line says what is wrong, in its words (CliMessages)
        }
    }

    /** Prints the usage a command's {@code --help} asks for ({@link #asked} said {@code USAGE}), as picocli does. */
    public static int usage(String[] args, PrintStream stdout) {
        CommandLine cli = bare(args[0]);
        PrintWriter out = new PrintWriter(stdout, true, StandardCharsets.UTF_8);
        cli.setOut(out);
        cli.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        configure(cli);
        int exit = cli.execute(Arrays.copyOfRange(args, 1, args.length));
        out.flush();
        return exit;
    }

    /** The command's picocli tree with objects made without their constructors: to parse and print, never to run. */
    private static CommandLine bare(String command) {
        var objenesis = new org.springframework.objenesis.ObjenesisStd();
        CommandLine.IFactory fallback = CommandLine.defaultFactory();
        CommandLine.IFactory bare = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls.getPackageName().equals(Cli.class.getPackageName()) ? objenesis.newInstance(cls)
                        : fallback.create(cls);
            }
        };
        return command.equals("rental") ? DrawVerifyCommand.commandLine(bare) : new CommandLine(root(command), bare);
    }

    /** What {@code -V} prints: the jar's version (its manifest), which printed nothing before (operator trial). */
    public static String version() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return "安居 " + (version == null ? "（未打包的开发版本）" : version) + "，Java " + Runtime.version();
    }

    /** What every command line gets, run or only printing its usage: the Chinese texts, the version, the refusals. */
    private static void configure(CommandLine cli) {
        cli.setResourceBundle(new CliMessages());
        versions(cli, version());
        cli.setParameterExceptionHandler((e, params) -> {
            e.getCommandLine().getErr().println("错误：" + CliMessages.of(e));
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return BAD_INPUT;
        });
    }

    /** Every command and subcommand answers {@code -V} (picocli's version is per command). */
    private static void versions(CommandLine command, String version) {
        command.getCommandSpec().version(version);
        command.getSubcommands().values().forEach(sub -> versions(sub, version));
    }
}
