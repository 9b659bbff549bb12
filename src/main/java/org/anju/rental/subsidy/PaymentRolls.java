package org.anju.rental.subsidy;

import org.anju.account.Access;
import org.anju.account.LastChange;
import org.anju.platform.BadInput;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.NotFound;
import org.anju.privacy.Column;
import org.anju.privacy.Export;
import org.anju.privacy.PersonalData;
import org.anju.privacy.PersonalField;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.rental.household.Households;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A county's 发放花名册: generated for a month or a quarter (the city's 发放周期) from the agreements' changes in one
 * statement — again and again while a draft, with the same result —, confirmed (locked), exported as the bank sheet,
 * and marked with what the bank did. The 住房保障 office of the county (or above) runs them; whoever reads the county
 * sees them masked.
 */
@Service
public class PaymentRolls {

    static final String SUBJECT = "rental_subsidy_roll";
    /*
     * The payee is the applicant, member 1: its name and ID number are read from rental_member, whose columns they are
     * sealed for (rental_household's applicant_*_enc hold copies sealed for rental_member's columns, which do not open
     * under rental_household's — reported to the household register's owners).
     */
    private static final Column MEMBER_NAME = householdColumn("rental_member", "name_enc");
    private static final Column MEMBER_ID = householdColumn("rental_member", "id_enc");
    private static final int MAX_MARK = 100_000;

    private final JdbcClient jdbc;
    private final Access access;
    private final Regions regions;
    private final Subsidies subsidies;
    private final PersonalData personalData;
    private final LastChange lastChange;

    PaymentRolls(JdbcClient jdbc, Access access, Regions regions, Subsidies subsidies, PersonalData personalData,
                 LastChange lastChange) {
        this.lastChange = lastChange;
        this.jdbc = jdbc;
        this.access = access;
        this.regions = regions;
        this.subsidies = subsidies;
        this.personalData = personalData;
    }

    /** The household register's own declarations of its sealed columns (ciphertexts are bound to them). */
    private static Column householdColumn(String table, String name) {
        return Households.SEALED.stream().filter(c -> c.table().equals(table) && c.column().equals(name))
                .findFirst().orElseThrow(() -> new IllegalStateException(table + "." + name + " 不在 Households.SEALED 中"));
    }

    /**
     * Generates the roll of the period holding {@code month}: every agreement paying in it gets a line with the amount of
     * each month (a month covered in part as the city's 不足月 says); a draft of the same period is replaced by the same
     * computation, a confirmed one is refused.
     *
     * @throws Conflict when the city has not configured 发放周期 or 不足月, or the period is confirmed or overlaps another
     */
    @Transactional
    public Roll generate(String countyCode, YearMonth month) {
        Region county = county(countyCode);
        subsidies.checkOffice(county);
        if (month == null) {
            throw new BadInput("请填写发放月份（如 2025-03；按季发放的填季度内任一月份）");
        }
        SubsidyParameters params = subsidies.parametersFor(county, month.atDay(1));
        Region owner = regions.byCode(params.regionCode()).orElseThrow();
        if (params.cycle() == null) {
            throw new Conflict(params.name() + "（第 " + params.id() + " 号参数）未规定发放周期：请" + owner.name()
                    + "的管理员在参数文件中加一行“发放周期\t按月”或“发放周期\t按季”，以新的版本上传");
        }
        if (params.partialMonth() == null) {
            throw new Conflict(params.name() + "（第 " + params.id() + " 号参数）未规定不足一个月的月份如何发放：请" + owner.name()
                    + "的管理员在参数文件中加一行“不足月\t按日折算”（或“全月”“不发”），以新的版本上传");
        }
        Cycle cycle = params.cycle();
        LocalDate start = cycle.start(month);
        LocalDate end = start.plusMonths(cycle.months());
        jdbc.sql("select pg_advisory_xact_lock(40044, :c)").param("c", county.id()).query().singleRow();
        jdbc.sql("""
                        select period_start, period_end from rental_subsidy_roll
                         where county_id = :c and period_start < :end and period_end > :start and period_start <> :start
                         limit 1""")
                .param("c", county.id()).param("start", start).param("end", end)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).optional().ifPresent(other -> {
                    throw new Conflict(county.name() + "已有从" + Subsidies.DAY.format(other) + "起的花名册，与"
                            + cycle.name(start) + "重叠：发放周期改变后，请从新周期的第一个月起生成");
                });
        Optional<Object[]> existing = jdbc.sql("select id, status, cycle from rental_subsidy_roll where county_id = :c and period_start = :s")
                .param("c", county.id()).param("s", start)
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3)}).optional();
        long id;
        String by = access.current().username();
        if (existing.isPresent()) {
            id = (Long) existing.get()[0];
            if ("CONFIRMED".equals(existing.get()[1])) {
                throw new Conflict(county.name() + cycle.name(start) + "的花名册已确认，不能重新生成");
            }
            if (!cycle.name().equals(existing.get()[2])) {
                throw new Conflict(county.name() + "从" + Subsidies.DAY.format(start) + "起的花名册是按"
                        + Cycle.valueOf((String) existing.get()[2]).label() + "生成的，而现行参数为" + cycle.label()
                        + "：请先删除该草稿");
            }
        } else {
            id = jdbc.sql("""
                            insert into rental_subsidy_roll (county_id, period_start, period_end, cycle, parameters_id, status,
                                generated_by)
                            values (:c, :s, :e, :cycle, :p, 'DRAFT', :by) returning id""")
                    .param("c", county.id()).param("s", start).param("e", end).param("cycle", cycle.name())
                    .param("p", params.id()).param("by", by).query(Long.class).single();
        }
        String lines = lines(cycle.months());
        jdbc.sql("set local work_mem = '64MB'").update();
        if (existing.isEmpty()) {
            jdbc.sql("insert into rental_subsidy_roll_line (roll_id, seq, agreement_id, household_id, month_amounts, amount) "
                            + "select :roll, seq, agreement_id, household_id, month_amounts, amount from (" + lines + ") n")
                    .param("county", county.id()).param("start", start).param("end", end)
                    .param("partial", params.partialMonth().name()).param("roll", id).update();
        } else {
            // generated again: only what differs is written, so an unchanged draft is read, not rewritten
            // seq as its key: the lines stored are compared with these by seq — with the statistics the autovacuum
            // leaves after the lines were emptied (reltuples 0) the planner read the whole table once per stored line
            // (PaymentRollsWithoutStatisticsTest)
            jdbc.sql("""
                    create temporary table subsidy_roll_new (seq integer primary key, agreement_id bigint, household_id bigint,
                        month_amounts numeric(12, 2)[], amount numeric(12, 2)) on commit drop""").update();
            jdbc.sql("insert into subsidy_roll_new " + lines)
                    .param("county", county.id()).param("start", start).param("end", end)
                    .param("partial", params.partialMonth().name()).update();
            jdbc.sql("""
                            delete from rental_subsidy_roll_line l where l.roll_id = :roll and not exists (
                                select 1 from subsidy_roll_new n where n.seq = l.seq and n.agreement_id = l.agreement_id
                                   and n.household_id = l.household_id and n.month_amounts = l.month_amounts and n.amount = l.amount)""")
                    .param("roll", id).update();
            jdbc.sql("""
                            insert into rental_subsidy_roll_line (roll_id, seq, agreement_id, household_id, month_amounts, amount)
                            select :roll, n.seq, n.agreement_id, n.household_id, n.month_amounts, n.amount from subsidy_roll_new n
                             where not exists (select 1 from rental_subsidy_roll_line l where l.roll_id = :roll and l.seq = n.seq)""")
                    .param("roll", id).update();
            jdbc.sql("drop table subsidy_roll_new").update();
        }
        jdbc.sql("""
                        update rental_subsidy_roll r set households = t.n, total = t.total, parameters_id = :p,
                            generated_at = now(), generated_by = :by, version = version + 1
                          from (select count(*) n, coalesce(sum(amount), 0) total from rental_subsidy_roll_line
                                 where roll_id = :id) t
                         where r.id = :id""")
                .param("p", params.id()).param("by", by).param("id", id).update();
        return roll(id);
    }

    /**
     * Confirms (locks) a draft at the version shown: from now on it is what is paid. Refused when an agreement of the
     * county changed after the roll was generated (generate it again first).
     */
    @Transactional
    public Roll confirm(long id, Integer version) {
        Roll r = roll(id);
        Region county = county(r.countyCode());
        subsidies.checkOffice(county);
        if (version == null) {
            throw new BadInput("须带上读取花名册时的版本号（version）");
        }
        if (r.confirmed()) {
            throw new Conflict("该花名册已于" + r.confirmedAt() + "确认");
        }
        if (r.households() == 0) {
            throw new Conflict(r.countyName() + r.periodName() + "的花名册没有发放对象，无需确认");
        }
        boolean stale = jdbc.sql("""
                        select exists (
                            select 1 from rental_subsidy_agreement a
                            -- the county's agreements first, then their changes by key: with the statistics the
                            -- autovacuum leaves after the subsidy tables were emptied (reltuples 0) the planner read
                            -- every stored change and, per one changed since, the county's agreements
                            -- (PaymentRollsWithoutStatisticsTest)
                            cross join lateral (select c.at from rental_subsidy_change c where c.agreement_id = a.id offset 0) c
                             where a.county_id = :c and c.at > (select generated_at from rental_subsidy_roll where id = :id))""")
                .param("c", county.id()).param("id", id).query(Boolean.class).single();
        if (stale) {
            throw new Conflict("花名册生成后，" + r.countyName() + "有补贴协议办理了变更：请重新生成花名册，核对后再确认");
        }
        int n = jdbc.sql("""
                        update rental_subsidy_roll set status = 'CONFIRMED', confirmed_at = now(), confirmed_by = :by,
                            version = version + 1 where id = :id and version = :v and status = 'DRAFT'""")
                .param("by", access.current().username()).param("id", id).param("v", version).update();
        if (n != 1) {
            throw staleRoll(id, version);
        }
        return roll(id);
    }

    /**
     * Who made the roll's version there now and when, from the audit trail, and what they did: a roll changes only by
     * being generated again or confirmed: said as the one the roll now shows. A version sent ahead of the roll's is said
     * as missing: nobody changed the roll after that read.
     */
    private ConcurrentUpdateException staleRoll(long id, int version) {
        Roll r = roll(id);
        return new ConcurrentUpdateException(LastChange.refusal("该花名册", version, r.version(), () -> "已" + lastChange.of(
                "rental_subsidy_roll", Map.of("id", id), "生成", r.confirmed() ? "确认" : "重新生成"), "请刷新后核对"));
    }

    public Roll roll(long id) {
        Roll r = jdbc.sql(ROLL + " where r.id = :id").param("id", id).query(PaymentRolls::roll).optional()
                .orElseThrow(() -> new NotFound("发放花名册不存在：" + id));
        access.checkRead(county(r.countyCode()));
        return r;
    }

    /** The rolls of a county, newest period first. */
    public List<Roll> rolls(String countyCode) {
        Region county = county(countyCode);
        access.checkRead(county);
        return jdbc.sql(ROLL + " where r.county_id = :c order by r.period_start desc").param("c", county.id())
                .query(PaymentRolls::roll).list();
    }

    /** Lines of a roll, masked, in 序号 order. */
    public List<RollLine> lines(long rollId, int offset, int limit) {
        org.anju.platform.PageRequest.checkWindow(offset, limit, 1000);
        roll(rollId);
        return jdbc.sql("""
                        select l.seq, l.agreement_id, l.household_id, h.applicant_name_masked, h.applicant_id_masked,
                               a.bank_account_masked, a.bank_name, l.month_amounts, l.amount, p.status, p.online, p.failure
                          from rental_subsidy_roll_line l
                          join rental_subsidy_agreement a on a.id = l.agreement_id
                          join rental_household h on h.id = l.household_id
                          left join rental_subsidy_payment p on p.roll_id = l.roll_id and p.seq = l.seq
                         where l.roll_id = :id order by l.seq offset :offset limit :limit""")
                .param("id", rollId).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new RollLine(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), amounts(rs.getArray(8)), rs.getBigDecimal(9),
                        rs.getString(10) == null ? null : PayStatus.valueOf(rs.getString(10)),
                        rs.getObject(11, Boolean.class), rs.getString(12)))
                .list();
    }

    /**
     * The bank sheet of a confirmed roll (XLSX): names, ID numbers and bank accounts in plaintext, so it goes through
     * {@link PersonalData#export} — the role may export those fields, the reason is required and logged with the count.
     */
    public BankSheet.File bankSheet(long rollId, String reason) {
        Roll r = roll(rollId);
        Region county = county(r.countyCode());
        subsidies.checkOffice(county);
        if (!r.confirmed()) {
            throw new Conflict("花名册确认后才能导出银行发放表：请先核对并确认");
        }
        record Row(int seq, byte[] name, byte[] id, byte[] account, String bank, BigDecimal amount) {
        }
        List<Row> rows = jdbc.sql("""
                        select l.seq, m.name_enc, m.id_enc, a.bank_account_enc, a.bank_name, l.amount
                          from rental_subsidy_roll_line l
                          join rental_subsidy_agreement a on a.id = l.agreement_id
                          join rental_member m on m.household_id = l.household_id and m.seq = 1
                         where l.roll_id = :id order by l.seq""")
                .param("id", rollId).query((rs, n) -> new Row(rs.getInt(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4),
                        rs.getString(5), rs.getBigDecimal(6))).list();
        List<BankSheet.Line> lines = personalData.export(new Export(SUBJECT, county,
                        Set.of(PersonalField.NAME, PersonalField.ID_NUMBER, PersonalField.BANK_ACCOUNT), reason), rows,
                (row, open) -> new BankSheet.Line(row.seq(), open.open(MEMBER_NAME, row.name()),
                        open.open(MEMBER_ID, row.id()), open.open(Subsidies.BANK_ACCOUNT, row.account()), row.bank(),
                        row.amount()));
        SubsidyParameters params = subsidies.parameters(r.parametersId());
        return BankSheet.write(r, params.sheetTitle(), params.sheetUnit(), lines);
    }

    /**
     * Records what the bank did with lines of a confirmed roll.
     *
     * @param online  paid through the online system (线上发放); required for paid lines
     * @param failure the bank's reason, required for failed lines
     */
    @Transactional
    public Roll mark(long rollId, List<Integer> seqs, PayStatus status, Boolean online, String failure) {
        Roll r = roll(rollId);
        subsidies.checkOffice(county(r.countyCode()));
        if (!r.confirmed()) {
            throw new Conflict("花名册确认后才能登记发放结果");
        }
        if (seqs == null || seqs.isEmpty()) {
            throw new BadInput("请选择要登记的序号");
        }
        if (seqs.size() > MAX_MARK) {
            throw new BadInput("一次最多登记 " + MAX_MARK + " 行");
        }
        if (status == null) {
            throw new BadInput("请选择发放结果：PAID（已发放）或 FAILED（发放失败）");
        }
        String why = failure == null ? "" : failure.strip();
        if (status == PayStatus.FAILED && why.isEmpty()) {
            throw new BadInput("发放失败须填写银行退回的原因（如“账户已销户”）");
        }
        if (why.length() > 200) {
            throw new BadInput("失败原因不能超过 200 个字");
        }
        if (status == PayStatus.PAID && online == null) {
            throw new BadInput("请说明是否通过线上系统发放（线上发放：是/否）");
        }
        Integer[] wanted = seqs.stream().distinct().sorted().toArray(Integer[]::new);
        List<Integer> missing = jdbc.sql("""
                        select s from unnest(cast(:seqs as integer[])) s
                         where not exists (select 1 from rental_subsidy_roll_line l where l.roll_id = :id and l.seq = s)
                         order by s limit 10""")
                .param("seqs", wanted).param("id", rollId).query(Integer.class).list();
        if (!missing.isEmpty()) {
            throw new BadInput("花名册中没有序号 " + missing.stream().map(String::valueOf).collect(Collectors.joining("、")));
        }
        jdbc.sql("""
                        insert into rental_subsidy_payment (roll_id, seq, status, online, failure, marked_by)
                        select :id, s, :status, :online, :failure, :by from unnest(cast(:seqs as integer[])) s
                        on conflict (roll_id, seq) do update set status = excluded.status, online = excluded.online,
                            failure = excluded.failure, marked_at = now(), marked_by = excluded.marked_by""")
                .param("id", rollId).param("status", status.name()).param("online", status == PayStatus.PAID && online)
                .param("failure", status == PayStatus.FAILED ? why : null).param("by", access.current().username())
                .param("seqs", wanted).update();
        return roll(rollId);
    }

    /**
     * A county's figures of a month from the records: households and amounts paid for that month (lines marked paid),
     * of them online, agreements stopped and resumed in the month, and the year so far.
     */
    public SubsidyFigures figures(String countyCode, YearMonth month) {
        Region county = county(countyCode);
        access.checkRead(county);
        if (month == null) {
            throw new BadInput("请指定月份（如 2025-03）");
        }
        // the month and the year so far in one pass over the county's paid lines
        record Paid(int households, BigDecimal amount, int online, int householdsInYear, BigDecimal amountInYear,
                    int onlineInYear) {
        }
        Paid paid = jdbc.sql("""
                        select count(distinct l.household_id) filter (where x.month = :month),
                               coalesce(sum(x.amt) filter (where x.month = :month), 0),
                               count(distinct l.household_id) filter (where x.month = :month and p.online),
                               count(distinct l.household_id), coalesce(sum(x.amt), 0),
                               count(distinct l.household_id) filter (where p.online)
                          from rental_subsidy_roll r
                          -- the county's rolls first, their lines by key, each line's payment by its key: with the
                          -- statistics the autovacuum leaves after the subsidy tables were emptied (reltuples 0) the
                          -- planner read every county's lines and, per line, the county's rolls, or per line its roll's
                          -- every payment (PaymentRollsWithoutStatisticsTest)
                          cross join lateral (select l.seq, l.household_id, l.month_amounts from rental_subsidy_roll_line l
                                               where l.roll_id = r.id offset 0) l
                          cross join lateral (select p.online from rental_subsidy_payment p
                                               where p.roll_id = r.id and p.seq = l.seq and p.status = 'PAID' offset 0) p
                          cross join lateral (
                              select u.amt, (r.period_start + make_interval(months => cast(u.idx as integer) - 1))::date as month
                                from unnest(l.month_amounts) with ordinality u(amt, idx)) x
                         where r.county_id = :c and r.status = 'CONFIRMED' and x.amt > 0
                           and x.month between :year and :month""")
                .param("c", county.id()).param("month", month.atDay(1)).param("year", LocalDate.of(month.getYear(), 1, 1))
                .query((rs, n) -> new Paid(rs.getInt(1), rs.getBigDecimal(2), rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5),
                        rs.getInt(6))).single();
        LocalDate first = month.atDay(1);
        int[] changes = jdbc.sql("""
                        select count(*) filter (where c.kind = 'STOP'), count(*) filter (where c.kind = 'RESUME')
                          from rental_subsidy_change c
                         -- the month's stops and resumptions by rental_subsidy_change_stops, each one's county by its
                         -- agreement's key: a join to the county's agreements was planned, with the statistics the
                         -- autovacuum leaves after the subsidy tables were emptied (reltuples 0), as every stored change
                         -- and per change the county's agreements (PaymentRollsWithoutStatisticsTest)
                         where c.kind in ('STOP', 'RESUME') and c.effective_on >= :from and c.effective_on < :to
                           and (select a.county_id from rental_subsidy_agreement a where a.id = c.agreement_id) = :c""")
                .param("c", county.id()).param("from", first).param("to", first.plusMonths(1))
                .query((rs, n) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
        return new SubsidyFigures(county.code(), county.name(), month, paid.households(), paid.amount(), paid.online(),
                changes[0], changes[1], paid.householdsInYear(), paid.amountInYear(), paid.onlineInYear());
    }

    /**
     * The lines of a roll in one statement over the agreements' changes: each change paying an amount runs to the next
     * change (a stop or a new amount); a month covered in part is paid as {@code :partial} says. Parameters {@code :county},
     * {@code :start}, {@code :end} (exclusive), {@code :partial}.
     */
    static String lines(int months) {
        String amounts = IntStream.rangeClosed(1, months)
                .mapToObj(i -> "coalesce(sum(amt) filter (where idx = " + i + "), 0)").collect(Collectors.joining(", "));
        return """
                with iv as (
                    select a.id agreement_id, a.household_id, c.kind, c.s, c.amt, c.e
                      from rental_subsidy_agreement a
                      -- each agreement's changes by its key, the county's agreements first (a subquery with a window
                      -- function is not merged into the join): with the statistics the autovacuum leaves after the
                      -- subsidy tables were emptied (reltuples 0) the planner read every stored change and, per change,
                      -- the county's agreements (PaymentRollsWithoutStatisticsTest)
                      cross join lateral (
                          select c.kind, c.effective_on s, c.monthly_amount amt, lead(c.effective_on) over (order by c.seq) e
                            from rental_subsidy_change c
                           where c.agreement_id = a.id and c.effective_on < :end) c
                     where a.county_id = :county
                ), months as (
                    select g::date ms, (g + interval '1 month')::date me, cast(row_number() over (order by g) as integer) idx
                      from generate_series(cast(:start as date), cast(:end as date) - 1, interval '1 month') g
                ), parts as (
                    select p.agreement_id, p.household_id, m.idx,
                           case when p.s <= m.ms and (p.e is null or p.e >= m.me) then p.amt
                                when :partial = 'PRORATE' then round(p.amt
                                    * (least(coalesce(p.e, m.me), m.me) - greatest(p.s, m.ms)) / (m.me - m.ms), 2)
                                when :partial = 'FULL' then p.amt
                                else 0 end amt
                      from iv p join months m on p.s < m.me and (p.e is null or p.e > m.ms)
                     where p.kind <> 'STOP'
                ), agg as (
                    select agreement_id, household_id, array[%s]::numeric(12,2)[] month_amounts, sum(amt) amount
                      from parts group by agreement_id, household_id having sum(amt) > 0
                )
                select cast(row_number() over (order by agreement_id) as integer) seq, agreement_id, household_id,
                       month_amounts, amount
                  from agg""".formatted(amounts);
    }

    Region county(String code) {
        Region r = subsidies.region(code, "区县");
        if (r.kind().local()) {
            throw new BadInput(r.name() + "是街道或社区：租赁补贴按区县发放，请选择其所在的区县");
        }
        return r;
    }

    private static List<BigDecimal> amounts(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(o -> (BigDecimal) o).toList();
    }

    private static final String ROLL = """
            select r.id, c.code, c.name, r.cycle, r.period_start, r.period_end, r.parameters_id, r.status = 'CONFIRMED',
                   r.households, r.total, r.generated_at, r.generated_by, r.confirmed_at, r.confirmed_by,
                   (select count(*) from rental_subsidy_payment p where p.roll_id = r.id and p.status = 'PAID'),
                   (select count(*) from rental_subsidy_payment p where p.roll_id = r.id and p.status = 'FAILED'),
                   (select count(*) from rental_subsidy_payment p where p.roll_id = r.id and p.status = 'PAID' and p.online),
                   r.version
              from rental_subsidy_roll r join region c on c.id = r.county_id
            """;

    private static Roll roll(ResultSet rs, int n) throws SQLException {
        Cycle cycle = Cycle.valueOf(rs.getString(4));
        LocalDate start = rs.getObject(5, LocalDate.class);
        OffsetDateTime confirmed = rs.getObject(13, OffsetDateTime.class);
        return new Roll(rs.getLong(1), rs.getString(2), rs.getString(3), cycle, start,
                rs.getObject(6, LocalDate.class).minusDays(1), cycle.name(start), rs.getLong(7), rs.getBoolean(8),
                rs.getInt(9), rs.getBigDecimal(10), rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getString(12),
                confirmed == null ? null : confirmed.toInstant(), rs.getString(14), rs.getInt(15), rs.getInt(16),
                rs.getInt(17), rs.getInt(18));
    }
}
