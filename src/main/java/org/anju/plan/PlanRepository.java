package org.anju.plan;

import org.anju.indicator.Indicator;
import org.anju.indicator.Indicators;
import org.anju.platform.PgCopy;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** SQL for plans and everything they hold. Writes are batched: a national table has ~45,000 cells. */
@Repository
class PlanRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PgCopy pgCopy;
    private final Regions regions;
    private final Indicators indicators;

    PlanRepository(JdbcClient jdbc, JdbcTemplate template, PgCopy pgCopy, Regions regions,
                   Indicators indicators) {
        this.jdbc = jdbc;
        this.template = template;
        this.pgCopy = pgCopy;
        this.regions = regions;
        this.indicators = indicators;
    }

    // ---- plans ----------------------------------------------------------------------------------

    private static Plan plan(ResultSet rs) throws SQLException {
        Date issued = rs.getDate("issued_on");
        Long parent = nullableLong(rs, "parent_plan_id");
        return new Plan(rs.getLong("id"), rs.getString("title"), rs.getInt("issuer_region_id"),
                rs.getString("issuer_name"), rs.getString("document_number"),
                issued == null ? null : issued.toLocalDate(), rs.getInt("first_year"), rs.getInt("last_year"),
                parent, rs.getString("source_file"), rs.getString("note"), rs.getInt("version"));
    }

    List<Plan> plans() {
        return jdbc.sql("select * from plan order by first_year desc, issuer_region_id, id").query((rs, n) -> plan(rs)).list();
    }

    Optional<Plan> plan(long id) {
        return jdbc.sql("select * from plan where id = ?").param(id).query((rs, n) -> plan(rs)).optional();
    }

    Optional<Plan> byDocumentNumber(String documentNumber) {
        return jdbc.sql("select * from plan where document_number = ?").param(documentNumber)
                .query((rs, n) -> plan(rs)).optional();
    }

    Optional<Plan> byTitleAndIssuer(String title, int issuerRegionId) {
        return jdbc.sql("select * from plan where title = ? and issuer_region_id = ? order by id limit 1")
                .params(title, issuerRegionId).query((rs, n) -> plan(rs)).optional();
    }

    long insertPlan(Plan p) {
        return jdbc.sql("""
                        insert into plan (title, issuer_region_id, issuer_name, document_number, issued_on,
                                          first_year, last_year, parent_plan_id, source_file, note)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(p.title(), p.issuerRegionId(), p.issuerName(), p.documentNumber(),
                        p.issuedOn() == null ? null : Date.valueOf(p.issuedOn()), p.firstYear(), p.lastYear(),
                        p.parentPlanId(), p.sourceFile(), p.note())
                .query(Long.class).single();
    }

    /**
     * Updates the plan row and raises its version.
     *
     * @param expectedVersion the version the change is based on, or null to overwrite whatever is stored (imports)
     * @return false when the plan is not at {@code expectedVersion} (any more)
     */
    boolean updatePlan(Plan p, Integer expectedVersion) {
        return jdbc.sql("""
                        update plan set title = ?, issuer_region_id = ?, issuer_name = ?, document_number = ?,
                               issued_on = ?, first_year = ?, last_year = ?, parent_plan_id = ?, source_file = ?,
                               note = ?, updated_at = now(), version = version + 1
                        where id = ? and (cast(? as int) is null or version = ?)""")
                .params(p.title(), p.issuerRegionId(), p.issuerName(), p.documentNumber(),
                        p.issuedOn() == null ? null : Date.valueOf(p.issuedOn()), p.firstYear(), p.lastYear(),
                        p.parentPlanId(), p.sourceFile(), p.note(), p.id(), expectedVersion, expectedVersion)
                .update() == 1;
    }

    /** Raises the version of a plan whose parts (milestones) changed; false when it is not at the expected one. */
    boolean bump(long id, int expectedVersion) {
        return jdbc.sql("update plan set version = version + 1, updated_at = now() where id = ? and version = ?")
                .params(id, expectedVersion).update() == 1;
    }

    boolean deletePlan(long id) {
        deleteTables(id);
        return jdbc.sql("delete from plan where id = ?").param(id).update() > 0;
    }

    // ---- milestones and stated totals -------------------------------------------------------------

    void replaceMilestones(long planId, List<Milestone> milestones) {
        jdbc.sql("delete from milestone where plan_id = ?").param(planId).update();
        milestones.forEach(m -> insertMilestone(planId, m));
    }

    long insertMilestone(long planId, Milestone m) {
        return jdbc.sql("""
                        insert into milestone (plan_id, due_on, program_code, indicator_id, work_item, scope,
                                               threshold_percent, quote, stage_code, measure_code, project_years,
                                               placements, constructions, building_types)
                        values (:plan, :due, :program, :indicator, :work, :scope, :threshold, :quote, :stage, :measure,
                                :years, :placements, :constructions, :types) returning id""")
                .params(milestoneParams(planId, m)).query(Long.class).single();
    }

    boolean updateMilestone(long planId, Milestone m) {
        return jdbc.sql("""
                        update milestone set due_on = :due, program_code = :program, indicator_id = :indicator,
                               work_item = :work, scope = :scope, threshold_percent = :threshold, quote = :quote,
                               stage_code = :stage, measure_code = :measure, project_years = :years,
                               placements = :placements, constructions = :constructions, building_types = :types
                        where id = :id and plan_id = :plan""")
                .params(milestoneParams(planId, m)).param("id", m.id()).update() == 1;
    }

    boolean deleteMilestone(long planId, long id) {
        return jdbc.sql("delete from milestone where id = ? and plan_id = ?").params(id, planId).update() == 1;
    }

    private java.util.Map<String, Object> milestoneParams(long planId, Milestone m) {
        Milestone.Selection s = m.selection();
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("plan", planId);
        p.put("due", Date.valueOf(m.dueOn()));
        p.put("program", m.programCode());
        p.put("indicator", m.indicatorCode() == null ? null : indicator(m.indicatorCode()).id());
        p.put("work", m.workItem());
        p.put("scope", m.scope());
        p.put("threshold", m.thresholdPercent());
        p.put("quote", m.quote());
        p.put("stage", s == null ? null : s.stageCode());
        p.put("measure", s == null ? null : s.measureCode());
        p.put("years", s == null ? null : s.years().toArray(Integer[]::new));
        p.put("placements", s == null ? null : s.placements().stream().map(Enum::name).toArray(String[]::new));
        p.put("constructions", s == null ? null : s.constructions().stream().map(Enum::name).toArray(String[]::new));
        p.put("types", s == null ? null : s.buildingTypes().stream().map(Enum::name).toArray(String[]::new));
        return p;
    }

    private static <T> List<T> codes(java.sql.ResultSet rs, String column, java.util.function.Function<String, T> parse)
            throws java.sql.SQLException {
        java.sql.Array a = rs.getArray(column);
        return a == null ? List.of() : java.util.Arrays.stream((String[]) a.getArray()).map(parse).toList();
    }

    List<Milestone> milestones(long planId) {
        return jdbc.sql("select * from milestone where plan_id = ? order by due_on, id").param(planId)
                .query((rs, n) -> {
                    Integer indicatorId = nullableInt(rs, "indicator_id");
                    String stage = rs.getString("stage_code");
                    Milestone.Selection selection = stage == null ? null : new Milestone.Selection(stage,
                            rs.getString("measure_code"), java.util.Arrays.asList((Integer[]) rs.getArray("project_years").getArray()),
                            codes(rs, "placements", org.anju.indicator.Placement::valueOf),
                            codes(rs, "constructions", org.anju.indicator.Construction::valueOf),
                            codes(rs, "building_types", org.anju.indicator.BuildingType::valueOf));
                    return new Milestone(rs.getLong("id"), rs.getDate("due_on").toLocalDate(),
                            rs.getString("program_code"), indicatorId == null ? null : indicators.byId(indicatorId).code(),
                            rs.getString("work_item"), rs.getString("scope"), rs.getBigDecimal("threshold_percent"),
                            rs.getString("quote"), selection);
                }).list();
    }

    void replaceStatedTotals(long planId, List<StatedTotal> totals) {
        jdbc.sql("delete from stated_total where plan_id = ?").param(planId).update();
        template.batchUpdate("""
                        insert into stated_total (plan_id, region_id, indicator_ids, year, value, tolerance, printed, quote)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""", totals, 100, (ps, t) -> {
            ps.setLong(1, planId);
            ps.setInt(2, region(t.regionCode()).id());
            ps.setArray(3, ps.getConnection().createArrayOf("int",
                    t.indicatorCodes().stream().map(c -> indicator(c).id()).toArray()));
            if (t.year() == null) {
                ps.setNull(4, Types.SMALLINT);
            } else {
                ps.setInt(4, t.year());
            }
            ps.setBigDecimal(5, t.value());
            ps.setBigDecimal(6, t.tolerance());
            ps.setString(7, t.printed());
            ps.setString(8, t.quote());
        });
    }

    List<StatedTotal> statedTotals(long planId) {
        return jdbc.sql("select * from stated_total where plan_id = ? order by id").param(planId)
                .query((rs, n) -> {
                    Integer y = nullableInt(rs, "year");
                    List<String> codes = Arrays.stream((Integer[]) rs.getArray("indicator_ids").getArray())
                            .map(id -> indicators.byId(id).code()).toList();
                    return new StatedTotal(rs.getLong("id"), regions.byId(rs.getInt("region_id")).code(), codes, y,
                            plain(rs.getBigDecimal("value")), plain(rs.getBigDecimal("tolerance")),
                            rs.getString("printed"), rs.getString("quote"));
                }).list();
    }

    // ---- breakdown tables ------------------------------------------------------------------------

    /** Targets first, in one statement: left to the cascade, they would go one row at a time. */
    void deleteTables(long planId) {
        jdbc.sql("delete from target where plan_id = ?").param(planId).update();
        jdbc.sql("delete from breakdown_table where plan_id = ?").param(planId).update();
        jdbc.sql("delete from target_rollup where plan_id = ?").param(planId).update();
    }

    /**
     * Writes the plan's subtree sums from the tables just stored ({@link TargetRollup}, worked out in memory from the
     * same figures, COPYed): the plan's tables must be exactly {@code tables} — a new plan, or one whose tables were
     * just replaced. {@link #rollupInSql} works the same out in SQL from
     * what is stored.
     */
    void rollUp(long planId, List<BreakdownTable> tables) {
        jdbc.sql("delete from target_rollup where plan_id = ?").param(planId).update();
        PgCopy.Rows rows = new PgCopy.Rows();
        for (TargetRollup.Sum s : TargetRollup.of(tables, regions::ancestors)) {
            rows.add(planId, s.regionId(), s.indicatorId(), s.year(), s.total().toPlainString(), s.units());
        }
        copy("target_rollup (plan_id, region_id, indicator_id, year, total, units)", rows);
    }

    /** The plan's subtree sums as stored, for comparing with {@link TargetRollup} (tests). */
    List<TargetRollup.Sum> storedRollup(long planId) {
        return jdbc.sql("select region_id, indicator_id, year, total, units from target_rollup where plan_id = ?")
                .param(planId).query((rs, n) -> new TargetRollup.Sum(rs.getInt(1), rs.getInt(2), nullableInt(rs, "year"),
                        rs.getBigDecimal(4), rs.getInt(5))).list();
    }

    /**
     * The plan's subtree sums worked out in SQL from its units' figures as stored (what {@code target_rollup} held
     * before issue 15's second session wrote it from memory): for tests comparing the two.
     */
    List<TargetRollup.Sum> rollupInSql(long planId) {
        return jdbc.sql("""
                        select a.ancestor_id, t.indicator_id, t.year, sum(t.value), count(*)
                        from target t
                        join region_ancestor a on a.region_id = t.region_id and a.depth > 0
                        where t.plan_id = ? and t.detail
                        group by a.ancestor_id, t.indicator_id, t.year""")
                .param(planId).query((rs, n) -> new TargetRollup.Sum(rs.getInt(1), rs.getInt(2), nullableInt(rs, "year"),
                        rs.getBigDecimal(4), rs.getInt(5))).list();
    }

    /**
     * Stores tables with their rows, columns and targets; ids are drawn up front so rows can point at parents. The rows
     * of all the tables go in one COPY and their targets in another: each statement's checks and audit entries run once
     * for the plan, not once per table.
     */
    void insertTables(long planId, List<BreakdownTable> tables, Fingerprints fingerprints) {
        if (tables.isEmpty()) {
            return;
        }
        long[] columnIds = ids("breakdown_column_id_seq", tables.stream().mapToInt(t -> t.columns().size()).sum());
        long[] rowIds = ids("breakdown_row_id_seq", tables.stream().mapToInt(t -> t.rows().size()).sum());
        PgCopy.Rows rowCopy = new PgCopy.Rows();
        PgCopy.Rows targetCopy = new PgCopy.Rows();
        int firstColumn = 0;
        int firstRow = 0;
        for (BreakdownTable t : tables) {
            long tableId = jdbc.sql("""
                            insert into breakdown_table (plan_id, seq, label, title, unit_line, row_header, note,
                                                         source_file, source_sheet, source_row, fingerprint)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(planId, t.seq(), t.label(), t.title(), t.unitLine(), t.rowHeader(), t.note(),
                            t.source().file(), t.source().sheet(), t.source().row(), fingerprints.of(t))
                    .query(Long.class).single();
            List<BreakdownTable.Column> columns = t.columns();
            int columnBase = firstColumn;
            template.batchUpdate("""
                            insert into breakdown_column (id, table_id, seq, header, indicator_id, year, source_column,
                                                          unit_factor)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""", indexes(columns.size()), 500, (ps, i) -> {
                BreakdownTable.Column c = columns.get(i);
                ps.setLong(1, columnIds[columnBase + i]);
                ps.setLong(2, tableId);
                ps.setInt(3, c.seq());
                ps.setArray(4, ps.getConnection().createArrayOf("text", c.header().toArray()));
                ps.setInt(5, c.indicator().id());
                setNullableInt(ps, 6, c.year());
                setNullableInt(ps, 7, c.sourceColumn());
                ps.setBigDecimal(8, c.factor());
            });
            List<BreakdownTable.Row> rows = t.rows();
            Map<Integer, Long> rowIdBySeq = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                rowIdBySeq.put(rows.get(i).seq(), rowIds[firstRow + i]);
            }
            for (int ri = 0; ri < rows.size(); ri++) {
                BreakdownTable.Row r = rows.get(ri);
                long rowId = rowIds[firstRow + ri];
                int regionId = r.region().id();
                rowCopy.value(rowId).value(tableId).value(r.seq()).value(r.label()).value(regionId)
                        .value(r.parentSeq() == null ? null : rowIdBySeq.get(r.parentSeq()))
                        .value(r.role().name()).value(r.sourceRow()).end();
                boolean detail = r.role() == RowRole.DETAIL;
                for (int ci = 0; ci < columns.size(); ci++) {
                    Cell cell = r.cell(ci);
                    if (!cell.blank()) {
                        BreakdownTable.Column c = columns.get(ci);
                        targetCopy.value(rowId).value(columnIds[columnBase + ci]).value(planId).value(regionId)
                                .value(c.indicator().id()).value(c.year()).value(cell.value().toPlainString())
                                .value(cell.scale()).value(detail).end();
                    }
                }
            }
            firstColumn += columns.size();
            firstRow += rows.size();
        }
        copy("breakdown_row (id, table_id, seq, label, region_id, parent_row_id, role, source_row)", rowCopy);
        copy("target (row_id, column_id, plan_id, region_id, indicator_id, year, value, scale, detail)", targetCopy);
    }

    private void copy(String tableAndColumns, PgCopy.Rows rows) {
        pgCopy.copy(tableAndColumns, rows);
    }

    List<BreakdownTable> tables(long planId) {
        record TableHead(long id, int seq, String label, String title, String unitLine, String rowHeader, String note,
                         SourceRef source) {
        }
        List<TableHead> heads = jdbc.sql("select * from breakdown_table where plan_id = ? order by seq").param(planId)
                .query((rs, n) -> new TableHead(rs.getLong("id"), rs.getInt("seq"), rs.getString("label"),
                        rs.getString("title"), rs.getString("unit_line"), rs.getString("row_header"),
                        rs.getString("note"), new SourceRef(rs.getString("source_file"), rs.getString("source_sheet"),
                        nullableInt(rs, "source_row"))))
                .list();
        List<BreakdownTable> tables = new ArrayList<>();
        for (TableHead h : heads) {
            Map<Long, Integer> columnIndex = new HashMap<>();
            List<BreakdownTable.Column> columns = jdbc.sql("select * from breakdown_column where table_id = ? order by seq")
                    .param(h.id()).query((rs, n) -> {
                        columnIndex.put(rs.getLong("id"), n);
                        return new BreakdownTable.Column(rs.getInt("seq"), strings(rs.getArray("header")),
                                indicators.byId(rs.getInt("indicator_id")), nullableInt(rs, "year"),
                                nullableInt(rs, "source_column"), FigureKind.TARGET, rs.getBigDecimal("unit_factor"));
                    }).list();
            Map<Long, Integer> seqByRowId = new HashMap<>();
            record RawRow(long id, int seq, String label, int regionId, Long parentId, String role, Integer sourceRow) {
            }
            List<RawRow> raw = jdbc.sql("select * from breakdown_row where table_id = ? order by seq").param(h.id())
                    .query((rs, n) -> {
                        Long parentId = nullableLong(rs, "parent_row_id");
                        seqByRowId.put(rs.getLong("id"), rs.getInt("seq"));
                        return new RawRow(rs.getLong("id"), rs.getInt("seq"), rs.getString("label"),
                                rs.getInt("region_id"), parentId, rs.getString("role"), nullableInt(rs, "source_row"));
                    }).list();
            Map<Long, Cell[]> cellsByRow = new HashMap<>();
            for (RawRow r : raw) {
                Cell[] cells = new Cell[columns.size()];
                Arrays.fill(cells, Cell.BLANK);
                cellsByRow.put(r.id(), cells);
            }
            jdbc.sql("""
                            select t.row_id, t.column_id, t.value, t.scale from target t
                            join breakdown_row r on r.id = t.row_id where r.table_id = ?""")
                    .param(h.id()).query(rs -> {
                        BigDecimal v = rs.getBigDecimal("value");
                        int scale = rs.getInt("scale");
                        cellsByRow.get(rs.getLong("row_id"))[columnIndex.get(rs.getLong("column_id"))] =
                                new Cell(v.setScale(scale, java.math.RoundingMode.UNNECESSARY), scale);
                    });
            List<BreakdownTable.Row> rows = raw.stream().map(r -> new BreakdownTable.Row(r.seq(), r.label(),
                    regions.byId(r.regionId()), r.parentId() == null ? null : seqByRowId.get(r.parentId()),
                    RowRole.valueOf(r.role()), r.sourceRow(), List.of(cellsByRow.get(r.id())))).toList();
            tables.add(new BreakdownTable(h.id(), h.seq(), h.label(), h.title(), h.unitLine(), h.rowHeader(),
                    columns, rows, h.note(), h.source()));
        }
        return tables;
    }

    // ---- queries over targets ---------------------------------------------------------------------

    /** One figure of a plan: a unit's target for an indicator and year, with where it is printed. */
    record TargetRow(String regionCode, String regionName, String rowLabel, String role, String indicatorCode,
                     Integer year, BigDecimal value, int scale, int tableSeq, String tableLabel) {
    }

    /**
     * Every region's own printed target for the year per indicator, each taken from the first of {@code planIds}
     * (nearest issuer first) that prints the region's row inside its issuer: region id → indicator id → value.
     */
    Map<Integer, Map<Integer, BigDecimal>> ownTargets(List<Long> planIds, int year) {
        Map<Integer, Map<Integer, BigDecimal>> own = new java.util.HashMap<>();
        if (planIds.isEmpty()) {
            return own;
        }
        jdbc.sql("""
                        select distinct on (t.region_id, t.indicator_id) t.region_id, t.indicator_id, t.value
                        from unnest(cast(:plans as bigint[])) with ordinality as pl(id, ord)
                        join plan p on p.id = pl.id
                        join target t on t.plan_id = pl.id
                        join region_ancestor a on a.region_id = t.region_id and a.ancestor_id = p.issuer_region_id
                        where t.year is null or t.year = :year
                        order by t.region_id, t.indicator_id, pl.ord""")
                .param("plans", planIds.toArray(Long[]::new)).param("year", year)
                .query(rs -> {
                    own.computeIfAbsent(rs.getInt(1), k -> new java.util.HashMap<>()).put(rs.getInt(2), rs.getBigDecimal(3));
                });
        return own;
    }

    List<TargetRow> targets(long planId, Integer regionId, Integer indicatorId, Integer year) {
        return jdbc.sql("""
                        select g.code, g.name, r.label, r.role, t.indicator_id, t.year, t.value, t.scale,
                               bt.seq, bt.label as table_label
                        from target t
                        join breakdown_row r on r.id = t.row_id
                        join breakdown_table bt on bt.id = r.table_id
                        join region g on g.id = t.region_id
                        where t.plan_id = :plan
                          and (cast(:region as int) is null or t.region_id = :region)
                          and (cast(:indicator as int) is null or t.indicator_id = :indicator)
                          and (cast(:year as int) is null or t.year = :year)
                        order by bt.seq, r.seq, t.indicator_id""")
                .param("plan", planId).param("region", regionId).param("indicator", indicatorId).param("year", year)
                .query((rs, n) -> {
                    Integer yr = nullableInt(rs, "year");
                    int scale = rs.getInt("scale");
                    return new TargetRow(rs.getString("code"), rs.getString("name"), rs.getString("label"),
                            rs.getString("role"), indicators.byId(rs.getInt("indicator_id")).code(), yr,
                            rs.getBigDecimal("value").setScale(scale, java.math.RoundingMode.UNNECESSARY), scale,
                            rs.getInt("seq"), rs.getString("table_label"));
                }).list();
    }

    /** Sum of the units' own figures in a region's subtree, per indicator and year. */
    record SubtreeTotal(int indicatorId, Integer year, BigDecimal total, int units) {
    }

    List<SubtreeTotal> subtreeTotals(long planId, int regionId) {
        return jdbc.sql("""
                        select indicator_id, year, sum(total) as total, sum(units) as units
                        from (select indicator_id, year, total, units from target_rollup
                              where plan_id = :plan and region_id = :region
                              union all
                              select indicator_id, year, value, 1 from target
                              where plan_id = :plan and region_id = :region and detail) below
                        group by indicator_id, year
                        order by indicator_id, year""")
                .param("plan", planId).param("region", regionId)
                .query((rs, n) -> {
                    Integer y = nullableInt(rs, "year");
                    return new SubtreeTotal(rs.getInt("indicator_id"), y,
                            plain(rs.getBigDecimal("total")), rs.getInt("units"));
                }).list();
    }

    // ---- import batches --------------------------------------------------------------------------

    long insertBatch(String fileName, String format, String encoding, String sha256, byte[] content, String status,
                     Long planId, String summary, Integer issuerRegionId, String createdBy) {
        return jdbc.sql("""
                        insert into import_batch (file_name, format, encoding, sha256, content, status, plan_id, summary,
                                                  committed_at, issuer_region_id, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, case when ? = 'COMMITTED' then now() end, ?, ?) returning id""")
                .params(fileName, format, encoding, sha256, content, status, planId, summary, status, issuerRegionId,
                        createdBy)
                .query(Long.class).single();
    }

    record Batch(long id, String fileName, String status, Long planId, byte[] content, Integer issuerRegionId,
                 String createdBy) {
    }

    Optional<Batch> batch(long id) {
        return jdbc.sql("""
                        select id, file_name, status, plan_id, content, issuer_region_id, created_by
                        from import_batch where id = ?""").param(id)
                .query((rs, n) -> {
                    Long plan = nullableLong(rs, "plan_id");
                    return new Batch(rs.getLong("id"), rs.getString("file_name"), rs.getString("status"),
                            plan, rs.getBytes("content"), nullableInt(rs, "issuer_region_id"), rs.getString("created_by"));
                }).optional();
    }

    /** Deletes the uncommitted previews stored before {@code time}, files included. */
    int deletePreviewsBefore(java.time.OffsetDateTime time) {
        return jdbc.sql("delete from import_batch where status = 'PREVIEW' and created_at < ?").param(time).update();
    }

    /** Deletes the preview when it was stored before {@code time}; whether it was. */
    boolean deletePreviewIfBefore(long id, java.time.OffsetDateTime time) {
        return jdbc.sql("delete from import_batch where id = ? and status = 'PREVIEW' and created_at < ?")
                .params(id, time).update() == 1;
    }

    /** Moves a preview on; false when it is no longer a preview (committed meanwhile, or expired and deleted). */
    boolean markBatch(long id, String status, Long planId, String summary) {
        return jdbc.sql("""
                        update import_batch set status = ?, plan_id = ?, summary = ?,
                               committed_at = case when ? = 'COMMITTED' then now() else committed_at end
                        where id = ? and status = 'PREVIEW'""")
                .params(status, planId, summary, status, id).update() == 1;
    }

    /** Where tables with these figures were imported before: plan tables and progress tables. */
    /** A stored table with these figures: where it is, and the issuer whose document it is (for access). */
    record SameTable(String place, int issuerRegionId) {
    }

    List<SameTable> tablesWithFingerprint(String fingerprint, Long exceptPlanId) {
        return jdbc.sql("""
                        select '计划「' || coalesce(p.document_number, p.title) || '」' || coalesce(t.label, t.title) as place,
                               p.issuer_region_id
                        from breakdown_table t join plan p on p.id = t.plan_id
                        where t.fingerprint = :f and p.id is distinct from :except
                        union all
                        select '进展表「' || coalesce(g.document_number, g.title) || '」' || coalesce(t.label, t.title),
                               g.issuer_region_id
                        from published_table t join published_progress g on g.id = t.progress_id where t.fingerprint = :f""")
                .param("f", fingerprint).param("except", exceptPlanId)
                .query((rs, n) -> new SameTable(rs.getString(1), rs.getInt(2))).list();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** {@code count} new values of the sequence, in one array (a national plan's 22,000 row ids in one round trip). */
    private long[] ids(String sequence, int count) {
        if (count == 0) {
            return new long[0];
        }
        Long[] ids = jdbc.sql("select array(select nextval(cast(? as regclass)) from generate_series(1, ?))")
                .params(sequence, count).query((rs, n) -> (Long[]) rs.getArray(1).getArray()).single();
        return Arrays.stream(ids).mapToLong(Long::longValue).toArray();
    }

    private static List<Integer> indexes(int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    private static void setNullableInt(java.sql.PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    /** Without the trailing zeros numeric(…, 6) adds, and never in exponent form (20, not 2E+1). */
    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private Indicator indicator(String code) {
        return indicators.byCode(code).orElseThrow(() -> new org.anju.platform.NotFound("指标不存在：" + code));
    }

    private Region region(String code) {
        return regions.byCode(code).orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + code));
    }
}
