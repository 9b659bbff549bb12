package org.anju.rental.subsidy;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Demo: the real subsidy parameters of 重庆市渝中区, 汕头市 and 顺德区 (resources/rental/subsidy/, with their sources),
 * uploaded once for those regions as the system when the demo is on. Their sources give a year, not a day: the files are
 * loaded from the first day of that year (演示数据, see demo.tsv). They state no 发放周期 or 不足月, so those cities'
 * rolls are refused until their administrators upload a version that says.
 */
@Component
@ConditionalOnProperty(name = "anju.demo.enabled", havingValue = "true", matchIfMissing = true)
class SubsidyDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SubsidyDemoData.class);

    private final Subsidies subsidies;
    private final Regions regions;
    private final JdbcClient jdbc;

    private final org.anju.platform.ClusterOnce once;

    SubsidyDemoData(Subsidies subsidies, Regions regions, JdbcClient jdbc, org.anju.platform.ClusterOnce once) {
        this.once = once;
        this.subsidies = subsidies;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        // two nodes started together on a new database both loaded: one at a time, the second finds it loaded
        once.run(org.anju.platform.ClusterOnce.DEMO_DATA, this::loadDemo);
    }

    private void loadDemo() {
        Access.runAs(Actor.system(regions.root()), () -> {
            for (String[] line : manifest()) {
                String code = line[0];
                int region = regions.byCode(code).orElseThrow().id();
                boolean loaded = jdbc.sql("select exists (select 1 from rental_subsidy_parameters where region_id = :r)")
                        .param("r", region).query(Boolean.class).single();
                if (!loaded) {
                    subsidies.uploadParameters(code, LocalDate.parse(line[2]), line[1], read("rental/subsidy/" + line[1]));
                    log.info("演示数据：已载入{}的租赁补贴参数（{}）", code, line[1]);
                }
            }
            return null;
        });
    }

    private static java.util.List<String[]> manifest() {
        return read("rental/subsidy/demo.tsv").lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t")).toList();
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
