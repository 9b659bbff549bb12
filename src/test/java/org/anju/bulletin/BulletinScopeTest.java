package org.anju.bulletin;

import org.anju.SeedDataTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The national bulletin leak (issue 10): a bulletin names every unit of its region and their stalled projects, so it
 * is composed with the reader's own rights — a province's or city's account cannot read the nation's bulletin or
 * another province's, in any format (JSON, DOCX, XLSX, page), and learns nothing from the refusal.
 */
@SeedDataTest
class BulletinScopeTest {

    static final List<String> FORMATS = List.of("/api/bulletins/%s/2023-12", "/api/bulletins/%s/2023-12/docx",
            "/api/bulletins/%s/2023-12/xlsx", "/bulletins?region=%s&period=2023-12");

    @Autowired
    WebApplicationContext context;

    String body(MockMvc mvc, String url, int status) throws Exception {
        var response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(status);
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void onlyTheRegionAndTheLevelsAboveItReadItsBulletin() throws Exception {
        MockMvc jiangxi = TestUsers.mvc(context, TestUsers.PROVINCE_ADMIN);
        MockMvc zhangye = TestUsers.mvc(context, TestUsers.ZHANGYE_ADMIN);
        MockMvc county = TestUsers.mvc(context, TestUsers.GANZHOU_DISTRICT_REPORTER);
        MockMvc nation = TestUsers.mvc(context, TestUsers.NATIONAL_VIEWER);
        for (String format : FORMATS) {
            for (MockMvc reader : List.of(jiangxi, zhangye, county)) {
                String refused = body(reader, format.formatted("000000"), 403);
                assertThat(refused).contains("无权查看全国的").doesNotContain("临泽");
            }
            assertThat(body(jiangxi, format.formatted("620000"), 403)).doesNotContain("张掖", "临泽");
            assertThat(body(county, format.formatted("620700"), 403)).doesNotContain("临泽");
            body(nation, format.formatted("000000"), 200);
            body(zhangye, format.formatted("620700"), 200);
        }
        assertThat(body(zhangye, "/api/bulletins/620700/2023-12", 200)).contains("临泽县");
        assertThat(body(county, "/api/bulletins/620702/2023-12", 200)).doesNotContain("临泽县");
    }
}
