package org.anju.rental.application;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.LastChange;
import org.anju.account.Role;
import org.anju.calendar.Counting;
import org.anju.calendar.RegionCalendar;
import org.anju.calendar.WorkingDays;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.anju.rental.household.Guarantee;
import org.anju.rental.household.HouseholdForm;
import org.anju.rental.household.HouseholdView;
import org.anju.rental.household.Households;
import org.anju.rental.review.Review;
import org.anju.rental.review.ReviewFlow;
import org.anju.rental.rules.Eligibility;
import org.anju.rental.rules.RuleSet;
import org.anju.rental.rules.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applications for 实物配租 or 租赁补贴 and their 三审两公示. 社区/街道 staff submit a household's application; at 受理 the
 * city's rule set in force that day decides: eligible, the review begins on the city's flow; ineligible, it is not
 * accepted and the reasons are kept; incomplete, the missing facts are asked for. Each step is decided by the office of
 * its level — 社区 by the community's 社区受理员 (or its 街道's), 街道 by the town's 街道初审员, 区县 and 市 by their
 * 住房保障审核员 — and nobody else; its deadline is on that office's holiday calendar. After the last step the household
 * gets its 资格证.
 */
@Service
public class Applications {

    static final int BAN_YEARS = 5;   // 公共租赁住房管理办法 第三十六条: 5 年内不得再次申请

    private final JdbcClient jdbc;
    private final Households households;
    private final CityRules rules;
    private final Regions regions;
    private final WorkingDays workingDays;
    private final Access access;
    private final LastChange lastChange;

    Applications(JdbcClient jdbc, Households households, CityRules rules, Regions regions, WorkingDays workingDays,
                 Access access, LastChange lastChange) {
        this.jdbc = jdbc;
        this.lastChange = lastChange;
        this.households = households;
        this.rules = rules;
        this.regions = regions;
        this.workingDays = workingDays;
        this.access = access;
    }

    // ---- 受理 ---------------------------------------------------------------------------------------------------

    /**
     * Submits an application (受理): registers the family when it is new, checks it against the city's rule set in force
     * on the day and — when it is eligible — starts the city's review flow. An ineligible or incomplete application is
     * kept with the reasons (nothing else happens to it).
     *
     * @return the application's id
     * @throws Conflict when the city has no rule set or flow in force for the guarantee, or the household already has an
     *                  application under review or a 资格证
     */
    @Transactional
    public long submit(NewApplication a) {
        if (a == null || a.guarantee() == null) {
            throw new BadInput("请选择保障方式：实物配租（PUBLIC_RENTAL）或租赁补贴（SUBSIDY）");
        }
        LocalDate on = day(a.appliedOn(), "受理日期");
        long householdId;
        if (a.household() != null && a.householdId() != null) {
            throw new BadInput("新家庭（household）和已登记家庭的编号（householdId）只能给一个");
        } else if (a.household() != null) {
            String code = a.household().regionCode();
            regions.byCode(code == null ? "" : code.strip()).filter(r -> r.kind().local()).ifPresent(this::checkIntake);
            householdId = households.register(a.household());
        } else if (a.householdId() != null) {
            householdId = a.householdId();
        } else {
            throw new BadInput("请填写申请家庭（household），或给出已登记家庭的编号（householdId）");
        }
        HouseholdView h = households.household(householdId);
        Region local = region(h.regionCode());
        checkIntake(local);
        if (!h.open()) {
            throw new Conflict("该家庭已于" + Dates.day(h.closedOn()) + "退出，不能再申请；重新申请请新建家庭");
        }
        if (h.certificateNo() != null) {
            throw new Conflict("该家庭已于" + Dates.day(h.qualifiedOn()) + "取得" + h.guarantee().label() + "资格证 "
                    + h.certificateNo() + "，不能重复申请");
        }
        jdbc.sql("select id from rental_application where household_id = :h and status in ('IN_STEP', 'RETURNED', 'OBJECTION')")
                .param("h", householdId).query(Long.class).optional().ifPresent(other -> {
                    throw new Conflict("该家庭已有审核中的申请（编号 " + other + "），不能重复申请");
                });
        Region city = region(h.cityCode());
        RuleFile ruleFile = ruleFile(city, a.guarantee(), a.programme(), on);
        Region town = local.kind() == RegionKind.TOWN ? local : regions.parent(local).orElseThrow();
        long id = jdbc.sql("""
                        insert into rental_application (household_id, city_id, county_id, region_id, town_id,
                            applicant_name_masked, applicant_id_masked, members, guarantee, programme, rules_id, applied_on,
                            status, created_by, updated_by)
                        values (:h, :city, :county, :region, :town, :name, :idno, :members, :guarantee, :programme, :rules, :on,
                            'INCOMPLETE', :by, :by) returning id""")
                .param("h", householdId).param("city", city.id()).param("county", region(h.countyCode()).id())
                .param("region", local.id()).param("town", town.id()).param("name", h.applicantName())
                .param("idno", h.applicantIdNumber()).param("members", h.members().size()).param("guarantee", a.guarantee().name())
                .param("programme", ruleFile.programme()).param("rules", ruleFile.id()).param("on", on)
                .param("by", access.current().username()).query(Long.class).single();
        check(row(id), ruleFile, on, "受理");
        return id;
    }

    /**
     * Submits an application that lacked facts again, after the household was corrected ({@code corrected}, with the
     * household's version; null when it was corrected elsewhere): checked anew on the rule set in force on {@code on}.
     */
    @Transactional
    public ApplicationView recheck(long id, int version, HouseholdForm corrected, LocalDate on) {
        Row r = lock(id, version);
        checkIntake(regions.byId(r.regionId()));
        if (r.status() != ApplicationStatus.INCOMPLETE) {
            throw new Conflict("申请现为“" + r.status().label() + "”，只有待补正的申请可以补正后重新受理");
        }
        LocalDate day = day(on, "受理日期");
        if (corrected != null) {
            households.update(r.householdId(), corrected);
            jdbc.sql("update rental_application set members = :n where id = :id")
                    .param("n", corrected.members().size()).param("id", id).update();
        }
        RuleFile ruleFile = ruleFile(regions.byId(r.cityId()), r.guarantee(), r.programme(), day);
        jdbc.sql("delete from rental_application_check where application_id = :id").param("id", id).update();
        jdbc.sql("update rental_application set applied_on = :on, rules_id = :rules where id = :id")
                .param("on", day).param("rules", ruleFile.id()).param("id", id).update();
        check(row(id), ruleFile, day, "补正后重新受理");
        return application(id);
    }

    private RuleFile ruleFile(Region city, Guarantee guarantee, String programme, LocalDate on) {
        List<RuleFile> candidates = rules.inForce(city, on).stream().filter(f -> f.guarantee() == guarantee).toList();
        if (programme != null && !programme.isBlank()) {
            return candidates.stream().filter(f -> f.programme().equals(programme.strip())).findFirst()
                    .orElseThrow(() -> candidates.isEmpty() ? CityRules.missing(city, RuleFile.Kind.RULES, guarantee.label(), on)
                            : new BadInput(city.name() + Dates.day(on) + "没有“" + programme.strip() + "”的准入条件，"
                            + guarantee.label() + "可选：" + programmes(candidates)));
        }
        if (candidates.isEmpty()) {
            throw CityRules.missing(city, RuleFile.Kind.RULES, guarantee.label(), on);
        }
        if (candidates.size() > 1) {
            throw new BadInput(city.name() + "的" + guarantee.label() + "有几类准入条件，请选择申请类别（programme）："
                    + programmes(candidates));
        }
        return candidates.getFirst();
    }

    private static String programmes(List<RuleFile> files) {
        return files.stream().map(f -> f.programme() + "（" + f.name() + "）").collect(Collectors.joining("、"));
    }

    /** Runs the eligibility check and, when eligible, starts the flow. */
    private void check(Row r, RuleFile ruleFile, LocalDate on, String label) {
        RuleSet set = rules.ruleSet(ruleFile);
        Verdict verdict = Eligibility.check(set, households.facts(r.householdId()), on);
        int seq = 0;
        for (Verdict.Check c : verdict.checks()) {
            jdbc.sql("""
                            insert into rental_application_check (application_id, seq, code, label, outcome, value, reason, clause)
                            values (:id, :seq, :code, :label, :outcome, :value, :reason, :clause)""")
                    .param("id", r.id()).param("seq", ++seq).param("code", c.criterion().code())
                    .param("label", c.criterion().label()).param("outcome", c.outcome().name()).param("value", c.value())
                    .param("reason", c.reason()).param("clause", c.criterion().clause()).update();
        }
        switch (verdict) {
            case Verdict.Ineligible i -> {
                setStatus(r.id(), ApplicationStatus.INELIGIBLE, on);
                event(r.id(), "SUBMIT", null, label, "不符合" + set.name() + "，不予受理",
                        i.failed().stream().map(Verdict.Check::reason).collect(Collectors.joining("；")), on);
            }
            case Verdict.Incomplete i -> {
                setStatus(r.id(), ApplicationStatus.INCOMPLETE, null);
                event(r.id(), "SUBMIT", null, label, "缺少材料，待补正后受理",
                        i.missing().stream().map(Verdict.Check::reason).collect(Collectors.joining("；")), on);
            }
            case Verdict.Eligible e -> {
                Region city = regions.byId(r.cityId());
                RuleFile flowFile = rules.inForce(city, RuleFile.Kind.FLOW, ruleFile.programme(), on)
                        .orElseThrow(() -> CityRules.missing(city, RuleFile.Kind.FLOW, ruleFile.programme(), on));
                ReviewFlow flow = rules.flow(flowFile);
                Review.Outcome o = Review.accept(flow, on);
                jdbc.sql("update rental_application set flow_id = :flow, step = :step, status = 'IN_STEP', version = version + 1 where id = :id")
                        .param("flow", flowFile.id()).param("step", o.review().step()).param("id", r.id()).update();
                Row accepted = row(r.id());
                persist(accepted, flow, o, "SUBMIT", null, on);
            }
        }
    }

    private void setStatus(long id, ApplicationStatus s, LocalDate closedOn) {
        jdbc.sql("update rental_application set status = :s, closed_on = :closed, version = version + 1, updated_at = now(), updated_by = :by where id = :id")
                .param("s", s.name()).param("closed", closedOn).param("by", access.current().username()).param("id", id)
                .update();
    }

    // ---- decisions ----------------------------------------------------------------------------------------------

    /**
     * A reviewer's decision at the current review step: 通过, 退回修改 (the clock stops), 不予通过, 列入失信 (the applicant
     * may not apply for five years — regulation art. 36 — and the household is closed).
     */
    @Transactional
    public ApplicationView decide(long id, int version, Review.Decision decision, String note, LocalDate on) {
        if (decision == null) {
            throw new BadInput("请选择审核决定：通过（APPROVE）、退回修改（RETURN）、不予通过（REJECT）或列入失信（BLACKLIST）");
        }
        Row r = lock(id, version);
        State s = state(r);
        checkActs(s, "作审核决定");
        LocalDate day = day(on, "审核日期");
        Review.Outcome o = s.review().decide(decision, note, day, calendar(s.office()));
        if (decision == Review.Decision.BLACKLIST) {
            households.ban(r.householdId(), note.strip(), day, day.plusYears(BAN_YEARS));
            households.close(r.householdId(), day, "列入失信：" + note.strip());
        }
        persist(r, s.flow(), o, "DECIDE", decision, day);
        return application(id);
    }

    /** The corrected application comes back after 退回修改: the step resumes with the working days it had left. */
    @Transactional
    public ApplicationView resubmit(long id, int version, LocalDate on) {
        Row r = lock(id, version);
        State s = state(r);
        if (!mayAct(s) && !takesIn(regions.byId(r.regionId()))) {
            throw denied(s, "补正后重新提交");
        }
        Review.Outcome o = s.review().resubmit(day(on, "重新提交日期"));
        persist(r, s.flow(), o, "RESUBMIT", null, o.entry().on());
        return application(id);
    }

    /** Records an objection received during a notice (who recorded it, how it came in, what it says). */
    @Transactional
    public Objection object(long id, int version, String channel, String content, LocalDate receivedOn) {
        Row r = lock(id, version);
        State s = state(r);
        if (s.step().kind() != ReviewFlow.Kind.NOTICE || !(r.status() == ApplicationStatus.IN_STEP
                || r.status() == ApplicationStatus.OBJECTION)) {
            throw new Conflict("申请现为“" + r.status().label() + "”（" + s.step().name() + "），不在公示期，不能登记公示异议");
        }
        checkActs(s, "登记公示异议");
        if (channel == null || channel.isBlank()) {
            throw new BadInput("请写明异议的收到方式（来信、来电、来访、网上等）");
        }
        if (content == null || content.isBlank()) {
            throw new BadInput("请写明异议内容");
        }
        LocalDate day = day(receivedOn, "收到日期");
        LocalDate last = noticeEnd(s);
        if (day.isBefore(r.stepSince()) || day.isAfter(last)) {
            throw new BadInput("异议须在公示期内提出：" + s.step().name() + "为" + Dates.day(noticeStart(s)) + "至" + Dates.day(last)
                    + "，收到日期 " + Dates.day(day) + " 不在其中");
        }
        if (r.status() == ApplicationStatus.IN_STEP) {
            Review.Outcome o = s.review().object(content, day);
            persist(r, s.flow(), o, "OBJECT", null, day);
        } else {
            event(id, "OBJECT", null, s.step().name(), "又收到异议，待核查", content.strip(), day);
            bump(r);
        }
        Actor a = access.current();
        long oid = jdbc.sql("""
                        insert into rental_objection (application_id, step, received_on, channel, content, recorded_by, recorded_by_name)
                        values (:app, :step, :on, :channel, :content, :by, :name) returning id""")
                .param("app", id).param("step", s.step().code()).param("on", day).param("channel", channel.strip())
                .param("content", content.strip()).param("by", a.username()).param("name", a.displayName())
                .query(Long.class).single();
        return objections(id).stream().filter(x -> x.id() == oid).findFirst().orElseThrow();
    }

    /**
     * The verified objection: upheld, the application is refused with the finding; dismissed, the notice goes on (once
     * no other objection is pending).
     */
    @Transactional
    public ApplicationView resolve(long id, long objectionId, boolean upheld, String finding, LocalDate on) {
        Row r = lockAny(id);
        Objection ob = objections(id).stream().filter(x -> x.id() == objectionId).findFirst()
                .orElseThrow(() -> new NotFound("该申请没有编号为 " + objectionId + " 的异议"));
        if (!ob.pending()) {
            throw new Conflict("该异议已于" + Dates.day(ob.resolvedOn()) + "核查（" + ob.resultLabel() + "）");
        }
        State s = state(r);
        checkActs(s, "核查公示异议");
        if (finding == null || finding.isBlank()) {
            throw new BadInput("请写明核查结果（将予公布）");
        }
        LocalDate day = day(on, "核查日期");
        if (day.isBefore(ob.receivedOn())) {
            throw new BadInput("核查日期 " + Dates.day(day) + " 早于收到异议的 " + Dates.day(ob.receivedOn()));
        }
        Actor a = access.current();
        jdbc.sql("""
                        update rental_objection set resolved_on = :on, upheld = :upheld, finding = :finding, resolved_by = :by,
                            resolved_by_name = :name where id = :id""")
                .param("on", day).param("upheld", upheld).param("finding", finding.strip()).param("by", a.username())
                .param("name", a.displayName()).param("id", objectionId).update();
        long stillPending = objections(id).stream().filter(Objection::pending).count();
        if (upheld || stillPending == 0) {
            persist(r, s.flow(), s.review().resolve(upheld, finding, day), "RESOLVE", null, day);
        } else {
            event(id, "RESOLVE", null, s.step().name(), "异议不成立（另有 " + stillPending + " 条异议待核查）", finding.strip(), day);
            bump(r);
        }
        return application(id);
    }

    /** The notice has run its days and no objection is pending: the next step begins (or the 资格证, after the last). */
    @Transactional
    public ApplicationView endNotice(long id, int version, LocalDate on) {
        Row r = lock(id, version);
        State s = state(r);
        checkActs(s, "确认公示期满");
        if (r.status() == ApplicationStatus.OBJECTION) {
            long pending = objections(id).stream().filter(Objection::pending).count();
            throw new Conflict(s.step().name() + "有 " + pending + " 条异议尚未核查：核查并公布结果前，申请不能通过公示");
        }
        LocalDate day = day(on, "日期");
        Review.Outcome o = s.review().endNotice(day);
        persist(r, s.flow(), o, "END_NOTICE", null, day);
        return application(id);
    }

    // ---- the state ---------------------------------------------------------------------------------------------

    /** The application's place in its flow, rebuilt from the stored state. */
    record State(Row row, ReviewFlow flow, Review review, ReviewFlow.Step step, Region office, Place place) {
    }

    record Place(Region local, Region town, Region county, Region city) {
    }

    State state(Row r) {
        if (r.flowId() == null) {
            throw new Conflict("申请现为“" + r.status().label() + "”，未进入审核流程");
        }
        ReviewFlow flow = rules.flow(r.flowId());
        String objection = r.status() == ApplicationStatus.OBJECTION ? objections(r.id()).stream()
                .filter(Objection::pending).map(Objection::content).findFirst().orElse(null) : null;
        Review review = new Review(flow, r.status().review(), r.step(), r.stepSince(), r.stepUsed(), objection);
        ReviewFlow.Step step = flow.step(r.step());
        Place place = place(r);
        return new State(r, flow, review, step, office(step.level(), place), place);
    }

    Place place(Row r) {
        return new Place(regions.byId(r.regionId()), regions.byId(r.townId()), regions.byId(r.countyId()),
                regions.byId(r.cityId()));
    }

    /** The office whose step it is: the level's region above the household. */
    static Region office(ReviewFlow.Level level, Place p) {
        return switch (level) {
            case COMMUNITY -> p.local();
            case TOWN -> p.town();
            case COUNTY -> p.county();
            case CITY -> p.city();
            case EMPLOYER -> throw new Conflict("用人单位审核步骤不在本系统办理");
        };
    }

    /** The role that decides a level's steps. */
    static Role role(ReviewFlow.Level level) {
        return switch (level) {
            case COMMUNITY -> Role.COMMUNITY_CLERK;
            case TOWN -> Role.TOWN_REVIEWER;
            case COUNTY, CITY -> Role.HOUSING_OFFICE;
            case EMPLOYER -> null;
        };
    }

    static String officeLabel(ReviewFlow.Level level, Region office) {
        Role role = role(level);
        return office.name() + (role == null ? "" : role.label());
    }

    /** Whether the current user is the office of the current step (or the system). */
    boolean mayAct(State s) {
        Actor a = access.current();
        if (a.system()) {
            return true;
        }
        if (!access.canHandleApplications(s.office())) {
            return false;
        }
        int at = a.region().id();
        return switch (s.step().level()) {
            case COMMUNITY -> a.has(Role.COMMUNITY_CLERK) && (at == s.office().id() || at == s.place().town().id())
                    || a.has(Role.TOWN_REVIEWER) && at == s.place().town().id();
            case TOWN -> a.has(Role.TOWN_REVIEWER) && at == s.place().town().id();
            case COUNTY, CITY -> a.has(Role.HOUSING_OFFICE) && at == s.office().id();
            case EMPLOYER -> false;
        };
    }

    private void checkActs(State s, String what) {
        if (!mayAct(s)) {
            throw denied(s, what);
        }
    }

    private Denied denied(State s, String what) {
        Actor a = access.current();
        return new Denied("无权" + what + "：“" + s.step().name() + "”由" + officeLabel(s.step().level(), s.office())
                + "办理（当前账号：" + (a.signedIn() ? a.displayName() + "，" + a.rolesLabel() : "未登录") + "）");
    }

    private RegionCalendar calendar(Region office) {
        return workingDays.forRegion(office);
    }

    private Counting counting(ReviewFlow flow) {
        return flow.startNextDay() ? Counting.START_NEXT_DAY : Counting.START_SAME_DAY;
    }

    LocalDate noticeStart(State s) {
        return s.flow().startNextDay() ? s.row().stepSince().plusDays(1) : s.row().stepSince();
    }

    LocalDate noticeEnd(State s) {
        return RegionCalendar.addCalendarDays(s.row().stepSince(), s.step().days(), counting(s.flow()));
    }

    /** Writes a transition: the state, the step rows, the event; issues the 资格证 after the last step. */
    private void persist(Row r, ReviewFlow flow, Review.Outcome o, String kind, Review.Decision decision, LocalDate on) {
        Review next = o.review();
        ApplicationStatus status = ApplicationStatus.of(next.status());
        ReviewFlow.Step step = next.current();
        Place place = place(r);
        Region office = office(step.level(), place);
        LocalDate due = null;
        String dueNote = null;
        try {
            due = next.due(calendar(office));
        } catch (Conflict c) {
            dueNote = c.getMessage();
        }
        boolean entered = "SUBMIT".equals(kind) || !step.code().equals(r.step());
        if (entered && !"SUBMIT".equals(kind)) {
            jdbc.sql("update rental_application_step set ended_on = :on where application_id = :id and step = :step")
                    .param("on", on).param("id", r.id()).param("step", r.step()).update();
        }
        if (entered && status == ApplicationStatus.IN_STEP) {
            jdbc.sql("""
                            insert into rental_application_step (application_id, step, kind, region_id, started_on, due_on)
                            values (:id, :step, :kind, :region, :since, :due)""")
                    .param("id", r.id()).param("step", step.code()).param("kind", step.kind().name())
                    .param("region", office.id()).param("since", next.since()).param("due", due).update();
        } else if (!entered && status == ApplicationStatus.IN_STEP) {
            jdbc.sql("update rental_application_step set due_on = :due where application_id = :id and step = :step")
                    .param("due", due).param("id", r.id()).param("step", step.code()).update();
        } else if (!entered && status == ApplicationStatus.RETURNED) {
            jdbc.sql("update rental_application_step set due_on = null where application_id = :id and step = :step")
                    .param("id", r.id()).param("step", step.code()).update();
        } else if (!entered && !status.open()) {
            jdbc.sql("update rental_application_step set ended_on = :on where application_id = :id and step = :step")
                    .param("on", on).param("id", r.id()).param("step", step.code()).update();
        }
        LocalDate closed = status.open() ? null : on;
        int updated = jdbc.sql("""
                        update rental_application set status = :status, step = :step, step_since = :since, step_used = :used,
                            step_level = :level, step_region_id = :office, due_on = :due, due_note = :note, closed_on = :closed,
                            version = version + 1, updated_at = now(), updated_by = :by
                         where id = :id and version = :version""")
                .param("status", status.name()).param("step", step.code()).param("since", next.since())
                .param("used", next.used()).param("level", step.level().name()).param("office", office.id())
                .param("due", due).param("note", dueNote).param("closed", closed)
                .param("by", access.current().username()).param("id", r.id()).param("version", r.version()).update();
        if (updated != 1) {
            throw new ConcurrentUpdateException("该申请已" + handled(r.id()) + "，请刷新后重试");
        }
        event(r.id(), kind, decision, o.entry().step(), o.entry().outcome(), o.entry().reason(), on);
        if (status == ApplicationStatus.QUALIFIED) {
            String number = households.qualify(r.householdId(), r.guarantee(), on);
            jdbc.sql("update rental_application set certificate_no = :no where id = :id").param("no", number)
                    .param("id", r.id()).update();
            event(r.id(), "QUALIFY", null, "资格证", "发放" + r.guarantee().label() + "资格证 " + number, null, on);
        }
    }

    private void bump(Row r) {
        int n = jdbc.sql("update rental_application set version = version + 1, updated_at = now(), updated_by = :by "
                        + "where id = :id and version = :v").param("by", access.current().username()).param("id", r.id())
                .param("v", r.version()).update();
        if (n != 1) {
            throw new ConcurrentUpdateException("该申请已" + handled(r.id()) + "，请刷新后重试");
        }
    }

    private void event(long id, String kind, Review.Decision decision, String step, String outcome, String reason,
                       LocalDate on) {
        Actor a = access.current();
        jdbc.sql("""
                        insert into rental_application_event (application_id, kind, decision, step, outcome, reason, on_date,
                            actor, actor_name)
                        values (:id, :kind, :decision, :step, :outcome, :reason, :on, :actor, :name)""")
                .param("id", id).param("kind", kind).param("decision", decision == null ? null : decision.name())
                .param("step", step).param("outcome", outcome).param("reason", reason == null || reason.isBlank() ? null : reason.strip())
                .param("on", on).param("actor", a.username()).param("name", a.displayName()).update();
    }

    /** A date from a form: today when not given; never in the future. */
    private static LocalDate day(LocalDate given, String what) {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        if (given == null) {
            return today;
        }
        if (given.isAfter(today)) {
            throw new BadInput(what + " " + Dates.day(given) + " 晚于今天（" + Dates.day(today) + "）：只能登记已经发生的办理");
        }
        return given;
    }

    /**
     * Whether the current user takes in applications of a 社区/街道: its 社区受理员 (or one at its 街道's window) or its
     * 街道's 初审员. The 住房保障 offices review; they do not take in (受理).
     */
    boolean takesIn(Region local) {
        Actor a = access.current();
        if (a.system()) {
            return true;
        }
        Region town = local.kind() == RegionKind.TOWN ? local : regions.parent(local).orElse(local);
        int at = a.region().id();
        return access.canHandleApplications(local)
                && (a.has(Role.COMMUNITY_CLERK) && (at == local.id() || at == town.id())
                || a.has(Role.TOWN_REVIEWER) && at == town.id());
    }

    private void checkIntake(Region local) {
        if (!takesIn(local)) {
            Actor a = access.current();
            throw new Denied("无权受理" + local.name() + "的申请：申请由家庭所在社区的社区受理员或街道初审员受理（当前账号："
                    + (a.signedIn() ? a.displayName() + "，" + a.rolesLabel() : "未登录") + "）");
        }
    }

    private Region region(String code) {
        return regions.byCode(code).orElseThrow(() -> new IllegalStateException("no region " + code));
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    record Row(long id, long householdId, int cityId, int countyId, int regionId, int townId, String nameMasked,
               String idMasked, int members, Guarantee guarantee, String programme, long rulesId, Long flowId, LocalDate appliedOn,
               ApplicationStatus status, String step, LocalDate stepSince, int stepUsed, String stepLevel,
               Integer stepRegionId, LocalDate dueOn, String dueNote, LocalDate closedOn, String certificateNo,
               int version) {
    }

    private static Row mapRow(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("household_id"), rs.getInt("city_id"), rs.getInt("county_id"),
                rs.getInt("region_id"), rs.getInt("town_id"), rs.getString("applicant_name_masked"),
                rs.getString("applicant_id_masked"), rs.getInt("members"), Guarantee.valueOf(rs.getString("guarantee")), rs.getString("programme"),
                rs.getLong("rules_id"), (Long) rs.getObject("flow_id"), rs.getObject("applied_on", LocalDate.class),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getString("step"),
                rs.getObject("step_since", LocalDate.class), rs.getInt("step_used"), rs.getString("step_level"),
                (Integer) rs.getObject("step_region_id"), rs.getObject("due_on", LocalDate.class), rs.getString("due_note"),
                rs.getObject("closed_on", LocalDate.class), rs.getString("certificate_no"), rs.getInt("version"));
    }

    Row row(long id) {
        return jdbc.sql("select * from rental_application where id = :id").param("id", id).query(Applications::mapRow)
                .optional().orElseThrow(() -> new NotFound("没有编号为 " + id + " 的申请"));
    }

    private Row lockAny(long id) {
        Row r = jdbc.sql("select * from rental_application where id = :id for update").param("id", id)
                .query(Applications::mapRow).optional().orElseThrow(() -> new NotFound("没有编号为 " + id + " 的申请"));
        if (!access.canRead(regions.byId(r.regionId()))) {
            throw new Denied("无权办理该申请：它不在当前账号的地区内");
        }
        return r;
    }

    private Row lock(long id, int version) {
        Row r = lockAny(id);
        if (r.version() != version) {
            throw new ConcurrentUpdateException(org.anju.account.LastChange.refusal("该申请", version, r.version(),
                    () -> "已" + handled(id), "请刷新后重试"));
        }
        return r;
    }

    /**
     * Who made the application's version there now and when, from the audit trail: "被王五（xz_admin）于 14:03办理".
     * Every change of an application is a step of its handling (受理, 审核, 退回, 公示…): said 办理.
     */
    private String handled(long id) {
        return lastChange.of("rental_application", Map.of("id", id), "新建", "办理");
    }


    /** An application with its checks, steps, timeline and objections. Readers of its region. */
    public ApplicationView application(long id) {
        Row r = row(id);
        access.checkRead(regions.byId(r.regionId()));
        return view(r, LocalDate.now(ChinaTime.ZONE));
    }

    ApplicationView view(Row r, LocalDate today) {
        Place p = place(r);
        List<ApplicationView.Check> checks = jdbc.sql("select * from rental_application_check where application_id = :id order by seq")
                .param("id", r.id()).query((rs, n) -> new ApplicationView.Check(rs.getString("code"), rs.getString("label"),
                        rs.getString("outcome"), rs.getString("value"), rs.getString("reason"), rs.getString("clause"))).list();
        List<ApplicationView.Event> events = jdbc.sql("select * from rental_application_event where application_id = :id order by id")
                .param("id", r.id()).query((rs, n) -> new ApplicationView.Event(rs.getString("kind"), rs.getString("step"),
                        rs.getString("outcome"), rs.getString("reason"), rs.getObject("on_date", LocalDate.class),
                        rs.getString("actor_name"), rs.getTimestamp("at").toInstant())).list();
        List<ApplicationView.StepView> steps = new ArrayList<>();
        String stepName = null;
        String stepKind = null;
        String office = null;
        Integer daysLeft = null;
        boolean overdue = false;
        ApplicationView.Actions actions = new ApplicationView.Actions(false, false, false, false, false,
                r.certificateNo() != null);
        String flowName = null;
        if (r.flowId() != null) {
            State s = state(r);
            flowName = s.flow().name();
            Map<String, StepRow> done = stepRows(r.id());
            boolean past = true;
            for (ReviewFlow.Step st : s.flow().steps()) {
                boolean current = st.code().equals(r.step());
                StepRow sr = done.get(st.code());
                String state = current && r.status().open() ? "CURRENT" : sr != null ? "DONE" : "AHEAD";
                Region stOffice = office(st.level(), p);
                steps.add(new ApplicationView.StepView(st.code(), st.name(), st.kind() == ReviewFlow.Kind.REVIEW ? "审核" : "公示",
                        st.level().label(), st.limit(), officeLabel(st.level(), stOffice), sr == null ? null : sr.startedOn(),
                        sr == null ? null : sr.dueOn(), sr == null ? null : sr.endedOn(), state));
            }
            stepName = s.step().name();
            stepKind = s.step().kind() == ReviewFlow.Kind.REVIEW ? "审核" : "公示";
            office = officeLabel(s.step().level(), s.office());
            if (r.status().open()) {
                daysLeft = daysLeft(s.step(), s.office(), r.dueOn(), today);
                overdue = s.step().kind() == ReviewFlow.Kind.REVIEW && r.status() == ApplicationStatus.IN_STEP
                        && r.dueOn() != null && today.isAfter(r.dueOn());
                boolean acts = mayAct(s);
                boolean notice = s.step().kind() == ReviewFlow.Kind.NOTICE;
                actions = new ApplicationView.Actions(
                        acts && !notice && r.status() == ApplicationStatus.IN_STEP,
                        r.status() == ApplicationStatus.RETURNED && (acts || takesIn(p.local())),
                        acts && notice && r.status() != ApplicationStatus.RETURNED,
                        acts && r.status() == ApplicationStatus.OBJECTION,
                        acts && notice && r.status() == ApplicationStatus.IN_STEP, false);
            }
        }
        return new ApplicationView(r.id(), r.householdId(), r.nameMasked(), r.idMasked(), p.local().code(),
                p.local().name(), p.county().code(), p.county().name(), p.city().code(), p.city().name(), r.guarantee(),
                r.programme(), rules.name(r.rulesId()), flowName, r.appliedOn(), r.status(), r.step(), stepName,
                stepKind, r.status().open() ? office : null, r.stepSince(), r.status().open() ? r.dueOn() : null,
                daysLeft, overdue, r.dueNote(), r.certificateNo(), r.closedOn(), r.version(), checks, steps, events,
                objections(r.id()), actions);
    }

    record StepRow(String step, LocalDate startedOn, LocalDate dueOn, LocalDate endedOn) {
    }

    private Map<String, StepRow> stepRows(long id) {
        Map<String, StepRow> m = new LinkedHashMap<>();
        jdbc.sql("select * from rental_application_step where application_id = :id").param("id", id)
                .query((rs, n) -> new StepRow(rs.getString("step"), rs.getObject("started_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class)))
                .list().forEach(s -> m.put(s.step(), s));
        return m;
    }

    /** Working days (reviews) or days (notices) from today to the deadline; negative when past; null when none. */
    Integer daysLeft(ReviewFlow.Step step, Region office, LocalDate due, LocalDate today) {
        if (due == null) {
            return null;
        }
        if (step.kind() == ReviewFlow.Kind.NOTICE || !step.workingDays()) {
            return (int) java.time.temporal.ChronoUnit.DAYS.between(today, due);
        }
        try {
            RegionCalendar c = calendar(office);
            return today.isAfter(due) ? -c.workingDaysBetween(due, today, Counting.START_NEXT_DAY)
                    : c.workingDaysBetween(today, due, Counting.START_NEXT_DAY);
        } catch (Conflict e) {
            return null;
        }
    }

    /** One objection of an application (readers of its region): the answer to an objection sent again is the first's. */
    public Objection objection(long id, long objectionId) {
        access.checkRead(regions.byId(row(id).regionId()));
        return objections(id).stream().filter(x -> x.id() == objectionId).findFirst()
                .orElseThrow(() -> new NotFound("该申请没有编号为 " + objectionId + " 的异议"));
    }

    List<Objection> objections(long id) {
        return jdbc.sql("select * from rental_objection where application_id = :id order by id").param("id", id)
                .query((rs, n) -> new Objection(rs.getLong("id"), rs.getLong("application_id"), rs.getString("step"),
                        rs.getObject("received_on", LocalDate.class), rs.getString("channel"), rs.getString("content"),
                        rs.getString("recorded_by_name"), rs.getObject("resolved_on", LocalDate.class),
                        (Boolean) rs.getObject("upheld"), rs.getString("finding"), rs.getString("resolved_by_name")))
                .list();
    }

    /** Applications of a region's subtree (all, or of one status), newest first, masked. */
    public List<QueueItem> list(String regionCode, ApplicationStatus status, int offset, int limit) {
        org.anju.platform.PageRequest.checkWindow(offset, limit, 500);
        Region scope = scope(regionCode);
        access.checkRead(scope);
        List<Row> rows = jdbc.sql("""
                        select a.* from rental_application a
                         where a.region_id in (select region_id from region_ancestor where ancestor_id = :scope)
                           and (cast(:status as text) is null or a.status = :status)
                         order by a.id desc offset :offset limit :limit""")
                .param("scope", scope.id()).param("status", status == null ? null : status.name())
                .param("offset", offset).param("limit", limit)
                .query(Applications::mapRow).list();
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        return rows.stream().map(r -> item(r, today)).toList();
    }

    /**
     * The current user's queue: the applications at steps their office decides (and those returned to it for
     * correction or waiting on an objection), overdue first, then by deadline.
     */
    public List<QueueItem> queue(LocalDate today) {
        Actor a = access.current();
        List<Integer> offices = new ArrayList<>();
        if (a.has(Role.HOUSING_OFFICE) || a.has(Role.TOWN_REVIEWER) || a.has(Role.COMMUNITY_CLERK)) {
            offices.add(a.region().id());
        }
        if ((a.has(Role.TOWN_REVIEWER) || a.has(Role.COMMUNITY_CLERK)) && a.region().kind() == RegionKind.TOWN) {
            regions.localUnits(a.region()).forEach(c -> offices.add(c.id()));
        }
        if (offices.isEmpty()) {
            return List.of();
        }
        List<Row> rows = jdbc.sql("""
                        select * from rental_application where status in ('IN_STEP', 'RETURNED', 'OBJECTION')
                           and step_region_id in (:offices) order by due_on nulls last, id""")
                .param("offices", offices).query(Applications::mapRow).list();
        return rows.stream().filter(r -> mayAct(state(r))).map(r -> item(r, today))
                .sorted(QUEUE_ORDER).toList();
    }

    static final Comparator<QueueItem> QUEUE_ORDER = Comparator.comparing((QueueItem q) -> !q.overdue())
            .thenComparing(QueueItem::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(QueueItem::id);

    /** Review steps past their deadline in a region's subtree (a county's or city's office), the longest overdue first. */
    public List<QueueItem> overdue(String regionCode, LocalDate today) {
        Region scope = scope(regionCode);
        access.checkRead(scope);
        List<Row> rows = jdbc.sql("""
                        select a.* from rental_application a
                         where a.status = 'IN_STEP' and a.due_on < :today
                           and a.region_id in (select region_id from region_ancestor where ancestor_id = :scope)
                         order by a.due_on, a.id""")
                .param("today", today).param("scope", scope.id()).query(Applications::mapRow).list();
        return rows.stream().map(r -> item(r, today)).filter(QueueItem::overdue).toList();
    }

    private QueueItem item(Row r, LocalDate today) {
        Region local = regions.byId(r.regionId());
        Region county = regions.byId(r.countyId());
        if (r.flowId() == null || !r.status().open()) {
            return new QueueItem(r.id(), r.nameMasked(), r.idMasked(), local.name(), county.name(), r.guarantee().label(),
                    r.programme(), r.status().label(), null, null, null, r.appliedOn(), null, null, false, null);
        }
        State s = state(r);
        boolean review = s.step().kind() == ReviewFlow.Kind.REVIEW;
        boolean overdue = review && r.status() == ApplicationStatus.IN_STEP && r.dueOn() != null && today.isAfter(r.dueOn());
        return new QueueItem(r.id(), r.nameMasked(), r.idMasked(), local.name(), county.name(), r.guarantee().label(),
                r.programme(), r.status().label(), s.step().name(), review ? "审核" : "公示",
                officeLabel(s.step().level(), s.office()), r.stepSince(), r.dueOn(),
                daysLeft(s.step(), s.office(), r.dueOn(), today), overdue, r.dueNote());
    }

    private Region scope(String regionCode) {
        if (regionCode == null || regionCode.isBlank()) {
            return access.current().region();
        }
        return regions.byCode(regionCode.strip()).orElseThrow(() -> new BadInput("没有编码为 " + regionCode.strip() + " 的地区"));
    }

    // ---- 公示 -------------------------------------------------------------------------------------------------

    /**
     * The notices an office holds now (public: no login): the applications in each, names and ID numbers masked, the
     * period and where to object.
     */
    public List<Notice> notices(String regionCode, LocalDate today) {
        Region office = regions.byCode(regionCode == null ? "" : regionCode.strip())
                .orElseThrow(() -> new NotFound("没有编码为 " + regionCode + " 的地区"));
        // a county's rows by key from their parents, whatever the statistics (ARCHITECTURE.md, plans that do not
        // depend on the statistics; CountyReadsWithoutStatisticsTest)
        List<Row> rows = jdbc.sql("""
                        select a.* from rental_application a
                         cross join lateral (select 1 from rental_application_step s
                                              where s.application_id = a.id and s.step = a.step and s.kind = 'NOTICE' offset 0) s
                         where a.status in ('IN_STEP', 'OBJECTION') and a.step_region_id = :office order by a.step_since, a.id""")
                .param("office", office.id()).query(Applications::mapRow).list();
        Map<String, List<Notice.Entry>> byStep = new LinkedHashMap<>();
        Map<String, String> objectTo = new LinkedHashMap<>();
        for (Row r : rows) {
            State s = state(r);
            LocalDate end = noticeEnd(s);
            if (today.isAfter(end)) {
                continue; // the period is over; the office confirms it, the list no longer shows it
            }
                        byStep.computeIfAbsent(s.step().name(), k -> new ArrayList<>()).add(new Notice.Entry(r.id(), r.nameMasked(),
                    r.idMasked(), regions.byId(r.regionId()).name(), r.guarantee().label(), programmeLabel(r.programme()),
                    r.members(), noticeStart(s), end));
            objectTo.putIfAbsent(s.step().name(), "对公示对象有异议的，请在公示期内向" + officeLabel(s.step().level(), s.office())
                    .replace("审核员", "部门").replace("受理员", "居委会").replace("初审员", "办事处")
                    + "实名反映，写明事实和依据；异议经核查后公布结果。");
        }
        List<Notice> notices = new ArrayList<>();
        byStep.forEach((step, entries) -> notices.add(new Notice(office.code(), office.name(), step, objectTo.get(step), entries)));
        return notices;
    }

    /** The offices holding a notice now, for the public index: code → name and number of applications. */
    public Map<Region, Integer> noticeOffices() {
        Map<Region, Integer> m = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.step_region_id, count(*) n from rental_application a join rental_application_step s
                            on s.application_id = a.id and s.step = a.step and s.kind = 'NOTICE'
                         where a.status in ('IN_STEP', 'OBJECTION') group by a.step_region_id order by 1""")
                .query((rs, n) -> Map.entry(rs.getInt(1), rs.getInt(2))).list()
                .forEach(e -> m.put(regions.byId(e.getKey()), e.getValue()));
        return m;
    }

    /** PUBLIC_RENTAL:低保特困 → 实物配租（低保特困） */
    static String programmeLabel(String programme) {
        String[] p = programme.split(":", 2);
        String head = switch (p[0]) {
            case "PUBLIC_RENTAL" -> Guarantee.PUBLIC_RENTAL.label();
            case "RENTAL_SUBSIDY", "SUBSIDY" -> Guarantee.SUBSIDY.label();
            default -> p[0];
        };
        return p.length > 1 ? head + "（" + p[1] + "）" : head;
    }

    // ---- 资格证 -----------------------------------------------------------------------------------------------

    /** The 资格证 of a qualified application, as printed. */
    public Certificate certificate(long id) {
        Row r = row(id);
        access.checkRead(regions.byId(r.regionId()));
        if (r.certificateNo() == null) {
            throw new Conflict("申请现为“" + r.status().label() + "”，尚未发放资格证");
        }
        State s = state(r);
        ReviewFlow.Step last = s.flow().steps().reversed().stream().filter(x -> x.kind() == ReviewFlow.Kind.REVIEW)
                .findFirst().orElseThrow();
        Region issuer = office(last.level(), s.place());
        return new Certificate(r.certificateNo(), r.nameMasked(), r.idMasked(), r.members(),
                s.place().local().name(), r.guarantee().label(), programmeLabel(r.programme()),
                issuer.name() + " · " + last.name(), r.closedOn(), Dates.day(r.closedOn()), r.id());
    }

    // ---- figures ----------------------------------------------------------------------------------------------

    /**
     * Per county of a region (a county: itself) and guarantee, for a month: received, accepted, refused, qualified
     * (新增保障家庭) and overdue review steps. For the monthly report.
     */
    public List<ApplicationFigures> figures(String regionCode, YearMonth period) {
        Region scope = scope(regionCode);
        access.checkRead(scope);
        if (period == null) {
            throw new BadInput("请给出月份（如 2024-10）");
        }
        LocalDate first = period.atDay(1);
        LocalDate last = period.atEndOfMonth();
        record Key(int county, String guarantee) {
        }
        Map<Key, int[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.county_id, a.guarantee,
                            count(*) filter (where a.applied_on between :first and :last) received,
                            count(*) filter (where a.applied_on between :first and :last and a.flow_id is not null) accepted,
                            count(*) filter (where a.status = 'INELIGIBLE' and a.applied_on between :first and :last
                                or a.status in ('REJECTED', 'BLACKLISTED') and a.closed_on between :first and :last) refused,
                            count(*) filter (where a.status = 'QUALIFIED' and a.closed_on between :first and :last) qualified
                          from rental_application a
                         where a.county_id in (select region_id from region_ancestor where ancestor_id = :scope)
                         group by 1, 2""")
                .param("first", first).param("last", last).param("scope", scope.id())
                .query((rs, n) -> {
                    counts.put(new Key(rs.getInt(1), rs.getString(2)), new int[]{rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), 0});
                    return null;
                }).list();
        // the month's review steps (rental_application_step_due), each one's application by its key: with the
        // statistics the autovacuum leaves after a table was emptied (reltuples 0) a join read every step and, per
        // step, the scope's applications (CountyReadsWithoutStatisticsTest); not from the scope's applications, which
        // at a province's scope are all of them (review of the nineteenth session: 119 ms → 4.8 s on 600,000)
        jdbc.sql("""
                        select a.county_id, a.guarantee, count(*) from rental_application_step s
                          cross join lateral (select a.county_id, a.guarantee from rental_application a
                                               where a.id = s.application_id offset 0) a
                         where s.kind = 'REVIEW' and s.due_on between :first and :last
                           and (s.ended_on is null or s.ended_on > s.due_on)
                           and a.county_id in (select region_id from region_ancestor where ancestor_id = :scope)
                         group by 1, 2""")
                .param("first", first).param("last", last).param("scope", scope.id())
                .query((rs, n) -> {
                    counts.computeIfAbsent(new Key(rs.getInt(1), rs.getString(2)), k -> new int[5])[4] = rs.getInt(3);
                    return null;
                }).list();
        List<ApplicationFigures> out = new ArrayList<>();
        counts.forEach((k, c) -> {
            Region county = regions.byId(k.county());
            out.add(new ApplicationFigures(county.code(), county.name(), period, Guarantee.valueOf(k.guarantee()), c[0], c[1],
                    c[2], c[3], c[4]));
        });
        out.sort(Comparator.comparing(ApplicationFigures::countyCode).thenComparing(ApplicationFigures::guarantee));
        return out;
    }

    /** The programmes a city has rules for today, for the application form; empty when it has none. */
    public List<RuleFile> programmes(String localCode, LocalDate day) {
        Region local = scope(localCode);
        Region city = regions.city(local).orElse(local);
        return rules.inForce(city, day);
    }

    /** The applications of a household, newest first (for its page). */
    public List<Long> ofHousehold(long householdId) {
        return jdbc.sql("select id from rental_application where household_id = :h order by id desc").param("h", householdId)
                .query(Long.class).list();
    }

    Optional<Long> openOf(long householdId) {
        return jdbc.sql("select id from rental_application where household_id = :h and status in ('IN_STEP', 'RETURNED', 'OBJECTION')")
                .param("h", householdId).query(Long.class).optional();
    }
}
