package org.anju.ledger.identification;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.LastChange;
import org.anju.platform.BadInput;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.ChinaTime;
import org.anju.platform.Conflict;
import org.anju.platform.NotFound;
import org.anju.project.Project;
import org.anju.project.Projects;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 棚改项目认定: a county opens an identification of one of its 棚改 projects against the checklist in force on a day,
 * answers every clause with a reason and evidence, records the positive facts and submits; the level above (the city
 * for a county) decides 认定 or 不予认定 — a refusal always names its clauses — or returns it for more. An
 * identification with a clause unanswered, an exclusion hit, or an 排除/必备 answer without evidence cannot be
 * approved ({@link Identification#blockers}). Evidence files are kept for good.
 */
@Service
public class Identifications {

    /** The largest evidence file (a scanned report of some pages); larger ones belong in the county's archive. */
    public static final int MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
    static final int MAX_TEXT = 2000;
    static final Set<String> PROGRAMS = Set.of("SHANTYTOWN", "MINING_SHANTYTOWN");

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Access access;
    private final Projects projects;
    private final Checklists checklists;
    private final LastChange lastChange;

    Identifications(JdbcClient jdbc, Regions regions, Access access, Projects projects, Checklists checklists,
                    LastChange lastChange) {
        this.jdbc = jdbc;
        this.lastChange = lastChange;
        this.regions = regions;
        this.access = access;
        this.projects = projects;
        this.checklists = checklists;
    }

    /**
     * Opens an identification of a 棚改 project against its city's or province's checklist in force on {@code asOf}.
     *
     * @param checklistId the checklist to use; null when exactly one applies
     */
    @Transactional
    public Identification open(long projectId, Long checklistId, LocalDate asOf) {
        if (asOf == null) {
            throw new BadInput("请填写认定依据的日期（按该日有效的认定清单认定）");
        }
        Project p = projects.get(projectId, YearMonth.from(asOf)).project();
        Region region = region(p.regionCode());
        access.checkWrite(region);
        if (!PROGRAMS.contains(p.programCode())) {
            throw new BadInput("项目“" + p.name() + "”不是棚户区改造项目（工程类别 " + p.programCode() + "），不做棚改项目认定");
        }
        List<Checklist> applicable = checklists.applicable(region, asOf);
        Checklist checklist;
        if (applicable.isEmpty()) {
            throw checklists.missing(region, asOf);
        } else if (checklistId != null) {
            checklist = applicable.stream().filter(c -> c.id() == checklistId).findFirst().orElseThrow(() -> new BadInput(
                    "认定清单 " + checklistId + " 不适用于" + region.name() + Dates.day(asOf) + "的项目：可用的是 "
                            + String.join("、", applicable.stream().map(c -> c.id() + "（" + c.name() + "）").toList())));
        } else if (applicable.size() > 1) {
            throw new BadInput(region.name() + "的市和省都有" + Dates.day(asOf) + "有效的认定清单，请选择按哪一份认定："
                    + String.join("、", applicable.stream().map(c -> c.id() + "（" + c.name() + "）").toList()));
        } else {
            checklist = applicable.getFirst();
        }
        boolean open = jdbc.sql("select exists (select 1 from ledger_identification where project_id = :p "
                        + "and state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'))").param("p", projectId)
                .query(Boolean.class).single();
        if (open) {
            throw new Conflict("项目“" + p.name() + "”已有未办结或已认定的认定记录，不能重复开始");
        }
        String by = by();
        long id = jdbc.sql("""
                        insert into ledger_identification (project_id, project_name, region_id, checklist_id, as_of, state,
                            created_by, updated_by)
                        values (:project, :name, :region, :checklist, :asOf, 'DRAFT', :by, :by) returning id""")
                .param("project", projectId).param("name", p.name()).param("region", region.id())
                .param("checklist", checklist.id()).param("asOf", asOf).param("by", by).query(Long.class).single();
        return view(id);
    }

    /** An identification with its clauses, answers, evidence and blockers; read by the project's region and above. */
    public Identification get(long id) {
        Identification i = view(id);
        access.checkRead(region(i.regionCode()));
        return i;
    }

    /** The identifications of the region's subtree, newest first. */
    public List<Identification.Summary> list(String regionCode) {
        Region scope = region(regionCode);
        access.checkRead(scope);
        return jdbc.sql("""
                        select i.id, i.project_id, i.project_name, r.code region_code, r.name region_name, c.name checklist_name,
                               i.as_of, i.state, i.refused_clauses, i.updated_at
                          from ledger_identification i join region r on r.id = i.region_id
                          join ledger_ident_checklist c on c.id = i.checklist_id
                          join region_ancestor ra on ra.region_id = i.region_id and ra.ancestor_id = :scope
                         order by i.id desc""")
                .param("scope", scope.id())
                .query((rs, n) -> new Identification.Summary(rs.getLong("id"), rs.getLong("project_id"),
                        rs.getString("project_name"), rs.getString("region_code"), rs.getString("region_name"),
                        rs.getString("checklist_name"), rs.getObject("as_of", LocalDate.class),
                        State.valueOf(rs.getString("state")), strings(rs.getArray("refused_clauses")),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /** Records the positive facts (null fields: 未报). */
    @Transactional
    public Identification facts(long id, int version, Facts facts) {
        Identification i = editable(id);
        Facts f = facts == null ? Facts.NONE : facts;
        if (f.contiguousHouseholds() != null && f.households() != null && f.contiguousHouseholds() > f.households()) {
            throw new BadInput("集中成片户数 " + f.contiguousHouseholds() + " 大于项目总户数 " + f.households() + "：请核对");
        }
        if (f.builtYear() != null && (f.builtYear() < 1800 || f.builtYear() > i.asOf().getYear())) {
            throw new BadInput("建成年份 " + f.builtYear() + " 不对：应在 1800 至 " + i.asOf().getYear() + " 之间");
        }
        for (Integer n : new Integer[] {f.households(), f.contiguousHouseholds()}) {
            if (n != null && n < 0) {
                throw new BadInput("户数不能为负数");
            }
        }
        text("事实说明", f.note());
        text("鉴定报告", f.appraisalReport());
        int n = jdbc.sql("""
                        update ledger_identification set area_type = :type, households = :households,
                            contiguous_households = :contiguous, built_year = :built, appraisal_grade = :grade,
                            appraisal_report = :report, facts_note = :note, version = version + 1, updated_at = now(),
                            updated_by = :by
                         where id = :id and version = :version""")
                .param("type", f.type() == null ? null : f.type().name()).param("households", f.households())
                .param("contiguous", f.contiguousHouseholds()).param("built", f.builtYear())
                .param("grade", f.appraisal() == null ? null : f.appraisal().name())
                .param("report", blank(f.appraisalReport())).param("note", blank(f.note())).param("by", by())
                .param("id", id).param("version", version).update();
        checkUpdated(n, i, version);
        return view(id);
    }

    /**
     * Answers a clause. A clause whose check the recorded facts satisfy must be answered 符合 (the facts say the project
     * is what it describes).
     */
    @Transactional
    public Identification answer(long id, int version, String clauseNo, Answer answer, String reason) {
        Identification i = editable(id);
        Clause clause = clause(i, clauseNo);
        if (answer == null) {
            throw new BadInput("请对第 " + clause.number() + " 条作答：符合、不符合或不适用");
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInput("第 " + clause.number() + " 条答“" + answer.label() + "”须写明理由");
        }
        text("理由", reason);
        if (clause.check() != null && answer != Answer.MATCHES && Boolean.TRUE.equals(clause.check().holds(i.facts()))) {
            throw new BadInput("按已填的事实（" + describe(i.facts()) + "），本项目属于" + clause.quoted() + "所述情形（核对条件："
                    + clause.check().text() + "），应答“符合”；如事实有误，请先改正事实");
        }
        jdbc.sql("""
                        insert into ledger_ident_answer (identification_id, clause_no, answer, reason, answered_by)
                        values (:id, :clause, :answer, :reason, :by)
                        on conflict (identification_id, clause_no) do update set answer = excluded.answer,
                            reason = excluded.reason, answered_at = now(), answered_by = excluded.answered_by""")
                .param("id", id).param("clause", clause.number()).param("answer", answer.name())
                .param("reason", reason.strip()).param("by", by()).update();
        checkUpdated(touch(id, version), i, version);
        return view(id);
    }

    /** Adds an evidence file to a clause: kept for good, with its SHA-256. */
    @Transactional
    public Evidence addEvidence(long id, String clauseNo, String fileName, String contentType, byte[] content) {
        Identification i = editable(id);
        Clause clause = clause(i, clauseNo);
        String name = fileName == null || fileName.isBlank() ? null : fileName.strip();
        if (name == null) {
            throw new BadInput("证明材料须有文件名");
        }
        if (name.length() > 200) {
            throw new BadInput("文件名过长（最多 200 字）：" + name.substring(0, 40) + "…");
        }
        if (content == null || content.length == 0) {
            throw new BadInput(name + "：文件是空的");
        }
        if (content.length > MAX_EVIDENCE_BYTES) {
            throw new BadInput(name + "：文件 " + content.length / 1024 / 1024 + " MB，超过证明材料上限 "
                    + MAX_EVIDENCE_BYTES / 1024 / 1024 + " MB：请压缩或分成几个文件上传");
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
        // one identification's uploads one at a time (its row locked until the end): two identical ones sent at once — a
        // double-click, a retry racing the original — store one, the other is refused here as a later repeat is. The
        // same bytes under another name are the same evidence (the content is what is checked and compared); the same
        // file on another clause is not refused: one appraisal report may answer two clauses.
        jdbc.sql("select id from ledger_identification where id = :id for no key update").param("id", id).query(Long.class).single();
        String sha = sha256(content);
        evidence(id).stream().filter(e -> e.clauseNo().equals(clause.number()) && e.sha256().equals(sha)).findFirst()
                .ifPresent(held -> {
                    throw new Conflict(name + "：与" + held.uploadedBy() + "于 "
                            + ChinaTime.atMinute(held.uploadedAt()) + " 为第 " + clause.number() + " 条上传的证明材料“" + held.fileName()
                            + "”内容相同，未重复保存；如要补充材料，请上传其他文件");
                });
        long evidenceId = jdbc.sql("""
                        insert into ledger_ident_evidence (identification_id, clause_no, file_name, content_type, size_bytes,
                            sha256, content, uploaded_by)
                        values (:id, :clause, :name, :type, :size, :sha, :content, :by) returning id""")
                .param("id", id).param("clause", clause.number()).param("name", name).param("type", type)
                .param("size", content.length).param("sha", sha).param("content", content).param("by", by())
                .query(Long.class).single();
        jdbc.sql("update ledger_identification set updated_at = now(), updated_by = :by where id = :id")
                .param("by", by()).param("id", id).update();
        return evidence(id).stream().filter(e -> e.id() == evidenceId).findFirst().orElseThrow();
    }

    /** An evidence file's content, after checking it still has the SHA-256 it was stored with. */
    public byte[] evidenceContent(long id, long evidenceId) {
        get(id);
        record Stored(byte[] content, String sha256) {
        }
        Stored s = jdbc.sql("select content, sha256 from ledger_ident_evidence where id = :e and identification_id = :id")
                .param("e", evidenceId).param("id", id)
                .query((rs, n) -> new Stored(rs.getBytes("content"), rs.getString("sha256"))).optional()
                .orElseThrow(() -> new NotFound("认定记录 " + id + " 没有编号为 " + evidenceId + " 的证明材料"));
        if (!sha256(s.content()).equals(s.sha256())) {
            throw new IllegalStateException("证明材料 " + evidenceId + " 的内容与上传时的 SHA-256 不一致");
        }
        return s.content();
    }

    public Evidence evidenceOf(long id, long evidenceId) {
        get(id);
        return evidence(id).stream().filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow(() -> new NotFound("认定记录 " + id + " 没有编号为 " + evidenceId + " 的证明材料"));
    }

    /** The county submits to the level above: every clause answered. */
    @Transactional
    public Identification submit(long id, int version) {
        Identification i = editable(id);
        List<String> unanswered = i.rows().stream().filter(r -> r.answer() == null).map(r -> r.clause().number()).toList();
        if (!unanswered.isEmpty()) {
            throw new Conflict("还有条款未回答，不能提交：第 " + String.join("、", unanswered) + " 条");
        }
        int n = jdbc.sql("""
                        update ledger_identification set state = 'SUBMITTED', submitted_on = :today,
                            version = version + 1, updated_at = now(), updated_by = :by
                         where id = :id and version = :version""")
                .param("today", ChinaTime.today()).param("by", by()).param("id", id).param("version", version).update();
        checkUpdated(n, i, version);
        return view(id);
    }

    /** 认定: by the level above, when nothing stands in the way. */
    @Transactional
    public Identification approve(long id, int version, String note) {
        Identification i = deciding(id);
        if (!i.blockers().isEmpty()) {
            throw new Conflict("不能认定：" + String.join("；", i.blockers()));
        }
        text("认定意见", note);
        return decide(i, version, State.APPROVED, blank(note), null);
    }

    /** 不予认定: by the level above, naming the clauses it rests on (quoted verbatim in the decision). */
    @Transactional
    public Identification refuse(long id, int version, List<String> clauseNos, String note) {
        Identification i = deciding(id);
        Set<String> numbers = new LinkedHashSet<>();
        for (String c : clauseNos == null ? List.<String>of() : clauseNos) {
            if (c != null && !c.isBlank()) {
                numbers.add(clause(i, c).number());
            }
        }
        if (numbers.isEmpty()) {
            throw new BadInput("不予认定须写明依据的条款：请选择" + i.checklist().name() + "中的条款编号");
        }
        text("不予认定意见", note);
        StringBuilder decision = new StringBuilder("不予认定。依据" + i.checklist().document() + "：");
        for (String n : numbers) {
            decision.append(i.checklist().clause(n).orElseThrow().quoted()).append("；");
        }
        decision.setLength(decision.length() - 1);
        decision.append("。");
        if (note != null && !note.isBlank()) {
            decision.append(note.strip());
        }
        return decide(i, version, State.REFUSED, decision.toString(), numbers.toArray(String[]::new));
    }

    /** 退回补充: back to the county with what to add. */
    @Transactional
    public Identification sendBack(long id, int version, String note) {
        Identification i = deciding(id);
        if (note == null || note.isBlank()) {
            throw new BadInput("退回补充须写明需要补充什么");
        }
        text("退回意见", note);
        return decide(i, version, State.RETURNED, note.strip(), null);
    }

    /** Whether the current user may change the identification (county) or decide it (level above): for pages. */
    public boolean canEdit(Identification i) {
        return i.state().editable() && access.canWrite(region(i.regionCode()));
    }

    public boolean canDecide(Identification i) {
        return i.state() == State.SUBMITTED && access.canApprove(region(i.regionCode()));
    }

    /** The checklists a project of {@code regionCode} may be identified against on {@code day} (for the form). */
    public List<Checklist> applicable(String regionCode, LocalDate day) {
        Region r = region(regionCode);
        access.checkRead(r);
        return checklists.applicable(r, day);
    }

    public String missingMessage(String regionCode, LocalDate day) {
        return checklists.missing(region(regionCode), day).getMessage();
    }

    // ---- internals ------------------------------------------------------------------------------------

    private Identification decide(Identification i, int version, State to, String note, String[] clauses) {
        int n = jdbc.sql("""
                        update ledger_identification set state = :state, decision_note = :note, refused_clauses = :clauses,
                            decided_on = case when :state in ('APPROVED', 'REFUSED') then cast(:today as date) end,
                            decided_by = :by, version = version + 1, updated_at = now(), updated_by = :by
                         where id = :id and version = :version and state = 'SUBMITTED'""")
                .param("state", to.name()).param("today", ChinaTime.today()).param("note", note).param("clauses", clauses).param("by", by())
                .param("id", i.id()).param("version", version).update();
        checkUpdated(n, i, version);
        return view(i.id());
    }

    private Identification editable(long id) {
        Identification i = get(id);
        access.checkWrite(region(i.regionCode()));
        if (!i.state().editable()) {
            throw new Conflict("认定记录 " + id + " 为“" + i.state().label() + "”，不能再修改（只有草稿和退回补充的可以修改）");
        }
        return i;
    }

    private Identification deciding(long id) {
        Identification i = get(id);
        access.checkApprove(region(i.regionCode()));
        if (i.state() != State.SUBMITTED) {
            throw new Conflict("认定记录 " + id + " 为“" + i.state().label() + "”，只有已提交的才能认定、不予认定或退回");
        }
        return i;
    }

    private static Clause clause(Identification i, String number) {
        if (number == null || number.isBlank()) {
            throw new BadInput("请给出条款编号");
        }
        return i.checklist().clause(number.strip()).orElseThrow(() -> new BadInput(i.checklist().name() + "中没有第 "
                + number.strip() + " 条：条款编号为 " + String.join("、", i.checklist().clauses().stream().map(Clause::number).toList())));
    }

    private int touch(long id, int version) {
        return jdbc.sql("update ledger_identification set version = version + 1, updated_at = now(), updated_by = :by "
                + "where id = :id and version = :version").param("by", by()).param("id", id).param("version", version).update();
    }

    /**
     * A stale version: who changed the record there since and when (the user's own other window said so), not 他人 —
     * or, for a version ahead of the one there, that there is no such version. The version there is read again: the
     * record {@code i} was read before the update, unlocked, and a change between the two would be missed.
     */
    private void checkUpdated(int n, Identification i, int version) {
        if (n == 0) {
            int current = jdbc.sql("select version from ledger_identification where id = ?").param(i.id())
                    .query(Integer.class).single();
            throw new ConcurrentUpdateException(lastChange.refusal("认定记录 " + i.id() + "（" + i.projectName() + "）",
                    "ledger_identification", i.id(), version, current, "请刷新后再办理"));
        }
    }

    private Identification view(long id) {
        record Row(long projectId, String projectName, int regionId, long checklistId, LocalDate asOf, State state,
                   Facts facts, String decisionNote, List<String> refused, LocalDate submittedOn, LocalDate decidedOn,
                   String decidedBy, java.time.Instant updatedAt, int version) {
        }
        Row r = jdbc.sql("select * from ledger_identification where id = :id").param("id", id)
                .query((rs, n) -> new Row(rs.getLong("project_id"), rs.getString("project_name"), rs.getInt("region_id"),
                        rs.getLong("checklist_id"), rs.getObject("as_of", LocalDate.class), State.valueOf(rs.getString("state")),
                        facts(rs), rs.getString("decision_note"), strings(rs.getArray("refused_clauses")),
                        rs.getObject("submitted_on", LocalDate.class), rs.getObject("decided_on", LocalDate.class),
                        rs.getString("decided_by"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version")))
                .optional().orElseThrow(() -> new NotFound("没有编号为 " + id + " 的认定记录"));
        Checklist c = checklists.stored(r.checklistId());
        Region region = regions.byId(r.regionId());
        record Given(Answer answer, String reason, String by) {
        }
        Map<String, Given> answers = new LinkedHashMap<>();
        jdbc.sql("select * from ledger_ident_answer where identification_id = :id").param("id", id)
                .query((rs, n) -> answers.put(rs.getString("clause_no"), new Given(Answer.valueOf(rs.getString("answer")),
                        rs.getString("reason"), rs.getString("answered_by")))).list();
        List<Evidence> evidence = evidence(id);
        List<Identification.Row> rows = new ArrayList<>();
        for (Clause clause : c.clauses()) {
            Given g = answers.get(clause.number());
            rows.add(new Identification.Row(clause, g == null ? null : g.answer(), g == null ? null : g.reason(),
                    g == null ? null : g.by(), evidence.stream().filter(e -> e.clauseNo().equals(clause.number())).toList(),
                    clause.check() == null ? null : clause.check().holds(r.facts())));
        }
        return new Identification(id, r.projectId(), r.projectName(), region.code(), region.name(), c, r.asOf(), r.state(),
                r.facts(), List.copyOf(rows), r.decisionNote(), r.refused(), r.submittedOn(), r.decidedOn(), r.decidedBy(),
                r.updatedAt(), r.version(), blockers(r.facts(), rows));
    }

    /** What stands in the way of 认定, in the checklist's order. */
    static List<String> blockers(Facts facts, List<Identification.Row> rows) {
        List<String> b = new ArrayList<>();
        if (facts.type() == null) {
            b.add("棚户区类型未报");
        }
        if (facts.households() == null) {
            b.add("户数未报");
        }
        for (Identification.Row r : rows) {
            Clause c = r.clause();
            String head = "第 " + c.number() + " 条";
            if (r.answer() == null) {
                b.add(head + "未回答");
                continue;
            }
            if (c.kind() == ClauseKind.PRIORITY) {
                continue;
            }
            if (c.check() != null) {
                Boolean holds = c.check().holds(facts);
                if (holds == null) {
                    b.add(head + "无法核对：" + String.join("、", c.check().missing(facts)) + "未报");
                } else if (holds && r.answer() != Answer.MATCHES) {
                    b.add(head + "与已填事实不符（" + c.check().text() + "），应答“符合”");
                }
            }
            if (c.kind() == ClauseKind.EXCLUSION) {
                if (r.answer() == Answer.MATCHES) {
                    b.add(head + "（排除）答“符合”：项目属于严禁纳入棚改的情形");
                } else if (r.answer() == Answer.DOES_NOT_MATCH && r.evidence().isEmpty()) {
                    b.add(head + "（排除）答“不符合”但未附证明材料（应附：" + c.evidence() + "）");
                }
            } else if (c.kind() == ClauseKind.REQUIRED) {
                if (r.answer() == Answer.DOES_NOT_MATCH) {
                    b.add(head + "（必备）答“不符合”：项目不具备该条件");
                } else if (r.answer() == Answer.MATCHES && r.evidence().isEmpty()) {
                    b.add(head + "（必备）答“符合”但未附证明材料（应附：" + c.evidence() + "）");
                }
            }
        }
        return List.copyOf(b);
    }

    private List<Evidence> evidence(long id) {
        return jdbc.sql("""
                        select id, clause_no, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by
                          from ledger_ident_evidence where identification_id = :id order by id""")
                .param("id", id)
                .query((rs, n) -> new Evidence(rs.getLong("id"), rs.getString("clause_no"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                        rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by")))
                .list();
    }

    private static Facts facts(ResultSet rs) throws SQLException {
        String type = rs.getString("area_type");
        String grade = rs.getString("appraisal_grade");
        return new Facts(type == null ? null : AreaType.valueOf(type), (Integer) rs.getObject("households"),
                (Integer) rs.getObject("contiguous_households"), (Integer) rs.getObject("built_year"),
                grade == null ? null : Facts.Grade.valueOf(grade), rs.getString("appraisal_report"),
                rs.getString("facts_note"));
    }

    static String describe(Facts f) {
        return "类型 " + (f.type() == null ? "未报" : f.type().label()) + "、户数 " + (f.households() == null ? "未报" : f.households())
                + "、集中成片户数 " + (f.contiguousHouseholds() == null ? "未报" : f.contiguousHouseholds()) + "、建成年份 "
                + (f.builtYear() == null ? "未报" : f.builtYear()) + "、鉴定等级 "
                + (f.appraisal() == null ? "未报" : f.appraisal().label());
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }

    /** The lowercase hex SHA-256 of the bytes. */
    public static String sha256(byte[] content) {
        return org.anju.platform.Sha256.hex(content);
    }

    private static void text(String what, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new BadInput(what + "过长：" + text.length() + " 字（最多 " + MAX_TEXT + " 字）");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Region region(String code) {
        if (code == null || code.isBlank()) {
            throw new BadInput("请给出地区代码（如 360702 章贡区）");
        }
        return regions.byCode(code.strip()).orElseThrow(() -> new BadInput("没有编码为 " + code.strip() + " 的地区"));
    }

    private String by() {
        Actor a = access.current();
        return a.displayName() + "（" + a.username() + "）";
    }
}
