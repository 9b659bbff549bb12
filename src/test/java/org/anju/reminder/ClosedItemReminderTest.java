package org.anju.reminder;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.ledger.item.Item;
import org.anju.ledger.item.Ledger;
import org.anju.ledger.item.NewItem;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
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
}
