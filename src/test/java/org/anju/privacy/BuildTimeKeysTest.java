package org.anju.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's AOT processing ({@code process-aot} in {@code mvnw package}) runs the keys' post-processor: it generated
 * a key into the checkout's {@code anju-data}, which the next run in that checkout then took as its own (operator
 * trial, fifteenth session). At build time the keys are made in memory only.
 */
class BuildTimeKeysTest {

    static void runPostProcessor(Path dataDir) {
        MockEnvironment environment = new MockEnvironment().withProperty("anju.db.data-dir", dataDir.toString());
        PrivacyConfiguration.dataKeysFirst(environment).postProcessBeanFactory(new DefaultListableBeanFactory());
    }

    @Test
    void processingAtBuildTimeWritesNoKey(@TempDir Path dir) {
        String before = System.getProperty(PrivacyConfiguration.AOT_PROCESSING);
        try {
            System.setProperty(PrivacyConfiguration.AOT_PROCESSING, "true");
            runPostProcessor(dir.resolve("build"));
            assertThat(dir.resolve("build")).doesNotExist();
            // an external database's settings at build time need no key either (the run will)
            MockEnvironment external = new MockEnvironment().withProperty("anju.db.url", "jdbc:postgresql://db:5432/anju");
            PrivacyConfiguration.dataKeysFirst(external).postProcessBeanFactory(new DefaultListableBeanFactory());
        } finally {
            if (before == null) {
                System.clearProperty(PrivacyConfiguration.AOT_PROCESSING);
            } else {
                System.setProperty(PrivacyConfiguration.AOT_PROCESSING, before);
            }
        }
        // a run makes it, as before
        runPostProcessor(dir.resolve("run"));
        assertThat(dir.resolve("run").resolve(DataKeys.FILE)).isRegularFile();
    }
}
