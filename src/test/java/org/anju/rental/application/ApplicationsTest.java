package org.anju.rental.application;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.BadInput;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.privacy.SyntheticIds;
import org.anju.region.Regions;
import org.anju.rental.household.Guarantee;
import org.anju.rental.household.HouseholdForm;
import org.anju.rental.household.Households;
import org.anju.rental.review.Review;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Applications from 受理 to 资格证 on 徐州's rule sets and flows (the demo's files, OPERATIONS.md §4.1, §5.1) and the 2024
 * National Day calendar: the chain 下淀社区 → 丰财街道 → 鼓楼区 → 徐州市 as in the demo accounts. OPERATIONS.md §11
 * scenarios 1, 2, 4 at 受理, 8–11 persisted (ReviewTest has them on the engine alone), access refusals and bad input.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=application")
class ApplicationsTest {

    static final String COMMUNITY = ApplicationDemoData.COMMUNITY;
    static final String TOWN = ApplicationDemoData.TOWN;
    static final AtomicInteger SERIAL = new AtomicInteger(1);

    @Autowired
    Applications applications;
    @Autowired
    CityRules rules;
    @Autowired
    Households households;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationDemoData demo;

    Actor system;
    Actor clerk;
    Actor town;
    Actor district;
    Actor city;

    @BeforeEach
    void chain() {
        system = Actor.system(regions.root());
        as(system, () -> {
            demo.load();   // 下淀社区 and 徐州's files, once
            return null;
        });
        clerk = actor("xiadian_clerk", COMMUNITY, Role.COMMUNITY_CLERK);
        town = actor("fengcai_reviewer", TOWN, Role.TOWN_REVIEWER);
        district = actor("gulou_housing", "320302", Role.HOUSING_OFFICE);
        city = actor("xuzhou_housing", "320300", Role.HOUSING_OFFICE);
    }

    Actor actor(String username, String region, Role role) {
        return new Actor(username, username, regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    static <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static String id(String birth) {
        return SyntheticIds.number("320302", birth, SERIAL.getAndIncrement());
    }

    static HouseholdForm.MemberForm member(String name, String birth, String relation, String income, boolean able) {
        return new HouseholdForm.MemberForm(name, id(birth), relation, income, true, able, null);
    }

    /** Three people: 55,000 元 a year in all (1527.78 元 a month each), {@code area} ㎡, 户籍 6 years, 低保 since 2022. */
    static HouseholdForm family(String region, BigDecimal area) {
        return new HouseholdForm(region, null, "丰财街道下淀路 8 号", List.of(
                member("周卫东", "19800301", "本人", "30000", true),
                member("吴桂兰", "19820715", "配偶", "25000", true),
                member("周小雨", "20120910", "子女", "0", false)),
                List.of(new HouseholdForm.GroupForm("低保", d("2022-01-01"))), area, 6, null, null, null, null, null);
    }

    long submit(HouseholdForm f, Guarantee g, String programme, String on) {
        return as(clerk, () -> applications.submit(new NewApplication(f, null, g, programme, d(on))));
    }

    ApplicationView view(long id) {
        return as(system, () -> applications.application(id));
    }

    @Test
    void fromReceptionToCertificateWithAReturnAndADismissedObjection() {
        // scenario 4: 3 persons, 55,000 元 → 1527.78 元/月/人 < 1549, 36 ㎡ → 12 ㎡/人 < 15: eligible for the subsidy
        long id = submit(family(COMMUNITY, new BigDecimal("36")), Guarantee.SUBSIDY, null, "2024-09-26");
        ApplicationView a = view(id);
        assertThat(a.status()).isEqualTo(ApplicationStatus.IN_STEP);
        assertThat(a.applicantName()).isEqualTo("周**");
        assertThat(a.checks()).extracting(ApplicationView.Check::value).contains("12平方米").doesNotContain("1527.78元");
        // the per-capita income is worked out from the sealed incomes: stored and shown as meeting the rule, no figure
        // (privacy review 2026-12-03: "1527.78元" was in the check, its reason, the audit trail and every backup)
        assertThat(jdbc.sql("select count(*) from rental_application_check c where cast(c as text) like '%1527%'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log l where cast(l as text) like '%1527.7%'")
                .query(Integer.class).single()).isZero();
        assertThat(a.stepName()).isEqualTo("街道初审");
        assertThat(a.stepOffice()).isEqualTo("丰财街道街道初审员");
        // 3 working days from the next day: 09-27, Sun 09-29 (worked), 09-30
        assertThat(a.dueOn()).isEqualTo(d("2024-09-30"));

        // the street returns it on 09-29: 2 working days used, the clock stops; the corrected application resumes with 1
        ApplicationView back = as(town, () -> applications.decide(id, a.version(), Review.Decision.RETURN, "缺少低保证复印件",
                d("2024-09-29")));
        assertThat(back.status()).isEqualTo(ApplicationStatus.RETURNED);
        assertThat(back.dueOn()).isNull();
        assertThat(back.events().getLast().outcome()).isEqualTo("退回修改（已用 2 个工作日，时限暂停）");
        // the street's own decision sent again (Back and resubmit): said to be its own, where it said 他人办理
        assertThatThrownBy(() -> as(town, () -> applications.decide(id, a.version(), Review.Decision.RETURN, "缺少低保证复印件",
                d("2024-09-29")))).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("该申请已被您本人的账号（另一窗口或此前的一次提交）于 ")
                .hasMessageEndingWith("办理，请刷新后重试（当前版本 " + back.version() + "，提交的版本 " + a.version() + "）");
        assertThat(as(town, () -> applications.overdue(TOWN, d("2024-12-31")))).extracting(QueueItem::id).doesNotContain(id);
        ApplicationView again = as(clerk, () -> applications.resubmit(id, back.version(), d("2024-10-08")));
        assertThat(again.events().getLast().outcome()).isEqualTo("补正后重新提交（剩余 1 个工作日）");
        assertThat(again.dueOn()).isEqualTo(d("2024-10-09"));
        // a stale form is refused naming who handled the application since: the community's clerk
        assertThatThrownBy(() -> as(town, () -> applications.decide(id, back.version(), Review.Decision.APPROVE, null,
                d("2024-10-09")))).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("该申请已被xiadian_clerk于 ")
                .hasMessageEndingWith("办理，请刷新后重试（当前版本 " + again.version() + "，提交的版本 " + back.version() + "）");

        ApplicationView notice = as(town, () -> applications.decide(id, again.version(), Review.Decision.APPROVE, null,
                d("2024-10-09")));
        assertThat(notice.stepName()).isEqualTo("社区公示");
        assertThat(notice.stepOffice()).isEqualTo("下淀社区社区受理员");
        assertThat(notice.dueOn()).isEqualTo(d("2024-10-19"));
        // the public notice of 下淀社区: masked, the period, where to object
        List<Notice> published = applications.notices(COMMUNITY, d("2024-10-12"));
        assertThat(published).hasSize(1);
        assertThat(published.getFirst().entries()).filteredOn(e -> e.number() == id).singleElement().satisfies(e -> {
            assertThat(e.applicantName()).isEqualTo("周**");
            assertThat(e.applicantIdNumber()).contains("*").doesNotContain("19800301");
            assertThat(e.members()).isEqualTo(3);
            assertThat(e.from()).isEqualTo(d("2024-10-10"));
            assertThat(e.to()).isEqualTo(d("2024-10-19"));
        });
        assertThat(published.getFirst().objectTo()).contains("下淀社区").contains("公示期内");

        // an objection: recorded by the community, the notice cannot pass until it is verified
        Objection o = as(clerk, () -> applications.object(id, notice.version(), "来信", "申请人在铜山区另有住房一套",
                d("2024-10-12")));
        assertThat(o.recordedBy()).isEqualTo("xiadian_clerk");
        assertThat(view(id).status()).isEqualTo(ApplicationStatus.OBJECTION);
        assertThatThrownBy(() -> as(clerk, () -> applications.endNotice(id, view(id).version(), d("2024-10-20"))))
                .isInstanceOf(Conflict.class).hasMessageContaining("1 条异议尚未核查");
        assertThatThrownBy(() -> as(clerk, () -> applications.object(id, view(id).version(), "来电", "又一条",
                d("2024-10-25")))).isInstanceOf(BadInput.class).hasMessageContaining("异议须在公示期内提出");
        ApplicationView dismissed = as(clerk, () -> applications.resolve(id, o.id(), false,
                "经核查，该住房已于2023年出售，不动产登记可查", d("2024-10-15")));
        assertThat(dismissed.status()).isEqualTo(ApplicationStatus.IN_STEP);
        assertThat(dismissed.objections()).singleElement().extracting(Objection::resultLabel).isEqualTo("异议不成立");
        assertThatThrownBy(() -> as(clerk, () -> applications.endNotice(id, dismissed.version(), d("2024-10-19"))))
                .isInstanceOf(Conflict.class).hasMessageContaining("期满后");
        ApplicationView county = as(clerk, () -> applications.endNotice(id, dismissed.version(), d("2024-10-20")));
        assertThat(county.stepName()).isEqualTo("区民政核对收入");
        assertThat(county.stepOffice()).isEqualTo("鼓楼区住房保障审核员");

        // who decides: the district's step is the district office's, not the street's, nor the city's
        assertThatThrownBy(() -> as(town, () -> applications.decide(id, county.version(), Review.Decision.APPROVE, null,
                d("2024-10-21")))).isInstanceOf(Denied.class).hasMessageContaining("无权作审核决定")
                .hasMessageContaining("鼓楼区住房保障审核员");
        assertThatThrownBy(() -> as(city, () -> applications.decide(id, county.version(), Review.Decision.APPROVE, null,
                d("2024-10-21")))).isInstanceOf(Denied.class);
        assertThatThrownBy(() -> as(actor("gl_admin", "320302", Role.COUNTY_ADMIN), () -> applications.decide(id,
                county.version(), Review.Decision.APPROVE, null, d("2024-10-21")))).isInstanceOf(Denied.class);

        ApplicationView l2 = as(district, () -> applications.decide(id, county.version(), Review.Decision.APPROVE, null, d("2024-10-21")));
        ApplicationView l3 = as(district, () -> applications.decide(id, l2.version(), Review.Decision.APPROVE, "原件已核", d("2024-10-22")));
        assertThat(l3.stepOffice()).isEqualTo("徐州市住房保障审核员");
        assertThat(as(district, () -> applications.queue(d("2024-10-22")))).extracting(QueueItem::id).doesNotContain(id);
        assertThat(as(city, () -> applications.queue(d("2024-10-22")))).extracting(QueueItem::id).contains(id);
        ApplicationView n2 = as(city, () -> applications.decide(id, l3.version(), Review.Decision.APPROVE, null, d("2024-10-23")));
        assertThat(n2.stepName()).isEqualTo("市网站公示");
        assertThat(applications.notices("320300", d("2024-10-30"))).singleElement()
                .satisfies(n -> assertThat(n.stepName()).isEqualTo("市网站公示"))
                .satisfies(n -> assertThat(n.entries()).extracting(Notice.Entry::number).contains(id));
        ApplicationView done = as(city, () -> applications.endNotice(id, n2.version(), d("2024-11-03")));

        assertThat(done.status()).isEqualTo(ApplicationStatus.QUALIFIED);
        assertThat(done.certificateNo()).matches("3203002024\\d{6}");
        assertThat(households.household(done.householdId()).certificateNo()).isEqualTo(done.certificateNo());
        Certificate c = as(clerk, () -> applications.certificate(id));
        assertThat(c.guarantee()).isEqualTo("租赁补贴");
        assertThat(c.issuer()).isEqualTo("徐州市 · 市住房保障中心审核");
        assertThat(c.issuedOnText()).isEqualTo("2024年11月3日");
        assertThat(c.applicantName()).isEqualTo("周**");
        // the whole history, in order, rebuilt from the tables
        assertThat(done.events()).extracting(ApplicationView.Event::outcome).containsExactly(
                "已受理，转街道初审", "退回修改（已用 2 个工作日，时限暂停）", "补正后重新提交（剩余 1 个工作日）", "通过，转社区公示",
                "收到异议，待核查", "异议不成立，公示继续", "公示期满无异议，转区民政核对收入", "通过，转区住房保障复审",
                "通过，转市住房保障中心审核", "通过，转市网站公示", "公示期满无异议，审核完成，纳入轮候",
                "发放租赁补贴资格证 " + done.certificateNo());
        assertThat(done.steps()).extracting(ApplicationView.StepView::state).containsOnly("DONE");
        // figures: received and accepted in September, qualified in November, no step overdue
        // (the other tests here apply for 实物配租 only)
        assertThat(as(city, () -> applications.figures("320300", YearMonth.of(2024, 9))))
                .filteredOn(f -> f.guarantee() == Guarantee.SUBSIDY).singleElement().satisfies(f -> {
                    assertThat(f.countyName()).isEqualTo("鼓楼区");
                    assertThat(f.guarantee()).isEqualTo(Guarantee.SUBSIDY);
                    assertThat(List.of(f.received(), f.accepted(), f.refused(), f.qualified(), f.overdueSteps()))
                            .containsExactly(1, 1, 0, 0, 0);
                });
        assertThat(as(city, () -> applications.figures("320302", YearMonth.of(2024, 11))))
                .filteredOn(f -> f.guarantee() == Guarantee.SUBSIDY).singleElement()
                .extracting(ApplicationFigures::qualified).isEqualTo(1);
    }

    int refusedInOctober() {
        return as(city, () -> applications.figures("320302", YearMonth.of(2024, 10))).stream()
                .filter(f -> f.guarantee() == Guarantee.PUBLIC_RENTAL).mapToInt(ApplicationFigures::refused).sum();
    }

    @Test
    void anUpheldObjectionRefusesWithTheFinding() {
        int refusedBefore = refusedInOctober();
        // scenario 1: 低保 3-person family, 28 ㎡ → 9.33 ㎡/人 ≤ 10, 户籍 6 years, 低保 since 2022: eligible (公租房)
        long id = submit(family(COMMUNITY, new BigDecimal("28")), Guarantee.PUBLIC_RENTAL, "PUBLIC_RENTAL:低保特困", "2024-09-26");
        ApplicationView a = view(id);
        assertThat(a.dueOn()).isEqualTo(d("2024-10-09")); // scenario 8: 5 working days over National Day
        ApplicationView notice = as(town, () -> applications.decide(id, a.version(), Review.Decision.APPROVE, null, d("2024-10-08")));
        Objection o = as(town, () -> applications.object(id, notice.version(), "来访", "申请人隐瞒了经营收入", d("2024-10-10")));
        ApplicationView refused = as(town, () -> applications.resolve(id, o.id(), true,
                "经核查，申请人经营网店，年收入约8万元，未如实申报", d("2024-10-16")));
        assertThat(refused.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(refused.events().getLast().outcome()).isEqualTo("异议成立，不予通过");
        assertThat(refused.events().getLast().reason()).contains("未如实申报");
        assertThat(refused.closedOn()).isEqualTo(d("2024-10-16"));
        assertThat(applications.notices(COMMUNITY, d("2024-10-16"))).flatExtracting(Notice::entries)
                .extracting(Notice.Entry::number).doesNotContain(id);
        assertThat(refusedInOctober()).isEqualTo(refusedBefore + 1);
    }

    @Test
    void ineligibleIsNotAcceptedAndNamesTheRuleIncompleteAsksForTheFact() {
        // scenario 2: 31 ㎡ for three → 10.33 ㎡/人 > 10
        long id = submit(family(COMMUNITY, new BigDecimal("31")), Guarantee.PUBLIC_RENTAL, "PUBLIC_RENTAL:低保特困", "2024-09-26");
        ApplicationView a = view(id);
        assertThat(a.status()).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(a.stepName()).isNull();
        assertThat(a.checks()).filteredOn(c -> c.outcome().equals("FAILS")).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo("10.33平方米");
            assertThat(c.clause()).isEqualTo("第三项");
            assertThat(c.reason()).contains("人均住房建筑面积10平方米以下");
        });
        assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.outcome()).startsWith("不符合"));

        // the area not stated: asked for, never taken as 0
        HouseholdForm noArea = family(COMMUNITY, null);
        long incomplete = submit(noArea, Guarantee.PUBLIC_RENTAL, "PUBLIC_RENTAL:低保特困", "2024-09-26");
        ApplicationView i = view(incomplete);
        assertThat(i.status()).isEqualTo(ApplicationStatus.INCOMPLETE);
        assertThat(i.checks()).filteredOn(c -> c.outcome().equals("MISSING")).extracting(ApplicationView.Check::reason)
                .singleElement().asString().startsWith("缺少人均住房建筑面积");
        // corrected (the household's form again with the area and its version): accepted
        HouseholdForm corrected = new HouseholdForm(noArea.regionCode(), null, noArea.address(), noArea.members(),
                noArea.groups(), new BigDecimal("20"), 6, null, null, null, null, 0);
        ApplicationView accepted = as(clerk, () -> applications.recheck(incomplete, i.version(), corrected, d("2024-09-27")));
        assertThat(accepted.status()).isEqualTo(ApplicationStatus.IN_STEP);
        assertThat(accepted.appliedOn()).isEqualTo(d("2024-09-27"));
    }

    @Test
    void blacklistBansTheApplicantForFiveYears() {
        HouseholdForm f = family(COMMUNITY, new BigDecimal("28"));
        long id = submit(f, Guarantee.PUBLIC_RENTAL, "PUBLIC_RENTAL:低保特困", "2024-09-26");
        ApplicationView a = view(id);
        assertThatThrownBy(() -> as(town, () -> applications.decide(id, a.version(), Review.Decision.BLACKLIST, " ",
                d("2024-09-27")))).isInstanceOf(BadInput.class).hasMessage("列入失信须写明失信行为");
        ApplicationView b = as(town, () -> applications.decide(id, a.version(), Review.Decision.BLACKLIST,
                "伪造低保证明骗取保障资格", d("2024-09-27")));
        assertThat(b.status()).isEqualTo(ApplicationStatus.BLACKLISTED);
        assertThat(households.household(b.householdId()).open()).isFalse();
        assertThatThrownBy(() -> submit(f, Guarantee.PUBLIC_RENTAL, "PUBLIC_RENTAL:低保特困", "2024-10-08"))
                .isInstanceOf(BadInput.class).hasMessageContaining("伪造低保证明").hasMessageContaining("2029年9月27日前不得申请");
    }

    @Test
    void overdueStepsComeFirstAndAreCounted() {
        long late = submit(family(COMMUNITY, new BigDecimal("30")), Guarantee.PUBLIC_RENTAL, "PUBLIC_RENTAL:低保特困", "2024-09-26");
        long fresh = submit(family(COMMUNITY, new BigDecimal("30")), Guarantee.PUBLIC_RENTAL, "PUBLIC_RENTAL:低保特困", "2024-10-09");
        List<QueueItem> queue = as(town, () -> applications.queue(d("2024-10-11")));
        assertThat(queue).extracting(QueueItem::id).containsSubsequence(late, fresh);
        QueueItem first = queue.stream().filter(q -> q.id() == late).findFirst().orElseThrow();
        assertThat(first.overdue()).isTrue();
        assertThat(first.daysLeft()).isEqualTo(-2);   // due 10-09: 10-10 and 10-11 past
        assertThat(queue.getFirst().overdue()).isTrue();
        assertThat(as(district, () -> applications.overdue("320302", d("2024-10-11")))).extracting(QueueItem::id)
                .contains(late).doesNotContain(fresh);
        assertThat(as(city, () -> applications.figures("320302", YearMonth.of(2024, 10))))
                .filteredOn(f -> f.guarantee() == Guarantee.PUBLIC_RENTAL)
                .extracting(ApplicationFigures::overdueSteps).first().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.INTEGER)
                .isGreaterThanOrEqualTo(1);
        // a clerk of another community, the district office and a viewer see none of it in their queues
        assertThat(as(district, () -> applications.queue(d("2024-10-11")))).extracting(QueueItem::id).doesNotContain(late);
    }

    @Test
    void aCityWithoutRulesIsToldWhatToUpload() {
        Actor ganzhou = actor("jf_reviewer", "360702001000", Role.TOWN_REVIEWER);
        HouseholdForm f = new HouseholdForm("360702001000", null, null, List.of(new HouseholdForm.MemberForm("赵明",
                SyntheticIds.number("360702", "19790101", SERIAL.getAndIncrement()), "本人", "10000", true, true, null)),
                List.of(), BigDecimal.TEN, 6, null, null, null, null, null);
        assertThatThrownBy(() -> as(ganzhou, () -> applications.submit(new NewApplication(f, null, Guarantee.SUBSIDY, null,
                d("2024-09-26"))))).isInstanceOf(Conflict.class).hasMessageContaining("赣州市尚未上传")
                .hasMessageContaining("准入条件");
        // nothing written: the family was not registered either
        assertThat(jdbc.sql("select count(*) from rental_household where region_id = :r")
                .param("r", regions.byCode("360702001000").orElseThrow().id()).query(Long.class).single()).isZero();
        assertThatThrownBy(() -> as(ganzhou, () -> applications.submit(new NewApplication(f, null, null, null, null))))
                .isInstanceOf(BadInput.class).hasMessageContaining("请选择保障方式");
        assertThatThrownBy(() -> submit(family(COMMUNITY, BigDecimal.TEN), Guarantee.PUBLIC_RENTAL, null, "2024-09-26"))
                .isInstanceOf(BadInput.class).hasMessageContaining("请选择申请类别").hasMessageContaining("PUBLIC_RENTAL:新就业");
    }

    @Test
    void ruleFilesAreVersionedCheckedAndOnlyTheCitysOfficesUploadThem() {
        String text = ApplicationDemoData.read("rental/flows/320300-租赁补贴.tsv");
        // a later version from 2025 supersedes the 2024 one from then on; 2024 applications keep the old one
        RuleFile v2 = as(city, () -> rules.upload("320300", RuleFile.Kind.FLOW, "320300-租赁补贴-2025.tsv",
                text.replace("市网站公示	市	公示	10", "市网站公示	市	公示	7"), d("2025-01-01"), null));
        Region320300 x = new Region320300();
        assertThat(rules.inForce(x.city(regions), RuleFile.Kind.FLOW, "RENTAL_SUBSIDY:低保低收入", d("2024-12-31")).orElseThrow().id())
                .isNotEqualTo(v2.id());
        assertThat(rules.inForce(x.city(regions), RuleFile.Kind.FLOW, "RENTAL_SUBSIDY:低保低收入", d("2025-01-01")).orElseThrow().id())
                .isEqualTo(v2.id());
        assertThat(v2.uploadedBy()).contains("xuzhou_housing");
        assertThat(v2.content()).contains("市网站公示\t市\t公示\t7");
        long before = jdbc.sql("select count(*) from rental_rule_file").query(Long.class).single();
        assertThatThrownBy(() -> as(city, () -> rules.upload("320300", RuleFile.Kind.RULES, "坏.tsv",
                "城市\t320300\n项目\tPUBLIC_RENTAL:x\n名称\tx\n生效\t2025-01-01\n来源\tx\n条件\tA\t面积\tPER_CAPITA_AREA\t≤\t十\n",
                null, null))).isInstanceOf(BadInput.class).hasMessageContaining("坏.tsv 第 6 行第 6 列");
        assertThatThrownBy(() -> as(city, () -> rules.upload("320300", RuleFile.Kind.FLOW, "f.tsv", text, null, null)))
                .isInstanceOf(BadInput.class).hasMessageContaining("须填写生效日期");
        assertThatThrownBy(() -> as(city, () -> rules.upload("320300", RuleFile.Kind.FLOW, "f.tsv",
                text.replace("320300", "361100"), d("2025-01-01"), null))).isInstanceOf(BadInput.class)
                .hasMessageContaining("不是徐州市");
        assertThatThrownBy(() -> as(city, () -> rules.upload("320302", RuleFile.Kind.FLOW, "f.tsv", text, d("2025-01-01"), null)))
                .isInstanceOf(BadInput.class).hasMessageContaining("鼓楼区不是设区的市");
        assertThatThrownBy(() -> as(district, () -> rules.upload("320300", RuleFile.Kind.FLOW, "f.tsv", text, d("2025-01-01"), null)))
                .isInstanceOf(Denied.class).hasMessageContaining("无权上传徐州市的公租房规则");
        assertThat(jdbc.sql("select count(*) from rental_rule_file").query(Long.class).single()).isEqualTo(before);
    }

    /** 徐州市 as a region. */
    record Region320300() {
        org.anju.region.Region city(Regions regions) {
            return regions.byCode("320300").orElseThrow();
        }
    }
}
