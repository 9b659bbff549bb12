package org.anju;

import org.anju.cli.Cli;
import org.anju.cli.Launch;
import org.anju.cli.StartupTrace;
import org.anju.platform.EarlyLogging;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AnjuApplication {

    public static void main(String[] args) {
        Launch launch = Launch.of(args);   // before anything starts: a mistyped command must not start the web app
        switch (launch.kind()) {
            case COMMAND -> System.exit(Cli.run(AnjuApplication.class, args));
            case HELP -> {
                System.out.println(Launch.usage());
                System.exit(Cli.OK);
            }
            case USAGE -> System.exit(Cli.usage(args, System.out));
            case VERSION -> {
                System.out.println(Cli.version());
                System.exit(Cli.OK);
            }
            case REFUSED -> {
                System.err.println(launch.refusal());
                System.exit(Cli.BAD_INPUT);
            }
            case WEB -> { }
        }
        if (AotDetector.useGeneratedArtifacts()) {
            // the build's Spring AOT is the command line's context (pom.xml process-aot): without the web server's beans
            System.err.println("错误：spring.aot.enabled=true 只用于命令行（scripts/anju 的命令）；启动网站时请去掉该设置。");
            System.exit(Cli.FAILURE);
        }
        // a setting refused before the logging is set up (SettingChecks): Spring Boot's English report would come too
        EarlyLogging.level(EarlyLogging.SPRING_BOOT_REPORTER, ch.qos.logback.classic.Level.OFF);
        SpringApplication app = new SpringApplication(AnjuApplication.class);
        StartupTrace trace = StartupTrace.of(app);   // -Danju.startup.trace=true: where the start-up time went
        app.run(args);
        if (trace != null) {
            trace.print(System.err, -1);
        }
    }
}
