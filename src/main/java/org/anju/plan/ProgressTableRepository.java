package org.anju.plan;

import org.anju.indicator.Indicators;
import org.anju.platform.PgCopy;
import org.anju.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for progress tables (published_*): the heads by insert, the rows and figures by COPY. */
@Repository
class ProgressTableRepository {

    private final JdbcClient jdbc;
    private final PgCopy pgCopy;
    private final Regions regions;
    private final Indicators indicators;

    ProgressTableRepository(JdbcClient jdbc, PgCopy pgCopy, Regions regions, Indicators indicators) {
        this.pgCopy = pgCopy;
        this.jdbc = jdbc;
        this.regions = regions;
        this.indicators = indicators;
    }

    long insert(PublishedProgress p, Long batchId) {
        long id = jdbc.sql("""
                        insert into published_progress (title, issuer_region_id, issuer_name, document_number, period,
                                                        source_file, batch_id)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(p.title(), p.issuerRegionId(), p.issuerName(), p.documentNumber(), p.period().atDay(1),
                        p.sourceFile(), batchId)
                .query(Long.class).single();
        for (int k = 0; k < p.tables().size(); k++) {
            BreakdownTable t = p.tables().get(k);
            LocalDate period = p.periods().get(k).atDay(1);
            long tableId = jdbc.sql("""
                            insert into published_table (progress_id, seq, label, title, unit_line, row_header, note, period,
                                                         source_sheet, source_row, fingerprint)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(id, t.seq(), t.label(), t.title(), t.unitLine(), t.rowHeader(), t.note(), period,
                            t.source().sheet(), t.source().row(), t.fingerprint())
                    .query(Long.class).single();
            for (BreakdownTable.Column c : t.columns()) {
                jdbc.sql("""
                                insert into published_column (table_id, seq, header, indicator_id, year, kind, unit_factor,
                                                              source_column)
                                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(tableId, c.seq(), c.header().toArray(new String[0]), c.indicator().id(), c.year(),
                                c.kind().name(),
                                c.factor(), c.sourceColumn())
                        .update();
            }
            // a national progress table has tens of thousands of figures: COPY, as for a plan's targets
            PgCopy.Rows rows = new PgCopy.Rows();
            PgCopy.Rows figures = new PgCopy.Rows();
            for (BreakdownTable.Row r : t.rows()) {
                rows.add(tableId, r.seq(), r.label(), r.region().id(), r.parentSeq(), r.role().name(), r.sourceRow());
                for (int c = 0; c < t.columns().size(); c++) {
                    Cell cell = r.cell(c);
                    if (cell.blank()) {
                        continue;
                    }
                    BreakdownTable.Column col = t.columns().get(c);
                    figures.add(tableId, r.seq(), col.seq(), r.region().id(), col.indicator().id(), col.year(),
                            col.kind().name(), period, cell.value().toPlainString(), cell.scale(), cell.words());
                }
            }
            pgCopy.copy("published_row (table_id, seq, label, region_id, parent_seq, role, source_row)", rows);
            pgCopy.copy("published_figure (table_id, row_seq, column_seq, region_id, indicator_id, year, kind, period, "
                    + "value, scale, words)", figures);
        }
        return id;
    }

    private record Head(long id, String title, int issuerRegionId, String issuerName, String documentNumber,
                        YearMonth period, String sourceFile) {
    }

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getLong("id"), rs.getString("title"), rs.getInt("issuer_region_id"),
                rs.getString("issuer_name"), rs.getString("document_number"),
                YearMonth.from(rs.getDate("period").toLocalDate()), rs.getString("source_file"));
    }

    /** All documents, newest month first, without their tables. */
    List<PublishedProgress> list() {
        return jdbc.sql("select * from published_progress order by period desc, issuer_region_id, id")
                .query((rs, n) -> head(rs)).list().stream()
                .map(h -> new PublishedProgress(h.id(), h.title(), h.issuerRegionId(), h.issuerName(), h.documentNumber(),
                        h.period(), h.sourceFile(), List.of(), List.of()))
                .toList();
    }

    Optional<PublishedProgress> load(long id) {
        Optional<Head> head = jdbc.sql("select * from published_progress where id = ?").param(id)
                .query((rs, n) -> head(rs)).optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Head h = head.get();
        record TableHead(long id, int seq, String label, String title, String unitLine, String rowHeader, String note,
                         YearMonth period, String sheet, Integer row) {
        }
        List<TableHead> heads = jdbc.sql("select * from published_table where progress_id = ? order by seq").param(id)
                .query((rs, n) -> new TableHead(rs.getLong("id"), rs.getInt("seq"), rs.getString("label"),
                        rs.getString("title"), rs.getString("unit_line"), rs.getString("row_header"), rs.getString("note"),
                        YearMonth.from(rs.getDate("period").toLocalDate()), rs.getString("source_sheet"),
                        (Integer) rs.getObject("source_row")))
                .list();
        List<BreakdownTable> tables = new ArrayList<>();
        List<YearMonth> periods = new ArrayList<>();
        for (TableHead t : heads) {
            List<BreakdownTable.Column> columns = jdbc.sql("select * from published_column where table_id = ? order by seq")
                    .param(t.id()).query((rs, n) -> new BreakdownTable.Column(rs.getInt("seq"),
                            Arrays.asList((String[]) rs.getArray("header").getArray()),
                            indicators.byId(rs.getInt("indicator_id")), (Integer) intOrNull(rs, "year"),
                            (Integer) rs.getObject("source_column"), FigureKind.valueOf(rs.getString("kind")),
                            rs.getBigDecimal("unit_factor"))).list();
            Map<Integer, Cell[]> cells = new HashMap<>();
            jdbc.sql("select * from published_figure where table_id = ?").param(t.id()).query(rs -> {
                Cell[] row = cells.computeIfAbsent(rs.getInt("row_seq"), k -> blanks(columns.size()));
                int scale = rs.getInt("scale");
                BigDecimal v = rs.getBigDecimal("value").setScale(scale, java.math.RoundingMode.UNNECESSARY);
                row[rs.getInt("column_seq") - 1] = new Cell(v, scale, rs.getString("words"));
            });
            List<BreakdownTable.Row> rows = jdbc.sql("select * from published_row where table_id = ? order by seq")
                    .param(t.id()).query((rs, n) -> new BreakdownTable.Row(rs.getInt("seq"), rs.getString("label"),
                            regions.byId(rs.getInt("region_id")), (Integer) rs.getObject("parent_seq"),
                            RowRole.valueOf(rs.getString("role")), (Integer) rs.getObject("source_row"),
                            List.of(cells.getOrDefault(rs.getInt("seq"), blanks(columns.size()))))).list();
            tables.add(new BreakdownTable(t.id(), t.seq(), t.label(), t.title(), t.unitLine(), t.rowHeader(), columns,
                    rows, t.note(), new SourceRef(h.sourceFile(), t.sheet(), t.row())));
            periods.add(t.period());
        }
        return Optional.of(new PublishedProgress(h.id(), h.title(), h.issuerRegionId(), h.issuerName(),
                h.documentNumber(), h.period(), h.sourceFile(), tables, periods));
    }

    boolean delete(long id) {
        return jdbc.sql("delete from published_progress where id = ?").param(id).update() > 0;
    }

    private static Cell[] blanks(int n) {
        Cell[] c = new Cell[n];
        Arrays.fill(c, Cell.BLANK);
        return c;
    }

    private static Object intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

}
