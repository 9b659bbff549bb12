package org.anju.rental.lease;

import org.anju.AnjuTest;
import org.anju.AtOnce;
import org.anju.TestUsers;
import org.anju.privacy.SyntheticIds;
import org.anju.region.Regions;
import org.anju.rental.application.CityRules;
import org.anju.rental.application.RuleFile;
import org.anju.rental.application.TestRuleFiles;
import org.anju.rental.household.Guarantee;
import org.anju.rental.household.HouseholdForm;
import org.anju.rental.household.Households;
import org.anju.rental.stock.Estate;
import org.anju.rental.stock.Programme;
import org.anju.rental.stock.RentUnit;
import org.anju.rental.stock.Stock;
import org.anju.rental.stock.StockStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A lease request sent again (a retry after a timeout) or twice at once (a double-click): the month's bills have their
 * own key — one per lease, month and kind — so a repeat creates nothing; a violation is keyed by the request's
 * Idempotency-Key, and a retry is answered with the violation the first recorded, not refused as 已在退出中.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=rental_lease_repeats")
class LeaseRepeatsTest {

    static final AtomicInteger SERIAL = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Households households;
    @Autowired
    Stock stock;
    @Autowired
    CityRules rules;
    @Autowired
    Regions regions;

    final RequestPostProcessor office = TestUsers.as("zg_housing");   // 章贡区住房保障审核员
    long lease;
    int version;

    /** A lease of 章贡区 signed from 2026-01-01 (as the system: a qualified household, an allocated dwelling). */
    @BeforeEach
    void aSignedLease() throws Exception {
        TestRuleFiles.upload(rules, regions, "360700", RuleFile.Kind.LEASE, "rental/lease-samples/360700-公租房.tsv");
        int n = SERIAL.getAndIncrement();
        long h = households.register(new HouseholdForm("360702001000", null, null, List.of(new HouseholdForm.MemberForm(
                "郑重复", SyntheticIds.number("360702", "19780808", n), "本人", "10000", true, true, null)),
                List.of(), BigDecimal.ZERO, 5, null, null, false, null, null));
        households.qualify(h, Guarantee.PUBLIC_RENTAL, LocalDate.of(2025, 6, 1));
        long estate = stock.saveEstate(Estate.of("360702", "重复提交测试小区" + n, null, Programme.PUBLIC_RENTAL, null, null)).id();
        long dwelling = stock.add(new Stock.NewDwelling(estate, "1号楼", "1", "101", null, 1, new BigDecimal("50"), null,
                null, new BigDecimal("12"), RentUnit.PER_M2_MONTH, StockStatus.ALLOCATED)).id();
        String signed = mvc.perform(json("/api/rental/leases", null, "{\"householdId\": " + h + ", \"dwellingId\": " + dwelling
                        + ", \"signedOn\": \"2025-12-20\", \"startsOn\": \"2026-01-01\", \"endsOn\": \"2030-12-31\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        lease = Long.parseLong(signed.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
        version = Integer.parseInt(signed.replaceAll(".*\"version\":(\\d+).*", "$1"));
    }

    MockHttpServletRequestBuilder json(String path, String key, String body) {
        MockHttpServletRequestBuilder r = post(path).contentType(MediaType.APPLICATION_JSON).content(body).with(office);
        return key == null ? r : r.header("Idempotency-Key", key);
    }

    long count(String table, String where) {
        return jdbc.sql("select count(*) from " + table + " where lease_id = :id" + where).param("id", lease)
                .query(Long.class).single();
    }

    /** Not keyed, and need not be: a month generated again, or twice at once, finds its bills already there. */
    @Test
    void billsGeneratedAgainOrTwiceAtOnceAreOnePerLeaseAndMonth() throws Exception {
        List<Integer> page = AtOnce.twice(() -> mvc.perform(post("/rental/leases/bills").param("region", "360702")
                .param("period", "2026-02").with(office)).andReturn().getResponse().getStatus());
        assertThat(page).containsExactly(302, 302);
        List<Integer> api = AtOnce.twice(() -> mvc.perform(json("/api/rental/leases/bills", null,
                "{\"region\": \"360702\", \"period\": \"2026-03\"}")).andReturn().getResponse().getStatus());
        assertThat(api).containsExactly(200, 200);
        mvc.perform(json("/api/rental/leases/bills", null, "{\"region\": \"360702\", \"period\": \"2026-03\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0));
        assertThat(count("rental_rent_bill", " and period = '2026-02-01'")).isEqualTo(1);
        assertThat(count("rental_rent_bill", " and period = '2026-03-01'")).isEqualTo(1);
        // the key is the database's, not only the code's check: a second bill of the lease's month cannot be stored
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into rental_rent_bill (lease_id, period, kind, amount, basis, due_on, created_by)
                        values (:id, '2026-02-01', 'RENT', 60, '重复', '2026-02-10', 'test')""").param("id", lease).update())
                .isInstanceOf(DuplicateKeyException.class);
    }

    /**
     * 入住 sent with a version the lease never had: said as missing, naming nobody — it said 已被…于 …修改, naming the
     * change that made the version there, from before the client's read (guesses audit L3).
     */
    @Test
    void aVersionAheadOfTheLeaseIsSaidToBeMissingNamingNobody() throws Exception {
        // dated today: the dwelling was entered today, and a step may not go back before its entry (M2)
        String leaseNo = jdbc.sql("select lease_no from rental_lease where id = :id").param("id", lease).query(String.class).single();
        mvc.perform(json("/api/rental/leases/" + lease + "/move-in", null, "{\"version\": " + (version + 1) + ", \"on\": \"" + java.time.LocalDate.now(org.anju.platform.ChinaTime.ZONE) + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("合同 " + leaseNo + " 没有第 " + (version + 1) + " 版（现为第 " + version
                        + " 版），请刷新后重试"));
        assertThat(jdbc.sql("select status from rental_lease where id = :id").param("id", lease).query(String.class).single())
                .isEqualTo("SIGNED");
    }

    String sublet(String foundOn) {
        return "{\"version\": " + version + ", \"kind\": \"SUBLET\", \"actOn\": \"2026-03-11\", \"foundOn\": \"" + foundOn + "\", "
                + "\"evidence\": \"入户核查：实际居住人为他人，出示转租协议（照片 3 张）\", \"illegalIncome\": 8000}";
    }

    @Test
    void aViolationRetriedWithItsKeyIsAnsweredWithTheFirst() throws Exception {
        String path = "/api/rental/leases/" + lease + "/violations";
        String first = mvc.perform(json(path, "violation-2026-05-20-1", sublet("2026-05-20"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // before: 409 合同 … 当前为退出中（违规收回），不能再办理退出 — the client could not tell its retry had been done
        mvc.perform(json(path, "violation-2026-05-20-1", sublet("2026-05-20"))).andExpect(status().isOk())
                .andExpect(content().string(first));
        // the key with another request: refused, not taken for the first
        mvc.perform(json(path, "violation-2026-05-20-1", sublet("2026-05-21"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(startsWith("请求头 Idempotency-Key“violation-2026-05-20-1”已于 ")));
        // only the illegal income changed (personal, yet part of the keyed digest): not taken for the first either
        mvc.perform(json(path, "violation-2026-05-20-1", sublet("2026-05-20").replace("8000", "9000")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(startsWith("请求头 Idempotency-Key“violation-2026-05-20-1”已于 ")));
        assertThat(count("rental_violation", "")).isEqualTo(1);
        assertThat(count("rental_rent_bill", " and kind = 'BACK_CHARGE'")).isEqualTo(1);
    }

    @Test
    void aViolationSentTwiceAtOnceIsRecordedOnceAndBothAreAnsweredWithIt() throws Exception {
        String path = "/api/rental/leases/" + lease + "/violations";
        List<String> answers = AtOnce.twice(() -> mvc.perform(json(path, "violation-at-once", sublet("2026-05-20")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(answers.get(0)).startsWith("{\"id\":").isEqualTo(answers.get(1));
        assertThat(count("rental_violation", "")).isEqualTo(1);
    }
}
