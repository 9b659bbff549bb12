package org.anju.rental.household;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.BadInput;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.privacy.PersonalField;
import org.anju.privacy.SyntheticIds;
import org.anju.region.Regions;
import org.anju.rental.rules.Household;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 保障家庭 register: sealed personal data, masked views that are logged, one open household per person and city,
 * 失信 bans. The 街道初审员 of 解放街道 (章贡区, 赣州市) takes the families in.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=household")
class HouseholdsTest {

    static final String STREET = "360702001000";   // 解放街道
    static final String OTHER_STREET = "360702002000";

    @Autowired
    Households households;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.anju.privacy.PersonalData personalData;

    Actor reviewer;
    int serial;

    @BeforeEach
    void actors() {
        reviewer = actor("jf_reviewer", STREET, Role.TOWN_REVIEWER);
        serial = (int) (System.nanoTime() % 900) + 1;
    }

    Actor actor(String username, String region, Role role) {
        return new Actor(username, username, regions.byCode(region).orElseThrow(), EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    String id(String birth) {
        return SyntheticIds.number("360702", birth, serial++ % 999 + 1);
    }

    static HouseholdForm.MemberForm member(String name, String id, String relation, String income, boolean able) {
        return new HouseholdForm.MemberForm(name, id, relation, income, true, able, null);
    }

    static HouseholdForm form(String region, List<HouseholdForm.MemberForm> members) {
        return new HouseholdForm(region, "13812345678", "解放街道和平路 3 号", members,
                List.of(new HouseholdForm.GroupForm("低保", LocalDate.of(2023, 3, 1))), new BigDecimal("12.5"), 8, null,
                null, false, null, null);
    }

    long lastAccess() {
        return jdbc.sql("select coalesce(max(id), 0) from personal_data_access").query(Long.class).single();
    }

    @Test
    void storedSealedShownMaskedEveryViewLogged() {
        String applicant = id("19800512");
        String spouse = id("19821103");
        long id = as(reviewer, () -> households.register(form(STREET, List.of(
                member("王建国", applicant, "本人", "36,000", true),
                member("李秀英", spouse, "配偶", "", false)))));
        long before = lastAccess();
        HouseholdView v = as(reviewer, () -> households.household(id));
        assertThat(v.applicantName()).isEqualTo("王**");
        assertThat(v.applicantIdNumber()).startsWith("3607").endsWith(applicant.substring(14)).contains("*");
        assertThat(v.phone()).isEqualTo("138****5678");
        assertThat(v.countyName()).isEqualTo("章贡区");
        assertThat(v.cityName()).isEqualTo("赣州市");
        assertThat(v.members()).extracting(HouseholdView.MemberView::income).containsExactly("***", null);
        assertThat(v.certificateNo()).isNull();
        assertThat(v.members().get(1).birthDate()).isEqualTo(LocalDate.of(1982, 11, 3));
        assertThat(jdbc.sql("select action, subject_id from personal_data_access where id > ?").param(before)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list()).containsExactly("VIEW " + id);
        // nothing in clear: neither in the tables' other columns (the sealed bytes are random: a digit run could turn up
        // in their hex by chance) nor in the audit trail's copies
        String everything = jdbc.sql("""
                select coalesce(string_agg(t::text, '|'), '') from (
                  select (to_jsonb(h) - array['applicant_name_enc', 'applicant_id_enc', 'phone_enc', 'applicant_name_bidx',
                          'applicant_id_bidx', 'phone_bidx'])::text t from rental_household h where id = :id
                  union all select (to_jsonb(m) - array['name_enc', 'id_enc', 'income_enc', 'name_bidx', 'id_bidx'])::text
                    from rental_member m where household_id = :id
                  union all select coalesce(old::text, '') || coalesce(new::text, '') from audit_log
                   where table_name in ('rental_household', 'rental_member')) x""").param("id", id)
                .query(String.class).single();
        assertThat(everything).doesNotContain(applicant).doesNotContain(spouse).doesNotContain("王建国")
                .doesNotContain("13812345678").doesNotContain("36000");
        // the rules get the income for their computation, the name masked
        Household facts = as(reviewer, () -> households.facts(id));
        assertThat(facts.members()).extracting(Household.Member::annualIncome)
                .containsExactly(new BigDecimal("36000.00"), null);
        assertThat(facts.groupsSince()).containsEntry("低保", LocalDate.of(2023, 3, 1));
        assertThat(facts.heldArea()).isEqualByComparingTo("12.5");
        assertThat(facts.insuranceMonths()).as("not stated stays not stated").isNull();
        String certificate = as(reviewer, () -> households.qualify(id, Guarantee.PUBLIC_RENTAL, LocalDate.of(2025, 3, 2)));
        assertThat(certificate).matches("3607002025\\d{6}");
        HouseholdView q = as(reviewer, () -> households.household(id));
        assertThat(q.certificateNo()).isEqualTo(certificate);
        assertThat(q.guarantee()).isEqualTo(Guarantee.PUBLIC_RENTAL);
        assertThatThrownBy(() -> as(reviewer, () -> households.qualify(id, Guarantee.SUBSIDY, LocalDate.of(2025, 3, 3))))
                .isInstanceOf(Conflict.class).hasMessage("该家庭已于2025年3月2日取得资格证 " + certificate);
        // the household row's own sealed columns open as theirs (a value sealed for another column would not)
        byte[][] own = jdbc.sql("select applicant_name_enc, applicant_id_enc, phone_enc from rental_household where id = ?")
                .param(id).query((rs, n) -> new byte[][]{rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)}).single();
        assertThat(personalData.masked(Households.APPLICANT_NAME, own[0])).isEqualTo("王**");
        assertThat(personalData.masked(Households.APPLICANT_ID, own[1])).isEqualTo(v.applicantIdNumber());
        assertThat(personalData.masked(Households.PHONE, own[2])).isEqualTo("138****5678");
        // and lists find it
        assertThat(as(reviewer, () -> households.list(STREET, false, 0, 50))).extracting(HouseholdView::id).contains(id);
        assertThat(as(reviewer, () -> households.list(STREET, true, 0, 50))).extracting(HouseholdView::id).doesNotContain(id);
        // a window out of range is refused naming it, not clamped: 100,000 asked, 500 given as if all (operator trial)
        assertThatThrownBy(() -> as(reviewer, () -> households.list(STREET, false, 0, 100_000))).isInstanceOf(BadInput.class)
                .hasMessage("参数 limit（条数）应为 1 到 500 之间的整数，收到 100000。");
        assertThatThrownBy(() -> as(reviewer, () -> households.list(STREET, false, -5, 50))).isInstanceOf(BadInput.class)
                .hasMessageContaining("参数 offset");
        // a reveal with a reason, logged
        assertThat(as(reviewer, () -> households.reveal(id, 2, PersonalField.ID_NUMBER, "核对申请材料"))).isEqualTo(spouse);
        assertThatThrownBy(() -> as(actor("xz_viewer", "360700", Role.VIEWER),
                () -> households.reveal(id, 1, PersonalField.NAME, "好奇"))).isInstanceOf(Denied.class);
    }

    @Test
    void aPersonIsInOneOpenHouseholdOfTheCity() {
        String applicant = id("19750101");
        String child = id("20050607");
        long first = as(reviewer, () -> households.register(form(STREET, List.of(
                member("赵一", applicant, "本人", "20000", true), member("赵二", child, "子女", null, true)))));
        assertThatThrownBy(() -> as(reviewer, () -> households.register(form(STREET, List.of(
                member("赵二", child, "本人", "10000", true))))))
                .isInstanceOf(Conflict.class).hasMessageContaining("已在赣州市的保障家庭（编号 " + first + "）中");
        as(reviewer, () -> {
            households.close(first, LocalDate.of(2025, 1, 31), "自愿退出");
            return null;
        });
        long second = as(reviewer, () -> households.register(form(STREET, List.of(
                member("赵二", child, "本人", "10000", true)))));
        assertThat(second).isGreaterThan(first);
        assertThatThrownBy(() -> as(reviewer, () -> {
            households.update(first, form(STREET, List.of(member("赵一", applicant, "本人", "1", true))));
            return null;
        }))
                .isInstanceOf(Conflict.class).hasMessageContaining("已于2025年1月31日退出");
    }

    void update(Actor a, long id, HouseholdForm f, int version) {
        as(a, () -> {
            households.update(id, new HouseholdForm(f.regionCode(), f.phone(), f.address(), f.members(), f.groups(),
                    f.heldArea(), f.hukouYears(), f.insuranceMonths(), f.graduated(), f.holdsProperty(), f.residencePermit(),
                    version));
            return null;
        });
    }

    /** A stale version names who made the version there now, from the audit trail: 他人 was a guess, and often wrong. */
    @Test
    void aStaleVersionIsRefusedNamingWhoMadeTheVersionThereNow() {
        HouseholdForm f = form(STREET, List.of(member("孙丙", id("19880808"), "本人", "1", true)));
        long id = as(reviewer, () -> households.register(f));
        int read = as(reviewer, () -> households.household(id)).version();
        update(reviewer, id, f, read);
        // the same form sent again (Back and resubmit, another window): the version there now is the reviewer's own
        assertThatThrownBy(() -> update(reviewer, id, f, read)).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("该家庭信息已被您本人的账号（另一窗口或此前的一次提交）于 ")
                .hasMessageEndingWith("修改，请刷新后重试（当前版本 " + (read + 1) + "，提交的版本 " + read + "）");
        // a colleague's change in between: named
        update(actor("jf_reviewer2", STREET, Role.TOWN_REVIEWER), id, f, read + 1);
        assertThatThrownBy(() -> update(reviewer, id, f, read + 1)).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("该家庭信息已被jf_reviewer2于 ")
                .hasMessageEndingWith("修改，请刷新后重试（当前版本 " + (read + 2) + "，提交的版本 " + (read + 1) + "）");
    }

    @Test
    void aBannedPersonMayNotApplyBeforeTheBanEnds() {
        String applicant = id("19700303");
        long id = as(reviewer, () -> households.register(form(STREET, List.of(member("钱多", applicant, "本人", "1", true)))));
        LocalDate today = LocalDate.now(org.anju.platform.ChinaTime.ZONE);
        Ban ban = as(reviewer, () -> households.ban(id, "转租公租房", today.minusDays(1), today.minusDays(1).plusYears(5)));
        assertThat(ban.idNumber()).contains("*");
        as(reviewer, () -> {
            households.close(id, today, "违规转租，收回住房");
            return null;
        });
        assertThatThrownBy(() -> as(reviewer, () -> households.register(form(STREET, List.of(
                member("钱多", applicant, "本人", "1", true))))))
                .isInstanceOf(BadInput.class).hasMessageContaining("因“转租公租房”列入失信记录")
                .hasMessageContaining(today.minusDays(1).plusYears(5).getYear() + "年");
        assertThat(as(reviewer, () -> households.banOn(STREET, applicant, today))).isPresent();
        assertThat(as(reviewer, () -> households.banOn(STREET, applicant, today.plusYears(6)))).isEmpty();
    }

    @Test
    void refusalsNameTheFieldAndWriteNothing() {
        long count = jdbc.sql("select count(*) from rental_household").query(Long.class).single();
        String good = id("19900909");
        assertThatThrownBy(() -> as(reviewer, () -> households.register(form(STREET, List.of(
                member("孙甲", good, "本人", "1", true), member("孙乙", "360702199001011234", "子女", "1", true))))))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("第 2 位家庭成员身份证号");
        assertThatThrownBy(() -> as(reviewer, () -> households.register(form(STREET, List.of(
                member("孙甲", good, "本人", "三万", true))))))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("申请人上年收入不是数字");
        assertThatThrownBy(() -> as(reviewer, () -> households.register(form(STREET, List.of(
                new HouseholdForm.MemberForm("孙甲", good, "本人", "1", true, null, null))))))
                .isInstanceOf(BadInput.class).hasMessageContaining("是否具有劳动能力");
        assertThatThrownBy(() -> as(reviewer, () -> households.register(form("360702", List.of(
                member("孙甲", good, "本人", "1", true))))))
                .isInstanceOf(BadInput.class).hasMessage("章贡区不是社区（村）或街道（乡镇）：申请须在家庭所在的社区或街道受理");
        assertThatThrownBy(() -> as(reviewer, () -> households.register(form(OTHER_STREET, List.of(
                member("孙甲", good, "本人", "1", true))))))
                .isInstanceOf(Denied.class).hasMessageContaining("不能受理或修改");
        assertThat(jdbc.sql("select count(*) from rental_household").query(Long.class).single()).isEqualTo(count);
    }

    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    @Test
    void keyRotationReachesEveryHouseholdColumn() {
        as(reviewer, () -> households.register(form(STREET, List.of(member("周全", id("19660606"), "本人", "100", true)))));
        java.io.StringWriter out = new java.io.StringWriter();
        int code = org.anju.cli.Cli.execute(context, new String[]{"privacy", "reencrypt"}, new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertThat(code).isZero();
        // every value is under the current key already: the command finds every declared column and nothing to re-seal
        assertThat(out.toString().lines().filter(l -> l.startsWith("rental_")).map(l -> l.substring(0, l.indexOf('：'))))
                .containsExactlyInAnyOrder("rental_household.applicant_name_enc（姓名）", "rental_household.applicant_id_enc（身份证号）",
                        "rental_household.phone_enc（联系电话）", "rental_member.name_enc（姓名）", "rental_member.id_enc（身份证号）",
                        "rental_member.income_enc（收入）", "rental_subsidy_agreement.bank_account_enc（银行账号）");
        assertThat(out.toString()).contains("完成：共重新加密 0 个值");
    }
}
