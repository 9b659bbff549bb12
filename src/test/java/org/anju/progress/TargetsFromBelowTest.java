package org.anju.progress;

import org.anju.SeedDataTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No plan above 甘肃省 or the country is loaded: their targets are the sums of the plans issued below
 * them (张掖市's own plan; 江西省's plan, which already covers its cities), so the national viewer sees rates.
 */
@SeedDataTest
class TargetsFromBelowTest {

    static final String RENTAL_START = "AFFORDABLE_RENTAL.START.UNIT";

    @Autowired
    WebApplicationContext context;
    @Autowired
    JsonMapper mapper;

    MockMvc national;

    @BeforeEach
    void signIn() {
        national = TestUsers.mvc(context, TestUsers.NATIONAL_VIEWER);
    }

    @Test
    void aProvinceWithoutItsOwnPlanTakesItsCitysTarget() throws Exception {
        JsonNode gansu = line("620000", RENTAL_START);
        // seed 004: 建设保障性租赁住房 778 套 … 已全部开工建设，开工率 100%
        assertThat(gansu.get("target").decimalValue()).isEqualByComparingTo("778");
        assertThat(gansu.get("actual").decimalValue()).isEqualByComparingTo("778");
        assertThat(gansu.get("rate").decimalValue()).isEqualByComparingTo("100.0");
    }

    /** November: nobody reported, so the country's line is 未报 against its whole target. */
    @Test
    void theCountryAddsUpTheHighestIssuersBelowIt() throws Exception {
        BigDecimal jiangxi = line("360000", RENTAL_START, "2023-11").get("target").decimalValue();
        BigDecimal zhangye = line("620700", RENTAL_START, "2023-11").get("target").decimalValue();
        assertThat(jiangxi).isPositive();
        // 上饶市 and 赣州市 issue plans too, but inside 江西省's: counted once, through the province
        JsonNode country = line("000000", RENTAL_START, "2023-11");
        assertThat(country.get("target").decimalValue()).isEqualByComparingTo(jiangxi.add(zhangye));
        assertThat(country.get("unreported").asBoolean()).isTrue();
        // December: only Zhangye's units reported, so the country is rated against their targets alone — the
        // Jiangxi tasks nobody reported on do not count as 0 started
        assertThat(line("000000", RENTAL_START).get("target").decimalValue()).isEqualByComparingTo(zhangye);
        assertThat(line("000000", RENTAL_START).get("rate").decimalValue()).isEqualByComparingTo("100.0");
    }

    /** Nationally, 甘肃省 (only 张掖市's units reported) is a part: listed apart, not ranked on a part's rate. */
    @Test
    void aProvinceRankedNationallyIsListedApartWhilePartlyReported() throws Exception {
        JsonNode ranking = json(national.perform(get("/api/supervision/000000/2023-12/ranking")
                .param("indicator", RENTAL_START)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        for (JsonNode u : ranking.get("units")) {
            assertThat(u.get("regionName").asString()).isNotEqualTo("甘肃省");
        }
        JsonNode gansu = null;
        for (JsonNode u : ranking.get("unreported")) {
            if (u.get("regionName").asString().equals("甘肃省")) {
                gansu = u;
            }
        }
        assertThat(gansu).as("甘肃省 apart in the national ranking: %s", ranking).isNotNull();
        assertThat(gansu.get("reported").asInt()).isEqualTo(7);
        assertThat(gansu.get("expected").asInt()).isGreaterThan(7);
    }

    private JsonNode line(String region, String indicator) throws Exception {
        return line(region, indicator, "2023-12");
    }

    private JsonNode line(String region, String indicator, String period) throws Exception {
        JsonNode summary = json(national.perform(get("/api/progress/" + region + "/" + period))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        for (JsonNode l : summary.get("lines")) {
            if (l.get("indicatorCode").asString().equals(indicator)) {
                return l;
            }
        }
        throw new AssertionError(region + " 无指标 " + indicator + "：" + summary);
    }

    private JsonNode json(String body) {
        return mapper.readTree(body);
    }
}
