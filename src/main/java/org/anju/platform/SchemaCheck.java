package org.anju.platform;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Flyway at start, with a fast path for the command line ({@code anju.db.fast-schema-check=true}, set by
 * org.anju.cli.Cli): when this jar's migrations are exactly those Flyway last validated against exactly the present
 * {@code flyway_schema_history}, the full validation (scanning the class path, every migration's checksum, the
 * history's rows compared one by one) would find the same and migrate nothing, so it is skipped. The proof costs one
 * query: {@link #migrations} (a digest of the migration files' names and bytes, the Java migrations' versions and
 * checksums, and the Flyway settings that change what is validated) and {@link #HISTORY} (a digest of every history
 * row) against the record {@code schema_validation} written after the last full run. Any difference — another jar, a
 * migration applied by another node, a row edited by hand, a database without the record — runs Flyway's
 * {@code migrate} as always (validation first: a database of another schema is refused as before), then records it.
 * Without the property (the web app) it is {@code flyway.migrate()}, unchanged.
 */
final class SchemaCheck implements FlywayMigrationStrategy {

    /** A digest of the history table's rows, in the order they were applied. */
    static final String HISTORY = """
            select md5(coalesce(string_agg(concat_ws('|', installed_rank, version, description, type, script, checksum,
                                                     success), E'\\n' order by installed_rank), ''))
            from flyway_schema_history""";

    private final boolean fast;

    SchemaCheck(boolean fast) {
        this.fast = fast;
    }

    @Override
    public void migrate(Flyway flyway) {
        if (!fast) {
            migrateOrRefuse(flyway);
            return;
        }
        Configuration configuration = flyway.getConfiguration();
        String migrations = StartupClock.step("迁移摘要（本 jar）", () -> migrations(configuration));
        if (migrations != null && StartupClock.step("结构校验记录比对", () -> validatedBefore(configuration.getDataSource(), migrations))) {
            return;
        }
        StartupClock.step("Flyway 完整校验与迁移", () -> {
            migrateOrRefuse(flyway);
        });
        if (migrations != null) {
            record(configuration.getDataSource(), migrations);
        }
    }

    /**
     * Flyway's migrate (validation first); a database with migrations this jar does not have — applied by a newer
     * build, below or above this jar's last version (features own version ranges: {@link #STRICT} makes Flyway refuse
     * the ones above too) — is refused with what to do ({@link SchemaProblem}), not Flyway's English advice to repair.
     * A migration that fails is said with its script, the database's answer and what to do ({@link MigrationProblem}).
     * Any other refusal (a checksum changed: another schema) is Flyway's, as before.
     */
    static void migrateOrRefuse(Flyway flyway) {
        try {
            flyway.migrate();
        } catch (org.flywaydb.core.internal.exception.FlywayMigrateException e) {
            // a migration that failed: which, the database's answer and what to do, not 155 lines (MigrationProblem)
            throw new MigrationProblem(e);
        } catch (FlywayValidateException e) {
            List<String> unknown = flyway.validateWithResult().invalidMigrations.stream()
                    .filter(m -> m.errorDetails != null
                            && (m.errorDetails.errorCode == CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED
                            || m.errorDetails.errorCode == CoreErrorCode.APPLIED_REPEATABLE_MIGRATION_NOT_RESOLVED))
                    .map(m -> (m.version == null || m.version.isEmpty() ? "" : "V" + m.version + " ") + m.description)
                    .toList();
            if (unknown.isEmpty()) {
                throw e;
            }
            throw new SchemaProblem(unknown);
        }
    }

    /**
     * Nothing ignored by Flyway's validation: by default it lets a database hold migrations newer than the jar's last
     * one ({@code *:future}) and starts old code on them; with features' version ranges (platform 0, region 1, …) a
     * newer build's migration may be above or below the jar's last, and either way this jar does not know it.
     */
    static final String[] STRICT = new String[0];

    /** Whether Flyway validated these migrations against the history as it is now (false when unknown). */
    static boolean validatedBefore(DataSource dataSource, String migrations) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select history = (" + HISTORY + ") from schema_validation"
                     + " where migrations = ? and to_regclass('flyway_schema_history') is not null")) {
            st.setString(1, migrations);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;   // no record table yet (a new database, an older schema): the full way
        }
    }

    /** After a full run: these migrations are valid against the history as it is now. */
    static void record(DataSource dataSource, String migrations) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("insert into schema_validation (migrations, history) select ?, ("
                     + HISTORY + ") on conflict (migrations) do update set history = excluded.history, validated_at = now()")) {
            st.setString(1, migrations);
            st.executeUpdate();
        } catch (SQLException e) {
            // a database of a newer schema without the table, or read-only: the next start validates in full again
        }
    }

    /**
     * A digest of everything Flyway's validation depends on in this jar: every file under the migration locations (path
     * and CRC-32 of its bytes: a superset of the migrations Flyway would pick), each Java migration (class, version,
     * description, checksum) and the settings that change what is found or accepted. Null when a location is not on
     * the class path (no fast path then).
     */
    static String migrations(Configuration configuration) {
        TreeMap<String, String> parts = new TreeMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(configuration.getClassLoader());
        for (Location location : configuration.getLocations()) {
            if (!location.isClassPath()) {
                return null;   // files outside the jar (filesystem:…) are not this jar's: always the full way
            }
            String root = location.getRootPath();
            try {
                for (Resource resource : resolver.getResources("classpath*:" + root + "/**/*")) {
                    if (!resource.isReadable()) {
                        continue;   // a directory
                    }
                    String path = resource.getURL().toString();
                    int at = path.lastIndexOf(root + "/");
                    parts.put("file " + (at < 0 ? path : path.substring(at)), crc(resource));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("无法读取数据库迁移文件（" + location + "）", e);
            }
        }
        for (JavaMigration m : configuration.getJavaMigrations()) {
            parts.put("java " + m.getClass().getName(), m.getVersion() + "|" + m.getDescription() + "|" + m.getChecksum()
                    + "|" + m.getType());
        }
        parts.put("settings", String.join("|", configuration.getTable(), String.valueOf(configuration.getDefaultSchema()),
                Arrays.toString(configuration.getSchemas()), String.valueOf(configuration.isOutOfOrder()),
                String.valueOf(configuration.isValidateOnMigrate()), String.valueOf(configuration.getTarget()),
                Arrays.toString(configuration.getIgnoreMigrationPatterns()), configuration.getSqlMigrationPrefix(),
                configuration.getRepeatableSqlMigrationPrefix(), configuration.getSqlMigrationSeparator(),
                Arrays.toString(configuration.getSqlMigrationSuffixes()), String.valueOf(configuration.getEncoding()),
                String.valueOf(new TreeMap<>(configuration.getPlaceholders())), String.valueOf(configuration.isBaselineOnMigrate()),
                String.valueOf(configuration.getBaselineVersion()), Flyway.class.getPackage().getImplementationVersion() + ""));
        List<String> lines = new ArrayList<>();
        parts.forEach((k, v) -> lines.add(k + "=" + v));
        return Sha256.hex(String.join("\n", lines));
    }

    private static String crc(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            CRC32 crc = new CRC32();
            byte[] buffer = new byte[8192];
            long size = 0;
            for (int n; (n = in.read(buffer)) > 0; size += n) {
                crc.update(buffer, 0, n);
            }
            return size + ":" + Long.toHexString(crc.getValue());
        }
    }
}
