package org.anju.region;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Navigation, groups and the city of a region, on the loaded directory. */
@AnjuTest
class RegionsTest {

    @Autowired
    Regions regions;

    Region code(String code) {
        return regions.byCode(code).orElseThrow(() -> new AssertionError("no region " + code));
    }

    @Test
    void rootAndLookups() {
        Region root = regions.root();
        assertThat(root.code()).isEqualTo("000000");
        assertThat(root.name()).isEqualTo("全国");
        assertThat(root.kind()).isEqualTo(RegionKind.NATION);
        assertThat(root.level()).isZero();
        assertThat(root.parentId()).isNull();
        assertThat(regions.parent(root)).isEmpty();
        assertThat(regions.ancestors(root)).isEmpty();
        // the 31 provinces and 新疆生产建设兵团, which reports beside them (V1_2)
        assertThat(regions.children(root)).hasSize(32).filteredOn(r -> r.kind() == RegionKind.PROVINCE).hasSize(31);

        Region xinzhou = code("361102");
        assertThat(regions.byId(xinzhou.id())).isEqualTo(xinzhou);
        assertThat(regions.byCode(" 361102 ")).contains(xinzhou);
        assertThat(regions.byCode("999999")).isEmpty();
        assertThat(regions.byCode(null)).isEmpty();
        assertThatThrownBy(() -> regions.byId(999_999)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void childrenComeInDisplayOrder() {
        assertThat(regions.children(code("361100"))).extracting(Region::code).containsExactly(
                "361100-SB", "361100-ZX", "361102", "361103", "361104", "361123", "361124", "361125", "361126",
                "361127", "361128", "361129", "361130", "361181", "361100-K1", "361100-K2", "361100-K3");
        // province: prefectures by code, then the development zone directly under it
        List<Region> jiangxi = regions.children(code("360000"));
        assertThat(jiangxi.getFirst().name()).isEqualTo("南昌市");
        assertThat(jiangxi.getLast().name()).isEqualTo("赣江新区");
        assertThat(jiangxi.getLast().level()).isEqualTo(2);
    }

    @Test
    void containsAndSubtreeAreConsistentWithTheParentChain() {
        Region shangrao = code("361100");
        Region xinzhou = code("361102");
        Region jiangxi = code("360000");
        assertThat(regions.contains(jiangxi, xinzhou)).isTrue();
        assertThat(regions.contains(xinzhou, xinzhou)).isTrue();
        assertThat(regions.contains(xinzhou, shangrao)).isFalse();
        assertThat(regions.contains(code("360700"), xinzhou)).isFalse();
        assertThat(regions.contains(regions.root(), xinzhou)).isTrue();

        List<Region> subtree = regions.subtree(shangrao);
        assertThat(subtree.getFirst()).isEqualTo(shangrao);
        assertThat(subtree).hasSize(1 + 17).contains(xinzhou);
        assertThat(regions.subtree(xinzhou)).containsExactly(xinzhou);

        List<Region> all = regions.subtree(regions.root());
        for (int i = 0; i < all.size(); i++) {
            Region r = all.get(i);
            // pre-order: every region comes after its parent, and contains() agrees with the ancestors list
            regions.parent(r).ifPresent(p -> assertThat(all.indexOf(p)).isLessThan(all.indexOf(r)));
            for (Region a : regions.ancestors(r)) {
                assertThat(regions.contains(a, r)).isTrue();
            }
        }
        // contains() is false for every region outside the subtree
        long inside = all.stream().filter(r -> regions.contains(shangrao, r)).count();
        assertThat(inside).isEqualTo(subtree.size());
    }

    @Test
    void groupsHaveExplicitMembersAndStayChildrenOfTheirCity() {
        Region group = code("361100-ZX");
        assertThat(group.name()).isEqualTo("中心城区");
        assertThat(group.kind()).isEqualTo(RegionKind.GROUP);
        assertThat(regions.parent(group)).contains(code("361100"));
        assertThat(regions.members(group)).extracting(Region::name)
                .containsExactly("上饶市本级", "信州区", "上饶经济技术开发区", "上饶高铁经济试验区");
        for (Region m : regions.members(group)) {
            assertThat(regions.parent(m)).contains(code("361100"));
        }
        assertThat(regions.members(code("361102"))).isEmpty();

        assertThat(regions.groupOf(code("361102"), "中心城区")).contains(group);
        assertThat(regions.groupOf(code("361100-K1"), " 中心城区 ")).contains(group);
        assertThat(regions.groupOf(code("361104"), "中心城区")).as("广信区 is listed separately").isEmpty();
        assertThat(regions.groupOf(code("361103"), "中心城区")).as("广丰区 is listed separately").isEmpty();
        assertThat(regions.groupOf(code("361102"), "东片区")).isEmpty();

        assertThat(regions.members(code("360700-ZX"))).extracting(Region::name)
                .containsExactly("章贡区", "赣州经济技术开发区", "赣州蓉江新区");
        assertThat(regions.groupOf(code("360703"), "中心城区")).as("南康区").isEmpty();
        assertThat(regions.members(code("361000-ZX"))).extracting(Region::name).containsExactly("抚州市本级");
        assertThat(regions.groupOf(code("361002"), "中心城区")).as("临川区").isEmpty();
        assertThat(regions.members(code("360400-ZX"))).extracting(Region::name).containsExactly("濂溪区", "浔阳区");
        assertThat(regions.groupOf(code("360404"), "中心城区")).as("柴桑区").isEmpty();
        assertThat(regions.groupOf(code("360603"), "中心城区")).as("余江区").isEmpty();
        assertThat(regions.members(code("360100-ZX"))).hasSize(6);
    }

    @Test
    void cityIsTheNearestPrefectureOrProvinceLevelZoneOrMunicipality() {
        assertThat(regions.city(code("361102"))).contains(code("361100"));
        assertThat(regions.city(code("361100"))).contains(code("361100"));
        assertThat(regions.city(code("361100-K1"))).contains(code("361100"));
        assertThat(regions.city(code("361100-ZX"))).contains(code("361100"));
        assertThat(regions.city(code("360000-K1"))).contains(code("360000-K1")); // 赣江新区
        assertThat(regions.city(code("220000-K1"))).contains(code("220000-K1")); // 长白山
        assertThat(regions.city(code("110105"))).contains(code("110000")); // 北京 朝阳区: a municipality
        assertThat(regions.city(code("360000"))).isEmpty();
        assertThat(regions.city(regions.root())).isEmpty();
        assertThat(regions.city(code("419001"))).as("济源市, directly under 河南省").isEmpty();
    }

    @Test
    void commonAncestor() {
        assertThat(regions.commonAncestor(List.of(code("361102"), code("361123")))).isEqualTo(code("361100"));
        assertThat(regions.commonAncestor(List.of(code("361102"), code("360702")))).isEqualTo(code("360000"));
        assertThat(regions.commonAncestor(List.of(code("361102"), code("110105")))).isEqualTo(regions.root());
        assertThat(regions.commonAncestor(List.of(code("361102")))).isEqualTo(code("361102"));
        assertThat(regions.commonAncestor(List.of(code("361100"), code("361102")))).isEqualTo(code("361100"));
        assertThat(regions.commonAncestor(List.of())).isEqualTo(regions.root());
    }

    @Test
    void generatedAliases() {
        assertThat(aliases("620721")).contains("肃南县");
        assertThat(aliases("360000")).contains("江西");
        assertThat(aliases("361100")).contains("上饶");
        assertThat(aliases("450000")).contains("广西");
        assertThat(aliases("150000")).contains("内蒙古");
        assertThat(aliases("522300")).contains("黔西南州");
        assertThat(aliases("632800")).contains("海西州");
        assertThat(aliases("622927")).contains("积石山县");
        assertThat(aliases("652800")).contains("巴音郭楞州");
        assertThat(aliases("361100-ZX")).contains("上饶市中心城区");
        assertThat(aliases("361100-SB")).contains("市本级", "本级");
        // 吉林省 and 吉林市 would both be 吉林: no alias at all
        assertThat(aliases("220000")).doesNotContain("吉林");
        assertThat(aliases("220200")).doesNotContain("吉林");
        // 东乡族自治县: the nationality is the place name, and 东乡 is a district elsewhere
        assertThat(aliases("622926")).isEmpty();
        // an ethnic district as news print it (瀍河区 for 瀍河回族区)
        assertThat(aliases("410304")).contains("瀍河区");
        assertThat(aliases("130000")).contains("河北");
    }

    /**
     * A county's name without 县/市/区 (恩平 for 恩平市) is a candidate the caller decides on or asks about, never an
     * alias taken without a question; and never where a province or city is so called (河北, 大理, 恩施).
     */
    @Test
    void countiesAsNewsPrintThemAreCandidatesOnly() {
        assertThat(regions.resolve("恩平", null)).isInstanceOf(Resolution.NotFound.class);
        assertThat(regions.candidates("恩平", null)).extracting(Region::code).containsExactly("440785");
        assertThat(regions.candidates("武川", regions.byCode("150100").orElseThrow())).extracting(Region::code)
                .containsExactly("150125");
        assertThat(regions.candidates("河北", null)).extracting(Region::code).doesNotContain("120105");
        assertThat(regions.candidates("大理", null)).extracting(Region::code).doesNotContain("532901");
        assertThat(regions.candidates("恩施", null)).extracting(Region::code).doesNotContain("422801");
    }

    @Test
    void searchFindsNamesAndAliasesExactFirst() {
        assertThat(regions.search("信州", 10)).extracting(Region::code).startsWith("361102");
        assertThat(regions.search("上饶经开区", 10)).extracting(Region::code).startsWith("361100-K1");
        assertThat(regions.search("朝阳区", 10)).extracting(Region::code).contains("110105", "220104");
        assertThat(regions.search("　", 10)).isEmpty();
        assertThat(regions.search("区", 5)).hasSize(5);
    }

    /**
     * Towns (乡级, V1_4) hang below their counties but stay out of the reporting tree and of the names plan tables are
     * read by: a town named like a county (白塔区 in 晋中, 城区 in five counties of 晋中, 赣州经济技术开发区 in 章贡区)
     * changes no resolution.
     */
    @Test
    void townsStayOutOfTheReportingTreeAndOfDocumentNames() {
        Region zhanggong = code("360702");
        Region jiefang = code("360702001000");
        assertThat(regions.parent(jiefang)).contains(zhanggong);
        assertThat(regions.ancestors(jiefang)).extracting(Region::code).containsExactly("000000", "360000", "360700", "360702");
        assertThat(regions.contains(zhanggong, jiefang)).isTrue();
        assertThat(regions.contains(code("360700"), jiefang)).isTrue();
        assertThat(regions.contains(code("361100"), jiefang)).isFalse();
        assertThat(regions.children(zhanggong)).isEmpty();
        assertThat(regions.subtree(zhanggong)).containsExactly(zhanggong);
        assertThat(regions.wholeSubtree(zhanggong)).hasSize(18).startsWith(zhanggong, jiefang);
        assertThat(regions.subtree(jiefang)).containsExactly(jiefang);
        assertThat(regions.subtree(code("360700"))).noneMatch(r -> r.kind().local());
        assertThat(regions.localUnits(code("360700"))).as("a city's towns are its counties'").isEmpty();
        assertThat(regions.commonAncestor(List.of(jiefang, code("360702002000")))).isEqualTo(zhanggong);

        assertThat(regions.resolve("白塔区", null)).isEqualTo(new Resolution.Found(code("211002"), false));
        assertThat(regions.resolve("城区", null)).isInstanceOfSatisfying(Resolution.Ambiguous.class, a ->
                assertThat(a.candidates()).extracting(Region::code).containsExactly("140302", "140502", "441502"));
        assertThat(regions.resolve("赣州经济技术开发区", code("360700"))).isEqualTo(new Resolution.Found(code("360700-K1"), false));
        assertThat(regions.resolve("解放街道", code("360700"))).isInstanceOf(Resolution.NotFound.class);
        assertThat(regions.candidates("解放街道", null)).isEmpty();
        // search: the reporting tree's regions first, towns after them
        assertThat(regions.search("赣州经济技术开发区", 5)).extracting(Region::code)
                .containsExactly("360700-K1", "360702400000");
    }

    @Test
    void townsAndCommunitiesResolveOnlyInsideAGivenRegion() {
        assertThat(regions.resolveLocal("解放街道", code("360702"))).isEqualTo(new Resolution.Found(code("360702001000"), false));
        assertThat(regions.resolveLocal(" 解放街道 ", code("360700"))).isInstanceOf(Resolution.Found.class);
        assertThat(regions.resolveLocal("解放街道", code("361102"))).isInstanceOf(Resolution.NotFound.class);
        assertThat(regions.resolveLocal("城关镇", regions.root())).isInstanceOfSatisfying(Resolution.Ambiguous.class,
                a -> assertThat(a.candidates()).hasSizeGreaterThan(50).allMatch(r -> r.kind() == RegionKind.TOWN));
        assertThat(regions.resolveLocal("信州区", code("361100"))).as("counties are not local units")
                .isInstanceOf(Resolution.NotFound.class);
        assertThat(RegionNames.withoutCommitteeSuffix("多福巷社区居委会")).isEqualTo("多福巷社区");
        assertThat(RegionNames.withoutCommitteeSuffix("李桥村民委员会")).isEqualTo("李桥村");
        assertThat(RegionNames.withoutCommitteeSuffix("李桥村委会")).isEqualTo("李桥村");
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void aCommunityAddedInATransactionThatRollsBackIsGoneAfterwards() {
        Region town = code("360702001000");
        tx.executeWithoutResult(status -> {
            Region added = org.anju.account.Access.runAs(org.anju.account.Actor.system(regions.root()),
                    () -> regions.addCommunity(town, "回滚测试社区", null));
            assertThat(regions.byCode(added.code())).as("seen inside its transaction").isPresent();
            status.setRollbackOnly();
        });
        assertThat(regions.localUnits(town)).extracting(Region::name).doesNotContain("回滚测试社区");
    }

    List<String> aliases(String code) {
        return regions.aliases(code(code)).stream().map(Regions.Alias::alias).toList();
    }
}
