package org.anju.reminder;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.ledger.item.Item;
import org.anju.ledger.item.Ledger;
import org.anju.ledger.item.NewItem;
import org.anju.platform.ChinaTime;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 台账 item closed (销号): its "已逾期" reminder is no longer shown, at once — not only after the next hourly run (absence
 * audit D3: the unit and the level above were told for up to an hour that an item already closed was late).
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=reminder_closed")
class ClosedItemReminderTest {

    @Autowired
    Ledger ledger;
    @Autowired
    Reminders reminders;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;

    <T> T as(String username, String region, Role role, Supplier<T> work) {
        return Access.runAs(new Actor(username, "测试用户", regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI,
                false), work);
    }

    List<String> open(long item) {
        return jdbc.sql("select kind from reminder where subject = :s and resolved_at is null")
                .param("s", "ledger:" + item).query(String.class).list();
    }

    @Test
    void aClosedItemsOverdueReminderIsNoLongerShownAtOnce() {
        long id = as("t_zg_admin", "360702", Role.COUNTY_ADMIN, () -> ledger.create(new NewItem("PETITION", "360702",
                "提醒测试：反映楼道漏水", Map.of("channel", "来信", "received_on", "2026-09-01", "accepted_on", "2026-09-10",
                "content", "楼道漏水"), null, null, null, null, null, null, null, null, null)));   // due 2026-11-09
        reminders.generate(LocalDate.of(2026, 11, 20));
        assertThat(open(id)).containsExactly("LEDGER_OVERDUE");

        Item applied = as("t_zg_admin", "360702", Role.COUNTY_ADMIN, () -> {
            ledger.progress(id, ledger.item(id).version(), "已维修", org.anju.platform.ChinaTime.today(), List.of());
            return ledger.apply(id, ledger.item(id).version(), "已整改");
        });
        java.util.function.Supplier<List<String>> shown = () -> as("t_zg_admin", "360702", Role.COUNTY_ADMIN,
                () -> reminders.mine().stream().filter(r -> r.subject().equals("ledger:" + id)).map(r -> r.kind().name()).toList());
        assertThat(shown.get()).containsExactly("LEDGER_OVERDUE");
        as("t_gz_admin", "360700", Role.CITY_ADMIN, () -> ledger.approve(id, applied.version()));
        assertThat(shown.get()).as("closed: not shown, no run in between").isEmpty();
        reminders.generate(LocalDate.of(2026, 11, 21));
        assertThat(open(id)).as("the run resolves the row").isEmpty();
    }

    /**
     * An overdue item's reminder says how late it is on the day it is shown: made a day late, it said "已逾期 1 天" for
     * the rest of the month, as the open row is kept as made (guesses audit L1). A stored count left from before is
     * taken out by the migration, so the page does not say it twice.
     */
    @Test
    void aLedgerReminderCountsTheDaysLateWhenShownNotWhenMade() throws Exception {
        long id = as("t_zg_admin", "360702", Role.COUNTY_ADMIN, () -> ledger.create(new NewItem("PETITION", "360702",
                "提醒测试：单元门禁损坏", Map.of("channel", "来信", "received_on", "2026-09-01", "accepted_on", "2026-09-10",
                "content", "单元门禁损坏"), null, null, null, null, null, null, null, null, null)));   // due 2026-11-09
        reminders.generate(LocalDate.of(2026, 11, 10));   // one day late
        reminders.generate(LocalDate.of(2026, 11, 20));   // the open row is kept as made
        Supplier<List<String>> shown = () -> as("t_zg_admin", "360702", Role.COUNTY_ADMIN, () -> reminders.mine().stream()
                .filter(r -> r.subject().equals("ledger:" + id)).map(Reminder::detail).toList());
        long late = ChronoUnit.DAYS.between(LocalDate.of(2026, 11, 9), ChinaTime.today());
        String said = "信访投诉“提醒测试：单元门禁损坏”整改期限2026年11月9日，已逾期 " + late + " 天";
        assertThat(shown.get()).containsExactly(said);

        // a row made before, with the count stored in it: the migration takes the count out
        jdbc.sql("update reminder set detail = :d where subject = :s and resolved_at is null")
                .param("d", "信访投诉“提醒测试：单元门禁损坏”整改期限2026年11月9日，已逾期 1 天").param("s", "ledger:" + id).update();
        String migration = new String(getClass().getResourceAsStream(
                "/db/migration/reminder/V14_2431__ledger_reminder_days_late_when_shown.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        jdbc.sql(migration).update();
        assertThat(shown.get()).containsExactly(said);
    }
}
