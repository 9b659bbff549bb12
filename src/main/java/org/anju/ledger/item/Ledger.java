package org.anju.ledger.item;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.calendar.Counting;
import org.anju.calendar.WorkingDays;
import org.anju.ledger.kind.DeadlineRule;
import org.anju.ledger.kind.FieldDef;
import org.anju.ledger.kind.KindDefinition;
import org.anju.ledger.kind.Kinds;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.privacy.Column;
import org.anju.privacy.PersonName;
import org.anju.privacy.PersonalData;
import org.anju.privacy.PersonalField;
import org.anju.privacy.Phone;
import org.anju.privacy.SealedValue;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.anju.platform.ChinaTime.today;

/**
 * The ledger engine (台账): items of every kind, their 责任单位, progress notes with evidence files, 申请销号 and the
 * upper level's 销号 or 退回, 督办 notices, and the timeline. Every method checks access itself:
 * <ul>
 * <li>reading: the item's region lies in the reader's subtree; an account linked to a 责任单位 reads that unit's items only;</li>
 * <li>交办 (creating) and working on an item: the region's own accounts that write, or an account linked to the item's unit;</li>
 * <li>销号 / 退回: the level directly above the item's region (a county's item by its city, a city's by its province);</li>
 * <li>督办: an administrator of the region directly above (as for 销号);</li>
 * <li>责任单位: the region's administrators (and those above).</li>
 * </ul>
 */
@Service
public class Ledger {

    public static final Column PETITIONER_NAME = new Column("ledger_item", "petitioner_name_enc", PersonalField.NAME);
    public static final Column PETITIONER_PHONE = new Column("ledger_item", "petitioner_phone_enc", PersonalField.PHONE);

    /** The columns the item row mapper reads: an item {@code i}, its region {@code g}, its unit's name {@code u}. */
    private static final String ITEM_COLUMNS = """
            select i.*, g.code as region_code, g.name as region_name, u.name as unit_name
            """;

    static final String ITEM = ITEM_COLUMNS + """
            from ledger_item i join region g on g.id = i.region_id left join ledger_unit u on u.id = i.unit_id
            """;

    /** The item's unit by its key in a subquery of its own (reads that fence their items: by id, the 销号 inbox). */
    private static final String ITEM_UNIT = """
            left join lateral (select u.name from ledger_unit u where u.id = i.unit_id offset 0) u on true
            """;

    // an item by id in a subquery of its own, its unit by key in another: with emptied statistics the joins read a whole
    // index of every county's items, and of every unit, per call (ARCHITECTURE.md, plans that do not depend on the
    // statistics; LedgerByIdWithoutStatisticsTest)
    static final String ITEM_BY_ID = ITEM_COLUMNS + """
            from (select * from ledger_item where id = ? offset 0) i join region g on g.id = i.region_id
            """ + ITEM_UNIT;

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Access access;
    private final Kinds kinds;
    private final WorkingDays workingDays;
    private final PersonalData personalData;
    private final JsonMapper json;
    private final int maxFileBytes;

    private final org.anju.account.Users users;

    Ledger(JdbcClient jdbc, Regions regions, Access access, Kinds kinds, WorkingDays workingDays, PersonalData personalData,
           JsonMapper json, @Value("${anju.ledger.max-file-bytes:10485760}") int maxFileBytes, org.anju.account.Users users) {
        this.users = users;
        this.jdbc = jdbc;
        this.regions = regions;
        this.access = access;
        this.kinds = kinds;
        this.workingDays = workingDays;
        this.personalData = personalData;
        this.json = json;
        this.maxFileBytes = maxFileBytes;
    }

    public Kinds kinds() {
        return kinds;
    }


    Region region(String code) {
        if (code == null || code.isBlank()) {
            throw new BadInput("缺少地区代码");
        }
        return regions.byCode(code.strip()).orElseThrow(() -> new NotFound("地区代码“" + code + "”不存在"));
    }

    // ---- who may ----------------------------------------------------------------------------------------

    /** The 责任单位 the current account works for, if it is linked to one. */
    public Optional<Unit> myUnit() {
        Actor a = access.current();
        if (a.username() == null) {
            return Optional.empty();
        }
        // the account's unit by key (LedgerByIdWithoutStatisticsTest): read on every item's access check
        return jdbc.sql("select u.*, g.code as region_code, g.name as region_name"
                        + " from (select unit_id from ledger_unit_account where username = ? offset 0) x"
                        + " cross join lateral (select u.* from ledger_unit u where u.id = x.unit_id offset 0) u"
                        + " join region g on g.id = u.region_id")
                .param(a.username()).query(Ledger::unitRow).optional();
    }

    void checkRead(Item item) {
        Optional<Unit> mine = myUnit();
        if (mine.isPresent()) {
            if (item.unitId() == null || item.unitId() != mine.get().id()) {
                throw new Denied("无权查看该事项：本账号只办理" + mine.get().name() + "的台账事项");
            }
            return;
        }
        access.checkRead(regions.byCode(item.regionCode()).orElseThrow());
    }

    /** Whether the current account may work on the item (报送进展, 申请销号): its region's writers or its unit's clerks. */
    public boolean canWork(Item item) {
        Optional<Unit> mine = myUnit();
        if (mine.isPresent()) {
            return item.unitId() != null && item.unitId() == mine.get().id();
        }
        return access.canWrite(regions.byCode(item.regionCode()).orElseThrow());
    }

    void checkWork(Item item) {
        checkRead(item);
        if (!canWork(item)) {
            throw new Denied("无权办理" + item.regionName() + "的台账事项：由该地区的经办账号或责任单位（"
                    + (item.unitName() == null ? "未指定" : item.unitName()) + "）办理");
        }
    }

    /** Whether the current account may close or return the item: the level directly above its region. */
    public boolean canApprove(Item item) {
        return myUnit().isEmpty() && access.canApprove(regions.byCode(item.regionCode()).orElseThrow());
    }

    /** Whether the current account may hand items over (交办) in {@code regionCode}. */
    public boolean canIssue(String regionCode) {
        return myUnit().isEmpty() && access.canWrite(region(regionCode));
    }

    // ---- units ------------------------------------------------------------------------------------------

    public List<Unit> units(String regionCode) {
        Region r = region(regionCode);
        access.checkRead(r);
        return jdbc.sql("select u.*, g.code as region_code, g.name as region_name from ledger_unit u join region g on g.id = u.region_id "
                + "where u.region_id = ? order by u.unit_kind, u.name").param(r.id()).query(Ledger::unitRow).list();
    }

    public Unit unit(long id) {
        Unit u = jdbc.sql("select u.*, g.code as region_code, g.name as region_name"
                        + " from (select * from ledger_unit where id = ? offset 0) u join region g on g.id = u.region_id")
                .param(id).query(Ledger::unitRow).optional().orElseThrow(() -> new NotFound("责任单位不存在：" + id));
        access.checkRead(region(u.regionCode()));
        return u;
    }

    /** Adds a 责任单位 to a region: by its administrators (or those above). */
    @Transactional
    public Unit addUnit(String regionCode, String name, UnitKind kind) {
        Region r = region(regionCode);
        if (!access.canManageUsers(r)) {
            throw new Denied("无权维护" + r.name() + "的责任单位：由该地区或上级的管理员维护");
        }
        if (name == null || name.isBlank()) {
            throw new BadInput("“单位名称”不能为空");
        }
        if (kind == null) {
            throw new BadInput("缺少单位类别：应为 政府部门、国有企业 或 其他");
        }
        // one region's new units one at a time: a twin sent at once (a double-click) waits here, then finds the first and
        // gets the same refusal a later repeat gets — not the unique index's generic one (double-submit trial, defect 13)
        jdbc.sql("select pg_advisory_xact_lock(hashtext('ledger_unit'), ?)").param(r.id()).query().singleRow();
        if (jdbc.sql("select count(*) from ledger_unit where region_id = ? and name = ?").params(r.id(), name.strip())
                .query(Integer.class).single() > 0) {
            throw new Conflict(r.name() + "已有责任单位“" + name.strip() + "”");
        }
        long id = jdbc.sql("insert into ledger_unit (region_id, name, unit_kind, updated_by) values (?, ?, ?, ?) returning id")
                .params(r.id(), name.strip(), kind.name(), access.current().username()).query(Long.class).single();
        return unit(id);
    }

    /** Links an account to a 责任单位 of its region (or lifts the link with unitId null): by the region's administrators. */
    @Transactional
    public void linkAccount(String username, Long unitId) {
        var user = jdbc.sql("select u.username, g.code from users u join region g on g.id = u.region_id where u.username = ?")
                .param(username == null ? "" : username.strip()).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .optional().orElseThrow(() -> new NotFound("账号“" + username + "”不存在"));
        Region r = region(user.getValue());
        if (!access.canManageUsers(r)) {
            throw new Denied("无权设定" + r.name() + "账号的责任单位：由该地区或上级的管理员设定");
        }
        if (unitId == null) {
            jdbc.sql("delete from ledger_unit_account where username = ?").param(user.getKey()).update();
            return;
        }
        Unit u = unit(unitId);
        if (!u.regionCode().equals(user.getValue())) {
            throw new BadInput("账号“" + username + "”属于" + r.name() + "，责任单位“" + u.name() + "”属于" + u.regionName()
                    + "：只能关联本地区的责任单位");
        }
        jdbc.sql("""
                insert into ledger_unit_account (username, unit_id, updated_by) values (?, ?, ?)
                on conflict (username) do update set unit_id = excluded.unit_id, updated_at = now(), updated_by = excluded.updated_by
                """).params(user.getKey(), unitId, access.current().username()).update();
    }

    // ---- items ------------------------------------------------------------------------------------------

    /** The deadline of an item as its kind or its issuer says, refused in Chinese when the calendar cannot answer. */
    Deadline deadline(KindDefinition kind, Region region, NewItem n, Map<String, String> fields) {
        if (n.deadline() != null) {
            if (n.days() != null) {
                throw new BadInput("整改期限只能给一种：日期，或自起算日起的天数");
            }
            return new Deadline(n.deadline(), "限" + Dates.chinese(n.deadline()) + "前");
        }
        DeadlineRule rule = kind.deadline();
        if (n.days() != null) {
            if (n.days() < 1 || n.days() > 3650) {
                throw new BadInput("整改期限天数应在 1 到 3650 之间，实际为 " + n.days());
            }
            rule = Boolean.TRUE.equals(n.workingDays()) ? new DeadlineRule.WorkingDays(n.days(), null)
                    : new DeadlineRule.CalendarDays(n.days(), null);
        }
        return switch (rule) {
            case DeadlineRule.OnDate d -> throw new BadInput("请给出整改期限：" + kind.name() + "的期限为具体日期（或由交办单位给出天数和起算日）");
            case DeadlineRule.WorkingDays w -> {
                LocalDate start = start(kind, w.startField(), n, fields);
                LocalDate due = workingDays.addWorkingDays(start, w.days(), region, Counting.START_NEXT_DAY);
                yield new Deadline(due, "自" + Dates.chinese(start) + "起" + w.days() + "个工作日（" + region.name() + "工作日历）");
            }
            case DeadlineRule.CalendarDays c -> {
                LocalDate start = start(kind, c.startField(), n, fields);
                yield new Deadline(start.plusDays(c.days()), "自" + Dates.chinese(start) + "起" + c.days() + "日");
            }
        };
    }

    record Deadline(LocalDate date, String rule) {
    }

    private static LocalDate start(KindDefinition kind, String field, NewItem n, Map<String, String> fields) {
        if (n.startOn() != null) {
            return n.startOn();
        }
        if (field != null && fields.get(field) != null) {
            return LocalDate.parse(fields.get(field));
        }
        String what = field == null ? "起算日期" : kind.field(field).map(FieldDef::label).orElse(field);
        throw new BadInput("缺少“" + what + "”：整改期限按天数计算，须有起算日期");
    }

    /** The kind's fields of an input, normalized; every problem named by field. */
    static Map<String, String> fields(KindDefinition kind, Map<String, String> input) {
        Map<String, String> in = input == null ? Map.of() : input;
        for (String code : in.keySet()) {
            if (kind.field(code).isEmpty()) {
                throw new BadInput(kind.name() + "没有字段“" + code + "”：应为 " + String.join("、",
                        kind.fields().stream().map(f -> f.code() + "（" + f.label() + "）").toList()));
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldDef f : kind.fields()) {
            String v = f.normalize(in.get(f.code()));
            if (v != null) {
                out.put(f.code(), v);
            }
        }
        return out;
    }

    /** 交办: adds an item to a region's ledger. Returns its id. */
    @Transactional
    public long create(NewItem n) {
        KindDefinition kind = kinds.get(n.kind());
        Region r = region(n.regionCode());
        if (myUnit().isPresent() || !access.canWrite(r)) {
            throw new Denied("无权向" + r.name() + "的台账交办事项：由该地区能修改数据的账号交办");
        }
        if (n.title() == null || n.title().isBlank()) {
            throw new BadInput("“事项名称”不能为空");
        }
        Map<String, String> fields = fields(kind, n.fields());
        if (n.unitId() != null) {
            Unit u = unit(n.unitId());
            if (!u.regionCode().equals(r.code())) {
                throw new BadInput("责任单位“" + u.name() + "”属于" + u.regionName() + "，不是" + r.name() + "的单位");
            }
        }
        Deadline due = deadline(kind, r, n, fields);
        SealedValue name = null, phone = null;
        if (kind.code().equals("PETITION")) {
            if (n.petitionerName() != null && !n.petitionerName().isBlank()) {
                name = personalData.seal(PETITIONER_NAME, PersonName.parse("信访人姓名", n.petitionerName()));
            }
            if (n.petitionerPhone() != null && !n.petitionerPhone().isBlank()) {
                phone = personalData.seal(PETITIONER_PHONE, Phone.parse("信访人联系电话", n.petitionerPhone()));
            }
        } else if (n.petitionerName() != null || n.petitionerPhone() != null) {
            throw new BadInput("只有信访投诉事项登记信访人姓名和电话");
        }
        LocalDate today = today();
        String actor = access.current().username();
        long id = jdbc.sql("""
                        insert into ledger_item (kind, region_id, title, fields, unit_id, responsible, measures, deadline, deadline_rule,
                            state, state_on, petitioner_name_enc, petitioner_name_masked, petitioner_phone_enc, petitioner_phone_masked,
                            created_by, updated_by)
                        values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(kind.code(), r.id(), n.title().strip(), json.writeValueAsString(fields), n.unitId(), blank(n.responsible()),
                        blank(n.measures()), due.date(), due.rule(), today, name == null ? null : name.ciphertext(),
                        name == null ? null : name.masked(), phone == null ? null : phone.ciphertext(),
                        phone == null ? null : phone.masked(), actor, actor)
                .query(Long.class).single();
        event(id, "交办", LedgerState.PENDING, today, due.rule());
        return id;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Item item(long id) {
        return item(id, today());
    }

    public Item item(long id, LocalDate today) {
        Item i = jdbc.sql(ITEM_BY_ID).param(id).query((rs, n) -> item(rs, today)).optional()
                .orElseThrow(() -> new NotFound("台账事项不存在：" + id));
        checkRead(i);
        return i;
    }

    /** The items of a region's subtree (a unit's clerk: its unit's), open ones with the nearest deadline first. */
    public List<Item> items(String regionCode, String kind, LedgerState state) {
        Region r = region(regionCode);
        access.checkRead(r);
        StringBuilder sql = new StringBuilder(ITEM + " join region_ancestor a on a.region_id = i.region_id and a.ancestor_id = ? where true");
        List<Object> params = new ArrayList<>(List.of(r.id()));
        Optional<Unit> mine = myUnit();
        if (mine.isPresent()) {
            sql.append(" and i.unit_id = ?");
            params.add(mine.get().id());
        }
        if (kind != null && !kind.isBlank()) {
            sql.append(" and i.kind = ?");
            params.add(kinds.get(kind).code());
        }
        if (state != null) {
            sql.append(" and i.state = ?");
            params.add(state.name());
        }
        sql.append(" order by (i.state = 'CLOSED'), i.deadline, i.id limit 2000");
        LocalDate today = today();
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> item(rs, today)).list();
    }

    /**
     * A page of the items of a region's subtree (a unit's clerk: its unit's), read in SQL: narrowed to a kind, a state,
     * a 责任单位 ({@code unitId}), overdue ones ({@code overdue}: not closed, deadline before today) and a text in the
     * title; open items first, nearest deadline first (overdue ones lead), then id.
     */
    public org.anju.platform.Page<Item> page(String regionCode, String kind, LedgerState state, Long unitId,
                                             boolean overdue, String text, org.anju.platform.PageRequest request) {
        Region r = region(regionCode);
        access.checkRead(r);
        LocalDate today = today();
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("scope", r.id());
        params.put("mine", myUnit().map(Unit::id).orElse(null));
        params.put("kind", kind == null || kind.isBlank() ? null : kinds.get(kind).code());
        params.put("state", state == null ? null : state.name());
        params.put("unit", unitId);
        params.put("overdue", overdue);
        params.put("today", java.sql.Date.valueOf(today));
        params.put("text", blank(text));
        String where = """
                join region_ancestor a on a.region_id = i.region_id and a.ancestor_id = :scope
                where (cast(:mine as bigint) is null or i.unit_id = :mine)
                  and (cast(:kind as text) is null or i.kind = :kind)
                  and (cast(:state as text) is null or i.state = :state)
                  and (cast(:unit as bigint) is null or i.unit_id = :unit)
                  and (not :overdue or i.state <> 'CLOSED' and i.deadline < :today)
                  and (cast(:text as text) is null or i.title like '%' || :text || '%')""";
        return org.anju.platform.PagedQuery.fetch(jdbc, request, "select count(*) from ledger_item i " + where,
                ITEM + where + "\norder by (i.state = 'CLOSED'), i.deadline, i.id", params, (rs, n) -> item(rs, today));
    }

    /**
     * The items of a region's subtree (a unit's clerk: its unit's) as they stood on {@code on}: only items handed over on
     * or before it, each with its state, alert and latest progress note as at that day; nearest deadline first. Checks
     * that the current actor reads the region.
     */
    public List<Standing> standing(String regionCode, LocalDate on) {
        Region r = region(regionCode);
        access.checkRead(r);
        // the subtree's items by key from its regions (a lateral subquery the planner does not merge): with the statistics
        // the autovacuum leaves after a table was emptied (reltuples 0) it read every region's items and, per item, the
        // subtree (CountyReadsWithoutStatisticsTest)
        StringBuilder sql = new StringBuilder("""
                select * from (select i.*, g.code as region_code, g.name as region_name, u.name as unit_name,
                    (select e.state from ledger_event e where e.item_id = i.id and e.on_date <= ? order by e.on_date desc, e.seq desc limit 1) as state_then,
                    p.text as note_then, p.on_date as note_on
                from (select region_id from region_ancestor where ancestor_id = ?) a
                cross join lateral (select i.* from ledger_item i where i.region_id = a.region_id offset 0) i
                join region g on g.id = i.region_id left join ledger_unit u on u.id = i.unit_id
                left join lateral (select e.text, e.on_date from ledger_event e where e.item_id = i.id and e.action = '报送进展'
                    and e.on_date <= ? order by e.on_date desc, e.seq desc limit 1) p on true
                """);
        List<Object> params = new ArrayList<>(List.of(on, r.id(), on));
        Optional<Unit> mine = myUnit();
        if (mine.isPresent()) {
            sql.append(" where i.unit_id = ?");
            params.add(mine.get().id());
        }
        sql.append(") x where x.state_then is not null order by x.deadline, x.id");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            Item i = item(rs, on);
            LedgerState then = LedgerState.valueOf(rs.getString("state_then"));
            return new Standing(i, on, then, Alert.of(then, i.deadline(), on, kinds.get(i.kind()).dueSoonDays()),
                    rs.getString("note_then"), rs.getObject("note_on", LocalDate.class));
        }).list();
    }

    /** Items waiting for the current account's 销号 or 退回: applied items of the regions directly below it. */
    public List<Item> approvals() {
        Actor a = access.current();
        if (myUnit().isPresent()) {
            return List.of();
        }
        LocalDate today = today();
        // each region's applied items by key in a lateral subquery the planner cannot merge, their units likewise: with
        // the statistics the autovacuum leaves after the table was emptied a plain join read the country's open items
        // (57,456 rows for a city's 54; LedgerApprovalsByStateTest)
        return jdbc.sql(ITEM_COLUMNS + """
                        from (select g.id, g.code, g.name from region g where g.parent_id = ?) g
                        cross join lateral (select i.* from ledger_item i where i.region_id = g.id and i.state = 'APPLIED'
                                            offset 0) i
                        """ + ITEM_UNIT + "order by i.state_on, i.id").param(a.region().id())
                .query((rs, n) -> item(rs, today)).list().stream().filter(this::canApprove).toList();
    }

    Item item(ResultSet rs, LocalDate today) throws SQLException {
        KindDefinition kind = kinds.get(rs.getString("kind"));
        Map<String, String> fields = json.readValue(rs.getString("fields"), new TypeReference<LinkedHashMap<String, String>>() {
        });
        LedgerState state = LedgerState.valueOf(rs.getString("state"));
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        LocalDate closed = rs.getObject("closed_on", LocalDate.class);
        Long monthsLate = null;
        if (kind.lateFrom() != null && fields.get(kind.lateFrom()) != null) {
            LocalDate until = kind.lateUntil() != null && fields.get(kind.lateUntil()) != null
                    ? LocalDate.parse(fields.get(kind.lateUntil())) : closed != null ? closed : today;
            monthsLate = Alert.monthsLate(LocalDate.parse(fields.get(kind.lateFrom())), until);
        }
        List<String> flags = new ArrayList<>();
        kind.flags().forEach((field, flag) -> {
            String v = fields.get(field);
            if (v != null && new java.math.BigDecimal(v).signum() > 0) {
                flags.add(flag);
            }
        });
        Long unitId = rs.getObject("unit_id", Long.class);
        return new Item(rs.getLong("id"), kind.code(), kind.name(), rs.getString("region_code"), rs.getString("region_name"),
                rs.getString("title"), fields, unitId, rs.getString("unit_name"), rs.getString("responsible"),
                rs.getString("measures"), deadline, rs.getString("deadline_rule"), state, rs.getObject("state_on", LocalDate.class),
                closed, rs.getString("petitioner_name_masked"), rs.getString("petitioner_phone_masked"), rs.getInt("version"),
                rs.getString("created_by"), Alert.of(state, deadline, today, kind.dueSoonDays()), monthsLate, flags);
    }

    static Unit unitRow(ResultSet rs, int n) throws SQLException {
        return new Unit(rs.getLong("id"), rs.getString("region_code"), rs.getString("region_name"), rs.getString("name"),
                UnitKind.valueOf(rs.getString("unit_kind")), rs.getInt("version"));
    }

    /** Changes the 整改措施 and the 责任人 of an item not yet closed (at the version read). */
    @Transactional
    public Item editMeasures(long id, int version, String measures, String responsible) {
        Item i = item(id);
        checkWork(i);
        if (i.state() == LedgerState.CLOSED) {
            throw new Conflict("已销号的事项不能修改");
        }
        java.util.function.Predicate<Made> same = m -> {
            Item now = item(id);
            return java.util.Objects.equals(now.measures(), blank(measures))
                    && java.util.Objects.equals(now.responsible(), blank(responsible));
        };
        if (bump(i, version, EDIT_MEASURES, same, "update ledger_item set measures = ?, responsible = ?", blank(measures),
                blank(responsible)).isEmpty()) {
            event(id, EDIT_MEASURES, i.state(), today(), blank(measures));
        }
        return item(id);
    }

    private static final String EDIT_MEASURES = "修改整改措施";

    /**
     * Writes a step at the version read. Empty when written; the step that made the version there now when that is
     * this same step sent again — a double-click, Back + 确认重新提交, an API retry — by the same user with the same
     * content ({@code action} and {@code same}): nothing is written again and the caller answers as done (double-submit
     * trial, defect 12: the user was told 他人 had changed the item). Any other stale version is refused naming who made
     * it, by which step and when ({@link #stale}).
     */
    private Optional<Made> bump(Item i, int version, String action, java.util.function.Predicate<Made> same, String set,
                                Object... params) {
        Optional<Made> again = again(i, version, action, same);
        if (again.isPresent()) {
            return again;
        }
        List<Object> all = new ArrayList<>(java.util.Arrays.asList(params));   // a cleared value is null
        all.add(access.current().username());
        all.add(i.id());
        all.add(version);
        int n = jdbc.sql(set + ", version = version + 1, updated_at = now(), updated_by = ? where id = ? and version = ?")
                .params(all).update();
        if (n == 0) {
            // read again: a racing first click may have committed since the item was read (READ COMMITTED)
            Made m = made(i.id());
            if (m.version() > version && m.mine(access.current().username()) && action.equals(m.action()) && same.test(m)) {
                return Optional.of(m);
            }
            throw stale(i, m, version);
        }
        return Optional.empty();
    }

    /**
     * The step that made an item's current version: the row's {@code updated_by}/{@code updated_at} and the event written
     * in the same transaction (its {@code at} is that transaction's now(), as {@code updated_at} is; none for an item's
     * version 0 made by 交办 or 导入 without one).
     */
    record Made(int version, String by, OffsetDateTime at, Integer seq, String action, String text, LocalDate on) {

        boolean mine(String username) {
            return by != null && by.equals(username);
        }
    }

    private Made made(long id) {
        return jdbc.sql("""
                        select i.version, i.updated_by, i.updated_at, e.seq, e.action, e.text, e.on_date
                          from ledger_item i
                          left join lateral (select * from ledger_event e
                                              where e.item_id = i.id and e.at = i.updated_at and e.by_user = i.updated_by
                                              order by e.seq desc limit 1) e on true
                         where i.id = ?""")
                .param(id).query((rs, n) -> new Made(rs.getInt("version"), rs.getString("updated_by"),
                        rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("seq", Integer.class), rs.getString("action"),
                        rs.getString("text"), rs.getObject("on_date", LocalDate.class))).single();
    }

    /**
     * This step sent again: the version read is gone, and the one there now is this user's own {@code action} with the
     * same content — checked before a step's state checks, which would otherwise refuse it (an applied item cannot
     * apply again).
     */
    private Optional<Made> again(Item i, int version, String action, java.util.function.Predicate<Made> same) {
        if (version >= i.version()) {
            return Optional.empty();
        }
        Made m = made(i.id());
        return m.version() > version && m.mine(access.current().username()) && action.equals(m.action()) && same.test(m)
                ? Optional.of(m) : Optional.empty();
    }

    /** A step at an old version: who made the version there, by which step and when, not an unnamed 他人. */
    private ConcurrentUpdateException stale(Item i, Made m, int version) {
        return new ConcurrentUpdateException(org.anju.account.LastChange.refusal("事项“" + i.title() + "”", version, m.version(),
                () -> "已" + (m.by() == null ? "" : "被" + users.who(m.by())) + "于 " + ChinaTime.spoken(m.at())
                        + (m.action() == null ? "修改" : m.action()), "请刷新后重试"));
    }

    /**
     * 报送进展: a progress note with evidence files; the first one starts the work (待整改 → 整改中).
     *
     * @return the timeline entry's number
     */
    @Transactional
    public int progress(long id, int version, String note, LocalDate on, List<Upload> files) {
        Item i = item(id);
        checkWork(i);
        if (note == null || note.isBlank()) {
            throw new BadInput("“整改进展”不能为空");
        }
        if (on == null) {
            throw new BadInput("请填写进展日期（on）");
        }
        LocalDate day = on;
        if (day.isAfter(today())) {
            throw new BadInput("进展日期不能晚于今天：" + Dates.chinese(day));
        }
        String step = LedgerState.Step.PROGRESS.label();
        List<Upload> uploads = files == null ? List.of() : files;
        java.util.function.Predicate<Made> same = m -> note.strip().equals(m.text()) && day.equals(m.on())
                && sha256s(uploads).equals(jdbc.sql("select sha256 from ledger_file where item_id = ? and event_seq = ?")
                .params(id, m.seq()).query(String.class).list().stream().sorted().toList());
        Optional<Made> again = again(i, version, step, same);
        if (again.isPresent()) {
            return again.get().seq();
        }
        LedgerState next = i.state().after(LedgerState.Step.PROGRESS);
        again = bump(i, version, step, same,
                "update ledger_item set state = ?, state_on = case when state = ? then state_on else ? end",
                next.name(), next.name(), day);
        if (again.isPresent()) {
            return again.get().seq();
        }
        int seq = event(id, step, next, day, note.strip());
        for (Upload f : uploads) {
            storeFile(i, seq, f, null);
        }
        return seq;
    }

    /** The SHA-256 of the files sent, sorted (an empty file counts as none: it is refused when stored). */
    private static List<String> sha256s(List<Upload> files) {
        return files.stream().filter(f -> f != null && f.content() != null && f.content().length > 0)
                .map(f -> sha256(f.content())).sorted().toList();
    }

    /** Adds a file to an item (a new version of {@code replaces} when given: the old one is kept). */
    @Transactional
    public EvidenceFile addFile(long id, Upload f, Long replaces) {
        Item i = item(id);
        checkWork(i);
        if (replaces != null) {
            EvidenceFile old = file(replaces);
            if (old.itemId() != id) {
                throw new BadInput("被替换的文件不属于该事项");
            }
        }
        // one item's uploads one at a time (its row locked until the end): two identical ones sent at once — a
        // double-click, an API client's retry racing the original — store one, the other is refused below
        jdbc.sql("select id from ledger_item where id = ? for no key update").param(id).query(Long.class).single();
        refuseHeld(i, f);
        long fid = storeFile(i, null, f, replaces);
        event(id, replaces == null ? "上传证明材料" : "替换证明材料", i.state(), today(), f.name());
        return file(fid);
    }

    /**
     * Refuses a file whose bytes the item already holds (same SHA-256), naming the stored one with who and when. Under
     * another name too: the evidence is the content — what the download checks, what an inspector compares — and a second
     * name for the same bytes proves nothing new, only counts it twice in the item's list (a file renamed on the desktop
     * and sent again, a double-click, a Back + resubmit). As a replacement too: replacing a file by bytes the item holds
     * changes nothing. An empty file is left to {@link #storeFile}'s refusal.
     */
    private void refuseHeld(Item i, Upload f) {
        if (f == null || f.content() == null || f.content().length == 0) {
            return;
        }
        jdbc.sql("select * from ledger_file where item_id = ? and sha256 = ? order by id limit 1")
                .params(i.id(), sha256(f.content())).query(Ledger::fileRow).optional().ifPresent(held -> {
                    String who = users.named(held.by());
                    String name = f.name() == null || f.name().isBlank() ? "证明材料" : f.name().strip();
                    throw new Conflict("证明材料“" + name + "”与本事项已有的“" + held.name() + "”（" + who + "于 "
                            + ChinaTime.atMinute(held.at()) + " 上传）内容相同，未重复保存；如要更新材料，请上传改过的文件");
                });
    }

    private long storeFile(Item i, Integer seq, Upload f, Long replaces) {
        if (f == null || f.content() == null || f.content().length == 0) {
            throw new BadInput("证明材料“" + (f == null ? "" : f.name()) + "”是空文件");
        }
        if (f.content().length > maxFileBytes) {
            throw new BadInput("证明材料“" + f.name() + "”有 " + f.content().length / 1024 + " KB，超过上限 "
                    + maxFileBytes / 1024 / 1024 + " MB：请压缩或分成几个文件");
        }
        String name = f.name() == null || f.name().isBlank() ? "证明材料" : f.name().strip();
        return jdbc.sql("""
                        insert into ledger_file (item_id, event_seq, name, media_type, size, sha256, content, replaces, by_user)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(i.id(), seq, name, f.mediaType() == null ? "application/octet-stream" : f.mediaType(), f.content().length,
                        sha256(f.content()), f.content(), replaces, access.current().username())
                .query(Long.class).single();
    }

    static String sha256(byte[] content) {
        return org.anju.platform.Sha256.hex(content);
    }

    public List<EvidenceFile> files(long itemId) {
        item(itemId);
        return jdbc.sql("select * from (select * from ledger_file where item_id = ? offset 0) f order by id").param(itemId).query(Ledger::fileRow).list();
    }

    public EvidenceFile file(long fileId) {
        EvidenceFile f = jdbc.sql("select * from ledger_file where id = ?").param(fileId).query(Ledger::fileRow).optional()
                .orElseThrow(() -> new NotFound("证明材料不存在：" + fileId));
        item(f.itemId());
        return f;
    }

    /** The stored bytes, checked against their SHA-256 before they are handed out. */
    public byte[] fileContent(long fileId) {
        EvidenceFile f = file(fileId);
        byte[] content = jdbc.sql("select content from ledger_file where id = ?").param(fileId).query(byte[].class).single();
        if (!sha256(content).equals(f.sha256())) {
            throw new IllegalStateException("证明材料 " + fileId + " 的校验值与保存时不符");
        }
        return content;
    }

    static EvidenceFile fileRow(ResultSet rs, int n) throws SQLException {
        return new EvidenceFile(rs.getLong("id"), rs.getLong("item_id"), rs.getObject("event_seq", Integer.class),
                rs.getString("name"), rs.getString("media_type"), rs.getInt("size"), rs.getString("sha256"),
                rs.getObject("replaces", Long.class), rs.getObject("at", OffsetDateTime.class), rs.getString("by_user"));
    }

    /** 申请销号: the unit says the item is rectified. */
    @Transactional
    public Item apply(long id, int version, String note) {
        Item i = item(id);
        checkWork(i);
        String step = LedgerState.Step.APPLY.label();
        java.util.function.Predicate<Made> same = m -> java.util.Objects.equals(m.text(), blank(note));
        if (again(i, version, step, same).isPresent()) {
            return i;
        }
        LedgerState next = i.state().after(LedgerState.Step.APPLY);
        if (bump(i, version, step, same, "update ledger_item set state = ?, state_on = ?", next.name(), today()).isEmpty()) {
            event(id, step, next, today(), blank(note));
        }
        return item(id);
    }

    /** 销号 by the level above. */
    @Transactional
    public Item approve(long id, int version) {
        Item i = item(id);
        checkApprove(i);
        String step = LedgerState.Step.APPROVE.label();
        if (again(i, version, step, m -> true).isPresent()) {
            return i;
        }
        LedgerState next = i.state().after(LedgerState.Step.APPROVE);
        if (bump(i, version, step, m -> true, "update ledger_item set state = ?, state_on = ?, closed_on = ?", next.name(),
                today(), today()).isPresent()) {
            return item(id);
        }
        event(id, step, next, today(), null);
        return item(id);
    }

    /** 退回 by the level above, with the reason: back to 整改中. */
    @Transactional
    public Item returnItem(long id, int version, String reason) {
        Item i = item(id);
        checkApprove(i);
        if (reason == null || reason.isBlank()) {
            throw new BadInput("退回须说明原因");
        }
        String step = LedgerState.Step.RETURN.label();
        java.util.function.Predicate<Made> same = m -> reason.strip().equals(m.text());
        if (again(i, version, step, same).isPresent()) {
            return i;
        }
        LedgerState next = i.state().after(LedgerState.Step.RETURN);
        if (bump(i, version, step, same, "update ledger_item set state = ?, state_on = ?", next.name(), today()).isEmpty()) {
            event(id, step, next, today(), reason.strip());
        }
        return item(id);
    }

    private void checkApprove(Item i) {
        if (!canApprove(i)) {
            Region r = region(i.regionCode());
            String above = regions.parent(r).map(Region::name).orElse("上一级");
            throw new Denied("无权为" + r.name() + "的事项销号或退回：由其上一级（" + above + "）的管理员办理");
        }
    }

    private int event(long itemId, String action, LedgerState state, LocalDate on, String text) {
        return jdbc.sql("""
                        insert into ledger_event (item_id, seq, action, state, on_date, text, by_user)
                        values (?, (select coalesce(max(seq), 0) + 1 from ledger_event where item_id = ?), ?, ?, ?, ?, ?) returning seq""")
                .params(itemId, itemId, action, state.name(), on, text, access.current().username()).query(Integer.class).single();
    }

    /** The item's timeline, oldest first. */
    public List<ItemEvent> timeline(long id) {
        item(id);
        return jdbc.sql("select * from ledger_event where item_id = ? order by seq").param(id).query((rs, n) -> new ItemEvent(
                rs.getInt("seq"), rs.getString("action"), LedgerState.valueOf(rs.getString("state")),
                rs.getObject("on_date", LocalDate.class), rs.getString("text"), rs.getObject("at", OffsetDateTime.class),
                rs.getString("by_user"))).list();
    }

    /** The petitioner's name or phone in plain text, with a reason, logged (PersonalData). */
    public String revealPetitioner(long id, boolean phone, String reason) {
        Item i = item(id);
        Column c = phone ? PETITIONER_PHONE : PETITIONER_NAME;
        byte[] sealed = jdbc.sql("select " + c.column() + " from ledger_item where id = ?").param(id).query(byte[].class)
                .optional().orElse(null);
        if (sealed == null) {
            throw new NotFound("该事项未登记信访人" + (phone ? "电话" : "姓名"));
        }
        return personalData.reveal(org.anju.privacy.Subject.of("ledger_item", id, region(i.regionCode())), c, sealed, reason);
    }

    // ---- 督办 ---------------------------------------------------------------------------------------------

    /** Issues a 督办 notice to {@code regionCode} (below the issuer) about some of its items. */
    @Transactional
    public Notice issueNotice(String regionCode, List<Long> itemIds, String title, String body, LocalDate deadline) {
        Region target = region(regionCode);
        Actor a = access.current();
        if (myUnit().isPresent() || !access.canApprove(target)) {
            throw new Denied("无权向" + target.name() + "发督办通知：由其上一级的管理员发出");
        }
        if (title == null || title.isBlank()) {
            throw new BadInput("“督办事由”不能为空");
        }
        if (deadline == null || deadline.isBefore(today())) {
            throw new BadInput("督办通知须有不早于今天的办理期限");
        }
        if (itemIds == null || itemIds.isEmpty()) {
            throw new BadInput("督办通知须至少涉及一个台账事项");
        }
        for (Long itemId : itemIds) {
            Item i = item(itemId);
            if (!regions.contains(target, region(i.regionCode()))) {
                throw new BadInput("事项“" + i.title() + "”属于" + i.regionName() + "，不在" + target.name() + "的台账中");
            }
        }
        long id = jdbc.sql("""
                        insert into ledger_notice (issuer_region_id, region_id, title, body, deadline, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(a.region().id(), target.id(), title.strip(), blank(body), deadline, a.username(), a.username())
                .query(Long.class).single();
        for (Long itemId : itemIds.stream().distinct().toList()) {
            jdbc.sql("insert into ledger_notice_item (notice_id, item_id) values (?, ?)").params(id, itemId).update();
            event(itemId, "督办", item(itemId).state(), today(), a.region().name() + "督办：" + title.strip() + "（限"
                    + Dates.chinese(deadline) + "前答复）");
        }
        return notice(id);
    }

    public Notice notice(long id) {
        // the notice fenced by its key: beside the region indexes (V50_2111), with the statistics the autovacuum leaves
        // after the table was emptied, a plain `where n.id = ?` read a region index whole (LedgerByIdWithoutStatisticsTest)
        Notice n = jdbc.sql(NOTICE_COLUMNS + "from (select * from ledger_notice where id = ? offset 0) n" + NOTICE_REGIONS)
                .param(id).query(this::noticeRow).optional()
                .orElseThrow(() -> new NotFound("督办通知不存在：" + id));
        Region target = region(n.regionCode());
        if (!access.canRead(target) && !access.canRead(region(n.issuerCode()))) {
            throw new Denied("无权查看该督办通知");
        }
        access.checkRead(access.canRead(target) ? target : region(n.issuerCode()));
        return n;
    }

    /** The notices sent to or by a region's subtree. */
    public List<Notice> notices(String regionCode) {
        Region r = region(regionCode);
        access.checkRead(r);
        if (r.equals(regions.root())) {
            // every region is in the country's subtree: its newest notices, a walk of the key
            return jdbc.sql(NOTICE_COLUMNS + "from (select * from ledger_notice order by id desc limit 500) n" + NOTICE_REGIONS
                    + "order by n.id desc").query(this::noticeRow).list();
        }
        // the notices sent to and by each region of the subtree, by the region's key (V50_2111), then each notice by its
        // key, each in a lateral subquery the planner cannot merge (ARCHITECTURE.md, plans that do not depend on the
        // statistics): a test of the subtree per notice, newest first, read the whole national table for a county with
        // fewer than 500 (LedgerNoticesByRegionTest)
        return jdbc.sql(NOTICE_COLUMNS + """
                  from (select id from (select x.id from region_ancestor a
                                          cross join lateral (select x.id from ledger_notice x
                                                               where x.region_id = a.region_id offset 0) x
                                         where a.ancestor_id = :scope
                                        union
                                        select x.id from region_ancestor a
                                          cross join lateral (select x.id from ledger_notice x
                                                               where x.issuer_region_id = a.region_id offset 0) x
                                         where a.ancestor_id = :scope) u
                         order by id desc limit 500) k
                  cross join lateral (select * from ledger_notice n where n.id = k.id offset 0) n
                """ + NOTICE_REGIONS + "order by n.id desc").param("scope", r.id()).query(this::noticeRow).list();
    }

    /** The unit's reply to a notice: by the target region's writers. */
    @Transactional
    public Notice reply(long id, int version, String reply) {
        Notice n = notice(id);
        Region target = region(n.regionCode());
        if (myUnit().isPresent() || !access.canWrite(target)) {
            throw new Denied("无权答复发给" + target.name() + "的督办通知：由该地区能修改数据的账号答复");
        }
        if (reply == null || reply.isBlank()) {
            throw new BadInput("“答复”不能为空");
        }
        String me = access.current().username();
        if (n.version() > version && me.equals(n.repliedBy()) && reply.strip().equals(n.reply())) {
            return n;   // this reply sent again (a double-click, Back + resubmit): it is there, nothing written again
        }
        int c = jdbc.sql("update ledger_notice set reply = ?, replied_on = ?, replied_by = ?, version = version + 1, updated_at = now(), "
                        + "updated_by = ? where id = ? and version = ?")
                .params(reply.strip(), today(), me, me, id, version).update();
        if (c == 0) {
            Notice now = notice(id);      // read again: a racing first click may have committed since
            if (now.version() > version && me.equals(now.repliedBy()) && reply.strip().equals(now.reply())) {
                return now;
            }
            throw staleNotice(id, version);
        }
        for (Long itemId : n.itemIds()) {
            event(itemId, "答复督办", item(itemId).state(), today(), reply.strip());
        }
        return notice(id);
    }

    /**
     * A reply at an old version: who made the version there and when (a notice changes only by its reply), not an
     * unnamed 他人.
     */
    private ConcurrentUpdateException staleNotice(long id, int version) {
        record Row(int version, String by, OffsetDateTime at) {
        }
        Row r = jdbc.sql("select version, updated_by, updated_at from ledger_notice where id = ?").param(id)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class))).single();
        return new ConcurrentUpdateException(org.anju.account.LastChange.refusal("督办通知", version, r.version(),
                () -> "已" + (r.by() == null ? "" : "被" + users.who(r.by())) + "于 " + ChinaTime.spoken(r.at()) + "答复",
                "请刷新后重试"));
    }

    /** A notice's columns, its row {@code n} and its regions {@link #NOTICE_REGIONS} in between. */
    static final String NOTICE_COLUMNS = """
            select n.*, gi.code as issuer_code, gi.name as issuer_name, g.code as region_code, g.name as region_name,
                   array(select item_id from ledger_notice_item x where x.notice_id = n.id order by item_id) as item_ids
            """;
    static final String NOTICE_REGIONS = """

            join region gi on gi.id = n.issuer_region_id join region g on g.id = n.region_id
            """;

    private Notice noticeRow(ResultSet rs, int n) throws SQLException {
        Long[] ids = (Long[]) rs.getArray("item_ids").getArray();
        return new Notice(rs.getLong("id"), rs.getString("issuer_code"), rs.getString("issuer_name"), rs.getString("region_code"),
                rs.getString("region_name"), rs.getString("title"), rs.getString("body"), rs.getObject("deadline", LocalDate.class),
                rs.getString("reply"), rs.getObject("replied_on", LocalDate.class), rs.getString("replied_by"), rs.getInt("version"),
                List.of(ids));
    }
}
