package org.anju.platform;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL {@code COPY … FROM STDIN} on the current transaction's connection: an order of magnitude
 * faster than batched inserts for tens of thousands of rows (a national plan's targets, a synthetic
 * country's projects).
 */
@Component
public class PgCopy {

    private final DataSource dataSource;

    PgCopy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final org.springframework.jdbc.support.SQLExceptionTranslator TRANSLATOR =
            new org.springframework.jdbc.support.SQLStateSQLExceptionTranslator();

    /** Copies the rows into {@code table (columns…)}; nothing happens for no rows. */
    public long copy(String tableAndColumns, Rows rows) {
        if (rows.text.isEmpty()) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + tableAndColumns + " from stdin", new StringReader(rows.text.toString()));
        } catch (SQLException e) {
            // translated like any statement's error: a value out of range becomes a data-integrity refusal (400,
            // DatabaseRefusals' Chinese message), not a bug
            throw TRANSLATOR.translate("copy " + tableAndColumns, null, e);
        } catch (IOException e) {
            throw new IllegalStateException("写入失败：" + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Rows in COPY's text format: tab-separated, \N for null, backslash, tab and line breaks escaped. */
    public static final class Rows {
        final StringBuilder text = new StringBuilder();
        private int count;

        public Rows add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    text.append("\\N");
                } else if (v instanceof String s) {
                    for (int k = 0; k < s.length(); k++) {
                        char ch = s.charAt(k);
                        switch (ch) {
                            case '\\' -> text.append("\\\\");
                            case '\t' -> text.append("\\t");
                            case '\n' -> text.append("\\n");
                            case '\r' -> text.append("\\r");
                            default -> text.append(ch);
                        }
                    }
                } else if (v instanceof Boolean b) {
                    text.append(b ? 't' : 'f');
                } else {
                    text.append(v);
                }
            }
            text.append('\n');
            count++;
            return this;
        }

        public int count() {
            return count;
        }
    }
}
