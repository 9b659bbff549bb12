package org.anju.indicator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

@Repository
class IndicatorRepository {

    private final JdbcClient jdbc;

    IndicatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Changes whenever a row of the catalogue's tables is added, changed or removed (row count and row versions). */
    String fingerprint() {
        return org.anju.platform.TableDigest.of(jdbc, "program", "stage", "measure", "indicator");
    }

    List<Program> programs() {
        return jdbc.sql("select * from program order by sort_order, code")
                .query((rs, n) -> new Program(rs.getString("code"), rs.getString("name"), rs.getString("short_name"),
                        strings(rs, "aliases"), rs.getString("default_stage"), rs.getString("default_measure"),
                        rs.getInt("sort_order")))
                .list();
    }

    List<Stage> stages() {
        return jdbc.sql("select * from stage order by sort_order, code")
                .query((rs, n) -> new Stage(rs.getString("code"), rs.getString("name"), strings(rs, "aliases"),
                        rs.getInt("sort_order")))
                .list();
    }

    List<Measure> measures() {
        return jdbc.sql("select * from measure order by sort_order, code")
                .query((rs, n) -> new Measure(rs.getString("code"), rs.getString("name"), strings(rs, "aliases"),
                        rs.getBoolean("exact"), rs.getInt("sort_order")))
                .list();
    }

    List<Indicator> indicators() {
        return jdbc.sql("""
                        select i.id, i.program_code, p.name as program_name, i.stage_code, i.stage_label,
                               i.measure_code, m.name as measure_name, m.exact, i.sort_order
                        from indicator i
                        join program p on p.code = i.program_code
                        join measure m on m.code = i.measure_code
                        order by i.sort_order, i.id""")
                .query((rs, n) -> new Indicator(rs.getInt("id"),
                        Indicator.code(rs.getString("program_code"), rs.getString("stage_code"), rs.getString("measure_code")),
                        rs.getString("program_code"), rs.getString("program_name"), rs.getString("stage_code"),
                        rs.getString("stage_label"), rs.getString("measure_code"), rs.getString("measure_name"),
                        rs.getBoolean("exact"), rs.getInt("sort_order")))
                .list();
    }

    void insertProgram(Program p) {
        jdbc.sql("""
                        insert into program (code, name, short_name, aliases, default_stage, default_measure, sort_order)
                        values (?, ?, ?, ?::text[], ?, ?, ?)""")
                .params(p.code(), p.name(), p.shortName(), arrayLiteral(p.aliases()), p.defaultStage(),
                        p.defaultMeasure(), p.sortOrder())
                .update();
    }

    int insertIndicator(String program, String stage, String measure, String stageLabel, int sortOrder) {
        return jdbc.sql("""
                        insert into indicator (program_code, stage_code, measure_code, stage_label, sort_order)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(program, stage, measure, stageLabel, sortOrder)
                .query(Integer.class).single();
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** A PostgreSQL array literal; aliases are plain words, quoted so commas and brackets survive. */
    private static String arrayLiteral(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }
}
