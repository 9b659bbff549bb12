package org.anju.demo;

import org.anju.plan.Plan;
import org.anju.plan.PlanDraft;
import org.anju.plan.Plans;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.platform.AppSettings;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Loads the seed documents as demo data: their breakdown tables through the same importer a user
 * uses, the rest of what their text says from the manifest. Runs once per database.
 */
@Component
public class DemoData {

    static final String LOADED = "demo.loaded";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final PlanImporter importer;
    private final Plans plans;
    private final Regions regions;
    private final AppSettings settings;

    DemoData(PlanImporter importer, Plans plans, Regions regions, AppSettings settings) {
        this.importer = importer;
        this.plans = plans;
        this.regions = regions;
        this.settings = settings;
    }

    public boolean loaded() {
        return settings.get(LOADED).isPresent();
    }

    /** Loads the seeds unless done before; returns the import results of the seed files with tables. */
    @Transactional
    public List<ImportResult> loadOnce() {
        if (loaded()) {
            return List.of();
        }
        List<ImportResult> results = SeedManifest.load().plans().stream().map(this::load).toList();
        settings.put(LOADED, java.time.Instant.now().toString());
        return results;
    }

    private ImportResult load(SeedManifest.SeedPlan seed) {
        if (!seed.tables()) {
            Region issuer = regions.byCode(seed.issuer()).orElseThrow(() -> new NoSuchElementException(seed.issuer()));
            Plan plan = new Plan(null, seed.title(), issuer.id(), seed.issuerName(), seed.documentNumber(),
                    seed.issuedOn(), seed.firstYear(), seed.lastYear(), null, seed.file(), null);
            plans.save(new PlanDraft(plan, List.of(), seed.milestones(), seed.statedTotals()), false);
            log.info("示例数据：{}（无分解表）", seed.title());
            return null;
        }
        ImportOptions options = new ImportOptions(false, null, false, seed.issuer(), seed.issuerName(), seed.title(),
                seed.documentNumber(), seed.issuedOn(), seed.firstYear(), seed.lastYear(), seed.parent(), null, false,
                seed.milestones(), seed.statedTotals());
        ImportResult result = importer.importFile(seed.file(), read(seed.file()), options);
        if (!result.ok()) {
            throw new IllegalStateException("示例数据 " + seed.file() + " 导入失败："
                    + result.problems().stream().map(ImportResult.Problem::text).toList());
        }
        log.info("示例数据：{}，{} 张分解表，{} 处不一致", result.plan().title(), result.tables().size(),
                result.findings().size());
        return result;
    }

    static byte[] read(String file) {
        try (var in = new ClassPathResource("seeds/" + file).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("缺少示例文件 seeds/" + file, e);
        }
    }
}
