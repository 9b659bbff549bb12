package org.anju.rental.subsidy;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.LastChange;
import org.anju.account.Role;
import org.anju.platform.BadInput;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.privacy.BankAccount;
import org.anju.privacy.Column;
import org.anju.privacy.PersonalData;
import org.anju.privacy.PersonalField;
import org.anju.privacy.SealedValue;
import org.anju.privacy.Subject;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.rental.household.Guarantee;
import org.anju.rental.household.HouseholdForm;
import org.anju.rental.household.HouseholdView;
import org.anju.rental.household.Households;
import org.anju.rental.rules.Household;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * 租赁补贴 parameters and agreements. A city's (or a county's, where it sets its own) administrator uploads the
 * parameters; the county's 住房保障 office signs, stops and reviews (年审) the agreements of households qualified for
 * a subsidy; everyone who reads the county sees them masked.
 */
@Service
public class Subsidies {

    /** The payee's account on the agreement (the bank sheet opens it). */
    public static final Column BANK_ACCOUNT = new Column("rental_subsidy_agreement", "bank_account_enc", PersonalField.BANK_ACCOUNT);
    /** Every column of this package holding sealed personal data, for key rotation. */
    public static final List<Column> SEALED = List.of(BANK_ACCOUNT);
    static final String SUBJECT = "rental_subsidy_agreement";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final int MAX_TEXT = 200;

    private final JdbcClient jdbc;
    private final Access access;
    private final Regions regions;
    private final Households households;
    private final PersonalData personalData;
    private final LastChange lastChange;

    Subsidies(JdbcClient jdbc, Access access, Regions regions, Households households, PersonalData personalData,
              LastChange lastChange) {
        this.jdbc = jdbc;
        this.lastChange = lastChange;
        this.access = access;
        this.regions = regions;
        this.households = households;
        this.personalData = personalData;
    }

    // ---- parameters -------------------------------------------------------------------------------------

    /**
     * Stores a version of a region's parameter file, verbatim, from {@code effectiveFrom} on. The file's 城市 line must
     * name the region; a version with the same effective date is refused (a correction is a new version).
     */
    @Transactional
    public SubsidyParameters uploadParameters(String regionCode, LocalDate effectiveFrom, String fileName, String text) {
        Region region = region(regionCode, "补贴参数所属地区");
        checkSetsParameters(region);
        if (effectiveFrom == null) {
            throw new BadInput("请填写补贴参数的生效日期（如 2025-01-01）");
        }
        String file = fileName == null || fileName.isBlank() ? "补贴参数.tsv" : fileName.strip();
        if (file.length() > MAX_TEXT) {
            throw new BadInput("文件名不能超过 " + MAX_TEXT + " 个字");
        }
        SubsidyTerms terms = SubsidyTerms.parse(file, text);
        if (!terms.formula().city().equals(region.code())) {
            throw new BadInput(file + "：“城市”行为 " + terms.formula().city() + "，与所选地区 " + region.name() + "（"
                    + region.code() + "）不符");
        }
        // one region's uploads one at a time: a twin sent at once waits here, then finds the first and gets the same
        // refusal (naming its number) a later repeat gets — not the unique index's generic one (double-submit trial, defect 13)
        jdbc.sql("select pg_advisory_xact_lock(hashtext('rental_subsidy_parameters'), :r)").param("r", region.id())
                .query().singleRow();
        Optional<Long> same = jdbc.sql("select id from rental_subsidy_parameters where region_id = :r and effective_from = :d")
                .param("r", region.id()).param("d", effectiveFrom).query(Long.class).optional();
        if (same.isPresent()) {
            throw new Conflict(region.name() + "已有" + DAY.format(effectiveFrom) + "起施行的补贴参数（第 " + same.get()
                    + " 号）：参数只增不改，更正请以新的生效日期上传");
        }
        long id = jdbc.sql("""
                        insert into rental_subsidy_parameters (region_id, effective_from, file_name, content, sha256, name,
                            source, cycle, partial_month, sheet_title, sheet_unit, uploaded_by)
                        values (:region, :from, :file, :content, :sha, :name, :source, :cycle, :partial, :title, :unit, :by)
                        returning id""")
                .param("region", region.id()).param("from", effectiveFrom).param("file", file).param("content", text)
                .param("sha", sha256(text)).param("name", terms.formula().name()).param("source", terms.formula().source())
                .param("cycle", terms.cycle() == null ? null : terms.cycle().name())
                .param("partial", terms.partialMonth() == null ? null : terms.partialMonth().name())
                .param("title", terms.sheetTitle()).param("unit", terms.sheetUnit()).param("by", access.current().username())
                .query(Long.class).single();
        return parameters(id);
    }

    /** Every version of the parameters of a region and the regions above it, newest first. */
    public List<SubsidyParameters> parameterVersions(String regionCode) {
        Region region = region(regionCode, "地区");
        access.checkRead(region);
        List<Integer> ids = new java.util.ArrayList<>(regions.ancestors(region).stream().map(Region::id).toList());
        ids.add(region.id());
        return jdbc.sql(PARAMS + " where p.region_id in (:ids) order by p.effective_from desc, p.id desc")
                .param("ids", ids).query(Subsidies::params).list();
    }

    public SubsidyParameters parameters(long id) {
        SubsidyParameters p = jdbc.sql(PARAMS + " where p.id = :id").param("id", id).query(Subsidies::params).optional()
                .orElseThrow(() -> new NotFound("补贴参数不存在：" + id));
        Region r = regions.byCode(p.regionCode()).orElseThrow();
        if (!access.canRead(r) && !access.canReadIssuedBy(r)) {
            throw new Denied("无权查看" + r.name() + "的补贴参数");
        }
        return p;
    }

    /**
     * The parameters in effect on {@code day} for a county: the nearest region (the county, then its city …) that has a
     * version from that day or earlier.
     *
     * @throws Conflict naming who must upload what, when there is none
     */
    SubsidyParameters parametersFor(Region county, LocalDate day) {
        List<Region> up = new java.util.ArrayList<>(regions.ancestors(county));
        up.add(county);
        for (Region r : up.reversed()) {
            Optional<SubsidyParameters> p = jdbc.sql(PARAMS + """
                             where p.region_id = :r and p.effective_from <= :day
                             order by p.effective_from desc limit 1""")
                    .param("r", r.id()).param("day", day).query(Subsidies::params).optional();
            if (p.isPresent()) {
                return p.get();
            }
        }
        Region city = regions.city(county).orElse(county);
        throw new Conflict(county.name() + "在" + DAY.format(day) + "没有施行中的租赁补贴参数：请" + city.name()
                + "的管理员在“租赁补贴 › 补贴参数”上传本市的补贴参数文件（注明生效日期）");
    }

    static SubsidyTerms terms(SubsidyParameters p) {
        return SubsidyTerms.parse(p.fileName(), p.content());
    }

    private void checkSetsParameters(Region region) {
        Actor a = access.current();
        boolean admin = a.has(Role.PROVINCE_ADMIN) || a.has(Role.CITY_ADMIN) || a.has(Role.COUNTY_ADMIN);
        if (!a.system() && !(admin && regions.contains(a.region(), region))) {
            throw new Denied(a.signedIn() ? "无权设定" + region.name() + "的租赁补贴参数：只有" + region.name()
                    + "或其上级的管理员可以上传" : "请先登录");
        }
    }

    // ---- agreements -------------------------------------------------------------------------------------

    /**
     * Signs the agreement of a household qualified for 租赁补贴: the amount by the formula in effect at the start month,
     * from the household's facts, written out line by line.
     */
    @Transactional
    public Agreement sign(AgreementForm form) {
        if (form.householdId() == null) {
            throw new BadInput("请选择保障家庭（householdId）");
        }
        HouseholdView h = households.household(form.householdId());
        Region county = regions.byCode(h.countyCode()).orElseThrow();
        checkOffice(county);
        if (!h.open()) {
            throw new Conflict("该家庭已于" + DAY.format(h.closedOn()) + "退出（" + h.closedReason() + "），不能签订补贴协议");
        }
        if (h.guarantee() != Guarantee.SUBSIDY) {
            throw new Conflict(h.guarantee() == null ? "该家庭尚未取得资格证：审核和公示通过、取得租赁补贴资格后才能签订补贴协议"
                    : "该家庭的保障方式是" + h.guarantee().label() + "，不是租赁补贴");
        }
        if (form.startMonth() == null) {
            throw new BadInput("请填写起始发放月份（如 2025-03）");
        }
        LocalDate start = form.startMonth().atDay(1);
        if (YearMonth.from(h.qualifiedOn()).isAfter(form.startMonth())) {
            throw new BadInput("起始发放月份不能早于取得资格的月份（" + DAY.format(h.qualifiedOn()) + "）");
        }
        checkReviewDue(form.reviewDue(), start);
        BankAccount account = BankAccount.parse("收款银行账号", form.bankAccount());
        String bank = text(form.bankName(), "开户行（如 中国工商银行赣州章贡支行）");
        checkNotLocked(county, start, "起始发放月份");
        Optional<Long> existing = jdbc.sql("select id from rental_subsidy_agreement where household_id = :h")
                .param("h", h.id()).query(Long.class).optional();
        if (existing.isPresent()) {
            throw new Conflict("该家庭已有补贴协议（第 " + existing.get() + " 号）：变更请办理停发或年审");
        }
        SubsidyParameters params = parametersFor(county, start);
        Computation c = compute(h, params, form.tier(), form.rent());
        SealedValue sealed = personalData.seal(BANK_ACCOUNT, account);
        String by = access.current().username();
        long id = jdbc.sql("""
                        insert into rental_subsidy_agreement (household_id, county_id, city_id, bank_account_enc,
                            bank_account_bidx, bank_account_masked, bank_name, status, monthly_amount, review_due,
                            created_by, updated_by)
                        values (:h, :county, :city, :enc, :bidx, :masked, :bank, 'ACTIVE', :amount, :due, :by, :by)
                        returning id""")
                .param("h", h.id()).param("county", county.id())
                .param("city", regions.byCode(h.cityCode()).orElseThrow().id()).param("enc", sealed.ciphertext())
                .param("bidx", sealed.blindIndex()).param("masked", sealed.masked()).param("bank", bank)
                .param("amount", c.monthly()).param("due", form.reviewDue()).param("by", by).query(Long.class).single();
        insertChange(id, ChangeKind.START, start, c, params, h, form.rent(), form.reviewDue(), null, null);
        return agreement(id);
    }

    /**
     * Stops paying from {@code stopOn} (the first day not paid): reason and date stated, kept as a change.
     *
     * @throws Conflict when stopped already, or the day falls in a confirmed roll's period
     */
    @Transactional
    public Agreement stop(long id, Integer version, StopReason reason, LocalDate stopOn, String note) {
        Row row = row(id);
        Region county = regions.byId(row.countyId());
        checkOffice(county);
        if (reason == null) {
            throw new BadInput("请选择停发原因：" + StopReason.choices());
        }
        if (stopOn == null) {
            throw new BadInput("请填写停发日期（自该日起停发）");
        }
        checkVersion(version);
        if (!row.active()) {
            throw new Conflict("该补贴协议已停发");
        }
        LocalDate last = lastChangeOn(id);
        if (stopOn.isBefore(last)) {
            throw new BadInput("停发日期不能早于上一次变更的生效日期（" + DAY.format(last) + "）");
        }
        checkNotLocked(county, stopOn, "停发日期");
        update(id, version, "STOPPED", null, null);
        insertChange(id, ChangeKind.STOP, stopOn, null, null, null, null, null, reason, optional(note));
        return agreement(id);
    }

    /**
     * 年审: recomputes the amount from the household's current facts and the parameters in effect from
     * {@code fromMonth}; a stopped agreement resumes then (no back-pay), a running one changes from then.
     */
    @Transactional
    public Agreement review(long id, ReviewForm form) {
        Row row = row(id);
        Region county = regions.byId(row.countyId());
        checkOffice(county);
        checkVersion(form.version());
        if (form.fromMonth() == null) {
            throw new BadInput("请填写年审后的发放起始月份（如 2025-07）");
        }
        LocalDate from = form.fromMonth().atDay(1);
        checkReviewDue(form.reviewDue(), from);
        HouseholdView h = households.household(row.householdId());
        if (!h.open()) {
            throw new Conflict("该家庭已于" + DAY.format(h.closedOn()) + "退出（" + h.closedReason() + "），不能年审恢复：请办理停发");
        }
        LocalDate last = lastChangeOn(id);
        if (!from.isAfter(last)) {
            throw new BadInput((row.active() ? "重新核定的起始月份须晚于上一次变更（" : "恢复发放的月份须晚于停发日期（")
                    + DAY.format(last) + "）");
        }
        checkNotLocked(county, from, "发放起始月份");
        SubsidyParameters params = parametersFor(county, from);
        Computation c = compute(h, params, form.tier(), form.rent());
        update(id, form.version(), "ACTIVE", c.monthly(), form.reviewDue());
        insertChange(id, row.active() ? ChangeKind.ADJUST : ChangeKind.RESUME, from, c, params, h, form.rent(),
                form.reviewDue(), null, optional(form.note()));
        return agreement(id);
    }

    /** One agreement, masked; the view is logged (it shows the household's personal data masked). */
    public Agreement agreement(long id) {
        Row row = row(id);
        Region county = regions.byId(row.countyId());
        access.checkRead(county);
        Agreement a = jdbc.sql(AGREEMENT + " where a.id = :id").param("id", id).query(this::agreementRow).single();
        personalData.viewed(Subject.of(SUBJECT, id, county), java.util.Set.of(PersonalField.NAME, PersonalField.ID_NUMBER,
                PersonalField.BANK_ACCOUNT));
        return new Agreement(a.id(), a.householdId(), a.certificateNo(), a.applicantName(), a.applicantIdNumber(),
                a.localName(), a.countyCode(), a.countyName(), a.bankAccount(), a.bankName(), a.active(), a.monthlyAmount(),
                a.reviewDue(), a.version(), changes(id));
    }

    /** The agreement of a household, if it has one. */
    public Optional<Long> agreementOf(long householdId) {
        return jdbc.sql("select id from rental_subsidy_agreement where household_id = :h").param("h", householdId)
                .query(Long.class).optional();
    }

    /** Agreements of a county (or a region's subtree), masked, without their changes; lists are not logged. */
    public List<Agreement> agreements(String regionCode, Boolean active, int offset, int limit) {
        org.anju.platform.PageRequest.checkWindow(offset, limit, 500);
        Region scope = region(regionCode, "地区");
        access.checkRead(scope);
        return jdbc.sql(AGREEMENT + """
                         join region_ancestor ra on ra.region_id = a.county_id and ra.ancestor_id = :scope
                        where (cast(:active as boolean) is null or (a.status = 'ACTIVE') = :active)
                        order by a.id desc offset :offset limit :limit""")
                .param("scope", scope.id()).param("active", active).param("offset", offset)
                .param("limit", limit).query(this::agreementRow).list();
    }

    /** A household qualified for 租赁补贴 without an agreement yet, masked, for the sign form. */
    public record Candidate(long id, String certificateNo, String applicantName, String regionName, int members) {
    }

    /** Households of a county qualified for 租赁补贴 that have no agreement yet (masked, oldest qualified first). */
    public List<Candidate> unsigned(String countyCode) {
        Region county = region(countyCode, "区县");
        access.checkRead(county);
        return jdbc.sql("""
                        select h.id, h.certificate_no, h.applicant_name_masked, l.name,
                               (select count(*) from rental_member m where m.household_id = h.id)
                          from rental_household h join region l on l.id = h.region_id
                         where h.county_id = :c and h.guarantee = 'SUBSIDY' and h.closed_on is null
                           and not exists (select 1 from rental_subsidy_agreement a where a.household_id = h.id)
                         order by h.qualified_on, h.id limit 500""")
                .param("c", county.id()).query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5))).list();
    }

    /** Whether the current user may sign, stop and review agreements and run the rolls of this county. */
    public boolean mayHandle(String countyCode) {
        return regions.byCode(countyCode).map(access::canHandleApplications).orElse(false);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    record Row(long id, long householdId, int countyId, boolean active, int version) {
    }

    Row row(long id) {
        return jdbc.sql("select id, household_id, county_id, status = 'ACTIVE', version from rental_subsidy_agreement where id = :id")
                .param("id", id).query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getInt(5))).optional().orElseThrow(() -> new NotFound("补贴协议不存在：" + id));
    }

    void checkOffice(Region county) {
        if (!access.canHandleApplications(county)) {
            Actor a = access.current();
            throw new Denied(a.signedIn() ? "当前账号（" + a.displayName() + "，" + a.rolesLabel() + "）无权办理" + county.name()
                    + "的租赁补贴：须为该区县或其上级的住房保障审核员" : "请先登录");
        }
    }

    /** Changes and rolls may not reach into a period whose roll is confirmed (paid or being paid). */
    void checkNotLocked(Region county, LocalDate day, String what) {
        jdbc.sql("""
                        select period_start, period_end from rental_subsidy_roll
                         where county_id = :c and status = 'CONFIRMED' and period_end > :day
                         order by period_end desc limit 1""")
                .param("c", county.id()).param("day", day)
                .query((rs, n) -> new LocalDate[]{rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                .optional().ifPresent(p -> {
                    throw new Conflict(what + DAY.format(day) + "落在已确认的发放花名册（" + DAY.format(p[0]) + "至"
                            + DAY.format(p[1].minusDays(1)) + "）之内：已确认的花名册不再改动，" + what + "最早为"
                            + DAY.format(p[1]) + "；多发的补贴须另行追回");
                });
    }

    private Computation compute(HouseholdView h, SubsidyParameters params, String tier, BigDecimal rent) {
        SubsidyTerms terms = terms(params);
        Household facts = households.facts(h.id());
        if (facts.heldArea() == null) {
            throw new BadInput("该家庭的住房面积未填写（无住房填 0）：请先在家庭信息中补填，补贴按人均自有面积计算");
        }
        if (rent != null && rent.signum() < 0) {
            throw new BadInput("月租金不能为负数");
        }
        String t = Computation.tier(terms.formula(), h.groups().stream().map(HouseholdForm.GroupForm::name).toList(), tier);
        BigDecimal r = terms.formula().capAtRent() ? rent : null;
        return Computation.of(terms.formula(), params.regionName() + "第 " + params.id() + " 号参数，"
                + DAY.format(params.effectiveFrom()) + "起施行", facts.members().size(), t, facts.heldArea(), r);
    }

    private void insertChange(long id, ChangeKind kind, LocalDate on, Computation c, SubsidyParameters params, HouseholdView h,
                              BigDecimal rent, LocalDate reviewDue, StopReason reason, String note) {
        Household facts = h == null ? null : households.facts(h.id());
        jdbc.sql("""
                        insert into rental_subsidy_change (agreement_id, seq, kind, effective_on, monthly_amount, computation,
                            parameters_id, tier, persons, held_area, rent, review_due, stop_reason, note, by_user)
                        values (:id, (select coalesce(max(seq), 0) + 1 from rental_subsidy_change where agreement_id = :id),
                            :kind, :on, :amount, :computation, :params, :tier, :persons, :held, :rent, :due, :reason, :note, :by)""")
                .param("id", id).param("kind", kind.name()).param("on", on)
                .param("amount", c == null ? null : c.monthly())
                .param("computation", c == null ? null : String.join("\n", c.lines()))
                .param("params", params == null ? null : params.id()).param("tier", c == null ? null : c.tier())
                .param("persons", facts == null ? null : facts.members().size())
                .param("held", facts == null ? null : facts.heldArea())
                .param("rent", c == null || rent == null ? null : rent).param("due", reviewDue)
                .param("reason", reason == null ? null : reason.name()).param("note", note)
                .param("by", access.current().username()).update();
    }

    private void update(long id, int version, String status, BigDecimal amount, LocalDate reviewDue) {
        int n = jdbc.sql("""
                        update rental_subsidy_agreement set status = :status,
                            monthly_amount = coalesce(:amount, monthly_amount), review_due = coalesce(:due, review_due),
                            version = version + 1, updated_at = now(), updated_by = :by
                        where id = :id and version = :version""")
                .param("status", status).param("amount", amount).param("due", reviewDue)
                .param("by", access.current().username()).param("id", id).param("version", version).update();
        if (n != 1) {
            int current = jdbc.sql("select version from rental_subsidy_agreement where id = ?").param(id).query(Integer.class).single();
            throw new ConcurrentUpdateException(lastChange.refusal("该补贴协议", "rental_subsidy_agreement", id, version, current,
                    "请刷新后重试"));
        }
    }

    private LocalDate lastChangeOn(long id) {
        return jdbc.sql("select effective_on from rental_subsidy_change where agreement_id = :id order by seq desc limit 1")
                .param("id", id).query(LocalDate.class).single();
    }

    private static void checkVersion(Integer version) {
        if (version == null) {
            throw new BadInput("须带上读取补贴协议时的版本号（version），以免覆盖他人同时所做的办理");
        }
    }

    private static void checkReviewDue(LocalDate due, LocalDate from) {
        if (due == null) {
            throw new BadInput("请填写年审到期日（如 2026-02-28）");
        }
        if (!due.isAfter(from)) {
            throw new BadInput("年审到期日须晚于发放起始月份（" + DAY.format(from) + "）");
        }
    }

    private static String text(String value, String what) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new BadInput("请填写" + what);
        }
        if (v.length() > MAX_TEXT || v.chars().anyMatch(Character::isISOControl)) {
            throw new BadInput(what.replaceAll("（.*", "") + "不能超过 " + MAX_TEXT + " 个字，也不能包含换行");
        }
        return v;
    }

    private static String optional(String value) {
        String v = value == null ? "" : value.strip();
        if (v.length() > MAX_TEXT || v.chars().anyMatch(Character::isISOControl)) {
            throw new BadInput("说明不能超过 " + MAX_TEXT + " 个字，也不能包含换行");
        }
        return v.isEmpty() ? null : v;
    }

    Region region(String code, String what) {
        if (code == null || code.isBlank()) {
            throw new BadInput("请指定" + what + "（地区代码）");
        }
        return regions.byCode(code.strip()).orElseThrow(() -> new BadInput("没有编码为 " + code.strip() + " 的地区"));
    }

    private List<Agreement.AgreementChange> changes(long id) {
        return jdbc.sql("""
                        select seq, kind, effective_on, monthly_amount, computation, parameters_id, tier, persons, held_area,
                               rent, review_due, stop_reason, note, at, by_user
                          from rental_subsidy_change where agreement_id = :id order by seq""")
                .param("id", id).query((rs, n) -> new Agreement.AgreementChange(rs.getInt(1),
                        ChangeKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4),
                        rs.getString(5) == null ? List.of() : List.of(rs.getString(5).split("\n")),
                        rs.getObject(6, Long.class), rs.getString(7), rs.getObject(8, Integer.class), rs.getBigDecimal(9),
                        rs.getBigDecimal(10), rs.getObject(11, LocalDate.class),
                        rs.getString(12) == null ? null : StopReason.valueOf(rs.getString(12)), rs.getString(13),
                        rs.getObject(14, java.time.OffsetDateTime.class).toInstant(), rs.getString(15)))
                .list();
    }

    private static final String AGREEMENT = """
            select a.id, a.household_id, h.certificate_no, h.applicant_name_masked, h.applicant_id_masked, l.name, c.code,
                   c.name, a.bank_account_masked, a.bank_name, a.status = 'ACTIVE', a.monthly_amount, a.review_due, a.version
              from rental_subsidy_agreement a
              join rental_household h on h.id = a.household_id
              join region l on l.id = h.region_id
              join region c on c.id = a.county_id
            """;

    private Agreement agreementRow(ResultSet rs, int n) throws SQLException {
        return new Agreement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getBoolean(11),
                rs.getBigDecimal(12), rs.getObject(13, LocalDate.class), rs.getInt(14), List.of());
    }

    private static final String PARAMS = """
            select p.id, r.code, r.name, p.effective_from, p.file_name, p.name, p.source, p.cycle, p.partial_month,
                   p.sheet_title, p.sheet_unit, p.sha256, p.uploaded_at, p.uploaded_by, p.content
              from rental_subsidy_parameters p join region r on r.id = p.region_id
            """;

    private static SubsidyParameters params(ResultSet rs, int n) throws SQLException {
        return new SubsidyParameters(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8) == null ? null : Cycle.valueOf(rs.getString(8)),
                rs.getString(9) == null ? null : PartialMonth.valueOf(rs.getString(9)), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getObject(13, java.time.OffsetDateTime.class).toInstant(),
                rs.getString(14), rs.getString(15));
    }

    private static String sha256(String text) {
        return org.anju.platform.Sha256.hex(text);
    }

    static Instant now() {
        return Instant.now();
    }
}
