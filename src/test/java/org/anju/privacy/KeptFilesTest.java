package org.anju.privacy;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Previewed files kept in the database, sealed, until confirmed (issue 15: the confirm may reach another node). */
@AnjuTest
class KeptFilesTest {

    @Autowired
    KeptFiles files;
    @Autowired
    JdbcClient jdbc;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aKeptFileIsReadBackWithWhatItsPreviewWasFor() {
        String token = files.keep("t-read", "kf_a", Map.of("region", "360702", "kind", "信访"), "台账.xlsx", bytes("内容"), 3);
        KeptFiles.Kept k = files.get("t-read", token).orElseThrow();
        assertThat(k.owner()).isEqualTo("kf_a");
        assertThat(k.param("region")).isEqualTo("360702");
        assertThat(k.param("kind")).isEqualTo("信访");
        assertThat(k.fileName()).isEqualTo("台账.xlsx");
        assertThat(new String(k.content(), StandardCharsets.UTF_8)).isEqualTo("内容");
        byte[] stored = jdbc.sql("select content from kept_file where token = ?::uuid").param(token).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("sealed at rest, like personal data")
                .doesNotContain(new String(bytes("内容"), StandardCharsets.ISO_8859_1));
        assertThat(stored.length).isEqualTo(bytes("内容").length + DataCipher.OVERHEAD);
        assertThat(files.get("other-purpose", token)).as("another page's token names nothing here").isEmpty();
        assertThat(files.get("t-read", "not-a-token")).isEmpty();
        assertThat(files.get("t-read", null)).isEmpty();
        files.forget(token);
        assertThat(files.get("t-read", token)).isEmpty();
    }

    @Test
    void onlyTheOwnerTakesAFileAndOnlyOnce() {
        String token = files.keep("t-take", "kf_b", Map.of(), "a.csv", bytes("x"), 1);
        assertThat(files.take("t-take", token, "kf_someone_else")).isEmpty();
        assertThat(files.take("t-take", token, "kf_b")).isPresent();
        assertThat(files.take("t-take", token, "kf_b")).as("the second confirm").isEmpty();
    }

    @Test
    void anOwnerKeepsAtMostTheLimitTheNewestStay() {
        String first = files.keep("t-limit", "kf_c", Map.of(), "1.csv", bytes("1"), 2);
        String second = files.keep("t-limit", "kf_c", Map.of(), "2.csv", bytes("2"), 2);
        String other = files.keep("t-limit", "kf_d", Map.of(), "d.csv", bytes("d"), 2);
        String third = files.keep("t-limit", "kf_c", Map.of(), "3.csv", bytes("3"), 2);
        assertThat(files.get("t-limit", first)).as("the oldest of three, limit two").isEmpty();
        assertThat(files.get("t-limit", second)).isPresent();
        assertThat(files.get("t-limit", third)).isPresent();
        assertThat(files.get("t-limit", other)).as("another owner's file is not counted").isPresent();
    }

    @Test
    void aFileOlderThanThirtyMinutesIsGoneAndDeletedByTheNextKeep() {
        String old = files.keep("t-age", "kf_e", Map.of(), "old.csv", bytes("o"), 3);
        jdbc.sql("update kept_file set kept_at = now() - interval '31 minutes' where token = ?::uuid").param(old).update();
        assertThat(files.get("t-age", old)).isEmpty();
        assertThat(files.take("t-age", old, "kf_e")).isEmpty();
        files.keep("t-age", "kf_f", Map.of(), "new.csv", bytes("n"), 3);
        assertThat(jdbc.sql("select count(*) from kept_file where token = ?::uuid").param(old).query(Integer.class).single())
                .as("expired rows go with the next keep").isZero();
    }
}
