package org.anju.platform;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;

/**
 * Scheduled work, once per cluster (issue 15). Every app node runs Spring's scheduler; a task that must not run on
 * two nodes at once carries ShedLock's {@code @SchedulerLock(name = …)} next to its {@code @Scheduled}: before it
 * runs, the node updates the task's row in {@code shedlock} where {@code lock_until} has passed — compared with the
 * database's clock ({@code usingDbTime}), so nodes whose clocks differ still agree — and runs only if that update
 * matched; the others skip the turn. {@code lockAtMostFor} bounds how long a dead node's lock blocks the task,
 * {@code lockAtLeastFor} keeps a quick run from being repeated by a node whose clock fires a little later.
 *
 * Only web application nodes schedule; the command line ({@code java -jar anju.jar plan …}) never does. Crons are
 * configuration ({@code anju.scheduling.*}, Beijing time), {@code "-"} switches a task off (the tests do, and
 * trigger the tasks themselves).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class Scheduling {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return onDatabaseTime(dataSource);
    }

    /** The nodes' lock provider on a data source (the tests give it sessions in other time zones). */
    static LockProvider onDatabaseTime(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
