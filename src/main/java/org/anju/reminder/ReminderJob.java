package org.anju.reminder;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.platform.ChinaTime;
import org.anju.region.Regions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reminders' scheduled work: hourly by default ({@code anju.scheduling.reminders-cron}, Beijing time), once per
 * cluster — ShedLock's row {@code reminders} in {@code shedlock}: the node that takes it runs, the others skip; held
 * at least a minute so a node whose clock fires a moment later does not run it again, at most 30 minutes if its node
 * dies. Running twice anyway would add nothing (the rows are unique).
 */
@Component
@ConditionalOnWebApplication
public class ReminderJob {

    private final Reminders reminders;
    private final Regions regions;
    /** The system clock, unless a {@link Clock} bean says otherwise (tests run the work on a chosen day). */
    private final Clock clock;
    private final AtomicInteger runs = new AtomicInteger();

    ReminderJob(Reminders reminders, Regions regions, ObjectProvider<Clock> clock) {
        this.reminders = reminders;
        this.regions = regions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(cron = "${anju.scheduling.reminders-cron}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void run() {
        runs.incrementAndGet();
        // a scheduled job has no rights of its own (issue 11): it acts as the system, said explicitly
        Access.runAs(Actor.system(regions.root()), () -> reminders.generate(LocalDate.now(clock.withZone(ChinaTime.ZONE))));
    }

    /** How many times this node ran the work (tests: two nodes triggered at once, one ran). */
    public int runs() {
        return runs.get();
    }
}
