package org.anju.plan;

import org.anju.indicator.Indicator;
import org.anju.indicator.Indicators;
import org.anju.plan.check.Finding;
import org.anju.plan.check.PlanChecker;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Plans and what they hold: the public face of the plan feature. */
@Service
public class Plans {

    private final PlanRepository repository;
    private final PlanChecker checker;
    private final Regions regions;
    private final Indicators indicators;

    Plans(PlanRepository repository, PlanChecker checker, Regions regions, Indicators indicators) {
        this.repository = repository;
        this.checker = checker;
        this.regions = regions;
        this.indicators = indicators;
    }

    public List<Plan> all() {
        return repository.plans();
    }

    public Optional<Plan> find(long id) {
        return repository.plan(id);
    }

    public Plan get(long id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("计划不存在：" + id));
    }

    public Optional<Plan> byDocumentNumber(String documentNumber) {
        return repository.byDocumentNumber(documentNumber);
    }

    public Optional<Plan> byTitleAndIssuer(String title, int issuerRegionId) {
        return repository.byTitleAndIssuer(title, issuerRegionId);
    }

    @Transactional(readOnly = true)
    public PlanDraft load(long id) {
        Plan plan = get(id);
        return new PlanDraft(plan, repository.tables(id), repository.milestones(id), repository.statedTotals(id));
    }

    public List<BreakdownTable> tables(long planId) {
        return repository.tables(planId);
    }

    public BreakdownTable table(long planId, int seq) {
        return tables(planId).stream().filter(t -> t.seq() == seq).findFirst()
                .orElseThrow(() -> new NoSuchElementException("计划 " + planId + " 没有第 " + seq + " 张分解表"));
    }

    public List<Milestone> milestones(long planId) {
        return repository.milestones(planId);
    }

    /** Stored plans that allocated to this plan's issuer: issued above it, for a year it also covers. */
    @Transactional(readOnly = true)
    public List<PlanDraft> upperPlans(Plan plan) {
        Region issuer = regions.byId(plan.issuerRegionId());
        List<PlanDraft> upper = new ArrayList<>();
        for (Plan p : all()) {
            if (p.id().equals(plan.id())) {
                continue;
            }
            Region pi = regions.byId(p.issuerRegionId());
            boolean above = !pi.equals(issuer) && regions.contains(pi, issuer);
            boolean sharesYear = p.firstYear() <= plan.lastYear() && plan.firstYear() <= p.lastYear();
            if (above && sharesYear) {
                upper.add(load(p.id()));
            }
        }
        return upper;
    }

    /** Everything inconsistent in a plan: within its tables, against its text, against the levels above. */
    @Transactional(readOnly = true)
    public List<Finding> findings(long planId) {
        PlanDraft draft = load(planId);
        return checker.check(draft, upperPlans(draft.plan()));
    }

    public List<Finding> check(PlanDraft draft) {
        return checker.check(draft, upperPlans(draft.plan()));
    }

    /**
     * Stores a plan. An existing plan (with id) is updated; its tables are replaced only when asked,
     * and its milestones and stated totals only when the draft carries some.
     */
    @Transactional
    public long save(PlanDraft draft, boolean replaceTables) {
        Plan plan = draft.plan();
        long id;
        if (plan.id() == null) {
            id = repository.insertPlan(plan);
        } else {
            id = plan.id();
            repository.updatePlan(plan);
            if (replaceTables) {
                repository.deleteTables(id);
            } else if (!draft.tables().isEmpty() && !repository.tables(id).isEmpty()) {
                throw new IllegalStateException("计划「" + plan.label() + "」已有分解表；如需替换，请选择替换");
            }
        }
        repository.insertTables(id, draft.tables());
        if (!draft.tables().isEmpty()) {
            repository.rollUp(id);
        }
        if (!draft.milestones().isEmpty()) {
            repository.replaceMilestones(id, draft.milestones());
        }
        if (!draft.statedTotals().isEmpty()) {
            repository.replaceStatedTotals(id, draft.statedTotals());
        }
        return id;
    }

    @Transactional
    public void replaceMilestones(long planId, List<Milestone> milestones) {
        get(planId);
        repository.replaceMilestones(planId, milestones);
    }

    @Transactional
    public void replaceStatedTotals(long planId, List<StatedTotal> totals) {
        get(planId);
        repository.replaceStatedTotals(planId, totals);
    }

    @Transactional
    public void delete(long id) {
        if (!repository.deletePlan(id)) {
            throw new NoSuchElementException("计划不存在：" + id);
        }
    }

    /** The plan's targets for a region's subtree, per indicator and year. */
    public List<RegionTotal> subtreeTotals(long planId, String regionCode) {
        Region region = regions.byCode(regionCode).orElseThrow(() -> new NoSuchElementException("地区不存在：" + regionCode));
        return repository.subtreeTotals(planId, region.id()).stream().map(t -> {
            Indicator i = indicators.byId(t.indicatorId());
            return new RegionTotal(i.code(), i.displayName(), t.year(), t.total(), t.units());
        }).toList();
    }

    /** Targets as printed, optionally for one region, indicator or year. */
    public List<Target> targets(long planId, String regionCode, String indicatorCode, Integer year) {
        Integer regionId = regionCode == null ? null : regions.byCode(regionCode)
                .orElseThrow(() -> new NoSuchElementException("地区不存在：" + regionCode)).id();
        Integer indicatorId = indicatorCode == null ? null : indicators.byCode(indicatorCode)
                .orElseThrow(() -> new NoSuchElementException("指标不存在：" + indicatorCode)).id();
        return repository.targets(planId, regionId, indicatorId, year).stream()
                .map(t -> new Target(t.regionCode(), t.regionName(), t.rowLabel(), RowRole.valueOf(t.role()),
                        t.indicatorCode(), t.year(), t.value(), t.tableSeq(), t.tableLabel()))
                .toList();
    }

    // ---- import batches (kept with the plan feature: they end up as plans) -------------------------

    public long recordBatch(String fileName, String format, String encoding, String sha256, byte[] content,
                            boolean committed, Long planId, String summary) {
        return repository.insertBatch(fileName, format, encoding, sha256, content,
                committed ? "COMMITTED" : "PREVIEW", planId, summary);
    }

    public Optional<ImportBatch> batch(long id) {
        return repository.batch(id).map(b -> new ImportBatch(b.id(), b.fileName(), b.status(), b.planId(), b.content()));
    }

    public void markBatchCommitted(long id, long planId, String summary) {
        repository.markBatch(id, "COMMITTED", planId, summary);
    }

    /** A file offered for import, kept whole. */
    public record ImportBatch(long id, String fileName, String status, Long planId, byte[] content) {
    }
}
