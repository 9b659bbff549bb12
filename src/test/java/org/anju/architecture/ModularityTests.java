package org.anju.architecture;

import org.anju.AnjuApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are modules (Spring Modulith): each uses other modules only through their base package or a
 * named interface, only the dependencies its {@code package-info.java} allows, and no two depend on each other.
 * A plain unit test — no application context — so it runs in seconds.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(AnjuApplication.class);

    @Test
    void theModulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * docs/modules (checked in, linked from ARCHITECTURE.md: a diagram of all modules, one of each, and each module's
     * canvas) is what the code says: generated here and compared. After a change of the modules, regenerate it with
     * {@code ./mvnw test -Dtest=ModularityTests -Danju.docs.write=true}.
     */
    @Test
    void theCheckedInModuleDocumentationIsCurrent() throws java.io.IOException {
        boolean write = Boolean.getBoolean("anju.docs.write");
        java.nio.file.Path checkedIn = java.nio.file.Path.of("docs/modules");
        java.nio.file.Path generated = write ? checkedIn : java.nio.file.Path.of("target/modules-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (var files = java.nio.file.Files.list(generated)) {
            for (java.nio.file.Path file : files.toList()) {
                java.nio.file.Path mine = checkedIn.resolve(file.getFileName());
                org.assertj.core.api.Assertions.assertThat(mine).as("docs/modules is out of date: run ./mvnw test "
                        + "-Dtest=ModularityTests -Danju.docs.write=true and commit it").exists();
                // the documenter lists relations in no fixed order: the same lines, in any order, are the same document
                org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readAllLines(mine))
                        .as("docs/modules/" + file.getFileName() + " is out of date: run ./mvnw test -Dtest=ModularityTests "
                                + "-Danju.docs.write=true and commit it")
                        .containsExactlyInAnyOrderElementsOf(java.nio.file.Files.readAllLines(file));
            }
        }
    }
}
