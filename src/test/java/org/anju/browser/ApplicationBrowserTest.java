package org.anju.browser;

import com.microsoft.playwright.Page;
import org.anju.privacy.SyntheticIds;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 徐州's chain in Chromium on the demo accounts and rule files: 下淀社区's clerk takes in a 低保 family, 丰财街道 reviews
 * first, the community's notice runs, 鼓楼区's office reviews twice, the city's office decides last and the 资格证 is
 * printed; a second family's notice is on the public page, masked, without login.
 */
class ApplicationBrowserTest extends BrowserTest {

    static final LocalDate TODAY = LocalDate.now(org.anju.platform.ChinaTime.ZONE);

    void takeIn(String id, LocalDate on) {
        page.click("nav >> text=公租房申请");
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
