package org.anju.browser;

import com.microsoft.playwright.Page;
import org.anju.privacy.SyntheticIds;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 徐州's chain in Chromium on the demo accounts and rule files: 下淀社区's clerk takes in a 低保 family, 丰财街道 reviews
 * first, the community's notice runs, 鼓楼区's office reviews twice, the city's office decides last and the 资格证 is
 * printed; a second family's notice is on the public page, masked, without login. Then a family gets its keys: the city's
 * office uploads its 轮候 and 租赁 rules, 鼓楼区's office finds the family on the waiting list, opens a round with a vacant
 * dwelling, records the family's choice, signs the lease and hands over the keys (入住).
 */
class ApplicationBrowserTest extends BrowserTest {

    static final LocalDate TODAY = LocalDate.now(org.anju.platform.ChinaTime.ZONE);

    void takeIn(String id, LocalDate on) {
        menu("公租房申请");
        page.click("#new-application");
        page.selectOption("#guarantee", "PUBLIC_RENTAL");
        page.selectOption("#programme", "PUBLIC_RENTAL:低保特困");
        page.fill("#appliedOn", on.toString());
        page.fill("#m0-name", "孙立新");
        page.fill("#m0-id", id);
        page.fill("#m0-income", "9600");
        page.check("#m0-proven");
        page.selectOption("#m0-able", "true");
        page.fill("#heldArea", "8");
        page.fill("#hukouYears", "12");
        page.fill("#g0-name", "低保");
        page.fill("#g0-since", "2020-01-01");
        page.click("#submit-application");
    }

    static void decide(Page p, String decision, LocalDate on) {
        p.selectOption("#decision", decision);
        p.fill("#decide-on", on.toString());
        p.click("#decide-submit");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.anju.rental.stock.Stock stock;

    /** A family of 下淀社区 through the whole chain to its 资格证; returns the 资格证号. */
    String qualify(String idNumber, LocalDate applied) {
        page.navigate("/rental/applications");
        takeIn(idNumber, applied);
        String url = page.url();
        Page town = otherSession();
        login(town, "fengcai_reviewer");
        town.navigate(url);
        decide(town, "APPROVE", applied.plusDays(1));
        page.navigate(url);
        page.fill("#notice-end-on", applied.plusDays(13).toString());
        page.click("#notice-end-submit");
        Page district = otherSession();
        login(district, "gulou_housing");
        district.navigate(url);
        decide(district, "APPROVE", applied.plusDays(14));
        decide(district, "APPROVE", applied.plusDays(15));
        Page city = otherSession();
        login(city, "xuzhou_housing");
        city.navigate(url);
        decide(city, "APPROVE", applied.plusDays(16));
        assertThat(city.locator("#status")).containsText("已通过");
        city.click("#certificate-link");
        String text = city.locator("#cert-number").textContent();
        return text.substring(text.indexOf("320300")).strip();
    }

    static String upload(Page p, String kind, String name, String content) {
        p.navigate("/rental/rules");
        p.selectOption("#upload-form select[name=kind]", kind);
        p.setInputFiles("#upload-form input[name=file]", new com.microsoft.playwright.options.FilePayload(name,
                "text/tab-separated-values", content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        p.click("#upload-form button[type=submit]");
        return p.locator("#message, #error").first().textContent();
    }

    static String testFile(String path) {
        try (var in = ApplicationBrowserTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aQualifiedFamilyGetsItsKeys() {
        // a vacant dwelling of 鼓楼区 (the demo loads no stock): entered as the district would
        var estate = stock.saveEstate(org.anju.rental.stock.Estate.of("320302", "浏览器测试公租房小区", null,
                org.anju.rental.stock.Programme.PUBLIC_RENTAL, null, null));
        var dwelling = stock.add(new org.anju.rental.stock.Stock.NewDwelling(estate.id(), "1号楼", "1", "301", null, 3,
                new java.math.BigDecimal("50"), null, "一室一厅", new java.math.BigDecimal("8"),
                org.anju.rental.stock.RentUnit.PER_M2_MONTH, org.anju.rental.stock.StockStatus.VACANT));

        // 徐州 publishes no 轮候 rules and its lease files leave out the due day: test rules, marked 未核实
        Page city = otherSession();
        login(city, "xuzhou_housing");
        assertThat(city.locator("body")).isVisible();
        String waiting = testFile("/rental/waiting-samples/360700-test.tsv").replace("360700", "320300")
                .replace("赣州市", "徐州市");
        org.assertj.core.api.Assertions.assertThat(upload(city, "WAITING", "徐州轮候规则（测试）.tsv", waiting)).contains("已上传");
        String lease = testFile("/rental/lease-samples/360700-公租房.tsv").replace("360700", "320300")
                .replace("项目\t公租房", "项目\t低保特困").replace("赣州市", "徐州市").replace("生效\t2024-01-01", "生效\t2025-01-01");
        org.assertj.core.api.Assertions.assertThat(upload(city, "LEASE", "徐州租赁规则（测试）.tsv", lease)).contains("已上传");

        login("xiadian_clerk");
        String certificate = qualify(SyntheticIds.number("320302", "19680808", 903), TODAY.minusDays(60));

        Page office = otherSession();
        login(office, "gulou_housing");
        office.navigate("/rental/waiting?region=320302");
        assertThat(office.locator("body")).containsText(certificate);
        office.navigate("/rental/rounds?region=320302");
        office.fill("#open-round #name", "浏览器测试配租批次");
        office.check("#dwelling-" + dwelling.id());
        office.fill("#candidates", "1");
        office.click("#open-round button[type=submit]");
        assertThat(office.locator("#message")).containsText("已开始");
        assertThat(office.locator("#candidates")).containsText(certificate);
        shot(office, "round");

        office.selectOption("#number", certificate);
        office.selectOption("#action", "CHOSE");
        office.selectOption("#dwelling", String.valueOf(dwelling.id()));
        office.click("#choose button[type=submit]");
        office.click("#sign-" + dwelling.id());
        assertThat(office.locator("#dwelling-label")).containsText("浏览器测试公租房小区 1号楼 1单元 301");
        office.fill("#startsOn", TODAY.toString());
        office.fill("#endsOn", TODAY.plusYears(1).minusDays(1).toString());
        office.fill("#programme", "低保特困");
        office.click("#sign-submit");
        assertThat(office.locator("#message")).containsText("已签订合同");
        // 8 元/㎡/月 × 50 ㎡, 低保 pays 10 % in the test rules
        assertThat(office.locator("#rent-basis")).containsText("40");
        office.click("#move-in-submit");
        assertThat(office.locator("#message")).containsText("已办理入住");
        assertThat(office.locator("#lease-status")).containsText("在租");
        assertThat(office.locator("#lease")).containsText(TODAY.getYear() + "年" + TODAY.getMonthValue() + "月"
                + TODAY.getDayOfMonth() + "日");
        shot(office, "keys");
        org.assertj.core.api.Assertions.assertThat(stock.dwelling(dwelling.id()).status())
                .isEqualTo(org.anju.rental.stock.StockStatus.OCCUPIED);
        office.navigate("/rental/waiting?region=320302");
        assertThat(office.locator("body")).not().containsText(certificate);
    }

    @Test
    void aFamilyFromTheCommunityToItsCertificate() {
        LocalDate applied = TODAY.minusDays(30);
        login("xiadian_clerk");
        takeIn(SyntheticIds.number("320302", "19750310", 901), applied);
        assertThat(page.locator("#message")).containsText("审核中");
        assertThat(page.locator("#current-step")).containsText("街道初审");
        assertThat(page.locator("#checks")).containsText("8平方米");
        String url = page.url();
        shot("accepted");

        Page town = otherSession();
        login(town, "fengcai_reviewer");
        town.navigate("/rental/applications");
        assertThat(town.locator("#queue")).containsText("孙**");
        town.navigate(url);
        decide(town, "APPROVE", applied.plusDays(1));
        assertThat(town.locator("#current-step")).containsText("社区公示");

        page.navigate(url);
        page.fill("#notice-end-on", applied.plusDays(13).toString());
        page.click("#notice-end-submit");
        assertThat(page.locator("#current-step")).containsText("区民政核对收入");

        Page district = otherSession();
        login(district, "gulou_housing");
        district.navigate(url);
        decide(district, "APPROVE", applied.plusDays(14));
        assertThat(district.locator("#current-step")).containsText("区住房保障复审");
        decide(district, "APPROVE", applied.plusDays(15));
        assertThat(district.locator("#current-step")).containsText("市住房保障中心备案");

        Page city = otherSession();
        login(city, "xuzhou_housing");
        city.navigate("/rental/applications");
        assertThat(city.locator("#queue")).containsText("市住房保障中心备案");
        city.navigate(url);
        decide(city, "APPROVE", applied.plusDays(16));
        assertThat(city.locator("#status")).containsText("已通过");
        assertThat(city.locator("#events")).containsText("发放实物配租资格证");
        city.click("#certificate-link");
        assertThat(city.locator("#cert-number")).containsText("证号：320300" + applied.plusDays(16).getYear());
        assertThat(city.locator("#cert-name")).hasText("孙**");
        assertThat(city.locator("#cert-issuer")).containsText("徐州市 · 市住房保障中心备案");
        shot(city, "certificate");

        // a second family in its community's notice now: on the public page, masked, for everyone
        page.navigate("/rental/applications");
        takeIn(SyntheticIds.number("320302", "19700101", 902), TODAY);
        String second = page.url();
        town.navigate(second);
        decide(town, "APPROVE", TODAY);
        Page anyone = otherSession();
        anyone.navigate("/public/rental/notices/320302002006");
        assertThat(anyone.locator("h1").first()).containsText("下淀社区社区公示");
        assertThat(anyone.locator(".notice-list")).containsText("孙**");
        assertThat(anyone.locator(".notice-list")).not().containsText("19700101");
        assertThat(anyone.locator(".object-to")).containsText("公示期内");
        shot(anyone, "notice");
    }
}
