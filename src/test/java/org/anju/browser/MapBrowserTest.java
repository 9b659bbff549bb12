package org.anju.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.anju.account.DemoUsers;
import org.anju.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's map as a province's administrator sees it (甘肃省, the demo's Zhangye 2023 data): the cities drawn
 * and coloured, the other cities 未报, another rate recolours, a click on 张掖市 drills down to its counties with the
 * breadcrumb showing the city, 张掖市本级 listed beside the map; the national viewer's map of the provinces. Screenshots
 * under target/screenshots/issue14/.
 */
class MapBrowserTest extends BrowserTest {

    static final Path ISSUE = SCREENSHOTS.resolve("issue14");
    static final String GANSU_ADMIN = "gs_map_admin";
    /** 张掖市's centre (lng, lat), where a click lands inside its polygon. */
    static final List<Double> ZHANGYE = List.of(100.2, 38.9);

    @Autowired
    DemoUsers demoUsers;

    @BeforeEach
    void gansuAdministrator() {
        demoUsers.ensure(GANSU_ADMIN, "甘肃省住建厅管理员（测试）", "620000", EnumSet.of(Role.PROVINCE_ADMIN), DEMO_PASSWORD);
    }

    private void waitForMap(String region) {
        page.waitForSelector("#map-panel[data-state=ready][data-map-region='" + region + "']");
    }

    /** The map series' data items that are units of the region (not neighbouring features without a unit). */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> drawnUnits() {
        return (List<Map<String, Object>>) page.evaluate("() => echarts.getInstanceByDom(document.getElementById('map-canvas'))"
                + ".getOption().series[0].data.filter(d => d.unit).map(d => ({adcode: d.name, code: d.unit.code,"
                + " rateText: d.unit.rateText, colour: d.itemStyle.areaColor, hatched: !!d.itemStyle.decal}))");
    }

    private Object areaColour(String adcode) {
        return drawnUnits().stream().filter(u -> u.get("adcode").equals(adcode)).findFirst().orElseThrow().get("colour");
    }

    private void shotIssue(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(ISSUE.resolve(name + ".png")).setFullPage(true));
        // the map panel alone, readable at full size
        page.locator("#map-panel").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(ISSUE.resolve(name + "-panel.png")));
    }

    @Test
    void aProvinceSeesItsCitiesRecoloursAndDrillsIntoACity() {
        login(GANSU_ADMIN, DEMO_PASSWORD);
        page.waitForURL(HOME);
        // December 2023, the demo's month (other browser tests of the run may have reported later months)
        page.navigate("/dashboard?period=2023-12");
        waitForMap("620000");
        assertThat(page.locator("#map-canvas canvas")).hasCount(1);
        assertThat(page.locator("#map-crumbs strong")).hasText("甘肃省");
        assertThat(page.locator("#map-caption")).containsText("底图来源");
        assertThat(page.locator("#map-legend")).containsText("未报");

        // the 14 prefectures of Gansu are drawn; only Zhangye reported, the others are 未报 and hatched, never 0 %
        List<Map<String, Object>> units = drawnUnits();
        assertThat(units).hasSize(14);
        for (Map<String, Object> u : units) {
            if (u.get("code").equals("620700")) {
                assertThat((String) u.get("rateText")).endsWith("%");
                assertThat(u.get("hatched")).isEqualTo(false);
            } else {
                assertThat(u.get("rateText")).as(u.get("code").toString()).isEqualTo("未报");
                assertThat(u.get("hatched")).isEqualTo(true);
            }
        }
        page.locator("#map-panel").scrollIntoViewIfNeeded();
        shotIssue("map-province");

        // every rate of the select recolours Zhangye by its own figure: at least two different colours over the rates
        List<String> rates = page.locator("#map-rate option").all().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(rates.size()).isGreaterThan(1);
        Set<Object> colours = new HashSet<>();
        String shown = page.locator("#map-rate").inputValue();
        for (String rate : rates) {
            if (rate.equals(shown)) {
                colours.add(areaColour("620700"));
                continue;
            }
            page.selectOption("#map-rate", rate);
            page.waitForSelector("#map-panel[data-state=ready]");
            assertThat(page.locator("#map-rate")).hasValue(rate);
            colours.add(areaColour("620700"));
            shown = rate;
        }
        assertThat(colours).as("张掖市 across the rates").hasSizeGreaterThan(1);

        // the tooltip gives the unit's figures; a click on Zhangye drills down to its counties; 市本级 has no polygon and
        // is listed beside the map
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) page.evaluate("c => echarts.getInstanceByDom(document.getElementById('map-canvas'))"
                + ".convertToPixel({seriesIndex: 0}, c)", ZHANGYE);
        BoundingBox box = page.locator("#map-canvas").boundingBox();
        page.mouse().move(box.x + xy.get(0).doubleValue(), box.y + xy.get(1).doubleValue());
        var tip = page.locator("#map-canvas div", new Page.LocatorOptions().setHasText("报送："));
        assertThat(tip.first()).containsText("张掖市");
        assertThat(tip.first()).containsText("完成");
        assertThat(tip.first()).containsText("点击查看下级");
        page.mouse().click(box.x + xy.get(0).doubleValue(), box.y + xy.get(1).doubleValue());
        waitForMap("620700");
        assertThat(page.locator("#map-crumbs strong")).hasText("张掖市");
        assertThat(page.locator("#map-crumbs a")).hasText("甘肃省");
        List<Map<String, Object>> counties = drawnUnits();
        assertThat(counties).extracting(u -> u.get("code"))
                .containsExactlyInAnyOrder("620702", "620721", "620722", "620723", "620724", "620725");
        assertThat(page.locator("#map-unplaced tr[data-region='620700-SB']")).containsText("张掖市本级");
        page.locator("#map-panel").scrollIntoViewIfNeeded();
        shotIssue("map-city-drilled");

        // the breadcrumb leads back up
        page.locator("#map-crumbs a", new Page.LocatorOptions().setHasText("甘肃省")).click();
        waitForMap("620000");
        assertThat(drawnUnits()).hasSize(14);
    }

    @Test
    void jiangxiDrillsIntoGanzhouWhoseDevelopmentZoneAndCityLevelAreListedBeside() {
        login("jx_admin");
        page.navigate("/dashboard?period=2023-12");
        waitForMap("360000");
        assertThat(drawnUnits()).hasSize(11);
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) page.evaluate("c => echarts.getInstanceByDom(document.getElementById('map-canvas'))"
                + ".convertToPixel({seriesIndex: 0}, c)", List.of(115.2, 25.9));
        BoundingBox box = page.locator("#map-canvas").boundingBox();
        page.locator("#map-canvas").scrollIntoViewIfNeeded();
        box = page.locator("#map-canvas").boundingBox();
        page.mouse().move(box.x + xy.get(0).doubleValue(), box.y + xy.get(1).doubleValue());
        assertThat(page.locator("#map-canvas div", new Page.LocatorOptions().setHasText("报送：")).first()).containsText("赣州市");
        page.mouse().click(box.x + xy.get(0).doubleValue(), box.y + xy.get(1).doubleValue());
        waitForMap("360700");
        assertThat(page.locator("#map-crumbs strong")).hasText("赣州市");
        assertThat(drawnUnits()).extracting(u -> u.get("code")).contains("360702", "360781", "360783");
        // Jiangxi has its plans but no reports in the demo: every unit 未报, hatched, none 0 %
        assertThat(drawnUnits()).allMatch(u -> u.get("rateText").equals("未报") && u.get("hatched").equals(true));
        assertThat(page.locator("#map-unplaced tr[data-region='360700-SB']")).containsText("赣州市本级");
        assertThat(page.locator("#map-unplaced")).containsText("开发区");
        page.locator("#map-panel").scrollIntoViewIfNeeded();
        shotIssue("map-jiangxi-ganzhou");
    }

    @Test
    void theNationalViewerSeesTheProvincesMostOf未报AndTheBingtuanBeside() {
        login("mohurd_viewer");
        page.navigate("/dashboard?period=2023-12");
        waitForMap("000000");
        List<Map<String, Object>> provinces = drawnUnits();
        assertThat(provinces).hasSize(31);
        long unreported = provinces.stream().filter(u -> "未报".equals(u.get("rateText"))).count();
        assertThat(unreported).isGreaterThanOrEqualTo(29);
        assertThat(provinces.stream().filter(u -> "未报".equals(u.get("rateText"))).allMatch(u -> u.get("hatched").equals(true))).isTrue();
        assertThat(page.locator("#map-unplaced tr[data-region='660000']")).containsText("新疆生产建设兵团");
        page.locator("#map-panel").scrollIntoViewIfNeeded();
        shotIssue("map-nation-unreported");
    }
}
