package org.anju.cli;

import org.anju.platform.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client tools of backup and restore connect where and as securely as the application does, from its JDBC URL;
 * what they cannot do the same way is refused in Chinese before anything runs (review 2026-12-02, backup findings 4
 * and 7: TLS settings but sslmode were dropped — a backup over plaintext where the application required TLS — and the
 * URL's password was printed in clear).
 */
class ArchiveTargetTest {

    @Test
    void theAddressAndTheTlsSettingsComeFromTheUrl() {
        PgArchives.Target t = PgArchives.Target.of("jdbc:postgresql://db1:5433/anju?sslmode=require&reWriteBatchedInserts=true",
                "anju", "secret");
        assertThat(t).isEqualTo(new PgArchives.Target("db1", 5433, "anju", "anju", "secret", "require"));
        assertThat(t.environment()).containsEntry("PGPASSWORD", "secret").containsEntry("PGSSLMODE", "require")
                .containsEntry("PGHOST", "db1").containsEntry("PGPORT", "5433").containsEntry("PGDATABASE", "anju");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5433/anju?sslmode=require");
        assertThat(PgArchives.Target.of("jdbc:postgresql://db/anju", "u", null).port()).isEqualTo(5432);

        PgArchives.Target verified = PgArchives.Target.of(
                "jdbc:postgresql://db:5432/anju?sslmode=verify-full&sslrootcert=/etc/anju/root%20ca.crt&sslcert=/etc/anju/c.crt",
                "anju", "p");
        assertThat(verified.environment()).containsEntry("PGSSLMODE", "verify-full")
                .containsEntry("PGSSLROOTCERT", "/etc/anju/root ca.crt").containsEntry("PGSSLCERT", "/etc/anju/c.crt");
        assertThat(verified.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/anju?sslcert=%2Fetc%2Fanju%2Fc.crt"
                + "&sslmode=verify-full&sslrootcert=%2Fetc%2Fanju%2Froot+ca.crt");
    }

    @Test
    void sslTrueMeansWhatItMeansToTheDriverAVerifiedConnection() {
        assertThat(PgArchives.Target.of("jdbc:postgresql://db:5432/anju?ssl=true", "anju", "p").environment())
                .containsEntry("PGSSLMODE", "verify-full");
        assertThat(PgArchives.Target.of("jdbc:postgresql://db:5432/anju?ssl", "anju", "p").environment())
                .containsEntry("PGSSLMODE", "verify-full");
        assertThat(PgArchives.Target.of("jdbc:postgresql://db:5432/anju?ssl=true&sslmode=require", "anju", "p")
                .environment()).containsEntry("PGSSLMODE", "require");
        assertThat(PgArchives.Target.of("jdbc:postgresql://db:5432/anju?ssl=false", "anju", "p").environment())
                .doesNotContainKey("PGSSLMODE");
    }

    @Test
    void theUrlsUserAndPasswordWinAsWithTheDriverAndTheShortFormIsTaken() {
        PgArchives.Target t = PgArchives.Target.of("jdbc:postgresql:anju?user=ops&password=s%26cret", "anju", "other");
        assertThat(t.host()).isEqualTo("localhost");
        assertThat(t.port()).isEqualTo(5432);
        assertThat(t.user()).isEqualTo("ops");
        assertThat(t.password()).isEqualTo("s&cret");
        assertThat(t.jdbcUrl()).doesNotContain("cret");
    }

    @Test
    void whatTheToolsCannotDoAsTheApplicationIsRefusedNotDoneAnotherWay() {
        assertThatThrownBy(() -> PgArchives.Target.of("jdbc:postgresql://db1:5433,db2:5433/anju?targetServerType=primary",
                "anju", "p")).isInstanceOf(BadInput.class).hasMessageContaining("多个主机（db1:5433,db2:5433）")
                .hasMessageContaining("主库");
        assertThatThrownBy(() -> PgArchives.Target.of("jdbc:postgresql://db/anju?sslfactory=org.postgresql.ssl.NonValidatingFactory",
                "anju", "p")).isInstanceOf(BadInput.class).hasMessageContaining("sslfactory")
                .hasMessageContaining("sslmode、sslrootcert");
        assertThatThrownBy(() -> PgArchives.Target.of("jdbc:postgresql://db:x5/anju", "anju", "p"))
                .isInstanceOf(BadInput.class).hasMessageContaining("端口「x5」");
        assertThatThrownBy(() -> PgArchives.Target.of("jdbc:mysql://db/anju", "u", "p")).isInstanceOf(BadInput.class)
                .hasMessageContaining("ANJU_DB_URL");
    }

    @Test
    void aPasswordInAnUnreadableUrlIsNotPrinted() {
        assertThatThrownBy(() -> PgArchives.Target.of("jdbc:postgres://db/anju?password=hunter2&x=1", "u", null))
                .isInstanceOf(BadInput.class).hasMessageContaining("password=***&x=1")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aClientKeyTheToolsCannotReadIsRefusedWithTheWay(@TempDir Path dir) throws Exception {
        Path der = Files.write(dir.resolve("client.pk8"), new byte[] {0x30, (byte) 0x82, 0x04, (byte) 0xbe, 0x02, 0x01, 0x00});
        PgArchives.Target t = PgArchives.Target.of("jdbc:postgresql://db/anju?sslmode=verify-full&sslkey=" + der, "anju", "p");
        if (System.getenv("PGSSLKEY") == null) {
            assertThatThrownBy(t::environment).isInstanceOf(BadInput.class).hasMessageContaining("不是 PEM 格式的私钥")
                    .hasMessageContaining("openssl pkcs8 -inform DER -nocrypt -in " + der).hasMessageContaining("PGSSLKEY=");
        }
        Path pem = Files.writeString(dir.resolve("client.key"), "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n");
        assertThat(PgArchives.Target.of("jdbc:postgresql://db/anju?sslkey=" + pem, "anju", "p").environment())
                .containsAllEntriesOf(Map.of("PGSSLKEY", System.getenv().getOrDefault("PGSSLKEY", pem.toString())));
    }
}
