package org.anju.region;

import org.anju.AnjuTest;
import org.anju.region.Resolution.Found;
import org.anju.region.SeedTables.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every unit named in the breakdown tables of the seed documents resolves to the right region. */
@AnjuTest
class SeedResolutionTest {

    /** Rows that are totals, not units. */
    private static final Set<String> TOTALS = Set.of("合计", "全省", "全市");

    @Autowired
    Regions regions;

    Region code(String code) {
        return regions.byCode(code).orElseThrow(() -> new AssertionError("no region " + code));
    }

    /** A table row and the region it resolved to. */
    record Resolved(Row row, Region region) {
    }

    /** Resolves the rows of a city's table in that city; every label must be found inside it. */
    List<Resolved> resolveInCity(List<Row> rows, Region city) {
        List<Resolved> out = new ArrayList<>();
        for (Row row : rows) {
            if (TOTALS.contains(row.label())) {
                continue;
            }
            Resolution res = regions.resolve(row.label(), city);
            assertThat(res).as("line %d: %s in %s", row.line(), row.label(), city.name()).isInstanceOf(Found.class);
            Found f = (Found) res;
            assertThat(f.outsideContext()).as("%s outside %s", row.label(), city.name()).isFalse();
            assertThat(regions.contains(city, f.region())).as(row.label()).isTrue();
            out.add(new Resolved(row, f.region()));
        }
        return out;
    }

    /**
     * Resolves a provincial table: a row that is a city (or a unit directly under the province) opens
     * that city's section; the other rows are resolved in the current city.
     */
    List<Resolved> resolveInProvince(List<Row> rows, Region province) {
        List<Resolved> out = new ArrayList<>();
        Region city = null;
        for (Row row : rows) {
            if (TOTALS.contains(row.label())) {
                continue;
            }
            Resolution inCity = city == null ? null : regions.resolve(row.label(), city);
            if (inCity instanceof Found f && !f.outsideContext()) {
                assertThat(regions.contains(city, f.region())).isTrue();
                out.add(new Resolved(row, f.region()));
                continue;
            }
            Resolution res = regions.resolve(row.label(), province);
            assertThat(res).as("line %d: %s in %s", row.line(), row.label(), province.name()).isInstanceOf(Found.class);
            Found f = (Found) res;
            assertThat(f.outsideContext()).isFalse();
            assertThat(regions.parent(f.region())).as("%s opens a city section", row.label()).contains(province);
            assertThat(regions.city(f.region())).contains(f.region());
            city = f.region();
            out.add(new Resolved(row, f.region()));
        }
        return out;
    }

    static Map<String, String> codes(List<Resolved> resolved) {
        Map<String, String> m = new LinkedHashMap<>();
        resolved.forEach(r -> m.putIfAbsent(r.row().label(), r.region().code()));
        return m;
    }

    @Test
    void shangraoCityPlan() throws IOException {
        List<Row> rows = SeedTables.blockRows(SeedTables.text("000"));
        List<Resolved> resolved = resolveInCity(rows, code("361100"));
        assertThat(resolved).hasSizeGreaterThan(40);
        assertThat(codes(resolved)).containsEntry("市本级", "361100-SB")
                .containsEntry("上饶经开区", "361100-K1")
                .containsEntry("高铁经济试验区", "361100-K2")
                .containsEntry("信州区", "361102")
                .containsEntry("广信区", "361104")
                .containsEntry("广丰区", "361103")
                .containsEntry("德兴市", "361181")
                .containsEntry("婺源县", "361130");
    }

    @Test
    void jiangxiProvincialPlan() throws IOException {
        List<Row> rows = SeedTables.tabRows(SeedTables.text("001"));
        List<Resolved> resolved = resolveInProvince(rows, code("360000"));
        assertThat(resolved).hasSizeGreaterThan(250);
        // every 中心城区 row is the group of the city whose section it is in
        String city = null;
        int groups = 0;
        for (Resolved r : resolved) {
            if (regions.parent(r.region()).map(p -> p.code().equals("360000")).orElse(false)) {
                city = r.region().code();
            } else if (r.row().label().equals("中心城区")) {
                assertThat(r.region().code()).isEqualTo(city + "-ZX");
                groups++;
            }
        }
        assertThat(groups).isGreaterThan(20);
        Map<String, String> codes = codes(resolved);
        assertThat(codes).containsEntry("赣江新区", "360000-K1")
                .containsEntry("共青城市", "360482")
                .containsEntry("庐山市", "360483")
                .containsEntry("龙南市", "360783")
                .containsEntry("余江区", "360603")
                .containsEntry("柴桑区", "360404")
                .containsEntry("临川区", "361002")
                .containsEntry("东乡区", "361003")
                .containsEntry("南康区", "360703");
    }

    @Test
    void ganzhouActionPlan() throws IOException {
        List<Resolved> resolved = resolveInCity(SeedTables.tabRows(SeedTables.text("002")), code("360700"));
        assertThat(codes(resolved)).hasSize(20)
                .containsEntry("章贡区", "360702")
                .containsEntry("赣州经开区", "360700-K1")
                .containsEntry("赣州蓉江新区", "360700-K2")
                .containsEntry("石城县", "360735");
    }

    @Test
    void zhangyeBulletin() throws IOException {
        List<Resolved> resolved = resolveInCity(SeedTables.tabRows(SeedTables.text("004")), code("620700"));
        assertThat(codes(resolved)).containsEntry("肃南县", "620721")
                .containsEntry("甘州区", "620702")
                .containsEntry("民乐县", "620722")
                .hasSize(6);
    }

    @Test
    void jilinNoticeAddressee() throws IOException {
        assertThat(SeedTables.text("003")).contains("长白山管委会");
        assertThat(regions.resolve("长白山管委会", code("220000"))).isEqualTo(new Found(code("220000-K1"), false));
    }

    /**
     * The 中心城区 group is exactly what the provincial plan counts: the city plan's rows of its members add
     * up to the provincial 中心城区 row, and every other row of the city plan appears unchanged in the
     * provincial plan (保租房 附件1↔附件1, 租赁补贴 附件2↔附件3, 棚改 附件3↔附件4).
     */
    @Test
    void shangraoGroupMembershipReproducesTheProvincialFigures() throws IOException {
        Region shangrao = code("361100");
        Region group = code("361100-ZX");
        List<Resolved> city = resolveInCity(SeedTables.blockRows(SeedTables.text("000")), shangrao);
        List<Resolved> province = resolveInProvince(SeedTables.tabRows(SeedTables.text("001")), code("360000"));
        Map<Integer, Integer> cityToProvince = Map.of(1, 1, 2, 3, 3, 4);
        cityToProvince.forEach((cityAttachment, provinceAttachment) -> {
            Map<String, List<Long>> expected = new LinkedHashMap<>();
            for (Resolved r : province) {
                if (r.row().attachment() == provinceAttachment && regions.contains(shangrao, r.region())
                        && !r.region().equals(shangrao)) {
                    expected.put(r.region().code(), List.of(r.row().value(0), r.row().value(1)));
                }
            }
            Map<String, List<Long>> actual = new LinkedHashMap<>();
            for (Resolved r : city) {
                if (r.row().attachment() != cityAttachment) {
                    continue;
                }
                String unit = regions.members(group).contains(r.region()) ? group.code() : r.region().code();
                actual.merge(unit, List.of(r.row().value(0), r.row().value(1)),
                        (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
            }
            assertThat(actual).as("附件%d vs 附件%d", cityAttachment, provinceAttachment).isEqualTo(expected);
        });
        assertThat(city.stream().filter(r -> r.row().attachment() == 3 && r.row().label().equals("市本级"))
                .map(r -> r.row().value(0)).findFirst()).contains(2274L);
    }

    @Test
    void timings() throws IOException {
        List<Row> shangrao = SeedTables.blockRows(SeedTables.text("000"));
        List<Row> jiangxi = SeedTables.tabRows(SeedTables.text("001"));
        List<Row> ganzhou = SeedTables.tabRows(SeedTables.text("002"));
        List<Row> zhangye = SeedTables.tabRows(SeedTables.text("004"));
        Region sr = code("361100");
        Region jx = code("360000");
        Region gz = code("360700");
        Region zy = code("620700");
        int labels = shangrao.size() + jiangxi.size() + ganzhou.size() + zhangye.size();
        for (int warm = 0; warm < 3; warm++) {
            resolveAll(shangrao, sr, jiangxi, jx, ganzhou, gz, zhangye, zy);
        }
        long start = System.nanoTime();
        int rounds = 20;
        for (int i = 0; i < rounds; i++) {
            resolveAll(shangrao, sr, jiangxi, jx, ganzhou, gz, zhangye, zy);
        }
        double perRound = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf("解析全部种子标签 %d 个：每轮 %.3f ms（每个 %.2f µs）%n", labels, perRound, perRound * 1000 / labels);

        start = System.nanoTime();
        int size = regions.subtree(regions.root()).size();
        long sum = 0;
        for (Region r : regions.subtree(regions.root())) {
            sum += r.id();
        }
        System.out.printf("subtree(全国)：%d 个，遍历用时 %.3f ms (%d)%n", size, (System.nanoTime() - start) / 1e6, sum % 7);
    }

    private void resolveAll(List<Row> sr, Region srCtx, List<Row> jx, Region jxCtx, List<Row> gz, Region gzCtx,
                            List<Row> zy, Region zyCtx) {
        sr.forEach(r -> regions.resolve(r.label(), srCtx));
        jx.forEach(r -> regions.resolve(r.label(), jxCtx));
        gz.forEach(r -> regions.resolve(r.label(), gzCtx));
        zy.forEach(r -> regions.resolve(r.label(), zyCtx));
    }
}
