package org.anju.ledger.item;

import org.anju.account.Access;
import org.anju.ledger.kind.KindDefinition;
import org.anju.ledger.kind.Kinds;
import org.anju.platform.BadInput;
import org.anju.platform.NotFound;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The supervision API other modules (the bulletin) call: counts by kind × state × unit for a region's subtree as at a
 * date, the overdue and due-soon lists, and the rectification rate (已销号 / all) per kind and unit. Every method checks
 * that the current actor reads the region. A state "as at" a date is the state of the item's last timeline entry dated
 * on or before it; items handed over later are not counted.
 */
@Service
public class LedgerFigures {

    /** How many items of a kind, of a 责任单位 (null: none named), were in a state on the date. */
    public record Count(String kind, String kindName, String regionCode, String regionName, String unitName, LedgerState state,
                        int items) {
    }

    /** An open item past (or near) its deadline on the date. */
    public record Late(long itemId, String kind, String kindName, String regionCode, String regionName, String unitName,
                       String title, LocalDate deadline, LedgerState state, long daysLate) {
    }

    /**
     * 整改率 of a kind and unit: closed / all, in percent with one decimal (rounded half up), null when the unit has no
     * item of the kind (never 0 %).
     */
    public record Rate(String kind, String kindName, String regionCode, String unitName, int closed, int total, BigDecimal percent) {
    }

    static final String STATE_ON = """
            (select e.state from ledger_event e where e.item_id = i.id and e.on_date <= :on order by e.on_date desc, e.seq desc limit 1)
            """;

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Access access;
    private final Kinds kinds;

    LedgerFigures(JdbcClient jdbc, Regions regions, Access access, Kinds kinds) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.access = access;
        this.kinds = kinds;
    }

    /**
     * Which of {@code itemIds} are closed (已销号) — for the reminders' box, where an item closed since their last run
     * is no longer late. No access check: the caller lists only items of regions it reads.
     */
    public java.util.Set<Long> closedAmong(java.util.Collection<Long> itemIds) {
        return itemIds.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(jdbc.sql(
                        "select id from ledger_item where id = any(?) and state = 'CLOSED'")
                .param(itemIds.toArray(Long[]::new)).query(Long.class).list());
    }

    private Region scope(String code) {
        if (code == null || code.isBlank()) {
            throw new BadInput("缺少地区代码");
        }
        Region r = regions.byCode(code.strip()).orElseThrow(() -> new NotFound("地区代码“" + code + "”不存在"));
        access.checkRead(r);
        return r;
    }

    /** The caller's 责任单位, if its account is linked to one: its figures are that unit's items only, as its lists are. */
    private Long unit() {
        String username = access.current().username();
        return username == null ? null : jdbc.sql("select unit_id from ledger_unit_account where username = :u")
                .param("u", username).query(Long.class).optional().orElse(null);
    }

    private static final String MINE = " and (cast(:unit as bigint) is null or i.unit_id = :unit)";

    public List<Count> counts(String regionCode, LocalDate on) {
        Region r = scope(regionCode);
        // a county's rows by key from their parents, whatever the statistics (ARCHITECTURE.md, plans that do not
        // depend on the statistics; CountyReadsWithoutStatisticsTest)
        return jdbc.sql("""
                        select i.kind, g.code, g.name, u.name as unit_name, s.state, count(*) as n
                        from region_ancestor a cross join lateral (select i.* from ledger_item i where i.region_id = a.region_id offset 0) i
                        join region g on g.id = i.region_id left join ledger_unit u on u.id = i.unit_id
                        cross join lateral (select """ + STATE_ON + """
                         as state) s
                        where a.ancestor_id = :scope and s.state is not null""" + MINE + """
                        group by i.kind, g.code, g.name, u.name, s.state order by g.code, i.kind, u.name nulls first, s.state""")
                .param("scope", r.id()).param("on", on).param("unit", unit())
                .query((rs, n) -> new Count(rs.getString(1), name(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), LedgerState.valueOf(rs.getString(5)), rs.getInt(6))).list();
    }

    /** Open items whose deadline passed before {@code on}, the longest overdue first. */
    public List<Late> overdue(String regionCode, LocalDate on) {
        Region r = scope(regionCode);
        return late(r, on, "i.deadline < :on", "i.deadline, i.id");
    }

    /** Open items due from {@code on} to the kind's due-soon days after it, the nearest first. */
    public List<Late> dueSoon(String regionCode, LocalDate on) {
        Region r = scope(regionCode);
        StringBuilder cond = new StringBuilder("i.deadline >= :on and (");
        List<KindDefinition> all = kinds.all();
        for (int k = 0; k < all.size(); k++) {
            cond.append(k == 0 ? "" : " or ").append("(i.kind = '").append(all.get(k).code()).append("' and i.deadline <= :on + ")
                    .append(all.get(k).dueSoonDays()).append(")");
        }
        cond.append(")");
        return late(r, on, cond.toString(), "i.deadline, i.id");
    }

    private List<Late> late(Region r, LocalDate on, String condition, String order) {
        // a county's rows by key from their parents, whatever the statistics (ARCHITECTURE.md, plans that do not
        // depend on the statistics; CountyReadsWithoutStatisticsTest); the open ones inside, as
        // ledger_item_open_deadline_idx has them
        return jdbc.sql("""
                        select i.id, i.kind, g.code, g.name, u.name as unit_name, i.title, i.deadline, i.state
                        from region_ancestor a cross join lateral (select i.* from ledger_item i
                                                                    where i.region_id = a.region_id and i.state <> 'CLOSED' offset 0) i
                        join region g on g.id = i.region_id left join ledger_unit u on u.id = i.unit_id
                        where a.ancestor_id = :scope""" + " and " + condition + MINE + " order by " + order + " limit 5000")
                .param("scope", r.id()).param("on", on).param("unit", unit())
                .query((rs, n) -> {
                    LocalDate deadline = rs.getObject(7, LocalDate.class);
                    return new Late(rs.getLong(1), rs.getString(2), name(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), deadline, LedgerState.valueOf(rs.getString(8)),
                            ChronoUnit.DAYS.between(deadline, on));
                }).list();
    }

    /** 整改率 per kind and unit of a region's subtree, now. */
    public List<Rate> rates(String regionCode) {
        Region r = scope(regionCode);
        // a county's rows by key from their parents, whatever the statistics (ARCHITECTURE.md, plans that do not
        // depend on the statistics; CountyReadsWithoutStatisticsTest)
        return jdbc.sql("""
                        select i.kind, g.code, u.name, count(*) filter (where i.state = 'CLOSED'), count(*)
                        from region_ancestor a cross join lateral (select i.* from ledger_item i where i.region_id = a.region_id offset 0) i
                        join region g on g.id = i.region_id left join ledger_unit u on u.id = i.unit_id
                        where a.ancestor_id = :scope""" + MINE + """
                        group by i.kind, g.code, u.name order by i.kind, g.code, u.name nulls first""")
                .param("scope", r.id()).param("unit", unit())
                .query((rs, n) -> new Rate(rs.getString(1), name(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(5) == 0 ? null : BigDecimal.valueOf(rs.getInt(4) * 100L)
                        .divide(BigDecimal.valueOf(rs.getInt(5)), 1, RoundingMode.HALF_UP))).list();
    }

    private String name(String kind) {
        return kinds.find(kind).map(KindDefinition::name).orElse(kind);
    }
}
