package org.anju.plan;

import org.anju.account.Access;
import org.anju.account.LastChange;
import org.anju.indicator.Indicator;
import org.anju.indicator.Indicators;
import org.anju.plan.check.Finding;
import org.anju.plan.check.PlanChecker;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Map;
import java.math.BigDecimal;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Plans and what they hold: the public face of the plan feature.
 *
 * <p>Access: a plan is read by whoever may read documents of its issuer ({@link Access#canReadIssuedBy}:
 * issued in the user's subtree, or handed down from above), as a whole — a handed-down table is the
 * document the user received. Changing a plan (importing, editing, deleting it, its milestones and
 * stated totals) needs {@link Access#checkWrite} on its issuer. Every public reader checks this itself
 * ({@link #readable()}, {@link #get}, {@link #find}, {@link #load}, {@link #tables}, {@link #milestones}): web code
 * cannot reach a plan by forgetting a call (issue 11); the command line and the system read every plan.
 */
@Service
public class Plans {

    private final PlanRepository repository;
    private final PlanChecker checker;
    private final Regions regions;
    private final Indicators indicators;
    private final Access access;
    private final LastChange lastChange;

    private final ProgressTableRepository progressTables;

    /** How long an uncommitted preview keeps its file ({@code anju.import.preview-hours}, 24). */
    private final java.time.Duration previewLife;

    Plans(PlanRepository repository, ProgressTableRepository progressTables, PlanChecker checker, Regions regions,
          Indicators indicators, Access access, LastChange lastChange,
          @org.springframework.beans.factory.annotation.Value("${anju.import.preview-hours:24}") int previewHours) {
        this.lastChange = lastChange;
        this.previewLife = java.time.Duration.ofHours(previewHours);
        this.repository = repository;
        this.progressTables = progressTables;
        this.checker = checker;
        this.regions = regions;
        this.indicators = indicators;
        this.access = access;
    }

    /** Every stored plan, unchecked: only for the checked readers below. */
    private List<Plan> stored() {
        return repository.plans();
    }

    /** The plans the current user may read (the command line and the system read all). */
    public List<Plan> readable() {
        return stored().stream().filter(p -> access.canReadIssuedBy(issuer(p))).toList();
    }

    /** The plans the current user may change (import into, edit). */
    public List<Plan> writable() {
        return stored().stream().filter(p -> access.canWrite(issuer(p))).toList();
    }

    /**
     * A plan the current user may read.
     *
     * @throws org.anju.platform.NotFound when there is no such plan (404)
     * @throws org.anju.platform.Denied when the user may not read it (403)
     */
    public Plan read(long id) {
        return get(id);
    }

    public Region issuer(Plan p) {
        return regions.byId(p.issuerRegionId());
    }

    /**
     * Every reader checks access itself (issue 11): web code cannot reach a plan, table or milestone the user may not
     * read by forgetting a call. {@code find} is empty for a plan the user may not read, as for none.
     */
    public Optional<Plan> find(long id) {
        return repository.plan(id).filter(p -> access.canReadIssuedBy(issuer(p)));
    }

    /** A plan the user may read; refused (403) or not found (404) otherwise. */
    public Plan get(long id) {
        Plan p = repository.plan(id).orElseThrow(() -> new org.anju.platform.NotFound("计划不存在：" + id));
        access.checkReadIssuedBy(issuer(p));
        return p;
    }

    /** Looked up to refuse a second plan with the same 文号 (the message names the 文号 only). */
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
        get(planId);
        return repository.tables(planId);
    }

    public BreakdownTable table(long planId, int seq) {
        return tables(planId).stream().filter(t -> t.seq() == seq).findFirst()
                .orElseThrow(() -> new org.anju.platform.NotFound("计划 " + planId + " 没有第 " + seq + " 张分解表"));
    }

    public List<Milestone> milestones(long planId) {
        get(planId);
        return repository.milestones(planId);
    }

    /** Stored plans that allocated to this plan's issuer: issued above it, for a year it also covers. */
    @Transactional(readOnly = true)
    public List<PlanDraft> upperPlans(Plan plan) {
        Region issuer = regions.byId(plan.issuerRegionId());
        List<PlanDraft> upper = new ArrayList<>();
        for (Plan p : stored()) {
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
     * Runs an insert or update of the plan row, turning the database's uniqueness (文号; or issuer, title and years)
     * into a message that names the plan already there — two imports at once cannot both make it.
     */
    private long unique(Plan plan, java.util.function.LongSupplier write) {
        try {
            return write.getAsLong();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            String years = plan.firstYear() == plan.lastYear() ? plan.firstYear() + "年" : plan.firstYear() + "–" + plan.lastYear() + "年";
            throw new org.anju.platform.Conflict(plan.documentNumber() != null
                    ? "文号 " + plan.documentNumber() + " 的计划已存在；如需替换，请在导入时选择替换该计划"
                    : issuer(plan).name() + "已有" + years + "的计划「" + plan.title() + "」（无文号）；"
                    + "如需替换，请在导入时选择替换该计划，或填写文号区分");
        }
    }

    /**
     * Stores a plan. An existing plan (with id) is updated; its tables are replaced only when asked,
     * and its milestones and stated totals only when the draft carries some.
     */
    @Transactional
    public long save(PlanDraft draft, boolean replaceTables) {
        return save(draft, replaceTables, new Fingerprints());
    }

    /** {@link #save(PlanDraft, boolean)} with the tables' fingerprints already worked out by the import's check. */
    @Transactional
    public long save(PlanDraft draft, boolean replaceTables, Fingerprints fingerprints) {
        Plan plan = draft.plan();
        access.checkWrite(issuer(plan));
        if (issuer(plan).kind().local()) {
            // a town's staff write their town (applications), but 保障性安居工程 plans are issued from the county up
            throw new org.anju.platform.BadInput(issuer(plan).name() + "是" + issuer(plan).kind().label()
                    + "，不能作为计划的下达单位：计划由县级及以上单位下达");
        }
        if (plan.parentPlanId() != null) {
            // naming a parent the user may not read would show its title back (issue 10): refused alike whether
            // it exists or not
            Plan parent = find(plan.parentPlanId()).filter(x -> access.canReadIssuedBy(issuer(x)))
                    .orElseThrow(() -> new org.anju.platform.BadInput("上级计划不存在或无权查看：" + plan.parentPlanId()));
            if (parent.id().equals(plan.id())) {
                throw new org.anju.platform.BadInput("上级计划不能是本计划自己");
            }
        }
        long id;
        if (plan.id() == null) {
            id = unique(plan, () -> repository.insertPlan(plan));
        } else {
            id = plan.id();
            access.checkWrite(issuer(get(id)));
            unique(plan, () -> {
                repository.updatePlan(plan, null);
                return id;
            });
            if (replaceTables) {
                repository.deleteTables(id);
            } else if (!draft.tables().isEmpty() && !repository.tables(id).isEmpty()) {
                throw new org.anju.platform.Conflict("计划「" + plan.label() + "」已有分解表；如需替换，请选择替换");
            }
        }
        repository.insertTables(id, draft.tables(), fingerprints);
        if (!draft.tables().isEmpty()) {
            // the plan's tables are now exactly the draft's (new, replaced, or added to a plan without any)
            repository.rollUp(id, draft.tables());
        }
        if (!draft.milestones().isEmpty()) {
            repository.replaceMilestones(id, draft.milestones());
        }
        if (!draft.statedTotals().isEmpty()) {
            repository.replaceStatedTotals(id, draft.statedTotals());
        }
        return id;
    }

    /**
     * Changes a plan's metadata (title, 文号, dates, issuer, parent, note), based on what the user read.
     *
     * @param expectedVersion the version the user's change is based on
     * @throws ConcurrentUpdateException when the plan was changed since (nothing is written)
     */
    @Transactional
    public Plan updateMetadata(Plan plan, int expectedVersion) {
        Plan stored = get(plan.id());
        access.checkWrite(issuer(stored));
        access.checkWrite(issuer(plan));
        if (plan.parentPlanId() != null) {
            // the plan it implements: one the issuer may read (received from above or its own), never itself
            Plan parent = repository.plan(plan.parentPlanId()).orElseThrow(() ->
                    new org.anju.platform.BadInput("上级计划不存在：" + plan.parentPlanId()));
            if (parent.id().equals(plan.id())) {
                throw new org.anju.platform.BadInput("上级计划不能是本计划自己");
            }
            access.checkReadIssuedBy(issuer(parent));
        }
        if (!repository.updatePlan(plan.withSource(stored.sourceFile()), expectedVersion)) {
            throw stale(stored, expectedVersion);
        }
        return get(plan.id());
    }

    /**
     * Replaces all the plan's milestones; {@code planVersion} is the version they were read with: a plan changed since
     * (a colleague's milestone added, an import) is refused, nothing deleted — the replacement would have dropped what
     * the reader never saw (absence audit: a list read on a lagging replica, or simply before the colleague's save).
     */
    @Transactional
    public void replaceMilestones(long planId, int planVersion, List<Milestone> milestones) {
        Plan plan = get(planId);
        access.checkWrite(issuer(plan));
        bumpReplacing(plan, planVersion);
        repository.replaceMilestones(planId, milestones);
    }

    /**
     * Adds (no id) or changes one milestone of a plan. Only the plan's issuer may; the form carries the plan version
     * it showed, and a plan changed by someone else since is refused, nothing overwritten.
     */
    @Transactional
    public Milestone saveMilestone(long planId, int planVersion, Milestone m) {
        Plan plan = get(planId);
        access.checkWrite(issuer(plan));
        if (indicators.program(m.programCode()).isEmpty()) {
            throw new org.anju.platform.BadInput("未知工程类别：" + m.programCode());
        }
        if (m.indicatorCode() != null && indicators.byCode(m.indicatorCode()).isEmpty()) {
            throw new org.anju.platform.BadInput("指标不存在：" + m.indicatorCode());
        }
        String program = indicators.program(m.programCode()).orElseThrow().name();
        if (m.indicatorCode() != null && !indicators.byCode(m.indicatorCode()).orElseThrow().programCode().equals(m.programCode())) {
            throw new org.anju.platform.BadInput("指标“" + indicators.byCode(m.indicatorCode()).orElseThrow().displayName()
                    + "”不属于工程类别“" + program + "”");
        }
        if (m.selection() != null && m.selection().measureCode() != null && indicators.ofProgram(m.programCode()).stream()
                .noneMatch(i -> i.measureCode().equals(m.selection().measureCode()))) {
            throw new org.anju.platform.BadInput(program + "不按所选计量统计：请选择该类别使用的计量（如套数、户数）");
        }
        if (m.dueOn().getYear() < plan.firstYear() - 1 || m.dueOn().getYear() > plan.lastYear() + 1) {
            throw new org.anju.platform.BadInput("进度要求的日期 " + m.dueOn() + " 不在计划年度（" + plan.firstYear() + "—"
                    + plan.lastYear() + "年）内，请核对");
        }
        bump(plan, planVersion);
        if (m.id() == null) {
            long id = repository.insertMilestone(planId, m);
            return new Milestone(id, m.dueOn(), m.programCode(), m.indicatorCode(), m.workItem(), m.scope(),
                    m.thresholdPercent(), m.quote(), m.selection());
        }
        if (!repository.updateMilestone(planId, m)) {
            throw new org.anju.platform.NotFound("计划「" + plan.label() + "」没有编号为 " + m.id() + " 的进度要求");
        }
        return m;
    }

    @Transactional
    public void deleteMilestone(long planId, int planVersion, long milestoneId) {
        Plan plan = get(planId);
        access.checkWrite(issuer(plan));
        bump(plan, planVersion);
        if (!repository.deleteMilestone(planId, milestoneId)) {
            throw new org.anju.platform.NotFound("计划「" + plan.label() + "」没有编号为 " + milestoneId + " 的进度要求");
        }
    }

    /**
     * As {@link #bump}, for the API's replacements: a client retrying its own replacement after a lost answer meets its
     * own change (review 23 M2) — so the refusal names who made the version there (the audit trail, 您本人的账号（通过接口）
     * for a retry) and, as an API has no page to refresh, says what the version is and what to do in either case.
     */
    private void bumpReplacing(Plan plan, int expectedVersion) {
        if (!repository.bump(plan.id(), expectedVersion)) {
            int now = get(plan.id()).version();
            String reread = "请重新读取计划（GET /api/plans/" + plan.id() + " 的 plan.version）核对后再替换";
            // ahead: no retry of the client's own replacement either, that would have made the version it sent
            throw new ConcurrentUpdateException(lastChange.refusal("计划「" + plan.label() + "」", "plan", plan.id(),
                    expectedVersion, now, "本次未保存：" + (expectedVersion > now ? ""
                            : "如这是您同一请求的重试、前一次已经成功，则无需再发；否则") + reread));
        }
    }

    /** The plan's version moves on with each change of what it holds; a stale one is refused naming who moved it. */
    private void bump(Plan plan, int expectedVersion) {
        if (!repository.bump(plan.id(), expectedVersion)) {
            throw stale(plan, expectedVersion);
        }
    }

    /**
     * A change of the plan at a version that is not the one there: who made the version there and when — or, for a version
     * ahead of it, that the plan has no such version (nobody changed it after that read).
     */
    private ConcurrentUpdateException stale(Plan plan, int expectedVersion) {
        int now = get(plan.id()).version();
        return new ConcurrentUpdateException(lastChange.refusal("计划「" + plan.label() + "」", "plan", plan.id(), expectedVersion,
                now, "您的修改未保存；请刷新页面，核对后重新修改"));
    }

    /** Replaces all the plan's stated totals, read at {@code planVersion} (as {@link #replaceMilestones}). */
    @Transactional
    public void replaceStatedTotals(long planId, int planVersion, List<StatedTotal> totals) {
        Plan plan = get(planId);
        access.checkWrite(issuer(plan));
        bumpReplacing(plan, planVersion);
        repository.replaceStatedTotals(planId, totals);
    }

    @Transactional
    public void delete(long id) {
        access.checkWrite(issuer(get(id)));
        if (!repository.deletePlan(id)) {
            throw new org.anju.platform.NotFound("计划不存在：" + id);
        }
    }

    /** The plan's targets for a region's subtree, per indicator and year. */
    public List<RegionTotal> subtreeTotals(long planId, String regionCode) {
        Region region = regions.byCode(regionCode).orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + regionCode));
        return repository.subtreeTotals(planId, region.id()).stream().map(t -> {
            Indicator i = indicators.byId(t.indicatorId());
            return new RegionTotal(i.code(), i.displayName(), t.year(), t.total(), t.units());
        }).toList();
    }

    /** Targets as printed, optionally for one region, indicator or year. */
    /**
     * Every region's own printed target for the year, each from the first of {@code plansInOrder} (nearest issuer
     * first) that prints its row: region id → indicator code → value. What a roll-up over some units is rated
     * against, summed over the units that reported.
     */
    public Map<Integer, Map<String, BigDecimal>> ownTargets(List<Plan> plansInOrder, int year) {
        Map<Integer, Map<String, BigDecimal>> own = new java.util.HashMap<>();
        repository.ownTargets(plansInOrder.stream().map(Plan::id).toList(), year).forEach((regionId, byIndicator) -> {
            Map<String, BigDecimal> codes = new java.util.HashMap<>();
            byIndicator.forEach((indicatorId, v) -> codes.put(indicators.byId(indicatorId).code(), v));
            own.put(regionId, codes);
        });
        return own;
    }

    public List<Target> targets(long planId, String regionCode, String indicatorCode, Integer year) {
        Integer regionId = regionCode == null ? null : regions.byCode(regionCode)
                .orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + regionCode)).id();
        Integer indicatorId = indicatorCode == null ? null : indicators.byCode(indicatorCode)
                .orElseThrow(() -> new org.anju.platform.NotFound("指标不存在：" + indicatorCode)).id();
        return repository.targets(planId, regionId, indicatorId, year).stream()
                .map(t -> new Target(t.regionCode(), t.regionName(), t.rowLabel(), RowRole.valueOf(t.role()),
                        t.indicatorCode(), t.year(), t.value(), t.tableSeq(), t.tableLabel()))
                .toList();
    }

    // ---- progress tables (进展情况) ------------------------------------------------------------------

    /**
     * Stores a document's progress tables (their figures are of a month, not targets).
     *
     * @param batchId the imported file they came from
     */
    @Transactional
    public long saveProgress(PublishedProgress progress, Long batchId) {
        access.checkWrite(regions.byId(progress.issuerRegionId()));
        return progressTables.insert(progress, batchId);
    }

    /** The progress documents the current user may read (like plans: issued in their subtree or above them), without tables. */
    public List<PublishedProgress> readableProgress() {
        return progressTables.list().stream()
                .filter(p -> access.canReadIssuedBy(regions.byId(p.issuerRegionId()))).toList();
    }

    /**
     * A progress document the current user may read, with its tables.
     *
     * @throws NoSuchElementException when there is none (404)
     */
    @Transactional(readOnly = true)
    public PublishedProgress readProgress(long id) {
        PublishedProgress p = progressTables.load(id)
                .orElseThrow(() -> new org.anju.platform.NotFound("进展表不存在：" + id));
        access.checkReadIssuedBy(regions.byId(p.issuerRegionId()));
        return p;
    }

    @Transactional
    public void deleteProgress(long id) {
        PublishedProgress p = progressTables.load(id)
                .orElseThrow(() -> new org.anju.platform.NotFound("进展表不存在：" + id));
        access.checkWrite(regions.byId(p.issuerRegionId()));
        progressTables.delete(id);
    }

    /** Findings in progress tables: rows against their totals, printed rates against actual ÷ target. */
    public List<Finding> check(PublishedProgress progress) {
        Plan stub = new Plan(null, progress.title(), progress.issuerRegionId(), progress.issuerName(),
                progress.documentNumber(), null, progress.period().getYear(), progress.period().getYear(), null,
                progress.sourceFile(), null);
        return checker.check(new PlanDraft(stub, progress.tables(), List.of(), List.of()), List.of());
    }

    /**
     * Where a table with the same figures was imported before (a plan's 附件 or a progress table), if anywhere.
     *
     * @param intoPlan the plan being imported into (its own tables, about to be replaced, do not count); null for none
     */
    public List<String> sameTableImported(BreakdownTable table, Long intoPlan) {
        return sameTableImported(table, intoPlan, new Fingerprints());
    }

    /** {@link #sameTableImported(BreakdownTable, Long)} with the import's fingerprints (stored later by {@link #save}). */
    public List<String> sameTableImported(BreakdownTable table, Long intoPlan, Fingerprints fingerprints) {
        String fingerprint = fingerprints.of(table);
        if (fingerprint == null) {
            return List.of();
        }
        // only tables the user may read are named: a warning must not reveal another unit's documents
        return repository.tablesWithFingerprint(fingerprint, intoPlan).stream()
                .filter(t -> access.canReadIssuedBy(regions.byId(t.issuerRegionId())))
                .map(PlanRepository.SameTable::place).toList();
    }

    // ---- import batches (kept with the plan feature: they end up as plans) -------------------------

    /**
     * Keeps a file offered for import, with the issuer it is for and who offered it. A preview nobody commits is not
     * kept forever: storing one deletes the previews older than {@code anju.import.preview-hours} (their files with
     * them); committed files stay, so what was imported can always be looked at.
     */
    public long recordBatch(String fileName, String format, String encoding, String sha256, byte[] content,
                            boolean committed, Long planId, String summary, Region issuer) {
        repository.deletePreviewsBefore(java.time.OffsetDateTime.now().minus(previewLife));
        return repository.insertBatch(fileName, format, encoding, sha256, content,
                committed ? "COMMITTED" : "PREVIEW", planId, summary, issuer == null ? null : issuer.id(),
                access.current().username());
    }

    /**
     * A file offered for import, if the current user may write its issuer's plans (only they can commit it,
     * and nobody else learns what it holds). An expired preview is deleted and refused.
     */
    public Optional<ImportBatch> batch(long id) {
        Optional<ImportBatch> batch = repository.batch(id).map(b -> new ImportBatch(b.id(), b.fileName(), b.status(),
                b.planId(), b.content(), b.issuerRegionId(), b.createdBy()));
        batch.ifPresent(b -> {
            if (b.issuerRegionId() != null) {
                access.checkWrite(regions.byId(b.issuerRegionId()));
            } else if (!access.current().system() && !access.current().username().equals(b.createdBy())) {
                throw new org.anju.platform.Denied("只能提交本人上传的文件");
            }
        });
        if (batch.isPresent() && "PREVIEW".equals(batch.get().status())
                && repository.deletePreviewIfBefore(id, java.time.OffsetDateTime.now().minus(previewLife))) {
            throw new org.anju.platform.Conflict("文件“" + batch.get().fileName() + "”的预览已过期（超过 " + previewLife.toHours()
                    + " 小时未提交），上传的文件已删除；请重新上传");
        }
        return batch;
    }

    /** @param planId the plan the file became; null when it held progress tables only */
    public void markBatchCommitted(long id, Long planId, String summary) {
        if (!repository.markBatch(id, "COMMITTED", planId, summary)) {
            // its file would be gone, or it was committed twice: the caller's transaction rolls back, nothing written
            throw new org.anju.platform.Conflict("该预览已提交或已过期删除（导入记录 " + id + "），未写入任何数据；请刷新页面，如需要请重新上传");
        }
    }

    /** A file offered for import, kept whole. */
    public record ImportBatch(long id, String fileName, String status, Long planId, byte[] content,
                              Integer issuerRegionId, String createdBy) {
    }
}
