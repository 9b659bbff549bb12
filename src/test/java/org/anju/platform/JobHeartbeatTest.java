package org.anju.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, the load test's leftover: the ticker wrote a running import's heartbeat through the main pool, so when the
 * month-end rush kept every connection of it busy the heartbeat stopped, another node's sweep marked the live import
 * 中断 and its work was rolled back for nothing. The heartbeat now has a connection of its own ({@code anju-jobs}).
 * A pool of two, both held by the test for longer than the heartbeat timeout; another node's sweep, from a connection
 * outside the pool, must find the job alive.
 */
@AnjuTest
@TestPropertySource(properties = {"anju.test.database=job_heartbeat", "anju.db.maximum-pool-size=2",
        "anju.db.pool-timeout=300ms", "anju.jobs.heartbeat-timeout=2s", "anju.jobs.node-name=busy-node"})
class JobHeartbeatTest {

    @Autowired
    ImportSlots slots;
    @Autowired
    DataSource dataSource;

    @Test
    void aRunningImportIsStillHeardOfWhenTheMainPoolIsExhausted() throws Exception {
        Job job = new Job("hb_owner", "国家计划导入", List.of("读取", "写入"), true);
        try (ImportSlots.Place place = slots.reserve(job)) {
            place.awaitTurn();
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            try (SingleConnectionDataSource outside = new SingleConnectionDataSource(pool.getJdbcUrl(),
                    pool.getUsername(), pool.getPassword(), true);
                 Connection held = dataSource.getConnection(); Connection alsoHeld = dataSource.getConnection()) {
                assertThat(held.isValid(1) && alsoHeld.isValid(1)).isTrue();
                JobTable otherNode = new JobTable(outside, "other-node", Duration.ofSeconds(2));
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    assertThat(otherNode.sweep(Duration.ofHours(1))).as("jobs marked 中断 by another node's sweep")
                            .isZero();
                }
                assertThat(silentMillis(outside, job)).as("ms since the job's last heartbeat, with the pool exhausted")
                        .isLessThan(2000);
                assertThat(state(outside, job)).isEqualTo("RUNNING");
            }
        }
    }

    private static long silentMillis(DataSource ds, Job job) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(ds)
                .sql("select (extract(epoch from clock_timestamp() - heartbeat) * 1000)::bigint from import_job where id = ?")
                .param(UUID.fromString(job.id)).query(Long.class).single();
    }

    private static String state(DataSource ds, Job job) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(ds)
                .sql("select state from import_job where id = ?").param(UUID.fromString(job.id))
                .query(String.class).single();
    }
}
