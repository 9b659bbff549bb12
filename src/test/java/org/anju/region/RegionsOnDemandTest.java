package org.anju.region;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command's region directory ({@code anju.regions.local-units-on-demand}, set by org.anju.cli.Cli): the reporting tree
 * alone at start, the 乡级 and 村级 units read when first asked for. It must answer exactly as the whole tree does (the
 * application's {@link Regions}, read whole at start): every resolution of a document's names, every question about a
 * reporting region — without reading the local units — and, once asked, every question about a town.
 */
@AnjuTest
class RegionsOnDemandTest {

    @Autowired
    Regions regions;   // the web app's: the whole tree at start
    @Autowired
    RegionStore store;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ObjectProvider<ReferenceDataGuard> guard;

    Regions onDemand() {
        return new Regions(store, tx, guard, true);
    }

    Region code(String code) {
        return regions.byCode(code).orElseThrow(() -> new AssertionError("no region " + code));
    }

    @Test
    void startsWithTheReportingTreeAlone() {
        Regions lazy = onDemand();
        RegionDirectory whole = regions.directory();
        assertThat(whole.complete()).isTrue();
        assertThat(lazy.directory().complete()).isFalse();
        assertThat(lazy.directory().size()).as("the reporting tree: no town, no community")
                .isEqualTo(whole.preorder().size()).isLessThan(whole.size() / 5);
        assertThat(lazy.directory().preorder()).isEqualTo(whole.preorder());
    }

    /** Every name a plan table may hold, read in the contexts a table gives: the same answer, no town read. */
    @Test
    void resolvesDocumentNamesAsTheWholeTreeDoesWithoutReadingTowns() throws IOException {
        Regions lazy = onDemand();
        Set<String> labels = new LinkedHashSet<>();
        SeedTables.blockRows(SeedTables.text("000")).forEach(r -> labels.add(r.label()));
        for (String seed : List.of("001", "002")) {
            SeedTables.tabRows(SeedTables.text(seed)).forEach(r -> labels.add(r.label()));
        }
        List<Region> reporting = regions.directory().preorder();
        for (Region r : reporting) {
            labels.add(r.name());
            regions.aliases(r).forEach(a -> labels.add(a.alias()));
            RegionNames.shortForm(r.name(), r.kind()).ifPresent(labels::add);
            RegionNames.countyShortForm(r.name(), r.kind()).ifPresent(labels::add);
        }
        // towns named like counties (城区, 白塔区, 赣州经济技术开发区), a town's own name, nonsense
        labels.addAll(List.of("城区", "白塔区", "赣州经济技术开发区", "解放街道", "城关镇", "吉林", "开发区", "经开区", "本级",
                "中心城区", "不存在的县"));
        List<Region> contexts = new ArrayList<>();
        contexts.add(null);
        for (Region r : reporting) {
            if (r.kind() == RegionKind.PROVINCE || r.kind() == RegionKind.PREFECTURE || r.kind() == RegionKind.GROUP) {
                contexts.add(r);
            }
        }
        contexts.add(code("361102"));
        int compared = 0;
        for (Region context : contexts) {
            // every label nationwide; in a province, city or group the labels of the seeds and that context's own
            Set<String> asked = context == null ? labels : new LinkedHashSet<>(labels.stream().limit(400).toList());
            if (context != null) {
                regions.subtree(context).forEach(r -> asked.add(r.name()));
            }
            for (String label : asked) {
                assertThat(lazy.resolve(label, context)).as("%s in %s", label, context)
                        .isEqualTo(regions.resolve(label, context));
                assertThat(lazy.candidates(label, context)).as("candidates %s in %s", label, context)
                        .isEqualTo(regions.candidates(label, context));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100_000);
        assertThat(lazy.directory().complete()).as("no town or community was needed").isFalse();
    }

    @Test
    void answersAboutReportingRegionsAsTheWholeTreeDoesWithoutReadingTowns() {
        Regions lazy = onDemand();
        List<Region> reporting = regions.directory().preorder();
        for (Region r : reporting) {
            assertThat(lazy.byId(r.id())).isEqualTo(r);
            assertThat(lazy.byCode(r.code())).contains(r);
            assertThat(lazy.parent(r)).isEqualTo(regions.parent(r));
            assertThat(lazy.children(r)).isEqualTo(regions.children(r));
            assertThat(lazy.ancestors(r)).isEqualTo(regions.ancestors(r));
            assertThat(lazy.subtree(r)).isEqualTo(regions.subtree(r));
            assertThat(lazy.city(r)).isEqualTo(regions.city(r));
            assertThat(lazy.aliases(r)).isEqualTo(regions.aliases(r));
            assertThat(lazy.members(r)).isEqualTo(regions.members(r));
            assertThat(lazy.groupsOf(r)).isEqualTo(regions.groupsOf(r));
            Region province = regions.ancestors(r).size() > 1 ? regions.ancestors(r).get(1) : r;
            assertThat(lazy.contains(province, r)).isEqualTo(regions.contains(province, r)).isTrue();
            assertThat(lazy.contains(r, province)).isEqualTo(regions.contains(r, province));
        }
        Region xinzhou = code("361102");
        Region zhanggong = code("360702");
        assertThat(lazy.commonAncestor(List.of(xinzhou, zhanggong))).isEqualTo(code("360000"));
        assertThat(lazy.groupOf(xinzhou, "中心城区")).isEqualTo(regions.groupOf(xinzhou, "中心城区")).isPresent();
        assertThat(lazy.directory().complete()).as("no town or community was needed").isFalse();
    }

    @Test
    void readsTheTownsWhenATownIsAskedFor() {
        Regions lazy = onDemand();
        Region zhanggong = code("360702");
        Region jiefang = code("360702001000");
        // a town's code: not in the reporting tree, so the whole tree is read — and answers as the application's
        assertThat(lazy.byCode("360702001000")).contains(jiefang);
        assertThat(lazy.directory().complete()).isTrue();
        assertThat(lazy.directory().size()).isEqualTo(regions.directory().size());
        assertThat(lazy.localUnits(zhanggong)).isEqualTo(regions.localUnits(zhanggong)).contains(jiefang);
        assertThat(lazy.wholeSubtree(code("360700"))).isEqualTo(regions.wholeSubtree(code("360700")));
        assertThat(lazy.search("赣州经济技术开发区", 5)).isEqualTo(regions.search("赣州经济技术开发区", 5));
    }

    /** Each way of asking about a town reads the towns first: the answer is never the reporting tree's "none". */
    @Test
    void everyQuestionAboutATownReadsTheTowns() {
        Region zhanggong = code("360702");
        Region jiefang = code("360702001000");
        Region xinzhou = code("361102");
        assertThat(onDemand().byId(jiefang.id())).isEqualTo(jiefang);
        assertThat(onDemand().parent(jiefang)).contains(zhanggong);
        assertThat(onDemand().ancestors(jiefang)).isEqualTo(regions.ancestors(jiefang));
        assertThat(onDemand().contains(zhanggong, jiefang)).isTrue();
        assertThat(onDemand().contains(xinzhou, jiefang)).isFalse();
        assertThat(onDemand().contains(jiefang, zhanggong)).isFalse();
        assertThat(onDemand().subtree(jiefang)).containsExactly(jiefang);
        assertThat(onDemand().commonAncestor(List.of(jiefang, code("360702002000")))).isEqualTo(zhanggong);
        assertThat(onDemand().localUnits(zhanggong)).contains(jiefang);
        assertThat(onDemand().wholeSubtree(zhanggong)).hasSize(regions.wholeSubtree(zhanggong).size()).contains(jiefang);
        assertThat(onDemand().search("解放街道", 50)).isEqualTo(regions.search("解放街道", 50)).contains(jiefang);
        // towns and communities: found inside the scope, refused outside it, asked about when ambiguous — as before
        assertThat(onDemand().resolveLocal("解放街道", zhanggong)).isEqualTo(new Resolution.Found(jiefang, false));
        assertThat(onDemand().resolveLocal("解放街道", xinzhou)).isInstanceOf(Resolution.NotFound.class);
        assertThat(onDemand().resolveLocal("城关镇", regions.root()))
                .isEqualTo(regions.resolveLocal("城关镇", regions.root()))
                .isInstanceOfSatisfying(Resolution.Ambiguous.class, a -> assertThat(a.candidates()).hasSizeGreaterThan(50));
        assertThat(onDemand().resolve("解放街道", code("360700"))).isInstanceOf(Resolution.NotFound.class);
        assertThat(onDemand().resolve("信州区", jiefang)).isEqualTo(regions.resolve("信州区", jiefang));
        assertThat(onDemand().byCode("no-such-code")).isEmpty();
    }
}
