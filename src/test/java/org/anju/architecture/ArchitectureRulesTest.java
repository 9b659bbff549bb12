package org.anju.architecture;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.anju.plan.check.Finding;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.NoSuchElementException;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules of the code base as tests (ArchUnit, over the compiled main classes — no application context).
 */
class ArchitectureRulesTest {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // after `package`, target/classes also holds what Spring AOT generated (pom.xml process-aot): not our code
            .withImportOption(location -> !location.contains("$$SpringCGLIB$$")
                    && !location.matches(java.util.regex.Pattern.compile(
                            ".*__(BeanDefinitions|BeanFactoryRegistrations|ApplicationContextInitializer|Autowiring)\\b.*")))
            .importPackages("org.anju");

    /**
     * Features refuse with the refusal family ({@code org.anju.platform.Refusal}: BadInput, NotFound, Conflict,
     * ConcurrentUpdateException, Denied), never with a bare JDK exception carrying a message — that one would reach
     * the user as a 500 (a bug). {@code IllegalStateException} stays for what is a bug by definition — a broken
     * invariant, our own reference data or configuration (the region files, the demo seeds) — and for wrapping a
     * checked exception.
     * The reading of files (intake) keeps its own problems; platform builds the family; the demo loader's failures
     * are failures of our own seed data, bugs by definition.
     */
    @Test
    void featuresRefuseWithTheRefusalFamily() {
        noClasses().that().resideOutsideOfPackages("org.anju.platform..", "org.anju.intake..", "org.anju.demo..")
                .should().callConstructor(IllegalArgumentException.class, String.class)
                .orShould().callConstructor(NoSuchElementException.class, String.class)
                .orShould().callConstructor(AccessDeniedException.class, String.class)
                .because("a refusal is a Refusal (BadInput, NotFound, Conflict, Denied): mapped once to status, page and exit code")
                .check(MAIN);
    }

    /**
     * A finding is built by the factory of its kind ({@code Finding.totalVsRows}, {@code Finding.refinement} …), which
     * works out the difference and words the message; nobody else lines up its fifteen fields by position.
     */
    @Test
    void findingsAreBuiltByTheirFactories() {
        noClasses().that().doNotBelongToAnyOf(Finding.class)
                .should().callConstructorWhere(JavaCall.Predicates.target(
                        HasOwner.Predicates.With.owner(JavaClass.Predicates.equivalentTo(Finding.class))))
                .because("Finding's factories compute difference and message in one place")
                .check(MAIN);
    }

    /** Transactions are the platform's: a feature injects the one TransactionTemplate, never builds its own. */
    @Test
    void onlyThePlatformBuildsTransactionTemplates() {
        noClasses().that().resideOutsideOfPackage("org.anju.platform..")
                .should().callConstructor(TransactionTemplate.class, PlatformTransactionManager.class)
                .orShould().callConstructor(TransactionTemplate.class)
                .check(MAIN);
    }

    /**
     * Web classes read through the services, which check access themselves: never through a repository or SQL of
     * their own (the unchecked readers), so no handler can forget a check.
     */
    @Test
    void webClassesNeverReadAroundTheServices() {
        noClasses().that().areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().dependOnClassesThat().areAnnotatedWith(org.springframework.stereotype.Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(org.springframework.jdbc.core.simple.JdbcClient.class)
                .orShould().dependOnClassesThat().areAssignableTo(javax.sql.DataSource.class)
                .check(MAIN);
    }

    /**
     * The day and month a user means are Beijing's ({@code ChinaTime.today()}, {@code thisMonth()}), never the server's
     * zone: on a server at UTC, {@code LocalDate.now()} is still yesterday from 00:00 to 08:00 Beijing time — CI once
     * drew a lottery round at 00:43 Beijing time a day before its seed was due because a test said "tomorrow" at UTC.
     */
    @Test
    void datesAreBeijingDates() {
        noClasses().should().callMethod(LocalDate.class, "now")
                .orShould().callMethod(YearMonth.class, "now")
                .orShould().callMethod(Year.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .because("a date without a zone is the server's: use ChinaTime.today() / thisMonth() or now(ChinaTime.ZONE)")
                .check(MAIN);
    }
}
