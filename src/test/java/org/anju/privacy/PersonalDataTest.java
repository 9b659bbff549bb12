package org.anju.privacy;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.BadInput;
import org.anju.platform.Denied;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The personal-data layer on the real database, as the public rental feature will use it: a table of its own with a
 * sealed ID number (ciphertext, blind index, masked form) and phone; found by blind index; revealed by an allowed role
 * with a reason (logged) and refused to others (not logged); exported with a reason, logged once; read back by
 * auditors of the subtree only; re-sealed under a new key. The column never holds the plaintext.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"anju.test.database=privacy",
        // two key versions as production would configure them after one rotation: version 2 seals
        "anju.privacy.key=1:" + DataKeysTest.K1 + ",2:" + DataKeysTest.K2})
class PersonalDataTest {

    static final Column ID_COLUMN = new Column("privacy_test_person", "id_number_enc", PersonalField.ID_NUMBER);
    static final Column PHONE_COLUMN = new Column("privacy_test_person", "phone_enc", PersonalField.PHONE);
    static final Column INCOME_COLUMN = new Column("privacy_test_person", "income_enc", PersonalField.INCOME);
    /** Synthetic, check digit computed by the standard's rule (IdNumberTest). */
    static final String ID = IdNumberTest.number("361102", "19851231", 42);
    static final String PHONE = "13812341234";

    @Autowired
    PersonalData personalData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Regions regions;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    Region r(String code) {
        return regions.byCode(code).orElseThrow();
    }

    Actor user(String username, String region, Role role) {
        return new Actor(username, username + "的姓名", r(region), EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    @BeforeEach
    void table() {
        // the shape a feature's table takes: ciphertext, blind index (indexed), masked form; the ciphertexts and indexes
        // kept out of the audit trail's copies
        jdbc.sql("""
                create table if not exists privacy_test_person (
                    id              bigserial primary key,
                    region_id       int   not null references region (id),
                    name_masked     text  not null,
                    id_number_enc   bytea not null,
                    id_number_bidx  bytea not null,
                    id_number_masked text not null,
                    phone_enc       bytea,
                    phone_bidx      bytea,
                    income_enc      bytea
                )""").update();
        jdbc.sql("create index if not exists privacy_test_person_id_bidx on privacy_test_person (id_number_bidx)").update();
        jdbc.sql("select audit_enable('privacy_test_person', hidden_columns => '{id_number_enc,id_number_bidx,phone_enc,phone_bidx,income_enc}')")
                .query().singleRow();
        jdbc.sql("delete from privacy_test_person").update();
        // the access log is append-only and shared by the tests of this class: each looks at what it added
        baseline = jdbc.sql("select coalesce(max(id), 0) from personal_data_access").query(Long.class).single();
        auditBaseline = jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
    }

    long baseline;
    long auditBaseline;

    /** This test's entries of the access log. */
    List<Map<String, Object>> entries() {
        return jdbc.sql("select *, array_to_string(fields, ',') as field_list from personal_data_access where id > ? order by id")
                .param(baseline).query().listOfRows();
    }

    long store(String region, String name, String idNumber, String phone, String income) {
        SealedValue id = personalData.seal(ID_COLUMN, IdNumber.parse("申请人身份证号", idNumber));
        SealedValue p = personalData.seal(PHONE_COLUMN, Phone.parse("申请人手机", phone));
        SealedValue i = personalData.seal(INCOME_COLUMN, Amount.parse("家庭年收入", income));
        assertThat(i.blindIndex()).as("incomes get no blind index").isNull();
        return jdbc.sql("""
                        insert into privacy_test_person (region_id, name_masked, id_number_enc, id_number_bidx, id_number_masked,
                                                         phone_enc, phone_bidx, income_enc)
                        values (:region, :name, :id, :bidx, :masked, :phone, :phoneBidx, :income) returning id""")
                .param("region", r(region).id()).param("name", PersonName.parse(name).masked())
                .param("id", id.ciphertext()).param("bidx", id.blindIndex()).param("masked", id.masked())
                .param("phone", p.ciphertext()).param("phoneBidx", p.blindIndex()).param("income", i.ciphertext())
                .query(Long.class).single();
    }

    byte[] sealedId(long person) {
        return jdbc.sql("select id_number_enc from privacy_test_person where id = ?").param(person).query(byte[].class).single();
    }

    Subject subject(long person, String region) {
        return Subject.of("privacy_test_person", person, r(region));
    }

    int accessCount() {
        return entries().size();
    }

    @Test
    void storedEncryptedFoundByBlindIndexNeverInPlaintext() {
        long first = store("361102", "张三丰", ID, PHONE, "36500");
        store("361102", "李四", IdNumberTest.number("361102", "19900101", 7), "0793-8212345", "12000.50");

        // "is this ID number already in another application?": one indexed equality, whatever way it was typed
        IdNumber typedAgain = IdNumber.parse(" " + ID.substring(0, 6) + " " + ID.substring(6).toLowerCase());
        List<Long> found = jdbc.sql("select id from privacy_test_person where id_number_bidx = ?")
                .param(personalData.blindIndex(typedAgain)).query(Long.class).list();
        assertThat(found).containsExactly(first);
        assertThat(jdbc.sql("select id from privacy_test_person where phone_bidx = ?")
                .param(personalData.blindIndex(Phone.parse("+86 138-1234-1234"))).query(Long.class).list()).containsExactly(first);

        // the columns hold ciphertext sealed with the current key (version 2), never the plaintext: not the bytes, not the
        // text of the whole row, not the birth date, not in the audit trail
        assertThat(jdbc.sql("select get_byte(id_number_enc, 0) from privacy_test_person where id = ?").param(first)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("""
                        select count(*) from privacy_test_person
                        where position(convert_to(:id, 'UTF8') in id_number_enc) > 0
                           or position(convert_to(:phone, 'UTF8') in phone_enc) > 0
                           or position(convert_to(:birth, 'UTF8') in id_number_enc) > 0
                           or cast(privacy_test_person as text) like '%' || :birth || '%'
                           or cast(privacy_test_person as text) like '%' || :phone || '%'
                           or cast(privacy_test_person as text) like '%36500%'""")
                .param("id", ID).param("phone", PHONE).param("birth", "19851231").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select id_number_masked from privacy_test_person where id = ?").param(first).query(String.class)
                .single()).isEqualTo("3611**********" + ID.substring(14));
        assertThat(jdbc.sql("select name_masked from privacy_test_person where id = ?").param(first).query(String.class)
                .single()).isEqualTo("张**");
        List<String> audited = jdbc.sql("select cast(new as text) from audit_log where table_name = 'privacy_test_person' "
                + "and op = 'INSERT' and id > ?").param(auditBaseline).query(String.class).list();
        assertThat(audited).as("the rows are audited, without their secrets").isNotEmpty()
                .allSatisfy(json -> assertThat(json).contains("id_number_masked").doesNotContain("_enc").doesNotContain("19851231").doesNotContain(PHONE)
                        .doesNotContain("36500"));

        // masked views decrypt nothing for anyone and log nothing
        assertThat(personalData.masked(ID_COLUMN, sealedId(first))).isEqualTo("3611**********" + ID.substring(14));
        assertThat(accessCount()).isZero();
    }

    @Test
    void anAllowedRoleRevealsWithAReasonAndIsLogged() {
        long person = store("361102", "张三丰", ID, PHONE, "36500");
        Actor reporter = user("xz_clerk", "361102", Role.COUNTY_REPORTER);
        String plain = as(reporter, () -> personalData.reveal(subject(person, "361102"), ID_COLUMN, sealedId(person), "  核对申请材料 "));
        assertThat(plain).isEqualTo(ID);
        assertThat(IdNumber.parse(plain).ageOn(java.time.LocalDate.of(2025, 12, 31))).isEqualTo(40);

        Map<String, Object> entry = entries().getFirst();
        assertThat(entries()).hasSize(1);
        assertThat(entry).containsEntry("actor", "xz_clerk").containsEntry("actor_name", "xz_clerk的姓名")
                .containsEntry("actor_region", "361102").containsEntry("via", "UI").containsEntry("action", "REVEAL")
                .containsEntry("subject_type", "privacy_test_person").containsEntry("subject_id", Long.toString(person))
                .containsEntry("subject_region_id", r("361102").id()).containsEntry("reason", "核对申请材料")
                .containsEntry("row_count", null);
        assertThat(entry).containsEntry("field_list", "ID_NUMBER");
        assertThat(jdbc.sql("select count(*) from personal_data_access where cast(personal_data_access as text) like '%' || :id || '%'")
                .param("id", ID).query(Integer.class).single()).as("the log holds no plaintext").isZero();

        // the city reviewing its county's applications may too
        Actor city = user("sr_clerk", "361100", Role.CITY_ADMIN);
        assertThat(as(city, () -> personalData.reveal(subject(person, "361102"), PHONE_COLUMN,
                jdbc.sql("select phone_enc from privacy_test_person").query(byte[].class).single(), "电话回访"))).isEqualTo(PHONE);
        assertThat(accessCount()).isEqualTo(2);
        // a reveal inside work that rolls back afterwards stays logged: the plaintext was handed out
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
            as(reporter, () -> personalData.reveal(subject(person, "361102"), ID_COLUMN, sealedId(person), "核对后撤销受理"));
            tx.setRollbackOnly();
        });
        assertThat(accessCount()).isEqualTo(3);
        // the log is append-only
        assertThatThrownBy(() -> jdbc.sql("delete from personal_data_access").update()).rootCause().hasMessageContaining("只能追加");
        assertThatThrownBy(() -> jdbc.sql("update personal_data_access set reason = 'x'").update()).rootCause()
                .hasMessageContaining("只能追加");
        assertThatThrownBy(() -> jdbc.sql("truncate personal_data_access").update()).rootCause().hasMessageContaining("只能追加");
    }

    @Test
    void othersAreRefusedAndNothingIsLogged() {
        long person = store("361102", "张三丰", ID, PHONE, "36500");
        byte[] sealed = sealedId(person);
        Subject s = subject(person, "361102");
        // a viewer (audit) of the same county: masked only
        assertThatThrownBy(() -> as(user("xz_viewer", "361102", Role.VIEWER),
                () -> personalData.reveal(s, ID_COLUMN, sealed, "核对")))
                .isInstanceOf(Denied.class).hasMessageContaining("无权查看完整的身份证号，只能看到脱敏后的信息");
        // the province administrator: supervises, does not handle applications
        assertThatThrownBy(() -> as(user("jx_clerk", "360000", Role.PROVINCE_ADMIN),
                () -> personalData.reveal(s, ID_COLUMN, sealed, "核对")))
                .isInstanceOf(Denied.class).hasMessageContaining("省级管理员").hasMessageContaining("身份证号");
        // another city's administrator: not their region at all
        assertThatThrownBy(() -> as(user("gz_clerk", "360700", Role.CITY_ADMIN),
                () -> personalData.reveal(s, ID_COLUMN, sealed, "核对")))
                .isInstanceOf(Denied.class).hasMessageContaining("无权查看信州区的数据");
        // a neighbouring county's reporter
        assertThatThrownBy(() -> as(user("gf_clerk", "361103", Role.COUNTY_REPORTER),
                () -> personalData.reveal(s, ID_COLUMN, sealed, "核对")))
                .isInstanceOf(Denied.class);
        // work bound to nobody
        assertThatThrownBy(() -> as(new Actor("nobody", "无名", regions.root(), Set.of(), Channel.SYSTEM, false),
                () -> personalData.reveal(s, ID_COLUMN, sealed, "核对"))).isInstanceOf(Denied.class);
        // an allowed role without a reason
        Actor reporter = user("xz_clerk", "361102", Role.COUNTY_REPORTER);
        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> as(reporter, () -> personalData.reveal(s, ID_COLUMN, sealed, blank)))
                    .isInstanceOf(BadInput.class).hasMessageStartingWith("查看完整的身份证号须说明事由");
        }
        assertThatThrownBy(() -> as(reporter, () -> personalData.reveal(s, ID_COLUMN, sealed, "因".repeat(201))))
                .isInstanceOf(BadInput.class).hasMessage("事由不能超过 200 个字");
        assertThat(accessCount()).isZero();
        assertThat(as(reporter, () -> personalData.mayReveal(PersonalField.ID_NUMBER))).isTrue();
        assertThat(as(user("xz_viewer", "361102", Role.VIEWER), () -> personalData.mayReveal(PersonalField.ID_NUMBER))).isFalse();
    }

    @Test
    void aValueCopiedIntoAnotherRowStillOpensButNotIntoAnotherColumn() {
        long person = store("361102", "张三丰", ID, PHONE, "36500");
        // someone with database access copies the ID ciphertext into the phone column: it does not open as a phone
        jdbc.sql("update privacy_test_person set phone_enc = id_number_enc where id = ?").param(person).update();
        byte[] moved = jdbc.sql("select phone_enc from privacy_test_person").query(byte[].class).single();
        Actor reporter = user("xz_clerk", "361102", Role.COUNTY_REPORTER);
        assertThatThrownBy(() -> as(reporter, () -> personalData.reveal(subject(person, "361102"), PHONE_COLUMN, moved, "回访")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("privacy_test_person.phone_enc")
                .hasMessageNotContaining(ID);
    }

    @Test
    void anExportNeedsAReasonAndIsLoggedOnceWithItsRowCount() {
        store("361102", "张三丰", ID, PHONE, "36500");
        store("361102", "李四", IdNumberTest.number("361102", "19900101", 7), "0793-8212345", "12000.50");
        store("361103", "王五", IdNumberTest.number("361103", "19700101", 9), "13912345678", "0");
        record Row(long id, byte[] idNumber, byte[] income) {
        }
        List<Row> rows = jdbc.sql("""
                        select p.id, p.id_number_enc, p.income_enc from privacy_test_person p
                        join region_ancestor a on a.region_id = p.region_id and a.ancestor_id = :city order by p.id""")
                .param("city", r("361100").id()).query((rs, n) -> new Row(rs.getLong(1), rs.getBytes(2), rs.getBytes(3))).list();
        Actor city = user("sr_clerk", "361100", Role.CITY_ADMIN);
        Export export = new Export("privacy_test_person", r("361100"), Set.of(PersonalField.ID_NUMBER, PersonalField.INCOME),
                "向市审计局报送 2025 年公租房保障对象名单");
        List<String> lines = as(city, () -> personalData.export(export, rows,
                (row, open) -> open.open(ID_COLUMN, row.idNumber()) + "\t" + open.open(INCOME_COLUMN, row.income())));
        assertThat(lines).hasSize(3).first().isEqualTo(ID + "\t36500.00");
        assertThat(entries()).hasSize(1);
        Map<String, Object> entry = entries().getFirst();
        assertThat(entry).containsEntry("action", "EXPORT").containsEntry("row_count", 3).containsEntry("subject_id", null)
                .containsEntry("subject_region_id", r("361100").id()).containsEntry("reason", "向市审计局报送 2025 年公租房保障对象名单");
        assertThat(entry).containsEntry("field_list", "ID_NUMBER,INCOME");

        // no reason: refused before anything is opened
        for (String blank : new String[] {null, " "}) {
            assertThatThrownBy(() -> as(city, () -> personalData.export(new Export("privacy_test_person", r("361100"),
                    Set.of(PersonalField.ID_NUMBER), blank), rows, (row, open) -> open.open(ID_COLUMN, row.idNumber()))))
                    .isInstanceOf(BadInput.class).hasMessageStartingWith("导出个人信息须说明事由");
        }
        // a role that may not reveal the field, another city
        assertThatThrownBy(() -> as(user("sr_viewer2", "361100", Role.VIEWER), () -> personalData.export(export, rows,
                (row, open) -> open.open(ID_COLUMN, row.idNumber())))).isInstanceOf(Denied.class)
                .hasMessageContaining("无权导出完整的身份证号");
        assertThatThrownBy(() -> as(user("gz_clerk", "360700", Role.CITY_ADMIN), () -> personalData.export(export, rows,
                (row, open) -> open.open(ID_COLUMN, row.idNumber())))).isInstanceOf(Denied.class);
        // opening a field the export did not declare is a bug, and nothing is logged for it
        assertThatThrownBy(() -> as(city, () -> personalData.export(new Export("privacy_test_person", r("361100"),
                Set.of(PersonalField.INCOME), "报送"), rows, (row, open) -> open.open(ID_COLUMN, row.idNumber()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("导出未声明身份证号");
        assertThat(accessCount()).isEqualTo(1);
    }

    @Test
    void auditorsReadTheAccessesOfTheirSubtree() throws Exception {
        long xz = store("361102", "张三丰", ID, PHONE, "36500");
        long gz = store("360702", "赵六", IdNumberTest.number("360702", "19800101", 5), "13712345678", "1");
        as(user("xz_clerk", "361102", Role.COUNTY_REPORTER),
                () -> personalData.reveal(subject(xz, "361102"), ID_COLUMN, sealedId(xz), "核对申请材料"));
        as(user("zg_clerk", "360702", Role.COUNTY_REPORTER),
                () -> personalData.reveal(subject(gz, "360702"), ID_COLUMN, sealedId(gz), "核对申请材料"));

        List<AccessRecord> shangrao = as(user("sr_audit", "361100", Role.CITY_ADMIN),
                () -> personalData.accesses(null, null, null, null, null, null, null)).stream().filter(a -> a.id() > baseline).toList();
        assertThat(shangrao).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo("xz_clerk");
            assertThat(a.subjectRegion()).isEqualTo("361102");
            assertThat(a.subjectRegionName()).isEqualTo("信州区");
            assertThat(a.fields()).containsExactly(PersonalField.ID_NUMBER);
            assertThat(a.reason()).isEqualTo("核对申请材料");
            assertThat(a.rows()).isNull();
        });
        assertThat(as(user("jx_audit", "360000", Role.PROVINCE_ADMIN),
                () -> personalData.accesses(null, null, null, null, null, null, null))).filteredOn(a -> a.id() > baseline)
                .extracting(AccessRecord::subjectRegion).containsExactly("360702", "361102");
        assertThat(as(user("jx_audit", "360000", Role.PROVINCE_ADMIN),
                () -> personalData.accesses("361100", "2000-01-01", "2999-12-31", "xz_clerk", "privacy_test_person",
                        Long.toString(xz), 10))).hasSize(1);
        assertThat(as(user("jx_audit", "360000", Role.PROVINCE_ADMIN),
                () -> personalData.accesses(null, "2000-01-01", "2000-01-02", null, null, null, null))).isEmpty();
        assertThatThrownBy(() -> as(user("gz_audit", "360700", Role.CITY_ADMIN),
                () -> personalData.accesses("361100", null, null, null, null, null, null))).isInstanceOf(Denied.class);
        assertThatThrownBy(() -> as(user("xz_clerk", "361102", Role.COUNTY_REPORTER),
                () -> personalData.accesses(null, null, null, null, null, null, null))).isInstanceOf(Denied.class)
                .hasMessage("只有省级、市级管理员可以查看个人信息访问记录");
        assertThatThrownBy(() -> as(user("sr_audit", "361100", Role.CITY_ADMIN),
                () -> personalData.accesses(null, "2025-13-01", null, null, null, null, null))).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("起始日期（from）应为 yyyy-MM-dd");
        assertThatThrownBy(() -> as(user("sr_audit", "361100", Role.CITY_ADMIN),
                () -> personalData.accesses(null, null, null, null, null, null, 5000))).isInstanceOf(BadInput.class);

        // the API, as the signed-in users
        mvc.perform(get("/api/privacy/accesses").param("subjectId", Long.toString(xz)).with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].actor").value("xz_clerk"))
                .andExpect(jsonPath("$[0].subjectRegion").value("361102")).andExpect(jsonPath("$[0].fields[0]").value("ID_NUMBER"));
        mvc.perform(get("/api/privacy/accesses").param("region", "361100").with(TestUsers.as(TestUsers.OTHER_CITY_ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/privacy/accesses").with(TestUsers.as(TestUsers.COUNTY_REPORTER))).andExpect(status().isForbidden());
        mvc.perform(get("/api/privacy/accesses").with(TestUsers.as(TestUsers.CITY_VIEWER))).andExpect(status().isForbidden());
        String body = mvc.perform(get("/api/privacy/accesses").param("limit", "0").with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("条数（limit）应在 1–1000 之间");
    }

    @Test
    void aNewKeyVersionReSealsOldValuesWithoutChangingTheBlindIndex() {
        // values sealed before the rotation, when only key 1 existed
        DataCipher before = new DataCipher(DataKeys.of(DataKeys.parse("1:" + DataKeysTest.K1, "测试"), 1, "测试"));
        IdNumber id = IdNumber.parse(ID);
        jdbc.sql("""
                        insert into privacy_test_person (region_id, name_masked, id_number_enc, id_number_bidx, id_number_masked)
                        values (:region, '张**', :enc, :bidx, :masked)""")
                .param("region", r("361102").id()).param("enc", before.seal(ID_COLUMN, ID))
                .param("bidx", before.blindIndex(PersonalField.ID_NUMBER, ID)).param("masked", id.masked()).update();
        store("361102", "李四", IdNumberTest.number("361102", "19900101", 7), PHONE, "1");   // already version 2
        assertThat(jdbc.sql("select get_byte(id_number_enc, 0) from privacy_test_person order by id").query(Integer.class).list())
                .containsExactly(1, 2);

        assertThatThrownBy(() -> as(user("sr_clerk", "361100", Role.CITY_ADMIN), () -> personalData.reencrypt(ID_COLUMN)))
                .isInstanceOf(Denied.class);
        assertThat(personalData.reencrypt(ID_COLUMN)).isEqualTo(1);   // as the system (the command line)
        assertThat(jdbc.sql("select get_byte(id_number_enc, 0) from privacy_test_person order by id").query(Integer.class).list())
                .containsExactly(2, 2);
        assertThat(personalData.reencrypt(ID_COLUMN)).isZero();
        // the blind index computed before the rotation still finds it, and it reveals as before
        long found = jdbc.sql("select id from privacy_test_person where id_number_bidx = ?").param(personalData.blindIndex(id))
                .query(Long.class).single();
        assertThat(as(user("xz_clerk", "361102", Role.COUNTY_REPORTER),
                () -> personalData.reveal(subject(found, "361102"), ID_COLUMN, sealedId(found), "核对"))).isEqualTo(ID);
        assertThat(entries()).extracting(e -> e.get("action") + " " + e.get("row_count"))
                .containsExactly("REENCRYPT 1", "REENCRYPT 0", "REVEAL null");
    }

    @Test
    void sealingChecksTheColumnHoldsThatKindOfData() {
        assertThatThrownBy(() -> personalData.seal(ID_COLUMN, Phone.parse(PHONE))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("存放身份证号，不能存放联系电话");
        assertThat(new TreeMap<>(Map.of("k", personalData.seal(ID_COLUMN, IdNumber.parse(ID)))).toString())
                .doesNotContain(ID.substring(6, 14));
    }
}
