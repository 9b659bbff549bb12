package org.anju.region;

import org.anju.AnjuTest;
import org.anju.region.Resolution.Ambiguous;
import org.anju.region.Resolution.Found;
import org.anju.region.Resolution.NotFound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The resolution rules the plan importer relies on. */
@AnjuTest
class ResolutionTest {

    @Autowired
    Regions regions;

    Region code(String code) {
        return regions.byCode(code).orElseThrow(() -> new AssertionError("no region " + code));
    }

    Resolution resolve(String label, String context) {
        return regions.resolve(label, context == null ? null : code(context));
    }

    void found(String label, String context, String expected, boolean outside) {
        assertThat(resolve(label, context)).as("%s in %s", label, context)
                .isEqualTo(new Found(code(expected), outside));
    }

    @Test
    void uniqueNamesResolveAnywhere() {
        found("信州区", null, "361102", false);
        found("信州区", "361100", "361102", false);
        found("信州区", "360000", "361102", false);
        found("德兴市", "361100", "361181", false);
        found("石家庄高新技术产业开发区", null, "130171", false);
    }

    @Test
    void labelsAreNormalised() {
        found(" 信 州 区 ", "361100", "361102", false);
        found("信州区\u3000", "361100", "361102", false);
        found("\t信州区\n", "361100", "361102", false);
        found("\u00A0上饶经开区", "361100", "361100-K1", false);
        // full-width ASCII becomes half-width (names are stored half-width where they contain ASCII)
        assertThat(RegionNames.normalize("ＡＢＣ（１）")).isEqualTo("ABC(1)");
        assertThat(resolve("", "361100")).isEqualTo(new NotFound());
        assertThat(resolve("　", "361100")).isEqualTo(new NotFound());
        assertThat(resolve(null, null)).isEqualTo(new NotFound());
        assertThat(resolve("合计", "361100")).isEqualTo(new NotFound());
    }

    @Test
    void nationallyAmbiguousNamesNeedTheirCity() {
        assertThat(resolve("朝阳区", null)).isInstanceOf(Ambiguous.class);
        assertThat(((Ambiguous) resolve("朝阳区", null)).candidates()).extracting(Region::code)
                .containsExactly("110105", "220104");
        found("朝阳区", "110000", "110105", false);
        found("朝阳区", "220100", "220104", false);
        found("朝阳区", "220000", "220104", false); // 长春 is the only 朝阳区 in 吉林省
        assertThat(resolve("鼓楼区", null)).isInstanceOf(Ambiguous.class);
        found("鼓楼区", "320100", "320106", false); // 南京
        found("鼓楼区", "320300", "320302", false); // 徐州
        found("鼓楼区", "350100", "350102", false); // 福州
        found("鼓楼区", "410200", "410204", false); // 开封
        assertThat(resolve("鼓楼区", "320000")).isInstanceOf(Ambiguous.class); // 江苏 has two
    }

    @Test
    void widensToTheCityThenTheProvinceThenTheCountry() {
        // context 玄武区 (南京): 鼓楼区 is not inside it, the city has one, the province two
        found("鼓楼区", "320102", "320106", true);
        found("南康区", "360702", "360703", true); // inside 赣州 from 章贡区
        found("信州区", "360700", "361102", true); // another city of the same province
        found("北京市", "110105", "110000", true); // an ancestor of the context lies outside it
    }

    @Test
    void nationwideWideningIsAmbiguousWhenTheNameIsNot() {
        assertThat(resolve("朝阳区", "361100")).isInstanceOf(Ambiguous.class);
        found("肃南裕固族自治县", "361100", "620721", true);
        found("江西省", "361100", "360000", true);
    }

    @Test
    void labelEqualToTheContextIsTheContext() {
        found("上饶市", "361100", "361100", false);
        found("江西省", "360000", "360000", false);
        found("中心城区", "361100-ZX", "361100-ZX", false);
        // a group's members count as inside it; other units of its city do not
        found("信州区", "361100-ZX", "361102", false);
        found("上饶经开区", "361100-ZX", "361100-K1", false);
        found("市本级", "361100-ZX", "361100-SB", false);
        found("广信区", "361100-ZX", "361104", true);
        found("全国", "000000", "000000", false);
    }

    @Test
    void cityRelativeLabelsResolveOnlyInsideTheCity() {
        found("市本级", "361100", "361100-SB", false);
        found("本级", "361100", "361100-SB", false);
        found("市本级", "361102", "361100-SB", false); // city of 信州区
        found("中心城区", "361100", "361100-ZX", false);
        found("中心城区", "361102", "361100-ZX", false);
        found("中心城区", "360700", "360700-ZX", false);
        found("中心城区", "360100", "360100-ZX", false);
        assertThat(resolve("中心城区", "360000")).isInstanceOf(Ambiguous.class);
        assertThat(((Ambiguous) resolve("中心城区", "360000")).candidates()).hasSize(11);
        assertThat(resolve("中心城区", null)).isInstanceOf(Ambiguous.class);
        assertThat(resolve("中心城区", "620700")).isEqualTo(new NotFound()); // 张掖 has none, and no widening
        assertThat(resolve("市本级", "360000")).isInstanceOf(Ambiguous.class);
        assertThat(resolve("市本级", "410000")).isInstanceOf(Ambiguous.class);
        found("市本级", "110105", "110000-SB", false); // municipality
        found("州本级", "522300", "522300-SB", false); // 黔西南州
        found("上饶市中心城区", null, "361100-ZX", false);
        found("上饶市本级", "360000", "361100-SB", false);

        found("经开区", "361100", "361100-K1", false);
        found("经开区", "360700", "360700-K1", false);
        found("高铁经济试验区", "361100", "361100-K2", false);
        assertThat(resolve("经开区", "360000")).isInstanceOf(Ambiguous.class);
        assertThat(resolve("经开区", "360100")).isEqualTo(new NotFound());
        assertThat(resolve("高铁经济试验区", "360700")).isEqualTo(new NotFound());
    }

    @Test
    void aliases() {
        found("肃南县", "620700", "620721", false);
        found("肃南县", null, "620721", false);
        found("上饶经开区", "361100", "361100-K1", false);
        found("上饶经开区", "360000", "361100-K1", false);
        found("赣州经开区", "360700", "360700-K1", false);
        found("蓉江新区", "360700", "360700-K2", false);
        found("长白山管委会", "220000", "220000-K1", false);
        found("长白山", null, "220000-K1", false);
        found("江西", null, "360000", false);
        found("上饶", "360000", "361100", false);
        assertThat(resolve("吉林", null)).isEqualTo(new NotFound());
        found("吉林省", null, "220000", false);
    }
}
