package org.anju;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@AnjuTest
class AnjuApplicationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOnPostgresWithMigrationsApplied() {
        String version = jdbc.sql("show server_version").query(String.class).single();
        // the major of Debian bookworm's server and client (production, the cluster test, pg_dump for backups)
        assertThat(version).startsWith("15.");
        assertThat(jdbc.sql("select count(*) from app_setting").query(Long.class).single()).isZero();
    }
}
