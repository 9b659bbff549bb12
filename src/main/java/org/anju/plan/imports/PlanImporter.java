package org.anju.plan.imports;

import org.anju.account.Access;
import org.anju.account.Channel;
import org.anju.indicator.Indicators;
import org.anju.intake.InputException;
import org.anju.intake.InputProblem;
import org.anju.intake.SourceDocument;
import org.anju.intake.SourceReader;
import org.anju.plan.BreakdownTable;
import org.anju.plan.Plan;
import org.anju.plan.PlanDraft;
import org.anju.plan.Plans;
import org.anju.plan.check.Finding;
import org.anju.platform.JobProgress;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Imports breakdown tables from a file: reads it, finds and interprets the tables, checks them, and —
 * unless it is a dry run or anything is wrong — stores plan, tables and the file in one transaction.
 *
 * <p>Only someone who may write the issuer's plans ({@link Access#checkWrite}) imports — a preview too,
 * since it keeps the file. What is written is recorded in the audit trail as coming in by
 * {@link Channel#IMPORT}.
 */
@Service
public class PlanImporter {

    private final SourceReader reader;
    private final Regions regions;
    private final Indicators indicators;
    private final Plans plans;
    private final TransactionTemplate transaction;
    private final Access access;

    PlanImporter(SourceReader reader, Regions regions, Indicators indicators, Plans plans,
                 TransactionTemplate transaction, Access access) {
        this.reader = reader;
        this.regions = regions;
        this.indicators = indicators;
        this.plans = plans;
        this.transaction = transaction;
        this.access = access;
    }

    public ImportResult importFile(String fileName, byte[] content, ImportOptions options) {
        SourceDocument document;
        JobProgress.stage("读取文件", 0);
        try {
            document = options.encoding() == null ? reader.read(fileName, content)
                    : reader.read(fileName, content, options.encoding());
        } catch (InputException e) {
            return rejected(fileName, null, null, e.problems());
        }
        return importDocument(document, content, options, null);
    }

    /** Commits a preview stored earlier (web import), with the options the user confirmed. */
    public ImportResult commitPreview(long batchId, ImportOptions options) {
        Plans.ImportBatch batch = plans.batch(batchId)
                .orElseThrow(() -> new NoSuchElementException("导入记录不存在：" + batchId));
        if (!"PREVIEW".equals(batch.status())) {
            throw new IllegalStateException("该文件已导入，不能重复提交（导入记录 " + batchId + "）");
        }
        SourceDocument document;
        JobProgress.stage("读取文件", 0);
        try {
            document = options.encoding() == null ? reader.read(batch.fileName(), batch.content())
                    : reader.read(batch.fileName(), batch.content(), options.encoding());
        } catch (InputException e) {
            return rejected(batch.fileName(), null, null, e.problems());
        }
        return importDocument(document, batch.content(), options.asDryRun(false), batchId);
    }

    private ImportResult importDocument(SourceDocument document, byte[] content, ImportOptions options,
                                        Long previewBatch) {
        String fileName = document.fileName();
        List<InputProblem> problems = new ArrayList<>();
        JobProgress.stage("识别表格", 0);
        DocumentFacts facts = DocumentFacts.of(document);
        List<RawTable> raws = TableFinder.find(document);

        Optional<Plan> existing = Optional.empty();
        if (options.planId() != null) {
            existing = Optional.of(plans.get(options.planId()));
        }
        Region issuer = existing.map(p -> regions.byId(p.issuerRegionId())).orElse(null);
        if (issuer != null) {
            access.checkWrite(issuer);
        }
        if (issuer == null && options.issuerCode() != null) {
            issuer = regions.byCode(options.issuerCode()).orElse(null);
            if (issuer == null) {
                problems.add(new InputProblem(fileName, null, null, null, "发文地区代码不存在：" + options.issuerCode()));
                return rejected(document, problems);
            }
        }
        if (raws.isEmpty()) {
            problems.add(new InputProblem(fileName, null, null, null,
                    "未在文件中找到分解表（应有表头行，如「市、县名称 | 开工 | 基本建成」，其下为各地区的数字）"));
            return rejected(document, problems);
        }
        Integer onlyYear = options.firstYear() != null && options.firstYear().equals(options.lastYear())
                ? options.firstYear() : existing.filter(p -> !p.multiYear()).map(Plan::firstYear).orElse(null);
        TableInterpreter.Result interpreted = new TableInterpreter(regions, indicators, fileName)
                .interpret(raws, facts, issuer, onlyYear);
        problems.addAll(interpreted.problems());
        if (!problems.isEmpty()) {
            return rejected(document, problems);
        }
        issuer = interpreted.issuer();
        access.checkWrite(issuer);

        Plan plan = planFor(document, facts, options, existing, issuer, interpreted.years(), problems);
        if (!problems.isEmpty()) {
            return rejected(document, problems);
        }
        if (existing.isEmpty()) {
            existing = findStored(plan);
            if (existing.isPresent()) {
                plan = plan.withId(existing.get().id());
            }
        }
        boolean hasTables = existing.isPresent() && !plans.tables(existing.get().id()).isEmpty();
        if (hasTables && !options.replace()) {
            problems.add(new InputProblem(fileName, null, null, null, "计划「" + plan.label() + "」（编号 "
                    + existing.get().id() + "）已有分解表；如需用本文件替换，请选择“替换已有分解表”（命令行 --replace）"));
            return rejected(document, problems);
        }
        for (BreakdownTable t : interpreted.tables()) {
            for (BreakdownTable.Column c : t.columns()) {
                if (c.year() != null && !plan.covers(c.year())) {
                    problems.add(new InputProblem(fileName, t.source().sheet(), t.source().row(), c.sourceColumn(),
                            t.displayLabel() + "「" + c.headerText() + "」为 " + c.year() + " 年，不在计划年度 "
                                    + plan.yearsLabel() + " 内"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return rejected(document, problems);
        }
        PlanDraft draft = new PlanDraft(plan, interpreted.tables(), options.milestones(), options.statedTotals());
        JobProgress.stage("校验", 0);
        List<Finding> findings = plans.check(draft);
        JobProgress.stage(options.dryRun() ? "保存预览" : "写入", 0);

        Region planIssuer = issuer;
        if (options.dryRun()) {
            Plan previewed = plan;
            Long batchId = options.keepPreview()
                    ? Access.via(Channel.IMPORT, () -> transaction.execute(status -> plans.recordBatch(fileName,
                    document.format().name(), document.encoding(), sha256(content), content, false, previewed.id(),
                    summary(draft, findings), planIssuer)))
                    : null;
            return result(document, false, batchId, plan.id(), draft, existing.isPresent(), findings);
        }
        Stored stored = Access.via(Channel.IMPORT, () -> transaction.execute(status -> {
            long id = plans.save(draft, options.replace());
            String summary = summary(draft, findings);
            if (previewBatch != null) {
                plans.markBatchCommitted(previewBatch, id, summary);
                return new Stored(id, previewBatch);
            }
            return new Stored(id, plans.recordBatch(fileName, document.format().name(), document.encoding(),
                    sha256(content), content, true, id, summary, planIssuer));
        }));
        return result(document, true, stored.batchId(), stored.planId(), draft.withPlan(plan.withId(stored.planId())),
                existing.isPresent(), findings);
    }

    /** What one commit wrote: the plan and the kept file. */
    private record Stored(long planId, long batchId) {
    }

    private Plan planFor(SourceDocument document, DocumentFacts facts, ImportOptions options, Optional<Plan> existing,
                         Region issuer, TreeSet<Integer> columnYears, List<InputProblem> problems) {
        String fileName = document.fileName();
        Plan base = existing.orElse(null);
        String title = first(options.title(), base == null ? null : base.title(), facts.title(),
                stripExtension(fileName));
        String number = first(options.documentNumber(), base == null ? null : base.documentNumber(),
                facts.documentNumber());
        TreeSet<Integer> years = new TreeSet<>(columnYears);
        years.addAll(facts.titleYears());
        Integer firstYear = options.firstYear() != null ? options.firstYear()
                : base != null ? Integer.valueOf(base.firstYear()) : years.isEmpty() ? null : years.first();
        Integer lastYear = options.lastYear() != null ? options.lastYear()
                : base != null ? Integer.valueOf(base.lastYear()) : years.isEmpty() ? null : years.last();
        if (firstYear == null || lastYear == null) {
            problems.add(new InputProblem(fileName, null, null, null, "无法确定计划年度，请指定"));
            return null;
        }
        Long parent = base != null ? base.parentPlanId() : null;
        String parentNumber = options.parentNumber();
        if (parentNumber != null) {
            Optional<Plan> p = plans.byDocumentNumber(DocumentFacts.normalizeNumber(parentNumber));
            if (p.isEmpty()) {
                problems.add(new InputProblem(fileName, null, null, null, "上级计划不存在：" + parentNumber));
                return null;
            }
            parent = p.get().id();
        } else if (parent == null) {
            parent = facts.referencedNumbers().stream().map(plans::byDocumentNumber).flatMap(Optional::stream)
                    .filter(p -> isAbove(p, issuer)).map(Plan::id).findFirst().orElse(null);
        }
        return new Plan(base == null ? null : base.id(), title, issuer.id(),
                first(options.issuerName(), base == null ? null : base.issuerName()), number,
                options.issuedOn() != null ? options.issuedOn() : base != null && base.issuedOn() != null
                        ? base.issuedOn() : facts.issuedOn(),
                firstYear, lastYear, parent, fileName, base == null ? null : base.note());
    }

    private boolean isAbove(Plan p, Region issuer) {
        Region pi = regions.byId(p.issuerRegionId());
        return !pi.equals(issuer) && regions.contains(pi, issuer);
    }

    /** The same plan imported before: same 文号, or same title from the same issuer. */
    private Optional<Plan> findStored(Plan plan) {
        if (plan.documentNumber() != null) {
            return plans.byDocumentNumber(plan.documentNumber());
        }
        return plans.byTitleAndIssuer(plan.title(), plan.issuerRegionId());
    }

    // ---- results ---------------------------------------------------------------------------------

    private ImportResult result(SourceDocument document, boolean committed, Long batchId, Long planId, PlanDraft draft,
                                boolean existing, List<Finding> findings) {
        Plan p = draft.plan();
        Region issuer = regions.byId(p.issuerRegionId());
        String parent = p.parentPlanId() == null ? null : plans.find(p.parentPlanId()).map(Plan::label).orElse(null);
        List<ImportResult.TableSummary> tables = draft.tables().stream().map(t -> new ImportResult.TableSummary(
                t.seq(), t.label(), t.title(), t.unitLine(),
                t.columns().stream().map(c -> (c.year() == null ? "合计" : c.year() + "年") + " "
                        + c.indicator().displayName()).toList(),
                t.rows().size(), (int) t.rows().stream().flatMap(r -> r.cells().stream()).filter(c -> !c.blank()).count(),
                t.source().sheet(), t.source().row())).toList();
        return new ImportResult(document.fileName(), document.format().name(), document.encoding(), committed,
                batchId, planId,
                new ImportResult.PlanSummary(p.title(), issuer.code(), issuer.name(), p.issuerName(),
                        p.documentNumber(), p.issuedOn(), p.firstYear(), p.lastYear(), parent, existing),
                tables, List.of(), findings);
    }

    private static ImportResult rejected(SourceDocument document, List<InputProblem> problems) {
        return rejected(document.fileName(), document.format().name(), document.encoding(), problems);
    }

    private static ImportResult rejected(String fileName, String format, String encoding, List<InputProblem> problems) {
        return new ImportResult(fileName, format, encoding, false, null, null, null, List.of(),
                problems.stream().map(ImportResult.Problem::of).toList(), List.of());
    }

    private static String summary(PlanDraft draft, List<Finding> findings) {
        int figures = draft.tables().stream().mapToInt(t -> (int) t.rows().stream()
                .flatMap(r -> r.cells().stream()).filter(c -> !c.blank()).count()).sum();
        return draft.tables().size() + " 张表，" + figures + " 个数，" + findings.size() + " 处不一致";
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null && !(v instanceof String s && s.isBlank())) {
                return v;
            }
        }
        return null;
    }

    private static String stripExtension(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String name = fileName.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
