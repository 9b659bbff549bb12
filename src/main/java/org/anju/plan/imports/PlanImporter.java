package org.anju.plan.imports;

import org.anju.account.Access;
import org.anju.account.Channel;
import org.anju.indicator.Indicators;
import org.anju.intake.InputException;
import org.anju.intake.InputProblem;
import org.anju.intake.SourceDocument;
import org.anju.intake.SourceReader;
import org.anju.plan.BreakdownTable;
import org.anju.plan.Fingerprints;
import org.anju.plan.Plan;
import org.anju.plan.PlanDraft;
import org.anju.plan.Plans;
import org.anju.plan.PublishedProgress;
import org.anju.plan.Cell;
import org.anju.plan.FigureKind;
import org.anju.plan.RowRole;
import org.anju.plan.check.Finding;
import org.anju.platform.JobProgress;
import org.anju.platform.Jobs;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final org.anju.platform.OperationsMetrics metrics;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * How long a committed file answers the same file sent again by the same user to {@link #importFile} (an API
     * client's or the command line's retry, a double-click): with that import's result, nothing written again.
     */
    static final java.time.Duration REPEAT_WINDOW = java.time.Duration.ofMinutes(10);

    PlanImporter(SourceReader reader, Regions regions, Indicators indicators, Plans plans,
                 TransactionTemplate transaction, Access access, org.anju.platform.OperationsMetrics metrics,
                 org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.reader = reader;
        this.regions = regions;
        this.indicators = indicators;
        this.plans = plans;
        this.transaction = transaction;
        this.access = access;
    }

    public ImportResult importFile(String fileName, byte[] content, ImportOptions options) {
        return metrics.timeImport(kind(options), () -> readAndImport(fileName, content, options), ImportResult::ok);
    }

    /** The import's kind in the {@code anju.imports} metric: a dry run (preview, validation) apart from a real one. */
    private static String kind(ImportOptions options) {
        return options.dryRun() ? "plan-preview" : "plan";
    }

    /**
     * The import of a file sent directly (API, command line). Sent again by the same user within {@link #REPEAT_WINDOW}
     * of its commit — at once or racing the first (double-submit trial, defect 11) — it is answered with the first's
     * result instead of a refusal about the plan the first one made ("已有分解表", "文号…的计划已存在"): before reading it,
     * in the write's transaction under a lock on (user, content), and after a refusal it met meanwhile.
     */
    private ImportResult readAndImport(String fileName, byte[] content, ImportOptions options) {
        if (options.dryRun()) {
            return readAndImportOnce(fileName, content, options);
        }
        String sha256 = sha256(content);
        String asked = optionsDigest(options);
        Optional<Repeat> before = justCommitted(sha256, asked);
        if (before.isPresent()) {
            return repeated(fileName, before.get());
        }
        ImportResult result;
        try {
            result = readAndImportOnce(fileName, content, options);
        } catch (org.anju.platform.Conflict e) {
            Optional<Repeat> meanwhile = justCommitted(sha256, asked);
            if (meanwhile.isPresent()) {
                return repeated(fileName, meanwhile.get());
            }
            throw e;
        }
        if (!result.ok()) {
            Optional<Repeat> meanwhile = justCommitted(sha256, asked);
            if (meanwhile.isPresent()) {
                return repeated(fileName, meanwhile.get());
            }
        }
        return result;
    }

    private ImportResult readAndImportOnce(String fileName, byte[] content, ImportOptions options) {
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

    /**
     * Reads a preview stored earlier again, with the user's answers to its questions (web import): a dry run that
     * keeps the same stored file.
     */
    public ImportResult previewAgain(long batchId, ImportOptions options) {
        return fromBatch(batchId, options.asDryRun(true), true);
    }

    /** Commits a preview stored earlier (web import), with the options and answers the user confirmed. */
    public ImportResult commitPreview(long batchId, ImportOptions options) {
        return metrics.timeImport("plan", () -> commitOnce(batchId, options), ImportResult::ok);
    }

    static String alreadyCommitted(long batchId) {
        return "该文件已导入，不能重复提交（导入记录 " + batchId + "）";
    }

    /**
     * A preview's commit racing another commit of it (double-click, double-submit trial defect 11) is told what a commit
     * after it is told — {@link #alreadyCommitted} — not the refusal it meets about the plan the other one just made
     * ("文号…的计划已存在", "已有分解表"): the write locks the batch's row and looks again, and a refusal met meanwhile is
     * replaced when the batch turns out committed.
     */
    private ImportResult commitOnce(long batchId, ImportOptions options) {
        ImportResult result;
        try {
            result = fromBatch(batchId, options.asDryRun(false), false);
        } catch (org.anju.platform.Conflict e) {
            if (committed(batchId)) {
                throw new org.anju.platform.Conflict(alreadyCommitted(batchId));
            }
            throw e;
        }
        if (!result.ok() && committed(batchId)) {
            throw new org.anju.platform.Conflict(alreadyCommitted(batchId));
        }
        return result;
    }

    private boolean committed(long batchId) {
        return jdbc.sql("select status from import_batch where id = ?").param(batchId).query(String.class).optional()
                .filter("COMMITTED"::equals).isPresent();
    }

    private ImportResult fromBatch(long batchId, ImportOptions options, boolean dryRun) {
        Plans.ImportBatch batch = plans.batch(batchId)
                .orElseThrow(() -> new org.anju.platform.NotFound("导入记录不存在：" + batchId));
        if (!"PREVIEW".equals(batch.status())) {
            throw new org.anju.platform.Conflict(alreadyCommitted(batchId));
        }
        SourceDocument document;
        JobProgress.stage("读取文件", 0);
        try {
            document = options.encoding() == null ? reader.read(batch.fileName(), batch.content())
                    : reader.read(batch.fileName(), batch.content(), options.encoding());
        } catch (InputException e) {
            return rejected(batch.fileName(), null, null, e.problems());
        }
        ImportOptions reading = new ImportOptions(dryRun, options.planId(), options.replace(), options.issuerCode(),
                options.issuerName(), options.title(), options.documentNumber(), options.issuedOn(), options.firstYear(),
                options.lastYear(), options.parentNumber(), options.encoding(), false, options.milestones(),
                options.statedTotals(), options.choices());
        return importDocument(document, batch.content(), reading, batchId);
    }

    private ImportResult importDocument(SourceDocument document, byte[] content, ImportOptions options,
                                        Long previewBatch) {
        String fileName = document.fileName();
        List<InputProblem> problems = new ArrayList<>();
        JobProgress.stage("识别表格", 0);
        DocumentFacts facts = DocumentFacts.of(document);
        List<RawTable> found = TableFinder.find(document);
        // no table: a news report or a notice may list the units and their figures in its sentences
        TextLists.Found lists = found.isEmpty() ? TextLists.find(document, regions)
                : new TextLists.Found(found, List.of());
        List<RawTable> raws = lists.tables();

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
                problems.add(new InputProblem(fileName, null, null, null, "发文地区代码不存在：" + options.issuerCode()
                        + "（--issuer 应为六位行政区划代码，如 361100）"));
                return rejected(document, problems);
            }
        }
        if (raws.isEmpty()) {
            List<String> orphans = TableFinder.orphanRows(document);
            problems.add(new InputProblem(fileName, null, null, null, orphans.isEmpty()
                    ? "未在文件中找到表格（应有表头行，如「市、县名称 | 开工 | 基本建成」，其下为各地区的数字）"
                    + (lists.leftOver().isEmpty() ? "" : "；正文" + String.join("；", lists.leftOver()))
                    : "文件" + String.join("、", orphans) + "起有带数字的行，但其上没有可识别的表头（每列的名称，如"
                    + "「市、县名称 | 开工 | 基本建成」）：请补上表头行，或从原文重新复制整张表"));
            return rejected(document, problems);
        }
        boolean oneYearStated = options.firstYear() != null && options.firstYear().equals(options.lastYear());
        Integer statedYear = oneYearStated ? options.firstYear()
                : existing.filter(p -> !p.multiYear()).map(Plan::firstYear).orElse(null);
        String yearBasis = statedYear == null ? null : oneYearStated ? "指定的年度 " + statedYear
                : "导入到的计划「" + existing.orElseThrow().label() + "」为 " + statedYear + " 年度";
        Choices choices = options.choices();
        String program = stated(choices.program(), "--program", "工程类别", indicators.programs().stream()
                .map(p -> new String[] {p.code(), p.name(), String.join("、", p.aliases())}).toList(), problems);
        String stage = stated(choices.stage(), "--stage", "阶段", indicators.stages().stream()
                .map(p -> new String[] {p.code(), p.name(), String.join("、", p.aliases())}).toList(), problems);
        if (!problems.isEmpty()) {
            return rejected(document, problems);
        }
        TableInterpreter.Answers answers = new TableInterpreter.Answers(choices.columns(), choices.regions(),
                new ColumnReader.Stated(statedYear, yearBasis, program, stage), choices.period());
        TableInterpreter.Result interpreted = new TableInterpreter(regions, indicators, fileName, answers)
                .interpret(raws, facts, issuer);
        problems.addAll(interpreted.problems());
        if (!problems.isEmpty()) {
            return rejected(document, problems);
        }
        issuer = interpreted.issuer();
        access.checkWrite(issuer);

        List<TableInterpreter.Reading> planReadings = interpreted.readings().stream().filter(r -> !r.progress()).toList();
        List<TableInterpreter.Reading> progressReadings = interpreted.readings().stream()
                .filter(TableInterpreter.Reading::progress).toList();
        List<ImportResult.Question> questions = new ArrayList<>();
        List<ImportResult.Note> notes = new ArrayList<>();
        lists.leftOver().forEach(place -> notes.add(new ImportResult.Note(fileName,
                "正文" + place + "（如需导入，请整理成表格）")));
        interpreted.readings().forEach(r -> {
            questions.addAll(r.questions());
            notes.addAll(r.notes());
        });
        onePeriodQuestion(questions);

        // the plan: a document's target tables
        PlanDraft draft = null;
        Plan replacing = null;      // a plan found by its 文号 or title whose tables this file is to replace
        TreeSet<Integer> years = new TreeSet<>();
        planReadings.forEach(r -> r.table().columns().stream().map(BreakdownTable.Column::year)
                .filter(java.util.Objects::nonNull).forEach(years::add));
        years.addAll(facts.titleYears());
        planReadings.forEach(r -> java.util.Optional.ofNullable(ColumnReader.titleYear(r.raw().title())).ifPresent(years::add));
        if (existing.isPresent() && planReadings.isEmpty()) {
            // importing "into" a plan a file without target tables would replace its tables with none
            problems.add(new InputProblem(fileName, null, null, null, progressReadings.isEmpty()
                    ? "文件中没有计划分解表，不能导入到计划「" + existing.get().label() + "」"
                    : "文件中只有进展表（" + progressReadings.stream().map(r -> r.table().displayLabel())
                    .collect(java.util.stream.Collectors.joining("、")) + "），不属于计划「" + existing.get().label()
                    + "」：请不选计划重新导入，进展表将单独保存"));
            return rejected(document, problems);
        }
        boolean yearsKnown = options.firstYear() != null || existing.isPresent() || !years.isEmpty();
        if (!planReadings.isEmpty() && !yearsKnown) {
            String message = "无法确定计划年度：表头、表名和正文都没有写明，请在导入页“年度”中填写 2023 或 2023-2024（命令行 --years 2023 或 --years 2023-2024）";
            if (questions.isEmpty()) {
                problems.add(new InputProblem(fileName, null, null, null, message));
                return rejected(document, problems);
            }
            // the years are in the columns still open: answering them settles the plan's years too
            questions.add(new ImportResult.Question("YEAR", "years", fileName, message, List.of()));
        } else if (!planReadings.isEmpty() || existing.isPresent()) {
            String tableTitle = planReadings.stream().map(r -> r.raw().title()).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            Plan plan = planFor(document, facts, options, existing, issuer, years, tableTitle, problems, notes, questions);
            if (!problems.isEmpty()) {
                return rejected(document, problems);
            }
            if (existing.isEmpty() && !plan.title().equals(stripExtension(fileName))) {
                // the same document imported before — never by a file name alone (two files named 附件.txt)
                existing = findStored(plan);
                if (existing.isPresent() && plans.find(existing.get().id()).isEmpty()) {
                    // the 文号 is another unit's plan the user may not read: said without showing it
                    problems.add(new InputProblem(fileName, null, null, null, "文号 " + plan.documentNumber()
                            + " 已是其他单位印发的计划的文号；请核对文号"));
                    return rejected(document, problems);
                }
                if (existing.isPresent()) {
                    plan = plan.withId(existing.get().id());
                    replacing = options.replace() ? existing.get() : null;
                }
            }
            boolean hasTables = existing.isPresent() && !plans.tables(existing.get().id()).isEmpty();
            if (hasTables && !options.replace() && !planReadings.isEmpty()) {
                problems.add(new InputProblem(fileName, null, null, null, "计划「" + plan.label() + "」（编号 "
                        + existing.get().id() + "）已有分解表；如需用本文件替换，请选择“替换已有分解表”（命令行 --replace）"));
                return rejected(document, problems);
            }
            List<BreakdownTable> tables = planReadings.stream().map(TableInterpreter.Reading::table).toList();
            for (BreakdownTable t : tables) {
                for (BreakdownTable.Column c : t.columns()) {
                    if (c.year() != null && !plan.covers(c.year())) {
                        problems.add(new InputProblem(fileName, t.source().sheet(), t.source().row(), c.sourceColumn(),
                                t.displayLabel() + "「" + c.headerText() + "」为 " + c.year() + " 年，不在计划年度 "
                                        + plan.yearsLabel() + " 内（可在导入页“年度”中填写计划年度，命令行 --years）"));
                    }
                }
            }
            if (!problems.isEmpty()) {
                return rejected(document, problems);
            }
            draft = new PlanDraft(plan, tables, options.milestones(), options.statedTotals());
        }

        // the progress tables: figures of a month
        PublishedProgress progress = null;
        if (!progressReadings.isEmpty() && progressReadings.stream().allMatch(r -> r.period() != null)) {
            List<YearMonth> periods = progressReadings.stream().map(TableInterpreter.Reading::period).toList();
            String title = first(options.title(), facts.title(), progressReadings.getFirst().raw().title(),
                    stripExtension(fileName));
            progress = new PublishedProgress(null, title, issuer.id(), options.issuerName(),
                    first(options.documentNumber(), facts.documentNumber()),
                    periods.stream().max(Comparator.naturalOrder()).orElseThrow(), fileName,
                    progressReadings.stream().map(TableInterpreter.Reading::table).toList(), periods);
        }

        JobProgress.stage("校验", 0);
        List<TextTotals.Statement> statements = new TextTotals(indicators).find(facts.paragraphs(), programs(interpreted),
                names(interpreted), issuerAndAbove(issuer), stage == null ? null : indicators.stages().stream()
                        .filter(x -> x.code().equals(stage)).findFirst().orElse(null),
                facts.titleYears().size() == 1 ? facts.titleYears().getFirst() : null);
        StatedTotalCheck.Checked stated = new StatedTotalCheck(regions, issuer).check(statements,
                interpreted.readings(), progress == null ? null : progress.label());
        if (draft != null && options.statedTotals().isEmpty()) {
            // what the text states of the plan's own tables is kept with the plan and checked like the seeds' manifest
            draft = new PlanDraft(draft.plan(), draft.tables(), draft.milestones(), stated.planTotals());
        }
        List<Finding> findings = new ArrayList<>();
        if (draft != null) {
            findings.addAll(plans.check(draft));
        }
        if (progress != null) {
            findings.addAll(plans.check(progress));
        }
        findings.addAll(stated.progressFindings());
        List<String> warnings = new ArrayList<>();
        if (replacing != null) {
            warnings.add("将替换已导入的计划「" + replacing.label() + "」（编号 " + replacing.id() + "，来自文件「"
                    + replacing.sourceFile() + "」）的分解表：请确认本文件是同一份文件的更正");
        }
        Fingerprints fingerprints = new Fingerprints();   // worked out once: checked here, stored by save
        for (TableInterpreter.Reading r : interpreted.readings()) {
            for (String place : plans.sameTableImported(r.table(), existing.map(Plan::id).orElse(null), fingerprints)) {
                warnings.add(r.table().displayLabel() + " 与已导入的" + place + "数字完全相同：请确认不是重复导入");
            }
        }

        Region planIssuer = issuer;
        PlanDraft finalDraft = draft;
        PublishedProgress finalProgress = progress;
        Preview preview = new Preview(document, interpreted.readings(), questions, notes, warnings, stated.lines(),
                findings);
        if (options.dryRun()) {
            JobProgress.stage(Jobs.PREVIEW_STAGE, 0);
            Long batchId = previewBatch != null ? previewBatch : options.keepPreview()
                    ? Access.via(Channel.IMPORT, () -> transaction.execute(status -> plans.recordBatch(fileName,
                    document.format().name(), document.encoding(), sha256(content), content, false,
                    finalDraft == null ? null : finalDraft.plan().id(), summary(preview), planIssuer)))
                    : null;
            return result(preview, false, batchId, finalDraft == null ? null : finalDraft.plan().id(), null, finalDraft,
                    finalProgress, existing.isPresent());
        }
        if (!questions.isEmpty()) {
            // every open question is listed, so that a commit without a preview (API, command line) says all
            for (int i = 0; i < questions.size(); i++) {
                ImportResult.Question q = questions.get(i);
                problems.add(new InputProblem(fileName, null, null, null, (i == 0 ? "尚有 " + questions.size()
                        + " 处含义不确定，未写入任何数据：" : "含义不确定：") + q.where() + "：" + q.text()));
            }
            return rejected(document, problems);
        }
        if (finalDraft == null && finalProgress == null
                || preview.readings().stream().allMatch(r -> r.table().columns().isEmpty()) && existing.isEmpty()) {
            problems.add(new InputProblem(fileName, null, null, null,
                    "没有可导入的数字：各列都未导入（如有误，请重新指定各列含义）"));
            return rejected(document, problems);
        }
        JobProgress.stage("写入", 0);
        String contentSha256 = sha256(content);
        Stored stored = Access.via(Channel.IMPORT, () -> transaction.execute(status -> {
            if (previewBatch != null) {
                // a second commit of the preview waits here for the first, then is told it was committed
                String now = jdbc.sql("select status from import_batch where id = ? for update").param(previewBatch)
                        .query(String.class).optional().orElse(null);
                if ("COMMITTED".equals(now)) {
                    throw new org.anju.platform.Conflict(alreadyCommitted(previewBatch));
                }
            } else {
                // the same file sent again by the same user waits here for the first, then gets its result
                jdbc.sql("select pg_advisory_xact_lock(hashtextextended('plan_import:' || ? || ':' || ? || ':' || ?, 0))")
                        .params(access.current().username(), contentSha256, optionsDigest(options)).query().singleRow();
                Optional<Repeat> first = justCommitted(contentSha256, optionsDigest(options));
                if (first.isPresent()) {
                    return new Stored(null, null, first.get().batchId(), first.get());
                }
            }
            Long planId = finalDraft == null ? null : plans.save(finalDraft, options.replace(), fingerprints);
            String summary = summary(preview);
            long batchId = previewBatch != null ? previewBatch : plans.recordBatch(fileName, document.format().name(),
                    document.encoding(), sha256(content), content, true, planId, summary, planIssuer);
            if (previewBatch != null) {
                plans.markBatchCommitted(previewBatch, planId, summary);
            } else {
                // what was asked besides the file: the same file with another 文号, title, plan or choice is another request
                jdbc.sql("update import_batch set options_digest = ? where id = ?").params(optionsDigest(options), batchId)
                        .update();
            }
            Long progressId = finalProgress == null ? null : plans.saveProgress(finalProgress, batchId);
            return new Stored(planId, progressId, batchId, null);
        }));
        if (stored.repeat() != null) {
            return repeated(fileName, stored.repeat());
        }
        return result(preview, true, stored.batchId(), stored.planId(), stored.progressId(),
                finalDraft == null ? null : finalDraft.withPlan(finalDraft.plan().withId(stored.planId())),
                finalProgress, existing.isPresent());
    }

    /**
     * A program or stage the user stated, by code (OLD_COMMUNITY) or by name or alias (老旧小区改造); null when
     * none was stated. An unknown one is a problem naming the option and the codes.
     *
     * @param known code, name and aliases of each
     */
    private static String stated(String given, String option, String what, List<String[]> known,
                                 List<InputProblem> problems) {
        if (given == null) {
            return null;
        }
        String g = Text.compact(given);
        for (String[] k : known) {
            if (k[0].equalsIgnoreCase(g) || Text.compact(k[1]).equals(g)
                    || java.util.Arrays.stream(k[2].split("、")).map(Text::compact).anyMatch(g::equals)) {
                return k[0];
            }
        }
        problems.add(InputProblem.ofFile(null, option + " 不是" + what + "：「" + given + "」（可选："
                + String.join("、", known.stream().map(k -> k[0] + " " + k[1]).toList()) + "）"));
        return null;
    }

    /** What a preview shows, whatever is stored. */
    private record Preview(SourceDocument document, List<TableInterpreter.Reading> readings,
                           List<ImportResult.Question> questions, List<ImportResult.Note> notes, List<String> warnings,
                           List<ImportResult.StatedLine> stated, List<Finding> findings) {
    }

    /**
     * The issuer and the regions above it as a text names them (青岛市, 青岛, 山东省, 山东): a total said of one of
     * them is the issuer's, or of a level these tables do not hold.
     */
    private java.util.Set<String> issuerAndAbove(Region issuer) {
        java.util.Set<String> set = new java.util.HashSet<>();
        List<Region> line = new ArrayList<>(regions.ancestors(issuer));
        line.add(issuer);
        for (Region r : line) {
            if (r.kind() != org.anju.region.RegionKind.NATION) {
                String name = Text.compact(r.name());
                set.add(name);
                set.add(name.replaceFirst("(?:省|市|(?:壮族|回族|维吾尔)?自治区)$", ""));
            }
        }
        return set;
    }

    /** The units the tables list, by the names a sentence may use for them (临沂市, 临沂). */
    private static java.util.Set<String> names(TableInterpreter.Result interpreted) {
        java.util.Set<String> set = new java.util.HashSet<>();
        interpreted.readings().forEach(r -> r.table().rows().forEach(row -> {
            if (row.role() != RowRole.TOTAL) {
                String name = Text.compact(row.region().name());
                set.add(name);
                set.add(RowLabels.clean(row.label()));
                // a character test, not String.matches: that compiled its pattern again for each of the 22,000 rows
                if (name.length() > 2 && "省市县区".indexOf(name.charAt(name.length() - 1)) >= 0) {
                    set.add(name.substring(0, name.length() - 1));
                }
            }
        }));
        return set;
    }

    private static java.util.Set<String> programs(TableInterpreter.Result interpreted) {
        java.util.Set<String> set = new java.util.HashSet<>();
        interpreted.readings().forEach(r -> r.table().columns().forEach(c -> set.add(c.indicator().programCode())));
        return set;
    }

    /** What one commit wrote: the plan, the progress tables and the kept file. */
    private record Stored(Long planId, Long progressId, long batchId, Repeat repeat) {
    }

    /**
     * This user's import of the same content, committed within {@link #REPEAT_WINDOW}, whose plan (or progress tables)
     * is still there as it made it: what it made and when.
     */
    private record Repeat(long batchId, Long planId, Long progressId, String fileName, java.time.OffsetDateTime at) {
    }

    /**
     * What a direct import asked besides the file (review 23 M1: the same file sent again with another 文号, title,
     * target plan, years or column choices was answered "这次是重复提交" about a request never made): every option but
     * those that do not change what is stored (a dry run, keeping the preview, the encoding of a file whose bytes are
     * the same).
     */
    private static String optionsDigest(ImportOptions o) {
        return sha256(java.util.Arrays.asList(o.planId(), o.replace(), o.issuerCode(), o.issuerName(), o.title(),
                o.documentNumber(), o.issuedOn(), o.firstYear(), o.lastYear(), o.parentNumber(), o.milestones(),
                o.statedTotals(), o.choices()).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Optional<Repeat> justCommitted(String sha256, String optionsDigest) {
        return jdbc.sql("select b.id, b.plan_id, (select p.id from published_progress p where p.batch_id = b.id"
                        + " order by p.id limit 1), b.file_name, b.committed_at from import_batch b"
                        + " where b.created_by = ? and b.sha256 = ? and b.status = 'COMMITTED' and b.options_digest = ?"
                        + " and b.committed_at >= now() - make_interval(secs => ?)"
                        // what it made is there, unchanged since: its plan not edited, deleted or replaced after it
                        + " and (b.plan_id is null and exists (select from published_progress p where p.batch_id = b.id)"
                        + "      or exists (select from plan p where p.id = b.plan_id and p.updated_at <= b.committed_at))"
                        + " order by b.committed_at desc, b.id desc limit 1")
                .params(access.current().username(), sha256, optionsDigest, (double) REPEAT_WINDOW.toSeconds())
                .query((rs, n) -> new Repeat(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                        (Long) rs.getObject(3, Long.class), rs.getString(4),
                        rs.getObject(5, java.time.OffsetDateTime.class)))
                .optional();
    }

    /** The answer to a file sent again: the first import's stored plan and tables, and that nothing was written now. */
    private static ImportResult repeated(String fileName, Repeat r) {
        String made = (r.planId() == null ? "" : "，计划编号 " + r.planId())
                + (r.progressId() == null ? "" : "，进展表编号 " + r.progressId());
        String text = "该文件已于 " + org.anju.platform.ChinaTime.spoken(r.at()) + " 由您导入（导入记录 " + r.batchId() + made + "）；这次是重复提交，"
                + "没有再次导入，也没有写入任何数据";
        return new ImportResult(fileName, null, null, true, r.batchId(), r.planId(), r.progressId(), null, null,
                List.of(), List.of(), List.of(), List.of(), List.of(new ImportResult.Note(fileName, text)), List.of(),
                List.of(), List.of(), List.of());
    }

    /** One month answers every table of the file (--period): asked once, naming all the tables it is for. */
    private static void onePeriodQuestion(List<ImportResult.Question> questions) {
        List<ImportResult.Question> periods = questions.stream().filter(q -> q.kind().equals("PERIOD")).toList();
        if (periods.size() > 1) {
            String tables = periods.stream().map(q -> "「" + q.where() + "」").collect(java.util.stream.Collectors.joining("、"));
            int at = questions.indexOf(periods.getFirst());
            questions.removeAll(periods);
            questions.add(at, new ImportResult.Question("PERIOD", "period", periods.stream()
                    .map(ImportResult.Question::where).collect(java.util.stream.Collectors.joining("、")),
                    "进展表" + tables + "的数字截至哪个月，表名和上下文都没有写明：请指定截止月份（命令行 --period 2023-09）",
                    List.of()));
        }
    }

    /** @param tableTitle the first table's heading, the plan's title where the document prints none (关于……的通知) */
    private Plan planFor(SourceDocument document, DocumentFacts facts, ImportOptions options, Optional<Plan> existing,
                         Region issuer, TreeSet<Integer> columnYears, String tableTitle, List<InputProblem> problems,
                         List<ImportResult.Note> notes, List<ImportResult.Question> questions) {
        String fileName = document.fileName();
        Plan base = existing.orElse(null);
        String title = first(options.title(), base == null ? null : base.title(), facts.title(), tableTitle,
                stripExtension(fileName));
        String number = first(options.documentNumber(), base == null ? null : base.documentNumber(),
                facts.documentNumber());
        TreeSet<Integer> years = columnYears;
        Integer firstYear = options.firstYear() != null ? options.firstYear()
                : base != null ? Integer.valueOf(base.firstYear()) : years.isEmpty() ? null : years.first();
        Integer lastYear = options.lastYear() != null ? options.lastYear()
                : base != null ? Integer.valueOf(base.lastYear()) : years.isEmpty() ? null : years.last();
        Long parent = base != null ? base.parentPlanId() : null;
        String parentNumber = options.parentNumber();
        if (parentNumber != null && parentNumber.strip().equalsIgnoreCase(ParentPlan.NONE)) {
            parent = null;
            notes.add(new ImportResult.Note("上级计划", "按指定不设上级计划"));
        } else if (parentNumber != null) {
            Optional<Plan> p = plans.byDocumentNumber(DocumentFacts.normalizeNumber(parentNumber));
            if (p.isEmpty()) {
                problems.add(new InputProblem(fileName, null, null, null, "上级计划不存在：" + parentNumber));
                return null;
            }
            parent = p.get().id();
            notes.add(new ImportResult.Note("上级计划", "按指定的 " + p.get().label()));
        } else if (parent == null && firstYear != null) {
            // not the first cited plan above the issuer: the nearest of the plan's years, or a question (audit M5)
            ParentPlan.Found found = new ParentPlan(regions, plans::byDocumentNumber).of(facts.referencedNumbers(), issuer,
                    firstYear, lastYear == null ? firstYear : lastYear);
            parent = found.id();
            if (found.basis() != null) {
                notes.add(new ImportResult.Note("上级计划", found.basis()));
            }
            if (found.question() != null) {
                questions.add(found.question());
            }
        }
        return new Plan(base == null ? null : base.id(), title, issuer.id(),
                first(options.issuerName(), base == null ? null : base.issuerName()), number,
                options.issuedOn() != null ? options.issuedOn() : base != null && base.issuedOn() != null
                        ? base.issuedOn() : facts.issuedOn(),
                firstYear, lastYear, parent, fileName, base == null ? null : base.note());
    }

    /** The same plan imported before: same 文号, or same title from the same issuer. */
    private Optional<Plan> findStored(Plan plan) {
        if (plan.documentNumber() != null) {
            return plans.byDocumentNumber(plan.documentNumber());
        }
        return plans.byTitleAndIssuer(plan.title(), plan.issuerRegionId());
    }

    // ---- results ---------------------------------------------------------------------------------

    private ImportResult result(Preview preview, boolean committed, Long batchId, Long planId, Long progressId,
                                PlanDraft draft, PublishedProgress progress, boolean existing) {
        SourceDocument document = preview.document();
        ImportResult.PlanSummary planSummary = null;
        if (draft != null) {
            Plan p = draft.plan();
            Region issuer = regions.byId(p.issuerRegionId());
            String parent = p.parentPlanId() == null ? null : plans.find(p.parentPlanId()).map(Plan::label).orElse(null);
            planSummary = new ImportResult.PlanSummary(p.title(), issuer.code(), issuer.name(), p.issuerName(),
                    p.documentNumber(), p.issuedOn(), p.firstYear(), p.lastYear(), parent, existing);
        }
        ImportResult.ProgressSummary progressSummary = null;
        if (progress != null) {
            Region issuer = regions.byId(progress.issuerRegionId());
            progressSummary = new ImportResult.ProgressSummary(progress.title(), issuer.code(), issuer.name(),
                    progress.period().toString(), progress.tables().size());
        }
        List<ImportResult.TableSummary> tables = new ArrayList<>();
        List<ImportResult.ColumnLine> columns = new ArrayList<>();
        List<ImportResult.FigureLine> figures = new ArrayList<>();
        for (TableInterpreter.Reading r : preview.readings()) {
            BreakdownTable t = r.table();
            String period = r.period() == null ? null : r.period().toString();
            tables.add(new ImportResult.TableSummary(t.seq(), t.label(), t.title(), t.unitLine(),
                    t.columns().stream().map(c -> (c.year() == null ? "合计" : c.year() + "年") + " "
                            + c.indicator().displayName() + " " + c.kind().label()).toList(),
                    t.rows().size(), (int) t.rows().stream().flatMap(row -> row.cells().stream()).filter(c -> !c.blank())
                    .count(), t.source().sheet(), t.source().row(), r.progress() ? "PROGRESS" : "PLAN", period));
            columns.addAll(r.columns());
            for (BreakdownTable.Row row : t.rows()) {
                for (int c = 0; c < t.columns().size(); c++) {
                    Cell cell = row.cell(c);
                    if (cell.blank()) {
                        continue;
                    }
                    BreakdownTable.Column col = t.columns().get(c);
                    figures.add(new ImportResult.FigureLine(t.displayLabel(), row.sourceRow(),
                            InputProblem.columnLetters(col.sourceColumn()), row.label(), row.region().code(),
                            row.role() == RowRole.TOTAL ? row.region().name() + "（合计）" : row.region().name(),
                            row.role().name(), col.indicator().code(), col.indicator().displayName(), col.year(), col.kind().name(),
                            col.kind() == FigureKind.TARGET ? null : period, col.printed(cell), cell.value()));
                }
            }
        }
        return new ImportResult(document.fileName(), document.format().name(), document.encoding(), committed,
                batchId, planId, progressId, planSummary, progressSummary, tables, columns, figures,
                preview.questions(), preview.notes(), preview.warnings(), preview.stated(), List.of(),
                preview.findings());
    }

    private static ImportResult rejected(SourceDocument document, List<InputProblem> problems) {
        return rejected(document.fileName(), document.format().name(), document.encoding(), problems);
    }

    private static ImportResult rejected(String fileName, String format, String encoding, List<InputProblem> problems) {
        return new ImportResult(fileName, format, encoding, false, null, null, null, null, null, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(),
                problems.stream().map(ImportResult.Problem::of).toList(), List.of());
    }

    private static String summary(Preview preview) {
        int figures = preview.readings().stream().mapToInt(r -> (int) r.table().rows().stream()
                .flatMap(row -> row.cells().stream()).filter(c -> !c.blank()).count()).sum();
        return preview.readings().size() + " 张表，" + figures + " 个数，" + preview.findings().size() + " 处不一致"
                + (preview.questions().isEmpty() ? "" : "，" + preview.questions().size() + " 处待确认");
    }

    private static String sha256(byte[] content) {
        return org.anju.platform.Sha256.hex(content);
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
