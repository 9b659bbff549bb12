package org.anju.dashboard;

import org.anju.SeedDataTest;
import org.anju.TestUsers;
import org.anju.progress.Progress;
import org.anju.progress.ProgressSummary;
import org.anju.progress.Rates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * GET /api/dashboard/map on the demo's Zhangye 2023 data: the rates are the dashboard's own (same figures as its
 * table, cell by cell), a unit without reports is 未报 and not 0, units without a polygon say so, bad parameters are
 * refused in Chinese naming the parameter, and the reader's subtree bounds it like the dashboard.
 */
@SeedDataTest
class MapApiTest {

    static final YearMonth DECEMBER = YearMonth.of(2023, 12);
    static final String DISBURSED = "HOUSING.FUND_DISBURSED.YUAN_10K";

    @Autowired
    MockMvc mvc;
    @Autowired
    Progress progress;
    @Autowired
    JsonMapper json;

    private JsonNode map(String user, String... params) throws Exception {
        var request = get("/api/dashboard/map").with(TestUsers.as(user));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    @Test
    void theCitysCountiesCarryTheDashboardsOwnRates() throws Exception {
        JsonNode view = map(TestUsers.ZHANGYE_ADMIN, "region", "620700", "period", "2023-12", "rate", DISBURSED);
        assertThat(view.get("geo").asString()).isEqualTo("620700");
        assertThat(view.get("rate").get("code").asString()).isEqualTo(DISBURSED);
        assertThat(view.get("periodText").asString()).isEqualTo("2023年12月");

        String page = mvc.perform(get("/dashboard").param("region", "620700").param("period", "2023-12")
                        .param("indicator", DISBURSED).with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the map's choices are the dashboard's rate columns, in the same order with the same labels
        List<String> labels = new ArrayList<>();
        view.get("rates").forEach(r -> labels.add(r.get("label").asString()));
        assertThat(headers(page)).isEqualTo(labels);
        int column = labels.indexOf(view.get("rate").get("label").asString());

        Map<String, JsonNode> units = new HashMap<>();
        view.get("units").forEach(u -> units.put(u.get("code").asString(), u));
        assertThat(units).containsKeys("620702", "620721", "620722", "620723", "620724", "620725", "620700-SB");
        for (JsonNode u : view.get("units")) {
            String code = u.get("code").asString();
            ProgressSummary s = progress.summary(progress.region(code), DECEMBER);
            // the same cell of the dashboard's table, and the same number as the roll-up
            assertThat(u.get("rateText").asString()).as(code).isEqualTo(cells(page, code).get(column));
            BigDecimal expected = s.unreported() ? null : s.rate(DISBURSED);
            if (expected == null) {
                assertThat(u.get("rate").isNull()).as(code).isTrue();
            } else {
                assertThat(u.get("rate").decimalValue()).as(code).isEqualByComparingTo(expected);
            }
            assertThat(u.get("reported").asInt()).isEqualTo(s.reported());
        }
        JsonNode ganzhou = units.get("620702");
        assertThat(ganzhou.get("hasPolygon").asBoolean()).isTrue();
        assertThat(ganzhou.get("adcode").asString()).isEqualTo("620702");
        assertThat(ganzhou.get("unreported").asBoolean()).isFalse();
        ProgressSummary g = progress.summary(progress.region("620702"), DECEMBER);
        assertThat(ganzhou.get("actual").decimalValue()).isEqualByComparingTo(g.actual(DISBURSED));
        assertThat(ganzhou.get("targetText").asString()).isEqualTo(Rates.figure(g.target(DISBURSED)));
        assertThat(ganzhou.get("rateText").asString()).isNotEqualTo(Rates.NONE).endsWith("%");
        // 市本级 has no boundary: listed beside the map, with its figures all the same
        JsonNode cityLevel = units.get("620700-SB");
        assertThat(cityLevel.get("hasPolygon").asBoolean()).isFalse();
        assertThat(cityLevel.get("adcode").isNull()).isTrue();
        assertThat(cityLevel.get("drillable").asBoolean()).isFalse();
    }

    @Test
    void aUnitWithoutReportsIs未报NotZero() throws Exception {
        // Gansu: only Zhangye has reports; every other prefecture is 未报, never 0 %
        JsonNode view = map(TestUsers.NATIONAL_VIEWER, "region", "620000", "period", "2023-12");
        assertThat(view.get("geo").asString()).isEqualTo("620000");
        assertThat(view.get("path").get(0).get("name").asString()).isEqualTo("全国");
        int unreported = 0;
        for (JsonNode u : view.get("units")) {
            String code = u.get("code").asString();
            ProgressSummary s = progress.summary(progress.region(code), DECEMBER);
            if (code.equals("620700")) {
                assertThat(u.get("unreported").asBoolean()).isFalse();
                assertThat(u.get("rate").isNull()).isFalse();
            } else if (s.unreported() && s.expected() > 0) {
                unreported++;
                assertThat(u.get("unreported").asBoolean()).as(code).isTrue();
                assertThat(u.get("rate").isNull()).as(code).isTrue();
                assertThat(u.get("rateText").asString()).as(code).isEqualTo("未报");
            }
            if (u.get("adcode").isString() && !code.endsWith("-SB")) {
                assertThat(u.get("hasPolygon").asBoolean()).as(code).isTrue();
            }
        }
        assertThat(unreported).isGreaterThanOrEqualTo(12);
        // a month nobody reported: the city's counties are all 未报
        JsonNode january = map(TestUsers.ZHANGYE_ADMIN, "region", "620700", "period", "2025-01");
        january.get("units").forEach(u -> {
            assertThat(u.get("rate").isNull()).isTrue();
            assertThat(u.get("rateText").asString()).isIn("未报", Rates.NONE);
        });
    }

    @Test
    void theNationsProvincesAreDrawnAndTheBingtuanIsListed() throws Exception {
        JsonNode view = map(TestUsers.NATIONAL_VIEWER, "period", "2023-12");
        assertThat(view.get("region").get("code").asString()).isEqualTo("000000");
        assertThat(view.get("geo").asString()).isEqualTo("100000");
        int drawn = 0;
        for (JsonNode u : view.get("units")) {
            if (u.get("code").asString().equals("660000")) {
                assertThat(u.get("hasPolygon").asBoolean()).isFalse();
            } else if (u.get("hasPolygon").asBoolean()) {
                drawn++;
                assertThat(u.get("drillable").asBoolean()).isTrue();
            }
        }
        assertThat(drawn).isEqualTo(31);
        // a 12-digit statistical code is read by its first six digits
        JsonNode city = map(TestUsers.ZHANGYE_ADMIN, "region", "620700000000", "period", "2023-12");
        assertThat(city.get("region").get("code").asString()).isEqualTo("620700");
        // a county has no map of its own: nothing below it to draw
        JsonNode county = map(TestUsers.ZHANGYE_ADMIN, "region", "620702", "period", "2023-12");
        assertThat(county.get("geo").isNull()).isTrue();
        assertThat(county.get("units").size()).isZero();
    }

    @Test
    void badParametersAreRefusedNamingTheParameterAndWhatIsAllowed() throws Exception {
        mvc.perform(get("/api/dashboard/map").param("region", "620700").param("period", "2023-12").param("rate", "开工率")
                        .with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("参数 rate"), containsString("开工率"),
                        containsString(DISBURSED), containsString("应为以下指标代码之一"))));
        mvc.perform(get("/api/dashboard/map").param("region", "999999").with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("参数 region"), containsString("999999"))));
        mvc.perform(get("/api/dashboard/map").param("region", "360702001000").with(TestUsers.as(TestUsers.PROVINCE_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("参数 region"), containsString("360702"))));
        mvc.perform(get("/api/dashboard/map").param("region", "620700").param("period", "2023-13")
                        .with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("参数 period"), containsString("2023-12"))));
    }

    @Test
    void aDrillDownIntoARegionWithoutTheParentsRateFallsBackAndSaysSo() throws Exception {
        JsonNode city = map(TestUsers.ZHANGYE_ADMIN, "region", "620700", "period", "2023-12");
        List<String> rated = new ArrayList<>();
        city.get("rates").forEach(r -> rated.add(r.get("code").asString()));
        String other = progress.indicators().all().stream().map(i -> i.code()).filter(c -> !rated.contains(c))
                .findFirst().orElseThrow();
        JsonNode view = map(TestUsers.ZHANGYE_ADMIN, "region", "620700", "period", "2023-12", "rate", other);
        assertThat(view.get("rate").get("code").asString()).isEqualTo(rated.getFirst());
        assertThat(view.get("note").asString()).startsWith("张掖市没有「").contains("改按「");
        assertThat(city.get("note").isNull()).isTrue();
    }

    @Test
    void aCitysDevelopmentZoneAndCityLevelAreListedNotDrawn() throws Exception {
        JsonNode view = map(TestUsers.CITY_ADMIN, "region", "361100");
        assertThat(view.get("geo").asString()).isEqualTo("361100");
        int zones = 0;
        for (JsonNode u : view.get("units")) {
            String kind = u.get("kind").asString();
            if (kind.equals("开发区") || kind.equals("市本级")) {
                zones++;
                assertThat(u.get("hasPolygon").asBoolean()).as(u.get("name").asString()).isFalse();
            } else if (kind.equals("县级")) {
                assertThat(u.get("hasPolygon").asBoolean()).as(u.get("name").asString()).isTrue();
            }
        }
        assertThat(zones).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theReadersSubtreeBoundsTheMap() throws Exception {
        mvc.perform(get("/api/dashboard/map").param("region", "620700").with(TestUsers.as(TestUsers.GANZHOU_DISTRICT_REPORTER)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/dashboard/map").param("region", "620000").with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isForbidden());
        // the city's breadcrumb starts at the city, never above it
        JsonNode view = map(TestUsers.ZHANGYE_ADMIN, "region", "620702", "period", "2023-12");
        List<String> path = new ArrayList<>();
        view.get("path").forEach(p -> path.add(p.get("name").asString()));
        assertThat(path).containsExactly("张掖市");
    }

    @Test
    void theApiDocumentationDescribesTheMapInChinese() throws Exception {
        mvc.perform(get("/v3/api-docs").with(TestUsers.as(TestUsers.ZHANGYE_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/dashboard/map'].get.summary").value(containsString("地图数据")))
                .andExpect(jsonPath("$.paths['/api/dashboard/map'].get.tags[0]").value("总览地图"));
    }

    /** The rate column headers of the dashboard's children table. */
    private static List<String> headers(String page) {
        String table = page.substring(page.indexOf("id=\"children\""));
        String head = table.substring(table.indexOf("<thead>"), table.indexOf("</thead>"));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<th>([^<]*)</th>").matcher(head);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out.subList(1, out.size());
    }

    /** The rate cells of one child's row in the dashboard's table. */
    private static List<String> cells(String page, String code) {
        String row = page.substring(page.indexOf("id=\"child-" + code + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(row);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
