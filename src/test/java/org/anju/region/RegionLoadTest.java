package org.anju.region;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What V1_1__LoadRegions put into the database, checked against the resource files and known facts. */
@AnjuTest
class RegionLoadTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Regions regions;

    @Autowired
    RegionStore store;

    /** Data rows of a resource CSV (comments and header skipped), read independently of the loader. */
    static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = RegionLoadTest.class.getClassLoader().getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
            return lines.stream().skip(1).map(l -> l.split(",", -1)).toList();
        }
    }

    Map<String, Long> countsByKind() {
        return jdbc.sql("select kind, count(*) from region group by kind")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void countsPerKindMatchTheResourceFiles() throws IOException {
        List<String[]> divisions = rows("region/divisions.csv");
        List<String[]> units = rows("region/units.csv");
        Map<String, Long> expected = new HashMap<>();
        divisions.forEach(r -> expected.merge(r[4], 1L, Long::sum));
        units.forEach(r -> expected.merge(r[4], 1L, Long::sum));
        Set<String> provincesWithPrefectures = divisions.stream().filter(r -> r[4].equals("PREFECTURE"))
                .map(r -> r[2]).collect(Collectors.toSet());
        long municipalities = divisions.stream()
                .filter(r -> r[4].equals("PROVINCE") && !provincesWithPrefectures.contains(r[0])).count();
        expected.put("CITY_LEVEL", expected.get("PREFECTURE") + municipalities);
        expected.merge("DEV_ZONE", 1L, Long::sum);    // 新疆生产建设兵团, added by migration V1_2
        long towns = towns().size();
        expected.put("TOWN", towns);                   // added by migration V1_4

        Map<String, Long> actual = countsByKind();
        System.out.println("区划按类别计数: " + actual);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.get("NATION")).isEqualTo(1);
        assertThat(actual.get("PROVINCE")).isEqualTo(31);
        assertThat(municipalities).isEqualTo(4); // 北京 天津 上海 重庆
        int all = actual.values().stream().mapToInt(Long::intValue).sum();
        assertThat(regions.wholeSubtree(regions.root())).hasSize(all);
        assertThat(regions.subtree(regions.root())).as("the reporting tree").hasSize(all - (int) towns);
        assertThat(towns).isEqualTo(41_352);
    }

    /** The rows of region/towns.csv.gz (code, name, parent_code), read independently of the loader. */
    static List<String[]> towns() throws IOException {
        try (InputStream in = new java.util.zip.GZIPInputStream(
                RegionLoadTest.class.getClassLoader().getResourceAsStream("region/towns.csv.gz"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).skip(1).map(l -> l.split(",", -1)).toList();
        }
    }

    /**
     * 章贡区 (赣州市) in the source (china-division 2.7.0 dist/streets.csv, areaCode 360702): 17 乡级 units — 7 街道,
     * 8 镇 and 2 类似乡级单位 (赣州经济技术开发区 360702400, 沙河工业园 360702401) — in code order.
     */
    @Test
    void theTownsOfOneCountyAreThoseOfTheSourceFile() throws IOException {
        Region zhanggong = regions.byCode("360702").orElseThrow();
        List<Region> towns = regions.localUnits(zhanggong);
        assertThat(towns).extracting(Region::name).containsExactly("解放街道", "赣江街道", "南外街道", "东外街道", "水南街道",
                "章江街道", "黄金岭街道", "沙石镇", "水东镇", "湖边镇", "沙河镇", "水西镇", "蟠龙镇", "潭口镇", "潭东镇",
                "赣州经济技术开发区", "沙河工业园");
        assertThat(towns).extracting(Region::code).startsWith("360702001000", "360702002000").endsWith("360702401000");
        assertThat(towns).allSatisfy(t -> {
            assertThat(t.kind()).isEqualTo(RegionKind.TOWN);
            assertThat(t.level()).isEqualTo(4);
            assertThat(t.divisionCode()).isEqualTo(t.code());
            assertThat(regions.city(t).orElseThrow().code()).isEqualTo("360700");
        });
        assertThat(towns().stream().filter(t -> t[2].equals("360702")).count()).isEqualTo(17);
        assertThat(regions.children(zhanggong)).as("the reporting tree ends at the county").isEmpty();
        // 东莞 has no counties: its 36 towns hang under the city itself
        assertThat(regions.localUnits(regions.byCode("441900").orElseThrow())).hasSize(36);
        // every county-level region has towns, and every town lies in a county-level region (or such a city)
        Map<String, Long> perParent = towns().stream().collect(Collectors.groupingBy(t -> t[2], Collectors.counting()));
        assertThat(perParent).hasSize(2_978);
        for (String parent : perParent.keySet()) {
            RegionKind kind = regions.byCode(parent).orElseThrow().kind();
            assertThat(kind).as(parent).isIn(RegionKind.COUNTY, RegionKind.DEV_ZONE, RegionKind.PREFECTURE);
        }
        Long closure = jdbc.sql("""
                        select count(*) from region_ancestor a join region r on r.id = a.region_id where r.kind = 'TOWN'""")
                .query(Long.class).single();
        System.out.println("乡级的上下级关系行数: " + closure + "，全部: "
                + jdbc.sql("select count(*) from region_ancestor").query(Long.class).single());
        assertThat(closure).isBetween(41_352L * 4, 41_352L * 5);
    }

    @Test
    void levelsFollowTheDatasetWithCountiesAtThreeEvenUnderAProvince() throws IOException {
        for (String[] r : rows("region/divisions.csv")) {
            Region region = regions.byCode(r[0]).orElseThrow();
            assertThat(region.name()).isEqualTo(r[1]);
            assertThat(region.level()).as(r[0]).isEqualTo(Integer.parseInt(r[3]));
            assertThat(region.kind().name()).isEqualTo(r[4]);
            assertThat(regions.parent(region).map(Region::code).orElse("")).isEqualTo(r[2]);
            boolean division = !r[4].equals("NATION") && !r[4].equals("DEV_ZONE");
            assertThat(region.divisionCode()).as(r[0]).isEqualTo(division ? r[0] : null);
        }
        assertThat(regions.byCode("110105").orElseThrow().level()).isEqualTo(3);
        assertThat(regions.parent(regions.byCode("110105").orElseThrow()).orElseThrow().name()).isEqualTo("北京市");
    }

    @Test
    void bingtuanReportsBesideTheProvinces() {
        Region bingtuan = regions.byCode("660000").orElseThrow();
        assertThat(bingtuan.name()).isEqualTo("新疆生产建设兵团");
        assertThat(regions.parent(bingtuan).orElseThrow()).isEqualTo(regions.root());
        assertThat(regions.resolve("兵团", regions.root())).isEqualTo(new Resolution.Found(bingtuan, false));
        assertThat(regions.resolve("兵團", null)).isEqualTo(new Resolution.Found(bingtuan, false));
    }

    @Test
    void wellKnownFacts() {
        Region jiangxi = regions.byCode("360000").orElseThrow();
        assertThat(jiangxi.name()).isEqualTo("江西省");
        assertThat(regions.children(jiangxi).stream().filter(r -> r.kind() == RegionKind.PREFECTURE))
                .hasSize(11);
        Region shangrao = regions.byCode("361100").orElseThrow();
        assertThat(regions.children(shangrao).stream().filter(r -> r.kind() == RegionKind.COUNTY).map(Region::name))
                .containsExactly("信州区", "广丰区", "广信区", "玉山县", "铅山县", "横峰县", "弋阳县", "余干县", "鄱阳县",
                        "万年县", "婺源县", "德兴市");
        Region xinzhou = regions.byCode("361102").orElseThrow();
        assertThat(regions.ancestors(xinzhou)).extracting(Region::name).containsExactly("全国", "江西省", "上饶市");
        assertThat(xinzhou.divisionCode()).isEqualTo("361102");

        // dev zone codes of the statistics edition: real reporting units, not GB/T 2260 divisions
        Region zone = regions.byCode("130171").orElseThrow();
        assertThat(zone.name()).isEqualTo("石家庄高新技术产业开发区");
        assertThat(zone.kind()).isEqualTo(RegionKind.DEV_ZONE);
        assertThat(zone.divisionCode()).isNull();
        assertThat(regions.parent(zone).orElseThrow().name()).isEqualTo("石家庄市");
    }

    @Test
    void placeholdersAreNotRegionsAndCitiesWithoutCountiesAppearOnce() {
        assertThat(jdbc.sql("select count(*) from region where name in ('市辖区', '县', '省直辖县级行政区划')")
                .query(Long.class).single()).isZero();
        for (String code : List.of("1101", "1201", "3101", "5001", "5002", "4190", "4290", "4690", "6590")) {
            assertThat(regions.byCode(code + "00")).as(code).isEmpty();
        }
        // counties of placeholder prefectures hang directly under the province
        assertThat(regions.parent(regions.byCode("500101").orElseThrow()).orElseThrow().name()).isEqualTo("重庆市");
        assertThat(regions.parent(regions.byCode("500229").orElseThrow()).orElseThrow().name()).isEqualTo("重庆市");
        assertThat(regions.parent(regions.byCode("419001").orElseThrow()).orElseThrow().name()).isEqualTo("河南省");
        assertThat(regions.parent(regions.byCode("429004").orElseThrow()).orElseThrow().name()).isEqualTo("湖北省");

        Map<String, String> withoutCounties = Map.of("441900", "东莞市", "442000", "中山市", "460400", "儋州市",
                "620200", "嘉峪关市");
        withoutCounties.forEach((code, name) -> {
            assertThat(jdbc.sql("select code || ' ' || kind from region where name = :name").param("name", name)
                    .query(String.class).list()).as(name).containsExactly(code + " PREFECTURE");
            Region city = regions.byCode(code).orElseThrow();
            assertThat(regions.children(city)).as(name).extracting(Region::kind).containsOnly(RegionKind.CITY_LEVEL);
        });
        assertThat(regions.byCode("441900").orElseThrow().kind()).isEqualTo(RegionKind.PREFECTURE);
        assertThat(regions.byCode("620201")).isEmpty();
    }

    @Test
    void closureTableMatchesTheParentChainOfEveryRegion() {
        Map<Integer, Integer> parent = new HashMap<>();
        jdbc.sql("select id, parent_id from region").query((rs, i) -> {
            parent.put(rs.getInt(1), (Integer) rs.getObject(2));
            return null;
        }).list();
        Set<String> expected = new HashSet<>();
        parent.keySet().forEach(id -> {
            int depth = 0;
            for (Integer at = id; at != null; at = parent.get(at)) {
                expected.add(id + ">" + at + "@" + depth++);
            }
        });
        Set<String> actual = new HashSet<>(jdbc.sql("select region_id, ancestor_id, depth from region_ancestor")
                .query((rs, i) -> rs.getInt(1) + ">" + rs.getInt(2) + "@" + rs.getInt(3)).list());
        assertThat(actual).hasSameSizeAs(expected).isEqualTo(expected);
        assertThat(jdbc.sql("select count(*) from region_ancestor where depth = 0 and region_id = ancestor_id")
                .query(Long.class).single()).isEqualTo(parent.size());
        // the indexes other features aggregate with
        List<String> indexes = jdbc.sql("select indexdef from pg_indexes where tablename = 'region_ancestor'")
                .query(String.class).list();
        assertThat(indexes).anyMatch(d -> d.contains("(region_id, ancestor_id)"))
                .anyMatch(d -> d.contains("(ancestor_id, region_id)"));
    }

    @Test
    void subtreeAggregationThroughTheClosureTable() {
        Region shangrao = regions.byCode("361100").orElseThrow();
        List<String> viaSql = jdbc.sql("""
                        select r.code from region_ancestor ra join region r on r.id = ra.region_id
                        where ra.ancestor_id = :id and r.kind not in ('TOWN', 'COMMUNITY') order by r.code""")
                .param("id", shangrao.id()).query(String.class).list();
        List<String> viaDirectory = new ArrayList<>(regions.subtree(shangrao).stream().map(Region::code).toList());
        viaDirectory.sort(null);
        assertThat(viaSql).isEqualTo(viaDirectory).contains("361100", "361100-SB", "361100-ZX", "361102", "361100-K3");
        List<String> wholeViaSql = jdbc.sql("""
                        select r.code from region_ancestor ra join region r on r.id = ra.region_id
                        where ra.ancestor_id = :id order by r.code""")
                .param("id", shangrao.id()).query(String.class).list();
        List<String> wholeViaDirectory = new ArrayList<>(regions.wholeSubtree(shangrao).stream().map(Region::code).toList());
        wholeViaDirectory.sort(null);
        assertThat(wholeViaSql).isEqualTo(wholeViaDirectory).contains("361102001000");
    }

    @Test
    void groupsAndUnitsAreLoadedAsWritten() throws IOException {
        for (String[] u : rows("region/units.csv")) {
            Region r = regions.byCode(u[0]).orElseThrow();
            assertThat(r.name()).isEqualTo(u[1]);
            assertThat(regions.parent(r).orElseThrow().code()).isEqualTo(u[2]);
            assertThat(r.level()).isEqualTo(Integer.parseInt(u[3]));
            assertThat(r.divisionCode()).isNull();
            List<String> members = u[5].isBlank() ? List.of() : List.of(u[5].split("\\|"));
            assertThat(regions.members(r)).extracting(Region::code).containsExactlyInAnyOrderElementsOf(members);
        }
        Region sb = regions.byCode("361100-SB").orElseThrow();
        assertThat(sb.name()).isEqualTo("上饶市本级");
        assertThat(sb.kind()).isEqualTo(RegionKind.CITY_LEVEL);
        assertThat(regions.byCode("110000-SB").orElseThrow().name()).isEqualTo("北京市本级");
        assertThat(regions.byCode("360000-SB")).isEmpty();
    }

    @Test
    void noAliasEqualsAnyRegionsRealNameAndGeneratedOnesAreUnambiguous() {
        // towns' names are a namespace apart (高铁试验区 is also a town of 蚌埠): only the reporting tree's names count
        assertThat(jdbc.sql("""
                        select a.alias from region_alias a join region r on r.name = a.alias
                        where r.kind not in ('TOWN', 'COMMUNITY')""")
                .query(String.class).list()).isEmpty();
        assertThat(jdbc.sql("""
                        select alias from region_alias where not city_only and origin = 'generated'
                        group by alias having count(*) > 1""")
                .query(String.class).list()).isEmpty();
    }

    @Test
    void loadIsFast() {
        Integer ms = jdbc.sql("select execution_time from flyway_schema_history where version = '1.1'")
                .query(Integer.class).single();
        System.out.println("V1_1__LoadRegions 执行用时 " + ms + " ms");
        Integer towns = jdbc.sql("select execution_time from flyway_schema_history where version = '1.4'")
                .query(Integer.class).single();
        System.out.println("V1_4__LoadTowns 执行用时 " + towns + " ms");
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            RegionDirectory d = store.load();
            long loaded = System.nanoTime();
            regions.reload();
            System.out.println("区划目录 " + d.size() + " 个，读入用时 " + (loaded - start) / 1_000_000 + " ms；"
                    + "未改动时 Regions.reload() 用时 " + (System.nanoTime() - loaded) / 1_000_000 + " ms");
        }
    }
}
