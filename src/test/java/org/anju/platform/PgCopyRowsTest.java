package org.anju.platform;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** COPY's text format as {@link PgCopy.Rows} writes it, in UTF-8 bytes since the seventeenth session. */
class PgCopyRowsTest {

    @Test
    void valuesOfEveryKindAsCopyReadsThem() {
        PgCopy.Rows rows = new PgCopy.Rows()
                .add(1L, -42, (short) 7, true, false, null, "上饶市", new BigDecimal("12.500"), "a\tb\nc\rd\\e")
                .add(Long.MIN_VALUE, Long.MAX_VALUE, 0, "𠀀 (an ideograph beyond the BMP)", "é", "")
                .value(12_345L).value((Integer) null).value("x").nul().value(3).end();
        assertThat(rows.text()).isEqualTo("""
                1\t-42\t7\tt\tf\t\\N\t上饶市\t12.500\ta\\tb\\nc\\rd\\\\e
                -9223372036854775808\t9223372036854775807\t0\t𠀀 (an ideograph beyond the BMP)\té\t
                12345\t\\N\tx\t\\N\t3
                """);
        assertThat(rows.count()).isEqualTo(3);
    }

    @Test
    void textIsTheSameUtf8AsJavaWritesIt() {
        String s = "保障性安居工程 ☂ \uD83C\uDFE0 lone \uD800 end";
        PgCopy.Rows rows = new PgCopy.Rows().add(s);
        assertThat(rows.text().getBytes(StandardCharsets.UTF_8))
                .isEqualTo((s.replace("\uD800", "?") + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLongRowGrowsTheBuffer() {
        PgCopy.Rows rows = new PgCopy.Rows();
        String label = "县".repeat(5_000);
        for (int i = 0; i < 10; i++) {
            rows.add(i, label);
        }
        assertThat(rows.text().lines()).hasSize(10).allMatch(l -> l.endsWith(label));
    }
}
