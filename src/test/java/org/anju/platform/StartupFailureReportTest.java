package org.anju.platform;

import org.anju.MainProcess;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed start as the operator reads it: once, in Chinese, without Spring Boot's English headings and the lines it
 * logged above them (seventh session's list).
 */
class StartupFailureReportTest {

    @Test
    void aSettingRefusedBeforeTheLoggingIsSetUpIsReportedOnceInChinese() throws Exception {
        // the web app as shipped (not the tests' logging), a setting SettingChecks refuses before logging starts
        MainProcess web = MainProcess.runAsShipped(Map.of("ANJU_DB_POOL_TIMEOUT", "100ms", "PORT", "0"));
        String printed = web.out() + web.err();
        assertThat(web.exit()).as(printed).isNotZero();
        assertThat(printed).contains("安居未能启动", "原因：", "处理：", "ANJU_DB_POOL_TIMEOUT")
                .doesNotContain("Description:", "Action:", "\tat ");
        assertThat(printed.split("安居未能启动", -1)).as("said once: " + printed).hasSize(2);
    }

    @Test
    void aPortInUseIsExplainedInChineseAheadOfSpringBootsAnalyzer() {
        List<FailureAnalyzer> analyzers = new ArrayList<>(SpringFactoriesLoader.forDefaultResourceLocation().load(
                FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.of(org.springframework.core.env.Environment.class,
                        new org.springframework.core.env.StandardEnvironment()), (type, name, cannotMake) -> { }));
        AnnotationAwareOrderComparator.sort(analyzers);   // as Spring Boot's FailureAnalyzers orders them
        assertThat(analyzers).anyMatch(a -> a.getClass().getName().startsWith("org.springframework.boot"));
        FailureAnalysis first = null;
        for (FailureAnalyzer a : analyzers) {
            first = a.analyze(new IllegalStateException("start", new PortInUseException(8080)));
            if (first != null) {
                break;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.getDescription()).isEqualTo("网站端口 8080 已被其他进程占用，无法启动网站");
        assertThat(first.getAction()).contains("PORT", "server.port", "ss -ltnp");
    }

    @Test
    void onlyTheEnglishLinesAboveTheReportAndFlywaysOutOfOrderWarningAreLeftOut() {
        String context = "org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext";
        String report = "org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger";
        assertThat(StartupNoise.noise(context, "Exception encountered during context initialization - cancelling refresh "
                + "attempt: x")).isTrue();
        assertThat(StartupNoise.noise(report, "\n\nError starting ApplicationContext. To display the condition evaluation "
                + "report re-run your application with 'debug' enabled.")).isTrue();
        // a failed graceful shutdown's warning and the condition report itself (--debug) stay
        assertThat(StartupNoise.noise(context, "Exception thrown from LifecycleProcessor on context close")).isFalse();
        assertThat(StartupNoise.noise(report, "\n\n============================\nCONDITIONS EVALUATION REPORT")).isFalse();
        assertThat(StartupNoise.noise("org.anju.Other", "Exception encountered during context initialization")).isFalse();
        // Flyway's out-of-order warning (on purpose: application.yml), not what it applies
        String migrate = "org.flywaydb.core.internal.command.DbMigrate";
        assertThat(StartupNoise.noise(migrate, "outOfOrder mode is active. Migration of schema \"public\" may not be "
                + "reproducible.")).isTrue();
        assertThat(StartupNoise.noise(migrate, "Migrating schema \"public\" to version \"0.1571 - audit\"")).isFalse();
        // its error line above a failed migration, which MigrationProblem says in Chinese
        assertThat(StartupNoise.noise(migrate, "Migration of schema \"public\" to version \"52.0 - identification\" "
                + "failed! Changes successfully rolled back.")).isTrue();
        assertThat(StartupNoise.noise("org.anju.Other", "outOfOrder mode is active")).isFalse();
    }

    @Test
    void theReportHasChineseHeadingsAndLeavesOutAnEmptyAction() {
        String text = StartupFailureReporter.text(new FailureAnalysis("数据目录不可写", "改正权限后再启动", null));
        assertThat(text).contains("安居未能启动（APPLICATION FAILED TO START）", "原因：\n\n数据目录不可写\n",
                "处理：\n\n改正权限后再启动\n");
        assertThat(StartupFailureReporter.text(new FailureAnalysis("某原因", " ", null))).doesNotContain("处理：");
    }
}
