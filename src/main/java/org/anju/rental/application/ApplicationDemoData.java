package org.anju.rental.application;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo's public-rental chain in 徐州市: the community 下淀社区 (丰财街道, 鼓楼区; its 国家统计局 2023 code) where the
 * demo's 社区受理员 works, and the city's rule sets, review flows and lease rules (resources rental/rules, rental/flows
 * and rental/lease, each citing its source), uploaded as a city would. No city's waiting-list rules were found
 * (OPERATIONS.md §13), so none is loaded: 徐州's 轮候 page says what to upload. Runs before the demo accounts are made
 * (their 社区 must exist), as the system, each kind once per database.
 */
@Component
class ApplicationDemoData {

    static final String CITY = "320300";
    static final String TOWN = "320302002000";         // 丰财街道
    static final String COMMUNITY = "320302002006";    // 下淀社区居委会 (国家统计局 2023 统计用区划代码)
    static final String COMMUNITY_NAME = "下淀社区";
    /** From when the demo's flows apply: the day the rule sets they go with take effect. */
    static final LocalDate FLOWS_FROM = LocalDate.of(2024, 1, 1);
    static final List<String> RULES = List.of("320300-公租房-低保特困.tsv", "320300-公租房-新就业.tsv", "320300-租赁补贴.tsv");
    static final List<String> FLOWS = List.of("320300-公租房-低保特困.tsv", "320300-租赁补贴.tsv");
    static final List<String> LEASES = List.of("320300-低保特困.tsv", "320300-新就业.tsv");

    private static final Logger log = LoggerFactory.getLogger(ApplicationDemoData.class);

    private final Regions regions;
    private final CityRules rules;

    ApplicationDemoData(Regions regions, CityRules rules) {
        this.regions = regions;
        this.rules = rules;
    }

    /** On start with the demo data, before the demo accounts (ordered first): as the system. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnProperty(name = "anju.demo.enabled", havingValue = "true", matchIfMissing = true)
    static class OnStartup implements ApplicationRunner {

        private final ApplicationDemoData demo;
        private final Regions regions;

        private final org.anju.platform.ClusterOnce once;

        OnStartup(ApplicationDemoData demo, Regions regions, org.anju.platform.ClusterOnce once) {
            this.once = once;
            this.demo = demo;
            this.regions = regions;
        }

        @Override
        public void run(ApplicationArguments args) {
            // two nodes started together on a new database both loaded: one at a time, the second finds it loaded
            once.run(org.anju.platform.ClusterOnce.DEMO_DATA, this::loadDemo);
        }

        private void loadDemo() {
            Access.runAs(Actor.system(regions.root()), () -> {
                demo.load();
                return null;
            });
        }
    }

    /** Adds 下淀社区 and uploads 徐州's files of each kind the city has none of yet. */
    synchronized void load() {
        regions.reload();   // another node may have added it a moment ago (ClusterOnce): not yet in this one's directory
        if (regions.byCode(COMMUNITY).isEmpty()) {
            regions.addCommunity(regions.byCode(TOWN).orElseThrow(), COMMUNITY_NAME, COMMUNITY);
        }
        Set<RuleFile.Kind> present = rules.files(CITY).stream().map(RuleFile::kind).collect(Collectors.toSet());
        Region city = regions.byCode(CITY).orElseThrow();
        if (!present.contains(RuleFile.Kind.RULES) && !present.contains(RuleFile.Kind.FLOW)) {
            for (String f : RULES) {
                rules.upload(city.code(), RuleFile.Kind.RULES, f, read("rental/rules/" + f), null, null);
            }
            for (String f : FLOWS) {
                rules.upload(city.code(), RuleFile.Kind.FLOW, f, read("rental/flows/" + f), FLOWS_FROM, null);
            }
            log.info("示例数据：{}的公租房准入条件 {} 份、审核流程 {} 份", city.name(), RULES.size(), FLOWS.size());
        }
        if (!present.contains(RuleFile.Kind.LEASE)) {
            for (String f : LEASES) {
                rules.upload(city.code(), RuleFile.Kind.LEASE, f, read("rental/lease/" + f), null, null);
            }
            log.info("示例数据：{}的公租房租赁规则 {} 份", city.name(), LEASES.size());
        }
    }

    static String read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("缺少示例文件 " + path, e);
        }
    }
}
