package org.anju.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one setting a newer pg_restore writes that a PostgreSQL 15 server refuses is left out of the script's opening
 * settings, and only there: the rest of the script, data included, passes byte for byte.
 */
class ArchiveScriptTest {

    private static String filtered(String script) throws Exception {
        ByteArrayOutputStream to = new ByteArrayOutputStream();
        InputStream rest = PgArchives.withoutNewerSettings(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), to);
        rest.transferTo(to);
        return to.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theNewerSettingLeavesTheOpeningAndNothingElseChanges() throws Exception {
        String opening = "--\n-- PostgreSQL database dump\n--\n\nSET statement_timeout = 0;\n";
        String rest = "CREATE TABLE public.note (t text);\nCOPY public.note (t) FROM stdin;\n"
                + PgArchives.NEWER_SETTING + "\n王建国\t36,000\n\\.\n";
        assertThat(filtered(opening + PgArchives.NEWER_SETTING + "\nSELECT pg_catalog.set_config('search_path', '', false);\n" + rest))
                .isEqualTo(opening + "SELECT pg_catalog.set_config('search_path', '', false);\n" + rest);
        assertThat(filtered(PgArchives.NEWER_SETTING + "\n" + rest)).isEqualTo(rest);
        assertThat(filtered(opening + rest)).isEqualTo(opening + rest);
        // as pg_restore 15.14 and later write it: \restrict first
        String restricted = "--\n-- PostgreSQL database dump\n--\n\n\\restrict AbC123\n\nSET statement_timeout = 0;\n";
        assertThat(filtered(restricted + PgArchives.NEWER_SETTING + "\n" + rest + "\\unrestrict AbC123\n"))
                .isEqualTo(restricted + rest + "\\unrestrict AbC123\n");
        assertThat(filtered("")).isEmpty();
        assertThat(filtered("SET x = 1;")).isEqualTo("SET x = 1;");   // no final newline: none added
    }
}
