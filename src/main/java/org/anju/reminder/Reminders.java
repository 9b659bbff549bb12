package org.anju.reminder;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.calendar.RegionCalendar;
import org.anju.calendar.WorkingDays;
import org.anju.ledger.item.LedgerFigures;
import org.anju.platform.ChinaTime;
import org.anju.platform.Conflict;
import org.anju.platform.Titles;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.report.ReportInbox;
import org.anju.report.Reports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes and reads the reminders. {@link #generate} is the scheduled work ({@link ReminderJob}, once per cluster, as
 * the system): for the current and the previous month, every reporting unit that has not submitted gets a
 * {@link ReminderKind#REPORT_DUE_SOON} or {@link ReminderKind#REPORT_OVERDUE} row by {@link ReportReminderRule}; every
 * open ledger item past its deadline ({@code LedgerFigures.overdue}: what the ledgers call 已逾期) a
 * {@link ReminderKind#LEDGER_OVERDUE} row for the month. One row per (unit, month, kind, subject): running twice adds
 * nothing; reminders whose reason is gone (submitted, closed, due-soon turned overdue, an item's alert of an earlier
 * month) are marked resolved, and opened again when the reason comes back (returned, reopened). {@link #mine} is what a user
 * sees: the open reminders of their own region and of the units directly below it (whose reports they approve).
 */
@Service
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    /** At most this many reminders on a page (the oldest deadlines first). */
    static final int SHOWN = 500;

    /** What one run did. */
    public record Run(int created, int resolved, int unitsWithoutCalendar) {
    }

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Access access;
    private final Reports reports;
    private final ReportInbox inbox;
    private final WorkingDays workingDays;
    private final LedgerFigures ledger;
    private final int dueSoonWorkingDays;

    Reminders(JdbcClient jdbc, Regions regions, Access access, Reports reports, ReportInbox inbox, WorkingDays workingDays,
              LedgerFigures ledger, @Value("${anju.reminders.report-due-soon-working-days}") int dueSoonWorkingDays) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.access = access;
        this.reports = reports;
        this.inbox = inbox;
        this.workingDays = workingDays;
        this.ledger = ledger;
        this.dueSoonWorkingDays = dueSoonWorkingDays;
    }

    /** One run of the scheduled work for the day {@code today} (a Beijing date). */
    @Transactional
    public Run generate(LocalDate today) {
        int created = 0;
        int resolved = 0;
        int noCalendar = 0;
        Region root = regions.root();
        Map<Integer, RegionCalendar> calendars = new HashMap<>();
        for (YearMonth period : List.of(YearMonth.from(today).minusMonths(1), YearMonth.from(today))) {
            LocalDate deadline = reports.deadline(period);
            Set<Integer> pending = new HashSet<>();
            for (ReportInbox.UnitRow row : inbox.unitsAll(root.code(), period, null, null)) {
                // by its status only: a returned month (submitted_at kept) is owed again until it is resubmitted
                boolean submitted = row.status() != null && row.status().counted();
                if (submitted) {
                    continue;
                }
                pending.add(row.unit().id());
                Optional<ReminderKind> kind;
                try {
                    // overdue needs no calendar; a unit's calendar is read once per run (one query for its local days)
                    kind = today.isAfter(deadline) ? Optional.of(ReminderKind.REPORT_OVERDUE)
                            : ReportReminderRule.of(today, deadline, dueSoonWorkingDays,
                            calendars.computeIfAbsent(row.unit().id(), id -> workingDays.forRegion(row.unit()))::isWorkingDay);
                } catch (Conflict e) {
                    // a year whose holiday notice is not loaded: no due-soon reminder is guessed (overdue needs none)
                    kind = today.isAfter(deadline) ? Optional.of(ReminderKind.REPORT_OVERDUE) : Optional.empty();
                    noCalendar++;
                }
                if (kind.isPresent()) {
                    created += insert(row.unit(), period, kind.get(), "", deadline, reportDetail(kind.get(), period, deadline));
                }
            }
            resolved += resolveReports(period, pending);
        }
        // a due-soon reminder whose month became overdue is replaced by the overdue one
        resolved += jdbc.sql("""
                        update reminder s set resolved_at = now()
                        where s.kind = 'REPORT_DUE_SOON' and s.resolved_at is null and exists (
                            select 1 from reminder o where o.kind = 'REPORT_OVERDUE' and o.region_id = s.region_id
                               and o.period = s.period)""").update();

        YearMonth month = YearMonth.from(today);
        Set<String> late = new HashSet<>();
        for (LedgerFigures.Late item : ledger.overdue(root.code(), today)) {
            Optional<Region> region = regions.byCode(item.regionCode());
            if (region.isEmpty()) {
                continue;
            }
            String subject = "ledger:" + item.itemId();
            late.add(subject);
            // how late is counted when shown (mine): an open row is kept as made, and a count stored here was still
            // "已逾期 1 天" on the 20th (guesses audit L1)
            created += insert(region.get(), month, ReminderKind.LEDGER_OVERDUE, subject, item.deadline(),
                    item.kindName() + "“" + item.title() + "”整改期限" + Titles.date(item.deadline())
                            + (item.unitName() == null ? "" : "（责任单位：" + item.unitName() + "）"));
        }
        resolved += jdbc.sql("""
                        update reminder set resolved_at = now()
                        where kind = 'LEDGER_OVERDUE' and resolved_at is null
                          and (period < :month or not (subject = any (:late)))""")
                .param("month", month.atDay(1)).param("late", late.toArray(String[]::new)).update();
        log.info("提醒：新增 {} 条，已解除 {} 条{}", created, resolved,
                noCalendar == 0 ? "" : "；" + noCalendar + " 个单位的日历缺当年节假日通知，未作临近截止提醒");
        return new Run(created, resolved, noCalendar);
    }

    /** The open reminders of the current user's region and of the units directly below it, oldest deadline first. */
    public List<Reminder> mine() {
        Actor me = access.current();
        if (!me.signedIn()) {
            return List.of();
        }
        Region own = me.region();
        List<Reminder> all = jdbc.sql("""
                        select m.id, g.code, g.name, m.period, m.kind, m.subject, m.due_on, m.detail, m.created_at
                        from reminder m join region g on g.id = m.region_id
                        where m.resolved_at is null and (g.id = :own or g.parent_id = :own)
                        order by m.due_on, g.code, m.kind, m.subject limit :limit""")
                .param("own", own.id()).param("limit", SHOWN)
                .query((rs, n) -> new Reminder(rs.getLong(1), rs.getString(2), rs.getString(3),
                        YearMonth.from(rs.getObject(4, LocalDate.class)), ReminderKind.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class))).list();
        List<Reminder> readable = new ArrayList<>();
        LocalDate today = ChinaTime.today();
        for (Reminder r : all) {
            if (regions.byCode(r.regionCode()).map(access::canRead).orElse(false)) {
                readable.add(r.kind() == ReminderKind.LEDGER_OVERDUE ? r.withDetail(r.detail() + "，已逾期 "
                        + ChronoUnit.DAYS.between(r.dueOn(), today) + " 天") : r);
            }
        }
        return stillOwed(readable);
    }

    /**
     * The reminders whose month is still not submitted and whose item is still open: the hourly run resolves the rest,
     * but until it did, the unit's users were told "尚未上报，请尽快填报上报" and its city saw 逾期未报 for a month
     * submitted a minute ago (absence audit D3). Read when shown, not written by the submission: the submission never
     * waits on the run's locks on these rows.
     */
    private List<Reminder> stillOwed(List<Reminder> shown) {
        Map<YearMonth, List<Integer>> months = new HashMap<>();
        List<Long> items = new ArrayList<>();
        for (Reminder r : shown) {
            if (r.kind() == ReminderKind.LEDGER_OVERDUE && r.subject().startsWith("ledger:")) {
                items.add(Long.parseLong(r.subject().substring("ledger:".length())));
            } else if (r.kind() != ReminderKind.LEDGER_OVERDUE) {
                months.computeIfAbsent(r.period(), p -> new ArrayList<>()).add(regions.byCode(r.regionCode()).orElseThrow().id());
            }
        }
        Map<YearMonth, Set<Integer>> submitted = new HashMap<>();
        months.forEach((period, units) -> submitted.put(period, inbox.countedAmong(units, period)));
        Set<Long> closed = ledger.closedAmong(items);
        return shown.stream().filter(r -> r.kind() == ReminderKind.LEDGER_OVERDUE
                ? !r.subject().startsWith("ledger:") || !closed.contains(Long.parseLong(r.subject().substring("ledger:".length())))
                : !submitted.get(r.period()).contains(regions.byCode(r.regionCode()).orElseThrow().id())).toList();
    }

    /**
     * A new reminder, or the resolved one of the same unit, month, kind and subject opened again: a report submitted
     * and then returned (已退回) is owed again, a ledger item closed and reopened is late again. With {@code do nothing}
     * the resolved row swallowed the new reminder and the month was never reminded again (review of issue 15). An open
     * one is left as it is, so a second run adds nothing. 1 when a reminder was made or reopened.
     */
    private int insert(Region unit, YearMonth period, ReminderKind kind, String subject, LocalDate dueOn, String detail) {
        return jdbc.sql("""
                        insert into reminder (region_id, period, kind, subject, due_on, detail)
                        values (:region, :period, :kind, :subject, :due, :detail)
                        on conflict (region_id, period, kind, subject) do update
                           set resolved_at = null, due_on = excluded.due_on, detail = excluded.detail, created_at = now()
                         where reminder.resolved_at is not null""")
                .param("region", unit.id()).param("period", period.atDay(1)).param("kind", kind.name())
                .param("subject", subject).param("due", dueOn).param("detail", detail).update();
    }

    /** Report reminders of the month whose unit is no longer pending (submitted since). */
    private int resolveReports(YearMonth period, Set<Integer> pending) {
        return jdbc.sql("""
                        update reminder set resolved_at = now()
                        where kind in ('REPORT_DUE_SOON', 'REPORT_OVERDUE') and resolved_at is null and period = :period
                          and not (region_id = any (:pending))""")
                .param("period", period.atDay(1)).param("pending", pending.toArray(Integer[]::new)).update();
    }

    static String reportDetail(ReminderKind kind, YearMonth period, LocalDate deadline) {
        String month = Titles.month(period);
        return kind == ReminderKind.REPORT_OVERDUE
                ? month + "月报报送期限" + Titles.date(deadline) + "已过，尚未上报，请尽快填报上报"
                : month + "月报须于" + Titles.date(deadline) + "前上报，尚未上报";
    }
}
