package org.anju.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This jar's versioned migrations, as a restore compares an archive's history with them ({@link RestoreCommand#thisJars}):
 * found by name on the class path, without any application context — a restore starts the database connection alone,
 * and taking the Java migrations from their beans left out V1_1 and V1_4, so every real backup was refused as a newer
 * version's (review of the twentieth session, H1).
 */
class ThisJarsMigrationsTest {

    @Test
    void sqlAndJavaMigrationsAreKnownAndOthersAreNot() {
        var known = RestoreCommand.thisJars();
        assertThat(known).accepts("0.1", "1.1", "1.4", "3.1701", "20.1502", "52.0");
        assertThat(known).rejects("99.0", "0.6", "45.3");
    }
}
