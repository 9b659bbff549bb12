package org.anju.calendar;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static org.anju.calendar.Counting.START_NEXT_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The notices as the migration loads them, local changes stored and who may make them, the API and the page. */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=calendar")
class CalendarStorageTest {

    static final LocalDate TUESDAY_AFTER_NATIONAL_DAY = LocalDate.of(2024, 10, 8);

    @Autowired
    WorkingDays workingDays;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    Region r(String code) {
        return regions.byCode(code).orElseThrow();
    }

    Actor user(String region, Role role) {
        return new Actor("u_" + region, "测试用户", r(region), EnumSet.of(role), Channel.UI, false);
    }

    <T> T as(Actor a, Supplier<T> work) {
        return Access.runAs(a, work);
    }

    @AfterEach
    void removeLocalDays() {
        jdbc.sql("delete from calendar_local_day").update();
    }

    @Test
    void theMigrationLoadsEveryNoticeAsItsFilesSay() {
        List<NoticeSource.Loaded> files = NoticeSource.read();
        assertThat(workingDays.notices()).extracting(HolidayNotice::year).containsExactly(2024, 2025, 2026);
        assertThat(workingDays.notices()).containsExactlyElementsOf(files.stream().map(NoticeSource.Loaded::notice).toList());
        assertThat(jdbc.sql("select count(*) from calendar_day").query(Integer.class).single())
                .isEqualTo(files.stream().mapToInt(l -> l.days().size()).sum());
        assertThat(workingDays.year(2024, null).days()).containsExactlyElementsOf(files.getFirst().days());
        assertThat(jdbc.sql("select text from calendar_notice where year = 2025").query(String.class).single())
                .contains("二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。");
        // the same answer as the files in memory
        Region nation = regions.root();
        assertThat(workingDays.addWorkingDays(LocalDate.of(2024, 9, 26), 5, nation, START_NEXT_DAY))
                .isEqualTo(LocalDate.of(2024, 10, 9));
        assertThatThrownBy(() -> workingDays.year(2027, null)).isInstanceOf(NotFound.class).hasMessageContaining("2027");
    }

    @Test
    void aCitysLocalDayChangesThatCityAndWhatLiesBelowItOnly() {
        LocalAdjustment a = workingDays.addLocalAdjustment(r("361100"), TUESDAY_AFTER_NATIONAL_DAY, DayKind.OFF,
                "测试：上饶市地方假日（文号略）");
        assertThat(a.regionName()).isEqualTo("上饶市");
        assertThat(a.createdBy()).isEqualTo("system");
        assertThat(workingDays.isWorkingDay(TUESDAY_AFTER_NATIONAL_DAY, r("361100"))).isFalse();   // 上饶市
        assertThat(workingDays.isWorkingDay(TUESDAY_AFTER_NATIONAL_DAY, r("361102"))).isFalse();   // 信州区, below it
        assertThat(workingDays.isWorkingDay(TUESDAY_AFTER_NATIONAL_DAY, r("360700"))).isTrue();    // 赣州市
        assertThat(workingDays.isWorkingDay(TUESDAY_AFTER_NATIONAL_DAY, r("360000"))).isTrue();    // 江西省
        assertThat(workingDays.isWorkingDay(TUESDAY_AFTER_NATIONAL_DAY, regions.root())).isTrue(); // 全国
        LocalDate received = LocalDate.of(2024, 9, 26);
        assertThat(workingDays.addWorkingDays(received, 5, r("361102"), START_NEXT_DAY)).isEqualTo(LocalDate.of(2024, 10, 10));
        assertThat(workingDays.addWorkingDays(received, 5, r("360702"), START_NEXT_DAY)).isEqualTo(LocalDate.of(2024, 10, 9));
        assertThat(workingDays.status(TUESDAY_AFTER_NATIONAL_DAY, r("361102")).why())
                .isEqualTo("上饶市地方调整（休息）：测试：上饶市地方假日（文号略）");

        // a county's own change comes before its city's
        workingDays.addLocalAdjustment(r("361102"), TUESDAY_AFTER_NATIONAL_DAY, DayKind.WORK, "测试：信州区照常上班");
        assertThat(workingDays.isWorkingDay(TUESDAY_AFTER_NATIONAL_DAY, r("361102"))).isTrue();
        assertThat(workingDays.isWorkingDay(TUESDAY_AFTER_NATIONAL_DAY, r("361103"))).isFalse();   // 广丰区, still the city's
        assertThat(workingDays.year(2024, r("361102")).localAdjustments()).extracting(LocalAdjustment::regionName)
                .containsExactly("信州区");
        assertThat(workingDays.year(2024, null).localAdjustments()).hasSize(2);

        // recorded in the audit trail
        assertThat(jdbc.sql("select count(*) from audit_log where table_name = 'calendar_local_day' and op = 'INSERT'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2);

        workingDays.removeLocalAdjustment(r("361100"), TUESDAY_AFTER_NATIONAL_DAY);
        assertThat(workingDays.isWorkingDay(TUESDAY_AFTER_NATIONAL_DAY, r("361103"))).isTrue();
        assertThatThrownBy(() -> workingDays.removeLocalAdjustment(r("361100"), TUESDAY_AFTER_NATIONAL_DAY))
                .isInstanceOf(NotFound.class).hasMessageContaining("上饶市没有2024-10-08的地方调整");
    }

    @Test
    void onlyAProvinceAdministratorChangesDaysAndOnlyInTheProvince() {
        assertThatThrownBy(() -> as(user("361100", Role.CITY_ADMIN), () -> workingDays.addLocalAdjustment(r("361100"),
                TUESDAY_AFTER_NATIONAL_DAY, DayKind.OFF, "测试")))
                .isInstanceOf(Denied.class).hasMessageContaining("无权调整上饶市的工作日").hasMessageContaining("省级管理员");
        assertThatThrownBy(() -> as(user("220000", Role.PROVINCE_ADMIN), () -> workingDays.addLocalAdjustment(r("361100"),
                TUESDAY_AFTER_NATIONAL_DAY, DayKind.OFF, "测试"))).isInstanceOf(Denied.class);
        LocalAdjustment a = as(user("360000", Role.PROVINCE_ADMIN), () -> workingDays.addLocalAdjustment(r("361100"),
                TUESDAY_AFTER_NATIONAL_DAY, DayKind.OFF, "测试"));
        assertThat(a.createdBy()).isEqualTo("u_360000");
        assertThatThrownBy(() -> as(user("361100", Role.CITY_ADMIN), () -> {
            workingDays.removeLocalAdjustment(r("361100"), TUESDAY_AFTER_NATIONAL_DAY);
            return null;
        })).isInstanceOf(Denied.class);
        // reading needs no right beyond signing in (the page and API say AUTHENTICATED)
        assertThat(as(user("361102", Role.COUNTY_REPORTER), () -> workingDays.isWorkingDay(TUESDAY_AFTER_NATIONAL_DAY,
                r("361102")))).isFalse();
    }

    @Test
    void aLocalChangeMustChangeSomethingOfAKnownYear() {
        assertThatThrownBy(() -> workingDays.addLocalAdjustment(regions.root(), TUESDAY_AFTER_NATIONAL_DAY, DayKind.OFF, "测试"))
                .isInstanceOf(BadInput.class).hasMessageContaining("以国务院办公厅的通知为准");
        assertThatThrownBy(() -> workingDays.addLocalAdjustment(r("361100"), LocalDate.of(2024, 10, 1), DayKind.OFF, "测试"))
                .isInstanceOf(BadInput.class).hasMessageContaining("本来就是休息日").hasMessageContaining("国庆节放假");
        assertThatThrownBy(() -> workingDays.addLocalAdjustment(r("361100"), LocalDate.of(2027, 3, 1), DayKind.OFF, "测试"))
                .isInstanceOf(Conflict.class).hasMessageContaining("没有2027年的放假安排");
        assertThatThrownBy(() -> workingDays.addLocalAdjustment(r("361100"), TUESDAY_AFTER_NATIONAL_DAY, DayKind.OFF, " "))
                .isInstanceOf(BadInput.class).hasMessageContaining("依据");
        workingDays.addLocalAdjustment(r("361100"), TUESDAY_AFTER_NATIONAL_DAY, DayKind.OFF, "测试");
        // the same adjustment again (a double-click, a retry): a Conflict naming the one there, as the API documents (409)
        assertThatThrownBy(() -> workingDays.addLocalAdjustment(r("361100"), TUESDAY_AFTER_NATIONAL_DAY, DayKind.OFF, "再次"))
                .isInstanceOf(Conflict.class).hasMessageStartingWith("上饶市已有2024-10-08的地方调整（休息：测试，")
                .hasMessageEndingWith("设置）：无需重复设置");
        // a region below, for which the day is off by its city's adjustment: nothing of its own there, bad input as before
        assertThatThrownBy(() -> workingDays.addLocalAdjustment(r("361102"), TUESDAY_AFTER_NATIONAL_DAY, DayKind.OFF, "再次"))
                .isInstanceOf(BadInput.class).hasMessageContaining("本来就是休息日");
        assertThatThrownBy(() -> workingDays.addLocalAdjustment(r("361100"), TUESDAY_AFTER_NATIONAL_DAY, DayKind.WORK, "改回"))
                .isInstanceOf(Conflict.class).hasMessageContaining("请先删除原调整");
    }

    @Test
    void theApi() throws Exception {
        mvc.perform(get("/api/calendar/working-days").param("from", "2024-09-26").param("days", "5")
                        .param("region", "361100").param("counting", "START_NEXT_DAY").with(TestUsers.as(TestUsers.COUNTY_REPORTER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2024-10-09"))
                .andExpect(jsonPath("$.firstCountedDay").value("2024-09-27"))
                .andExpect(jsonPath("$.dueWeekday").value("星期三"));
        // whether the start day counts is never assumed
        mvc.perform(get("/api/calendar/working-days").param("from", "2024-09-26").param("days", "5")
                        .param("region", "361100").with(TestUsers.as(TestUsers.COUNTY_REPORTER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("counting")));
        mvc.perform(get("/api/calendar/working-days").param("from", "2027-01-04").param("days", "5")
                        .param("region", "000000").param("counting", "START_SAME_DAY").with(TestUsers.as(TestUsers.COUNTY_REPORTER)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("国务院办公厅关于2027年部分节假日安排的通知")));
        mvc.perform(get("/api/calendar/day").param("date", "2024-09-29").param("region", "361102")
                        .with(TestUsers.as(TestUsers.COUNTY_REPORTER)))
                .andExpect(jsonPath("$.working").value(true))
                .andExpect(jsonPath("$.why").value("国庆节调休上班"));
        mvc.perform(get("/api/calendar/2025").with(TestUsers.as(TestUsers.CITY_VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notice.officialUrl").value("https://www.gov.cn/zhengce/content/202411/content_6986382.htm"))
                .andExpect(jsonPath("$.days[1].date").value("2025-01-26"))
                .andExpect(jsonPath("$.days[1].kind").value("WORK"));
        mvc.perform(get("/api/calendar").with(TestUsers.as(TestUsers.CITY_VIEWER)))
                .andExpect(jsonPath("$.length()").value(3));

        String body = "{\"regionCode\": \"361100\", \"date\": \"2024-10-08\", \"kind\": \"OFF\", \"reason\": \"测试：地方假日\"}";
        mvc.perform(post("/api/calendar/adjustments").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(TestUsers.as(TestUsers.CITY_ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/calendar/adjustments").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(TestUsers.as(TestUsers.PROVINCE_ADMIN)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.regionName").value("上饶市"))
                .andExpect(jsonPath("$.createdBy").value("jx_admin"));
        // the same request again (a retry, a double-click): 409 CONFLICT as documented, naming the adjustment there
        mvc.perform(post("/api/calendar/adjustments").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(TestUsers.as(TestUsers.PROVINCE_ADMIN)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONFLICT"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                        containsString("上饶市已有2024-10-08的地方调整（休息：测试：地方假日，jx_admin 于 "),
                        containsString("无需重复设置"))));
        mvc.perform(get("/calendar").param("year", "2024").param("region", "361102").with(TestUsers.as(TestUsers.COUNTY_REPORTER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("国务院办公厅关于2024年部分节假日安排的通知")))
                .andExpect(content().string(containsString("测试：地方假日")))
                .andExpect(content().string(containsString("国办发明电〔2023〕7号")));
        mvc.perform(delete("/api/calendar/adjustments").param("region", "361100").param("date", "2024-10-08")
                        .with(TestUsers.as(TestUsers.PROVINCE_ADMIN)))
                .andExpect(status().isNoContent());
        String page = mvc.perform(get("/calendar").param("year", "2025").with(TestUsers.as(TestUsers.COUNTY_REPORTER)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2025-01-28", "春节", "没有地方调整");
    }
}
