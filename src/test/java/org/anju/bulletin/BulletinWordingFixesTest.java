package org.anju.bulletin;

import org.anju.bulletin.BulletinFigures.Area;
import org.anju.bulletin.BulletinFigures.Lagging;
import org.anju.bulletin.BulletinFigures.Problems;
import org.anju.bulletin.BulletinFigures.Scope;
import org.anju.region.RegionKind;
import org.anju.supervision.LaggingUnit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 part B's wording fixes, sentence by sentence (plain unit tests, no database): the addressee worded by the
 * kinds of unit addressed, the default issuer by kind, a rate's subject said once, and a national bulletin that sums
 * ~3,300 unreported counties by province instead of naming them.
 */
class BulletinWordingFixesTest {

    static final BulletinProse PROSE = new BulletinProse(BulletinWording.load());

    @Test
    void theUnitsAddressedAreReadFromTheirNames() {
        // 江西省: only 设区市; 甘肃省: two 自治州; 内蒙古: 盟; 新疆: 州 and 地区
        assertThat(BulletinProse.unitsKey(RegionKind.PROVINCE, List.of("南昌市", "赣州市", "上饶市"))).isEmpty();
        assertThat(BulletinProse.unitsKey(RegionKind.PROVINCE, List.of("兰州市", "张掖市", "临夏回族自治州", "甘南藏族自治州"))).isEqualTo("州");
        assertThat(BulletinProse.unitsKey(RegionKind.PROVINCE, List.of("呼和浩特市", "锡林郭勒盟", "阿拉善盟"))).isEqualTo("盟");
        assertThat(BulletinProse.unitsKey(RegionKind.PROVINCE, List.of("乌鲁木齐市", "昌吉回族自治州", "喀什地区"))).isEqualTo("州地区");
        // 张掖市: 甘州区 and five 县 (肃南裕固族自治县 is a 县)
        assertThat(BulletinProse.unitsKey(RegionKind.PREFECTURE, List.of("甘州区", "肃南裕固族自治县", "民乐县", "临泽县"))).isEqualTo("县区");
        assertThat(BulletinProse.unitsKey(RegionKind.PREFECTURE, List.of("章贡区", "南康区", "瑞金市", "信丰县"))).isEqualTo("县市区");
        assertThat(BulletinProse.unitsKey(RegionKind.COUNTY, List.of("解放街道"))).isEmpty();
    }

    @Test
    void defaultIssuerByKind() {
        assertThat(PROSE.issuer(RegionKind.NATION, "全国")).isEqualTo("住房和城乡建设部");
        assertThat(PROSE.issuer(RegionKind.PROVINCE, "江西省")).isEqualTo("江西省住房和城乡建设厅");
        assertThat(PROSE.issuer(RegionKind.PROVINCE, "北京市")).as("直辖市").isEqualTo("北京市住房和城乡建设委员会");
        assertThat(PROSE.issuer(RegionKind.PREFECTURE, "张掖市")).isEqualTo("张掖市住房和城乡建设局");
        assertThat(PROSE.issuer(RegionKind.COUNTY, "甘州区")).isEqualTo("甘州区住房和城乡建设局");
    }

    @Test
    void aRatesSubjectIsSaidOnce() {
        assertThat(LaggingUnit.subject("住房租赁补贴发放（户）", "发放完成率")).isEqualTo("住房租赁补贴");
        assertThat(LaggingUnit.subject("城镇老旧小区改造完成投资（万元）", "完成投资率")).isEqualTo("城镇老旧小区改造");
        assertThat(LaggingUnit.subject("保障性租赁住房开工", "开工率")).isEqualTo("保障性租赁住房");
        assertThat(LaggingUnit.subject("住房租赁补贴", "发放完成率")).isEqualTo("住房租赁补贴");
        LaggingUnit u = new LaggingUnit("620702", "甘州区", "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "住房租赁补贴发放（户）", "发放完成率",
                new BigDecimal("98.0"), new BigDecimal("100.0"), "序时进度 12/12", false);
        assertThat(u.message()).isEqualTo("甘州区住房租赁补贴发放完成率98.0%，低于序时进度100%");
    }

    @Test
    void aNationalBulletinSumsUnreportedCountiesByProvince() {
        Scope nation = new Scope(2024, 3, "全国");
        List<String> counties = IntStream.range(0, 3300).mapToObj(i -> "县" + i).toList();
        Problems p = new Problems(nation, null, List.of(), List.of(), List.of(), List.of(), List.of(), counties,
                List.of(new Area("江西省", 100), new Area("甘肃省", 86)), List.of());
        List<String> problems = PROSE.problems(p);
        assertThat(problems).containsExactly("一是数据报送不完整。3300个单位未报送3月数据，其中江西省100个、甘肃省86个。");
        assertThat(PROSE.listLimit()).isEqualTo(30);
    }

    @Test
    void aShortListIsStillNamedOneByOne() {
        Scope city = new Scope(2024, 3, "全市");
        Problems p = new Problems(city, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of("临泽县", "民乐县"),
                List.of(new Area("临泽县", 1), new Area("民乐县", 1)), List.of());
        assertThat(PROSE.problems(p)).containsExactly("一是数据报送不完整。临泽县、民乐县未报送3月数据。");
    }

    @Test
    void manyLaggingUnitsAreSummedByArea() {
        Scope nation = new Scope(2024, 3, "全国");
        List<Lagging> lagging = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lagging.add(new Lagging("县" + i, "住房租赁补贴", "发放完成率", new BigDecimal("10.0"), new BigDecimal("25.0"), null));
        }
        Problems p = new Problems(nation, null, List.of(), List.of(), List.of(), lagging, List.of(), List.of(), List.of(),
                List.of(new Area("江西省", 25), new Area("甘肃省", 15)));
        assertThat(PROSE.problems(p)).containsExactly(
                "一是部分任务进度滞后于序时进度。40个单位的40项指标低于序时进度，其中江西省25个、甘肃省15个。");
    }
}
