package org.anju.cli;

import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.anju.platform.DatabaseUnreachable;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backup and restore of Anju's database with PostgreSQL's own client tools ({@code pg_dump -Fc}, {@code pg_restore},
 * {@code psql}; Debian package postgresql-client-15): a whole-database archive in the custom format, restored in one
 * transaction. The password reaches the tools through {@code PGPASSWORD} in their environment, never on a command line
 * (where {@code ps} would show it). Every refusal happens before anything is written: no file, no change in the
 * database.
 *
 * <p>The archive is created readable by its owner only (mode 0600) and leaves out the rows of the live sessions and the
 * login throttle ({@link #TRANSIENT_TABLES}); it still holds everything else, the users' password hashes among it.
 *
 * <p>The archive does not contain the personal-data key ({@code ANJU_DATA_KEY}, {@code ANJU_DATA_KEY_FILE} or the
 * embedded database's {@code data-key}, org.anju.privacy): without it the encrypted fields of a restored database
 * cannot be read. The key is kept (and backed up) apart from the data, on purpose.
 */
final class PgArchives {

    static final String PACKAGE = "postgresql-client-15";
    static final String KEY_NOTE = "注意：备份不包含个人信息密钥（ANJU_DATA_KEY、ANJU_DATA_KEY_FILE 或内置数据库目录下的 data-key）。"
            + "密钥须另行妥善备份；没有它，恢复后的数据中加密的个人信息（姓名、身份证号、电话、收入、银行账号）无法读取。";
    /**
     * Tables whose rows a backup leaves out (their definitions are kept): live HTTP sessions (whoever restores them could
     * take over a signed-in user), the login-failure counters (short-lived, of no use on another server) and the key of
     * the known-device cookies (whoever holds it makes device ids; a restored database makes a new one).
     */
    static final List<String> TRANSIENT_TABLES = List.of("public.spring_session_attributes", "public.spring_session",
            "public.login_throttle", "public.device_cookie_key");
    /**
     * How to name the tools' directory: a setting, not an option of the command (the command's arguments are picocli's,
     * and Spring's --name=value would be refused before it); -D works as well, before -jar.
     */
    static final String WHERE_TOOLS = "ANJU_BACKUP_PG_BIN=目录（如 /usr/lib/postgresql/15/bin；或 java -Danju.backup.pg-bin=目录 -jar …）";
    /** The first bytes of a pg_dump custom-format archive. */
    private static final byte[] MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.(\\d+))?");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql:(?://([^/?]*)/)?([^?/]*)(?:\\?(.*))?");
    /**
     * The connection's TLS settings of a JDBC URL that libpq reads the same way, with libpq's variable for each: the
     * tools must connect as securely as the application does (review 2026-12-02: only sslmode was passed on, so a
     * URL with ssl=true or a client certificate was backed up over a plaintext, unverified connection).
     */
    private static final Map<String, String> TLS = Map.of("sslmode", "PGSSLMODE", "sslrootcert", "PGSSLROOTCERT",
            "sslcert", "PGSSLCERT", "sslkey", "PGSSLKEY");

    /**
     * Where a database is, for the client tools.
     *
     * @param tls      the URL's TLS settings by their JDBC names ({@link #TLS}), passed to the tools and to the checks
     * @param external given by ANJU_DB_URL, not the embedded server: what a failure to connect tells to check
     */
    record Target(String host, int port, String database, String user, String password, Map<String, String> tls,
                  boolean external) {

        Target {
            tls = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tls));   // one order: URLs compare
        }

        /** An external database's (ANJU_DB_URL), with no TLS setting or only a mode. */
        Target(String host, int port, String database, String user, String password, String sslMode) {
            this(host, port, database, user, password, sslMode == null ? Map.of() : Map.of("sslmode", sslMode), true);
        }

        /** From the application's JDBC URL ({@code jdbc:postgresql://host:port/db?…}). */
        static Target of(String jdbcUrl, String user, String password) {
            return of(jdbcUrl, user, password, true);
        }

        /**
         * {@link #of(String, String, String)}, for an external database or the embedded one. What the tools cannot do
         * as the application does is refused, not done another way: several hosts (the tools would take one, maybe a
         * standby), a TLS setting libpq has no counterpart for.
         */
        static Target of(String jdbcUrl, String user, String password, boolean external) {
            Matcher m = JDBC.matcher(jdbcUrl == null ? "" : jdbcUrl);
            // the password masked, as the application's own start shows the URL
            String shown = jdbcUrl == null ? "（未设置）" : DatabaseUnreachable.masked(jdbcUrl);
            if (!m.matches() || m.group(2).isEmpty()) {
                throw new BadInput("无法识别数据库地址 " + shown + "：应为 jdbc:postgresql://主机:端口/数据库（ANJU_DB_URL）");
            }
            String hostPort = m.group(1) == null ? "" : m.group(1);
            if (hostPort.contains(",")) {
                throw new BadInput("ANJU_DB_URL 列出了多个主机（" + hostPort + "）：备份与恢复只连接一台服务器，须是主库，"
                        + "不能由程序猜哪一台是主库。未做任何操作。请为本命令把 ANJU_DB_URL 设为主库一台，例如 "
                        + "ANJU_DB_URL=jdbc:postgresql://主库主机:端口/" + m.group(2) + " java -jar anju.jar …");
            }
            String host = hostPort.isEmpty() ? "localhost" : hostPort;
            int port = 5432;
            int colon = hostPort.lastIndexOf(':');
            if (colon > 0 && !hostPort.endsWith("]")) {
                host = hostPort.substring(0, colon);
                try {
                    port = Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new BadInput("无法识别数据库地址 " + shown + " 中的端口「" + hostPort.substring(colon + 1)
                            + "」：应为数字（ANJU_DB_URL=jdbc:postgresql://主机:端口/数据库）");
                }
            }
            Map<String, String> tls = new java.util.TreeMap<>();
            boolean ssl = false;
            if (m.group(3) != null && !m.group(3).isEmpty()) {
                for (String pair : m.group(3).split("&")) {
                    int eq = pair.indexOf('=');
                    String name = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    if (TLS.containsKey(name)) {
                        tls.put(name, value);
                    } else if (name.equals("ssl")) {
                        ssl = value.isEmpty() || value.equalsIgnoreCase("true");
                    } else if (name.equals("password")) {
                        password = value;   // the driver takes the URL's over the one given apart
                    } else if (name.equals("user")) {
                        user = value;
                    } else if (name.toLowerCase(java.util.Locale.ROOT).startsWith("ssl")) {
                        throw new BadInput("ANJU_DB_URL 的参数 " + name + " 是 Java 驱动专有的 TLS 设置，备份与恢复所用的 PostgreSQL "
                                + "客户端程序没有对应的设置，不能照样安全地连接。未做任何操作。请为本命令改用 sslmode、sslrootcert、"
                                + "sslcert、sslkey 表达同样的要求（证书与密钥用 PEM 文件），例如 ANJU_DB_URL=jdbc:postgresql://主机:端口/"
                                + m.group(2) + "?sslmode=verify-full&sslrootcert=/etc/anju/root.crt");
                    }
                }
            }
            if (ssl && !tls.containsKey("sslmode")) {
                tls.put("sslmode", "verify-full");   // the driver's meaning of ssl=true without a mode
            }
            return new Target(host.replace("[", "").replace("]", ""), port,
                    URLDecoder.decode(m.group(2), StandardCharsets.UTF_8), user, password, tls, external);
        }

        /** The URL of the JDBC checks: this server with the same TLS settings as the tools (never the password). */
        String jdbcUrl() {
            StringBuilder query = new StringBuilder();
            tls.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database
                    + query;
        }

        /** The libpq environment of the client tools: the password among it, off the command line. */
        Map<String, String> environment() {
            Map<String, String> env = new java.util.HashMap<>(Map.of("PGHOST", host, "PGPORT", String.valueOf(port),
                    "PGDATABASE", database, "PGUSER", user, "PGPASSWORD", password == null ? "" : password,
                    "PGCONNECT_TIMEOUT", "10", "PGAPPNAME", "anju-backup"));
            tls.forEach((name, value) -> env.put(TLS.get(name), value));
            String ownKey = System.getenv("PGSSLKEY");
            if (ownKey != null && !ownKey.isBlank()) {
                env.put("PGSSLKEY", ownKey);   // the tools' own PEM key (see below), set for this command
            } else if (tls.containsKey("sslkey")) {
                requirePem(Path.of(tls.get("sslkey")));
            }
            return env;
        }

        /**
         * The Java driver reads a client key in PKCS-8 DER (.pk8) or PKCS-12, the client tools only in PEM: the URL
         * the application works with names a key the tools cannot read. Refused before anything runs, with the way.
         */
        private static void requirePem(Path key) {
            byte[] head;
            try (InputStream in = Files.newInputStream(key)) {
                head = in.readNBytes(10);
            } catch (IOException e) {
                return;   // unreadable or absent: the tools say so, as the driver would
            }
            if (!new String(head, StandardCharsets.US_ASCII).startsWith("-----BEGIN")) {
                throw new BadInput("ANJU_DB_URL 的 sslkey 指向的 " + key + " 不是 PEM 格式的私钥（Java 驱动读 PKCS-8 DER 或 PKCS-12，"
                        + "备份与恢复所用的 PostgreSQL 客户端程序只读 PEM）。未做任何操作。请转换出一份 PEM 私钥（只许本用户读），"
                        + "运行本命令时用 PGSSLKEY 指给客户端程序，例如\n  openssl pkcs8 -inform DER -nocrypt -in " + key
                        + " -out client.key.pem && chmod 600 client.key.pem\n  PGSSLKEY=client.key.pem java -jar anju.jar …");
            }
        }

        Connection connect() throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", user);
            if (password != null) {
                p.setProperty("password", password);
            }
            p.setProperty("ApplicationName", "anju-backup");
            return DriverManager.getConnection(jdbcUrl(), p);
        }
    }

    /** Flyway's table: every database of the application has it, and only those. */
    static final String SCHEMA_HISTORY = "flyway_schema_history";

    /**
     * The database could not be reached (a wrong password, no server there): as the application's own start says it,
     * and with its exit code (3, README "运维"), not a conflict to try again after a change.
     */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    /**
     * A database's server version and what it holds outside PostgreSQL's own schemas.
     *
     * @param tables its tables, as schema.table
     * @param others what else the database holds outside PostgreSQL's own schemas (schemas but an empty
     *               {@code public}, views, sequences, functions, types, extensions but plpgsql), each named with its kind:
     *               a database with no tables but these is not empty (review 2026-12-02: a restore without --replace
     *               dropped such a schema, its function, a sequence and a view without a word)
     */
    record Contents(int serverMajor, String serverVersion, List<String> tables, List<String> others) {

        boolean empty() {
            return tables.isEmpty() && others.isEmpty();
        }
    }

    private final Path binDirectory;

    /** @param binDirectory where the client tools are ({@code anju.backup.pg-bin}); null or blank: the PATH */
    PgArchives(String binDirectory) {
        this.binDirectory = binDirectory == null || binDirectory.isBlank() ? null : Path.of(binDirectory);
    }

    // ---- backup ---------------------------------------------------------------------------------------------

    /**
     * Refuses an {@code --out} the backup must not write or replace: what no command's output file may be ({@link
     * OutFile#checked}: a directory, a device or pipe, a symbolic link, "-", a missing directory…), and, as the backup
     * is written beside it and moved over it, with {@code --force} anything but an earlier backup: {@code --out
     * anju-data/data-key --force} made the personal-data key a backup — every sealed name and ID number unreadable — and
     * said it succeeded (operator trial of the twentieth session). {@code --force} replaces a regular file that begins
     * as pg_dump's archives do, only.
     */
    static void replaceable(Path out, boolean force) {
        OutFile.checked(out, "--out", force, "anju.dump");   // as every command's output file
        if (Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !archive(out)) {
            throw new BadInput("文件 " + out + " 已存在，且不是安居的备份（不是 pg_dump 自定义格式的文件）：--force 只覆盖以前的"
                    + "备份，不覆盖其他文件（如个人信息密钥 data-key）（未写入任何内容）。请换一个文件名");
        }
    }

    /** Whether {@code file} begins as a pg_dump archive of the custom format ("PGDMP"); an unreadable one does not. */
    private static boolean archive(Path file) {
        try (var in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the whole database {@code target} to {@code out} ({@code pg_dump -Fc}); says what it did on {@code say}. */
    void backup(Target target, Path out, boolean force, PrintWriter say) {
        replaceable(out, force);
        Path part = OutFile.part(out);
        Contents contents;
        long started;
        try {
            // first, so that an unwritable place is said before the database is asked anything; readable by the
            // operator only, from its first byte: it holds password hashes and the audit trail (pg_dump keeps the mode
            // of a file that exists)
            createWritable(part, out);
            Path pgDump = tool("pg_dump");
            contents = contents(target);
            if (contents.tables().stream().noneMatch(t -> t.endsWith("." + SCHEMA_HISTORY))) {
                // an empty or foreign database: a "successful" backup of it would replace nothing good (operator trial:
                // a nightly backup run without the settings backed up a new, empty database every night)
                throw new BadInput("数据库 " + target.database() + "（" + target.host() + ":" + target.port() + "）中没有安居的数据"
                        + "（没有 " + SCHEMA_HISTORY + " 表；共 " + contents.tables().size() + " 张表），未写入任何内容："
                        + "请检查 ANJU_DB_URL（外部数据库）或 ANJU_DATA_DIR（内置数据库）是否指向应用所用的数据库");
            }
            checkVersion(pgDump, contents);
            started = System.nanoTime();
            List<String> command = new ArrayList<>(List.of(pgDump.toString(), "--format=custom", "--no-password",
                    "--file=" + part));
            TRANSIENT_TABLES.forEach(t -> command.add("--exclude-table-data=" + t));
            try {
                run(command, target, "pg_dump");
            } catch (Conflict failed) {
                if (failed.getMessage().contains("No space left on device")) {
                    // the place given is the operator's to change, as a directory that cannot be written (exit 2)
                    throw new BadInput("磁盘空间不足，无法写完备份文件 " + out + "（数据库 " + contents.tables().size()
                            + " 张表），未写入任何内容（不完整的部分已删除）：请释放 " + out.toAbsolutePath().getParent()
                            + " 所在磁盘的空间，或用 --out 写到空间足够的目录");
                }
                throw failed;
            }
            OutFile.moveIntoPlace(part, out, "--out", force);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(part);
        }
        say.printf("已备份数据库 %s（%s:%d，PostgreSQL %s，%d 张表）到 %s（%s，用时 %.1f 秒）%n", target.database(),
                target.host(), target.port(), contents.serverVersion(), contents.tables().size(), out, size(out),
                (System.nanoTime() - started) / 1e9);
        say.println(KEY_NOTE);
    }

    // ---- restore --------------------------------------------------------------------------------------------

    /**
     * Restores {@code in} into {@code target} in one transaction ({@code pg_restore | psql}, the commit sent only after
     * pg_restore ended well: {@link #pipe}): all of it or, on any error, nothing. The target must be empty (no table nor
     * other object, {@link Contents#empty}), unless {@code replace}: then what it holds is dropped (in the same
     * transaction) first ({@link #drops}).
     */
    void restore(Target target, Path in, boolean replace, PrintWriter say) {
        restore(target, in, replace, say, null);
    }

    /**
     * {@link #restore(Target, Path, boolean, PrintWriter)}, refusing, before anything is changed, an archive whose
     * database holds migrations {@code known} does not know (this jar's): a newer build's backup. Restored with
     * {@code --replace} it dropped the database, and then this jar refused to start on what it had restored (operator
     * trial of the twentieth session). Null: not checked.
     */
    void restore(Target target, Path in, boolean replace, PrintWriter say, java.util.function.Predicate<String> known) {
        checkArchive(in);
        Path pgRestore = tool("pg_restore");
        Path psql = tool("psql");
        Contents contents = contents(target);
        checkFormat(in, checkVersion(pgRestore, contents));
        checkVersion(psql, contents);
        String listing = run(List.of(pgRestore.toString(), "--list", in.toString()), null, "pg_restore");
        long entries = listing.lines().filter(l -> l.matches("^\\d+;.*")).count();
        long archived = listing.lines().filter(l -> l.matches("^\\d+; \\d+ \\d+ TABLE (?!DATA ).*")).count();
        if (listing.lines().noneMatch(l -> l.matches("^\\d+; \\d+ \\d+ TABLE \\S+ " + SCHEMA_HISTORY + " .*"))) {
            // restoring it (with --replace) would leave an empty or foreign database where the application's was
            throw new BadInput(in + " 不是安居的备份：其中没有 " + SCHEMA_HISTORY + " 表（" + entries + " 个条目，" + archived
                    + " 张表），未做任何改动。请给出 anju backup 备份应用数据库所生成的文件");
        }
        if (known != null) {
            List<String> newer = applied(run(List.of(pgRestore.toString(), "--data-only", "--table=" + SCHEMA_HISTORY,
                    "--file=-", in.toString()), null, "pg_restore")).stream()
                    .filter(m -> !known.test(m.version())).map(Applied::named).toList();
            if (!newer.isEmpty()) {
                throw new Conflict(in + " 是较新版本的安居做的备份（或其中有后来改名、删除了的迁移）：备份中的数据库执行过本程序没有的数据库迁移 "
                        + String.join("、", newer) + "，未做任何改动。本程序不能在恢复出的数据库上启动：请用做这份备份的版本"
                        + "（或更新的版本）的 anju.jar 恢复，并用它启动应用");
            }
        }
        List<String> schemas = schemas(target);
        if (!contents.empty()) {
            String held = (contents.tables().isEmpty() ? "" : contents.tables().size() + " 张表（" + sample(contents.tables()) + "）")
                    + (contents.tables().isEmpty() || contents.others().isEmpty() ? "" : "，另有 ")
                    + (contents.others().isEmpty() ? "" : contents.others().size() + " 个其他对象（" + sample(contents.others()) + "）");
            if (!replace) {
                throw new Conflict("目标数据库 " + target.database() + " 不是空的：已有 " + held + "，未做任何改动。"
                        + "恢复到空数据库；或确认用备份替换其全部内容，加 --replace（会删除这些" + (contents.tables().isEmpty() ? "对象" : "表及其全部数据") + "）");
            }
            List<String> others = otherSessions(target);
            // a session that was just closed (an application stopped a moment ago, the psql of a restore before this
            // one) stays listed while its server process ends: waited for, up to 2 s, before it counts
            for (int waited = 0; !others.isEmpty() && waited < 20; waited++) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                others = otherSessions(target);
            }
            if (!others.isEmpty()) {
                throw new Conflict("数据库 " + target.database() + " 上还有 " + others.size() + " 个其他连接（" + sample(others)
                        + "；应用仍在运行？），未做任何改动：请先停止所有应用节点，并断开其他程序的连接，再恢复" + pooler(target));
            }
            say.printf("将删除数据库 %s 的 %s 中的 %s，换成备份的内容（%d 张表）%n", target.database(),
                    String.join("、", schemas), held + (contents.tables().isEmpty() ? "" : "及其全部数据"), archived);
        }
        List<String> restoreCommand = List.of(pgRestore.toString(), "--no-owner", "--no-acl", "--file=-", in.toString());
        List<String> psqlCommand = List.of(psql.toString(), "--no-psqlrc", "--quiet", "--no-password",
                "--set=ON_ERROR_STOP=1", "--output=/dev/null", "--file=-");
        // the drops' NOTICE lines (one per table) would bury the error that matters
        // inside the transaction, as the reset before its commit: through a transaction-mode pooler each transaction
        // may run on another server connection (review of the nineteenth session)
        StringBuilder begin = new StringBuilder("begin;\nset client_min_messages = warning;\n");
        if (!contents.empty()) {   // an empty database has nothing to drop (at most an empty public)
            drops(target).forEach(d -> begin.append(d).append('\n'));
        }
        long started = System.nanoTime();
        pipe(restoreCommand, psqlCommand, begin.toString(), target, contents.serverMajor() < 17);
        Contents restored = contents(target);
        say.printf("已从 %s 恢复数据库 %s（%s:%d）：%d 个条目，%d 张表，用时 %.1f 秒%n", in, target.database(), target.host(),
                target.port(), entries, restored.tables().size(), (System.nanoTime() - started) / 1e9);
        analyze(psql, target, say);
        say.println("注意：恢复的个人信息仍是用备份时的密钥加密的：本节点须使用同一密钥（ANJU_DATA_KEY、ANJU_DATA_KEY_FILE 或 data-key），"
                + "密钥不在备份中");
    }

    /** A versioned migration an archive's database has applied: its version ("3.1701") and description. */
    record Applied(String version, String description) {
        String named() {
            return "V" + version + " " + description;
        }
    }

    /**
     * The versioned migrations applied successfully, from pg_restore's SQL of {@code flyway_schema_history}'s data (its
     * {@code COPY … FROM stdin} block, columns as its header names them; {@code \N} is null).
     */
    static List<Applied> applied(String sql) {
        List<Applied> applied = new ArrayList<>();
        List<String> columns = null;
        for (String line : sql.lines().toList()) {
            if (columns == null) {
                Matcher copy = Pattern.compile("^COPY \\S*" + SCHEMA_HISTORY + " \\((.*)\\) FROM stdin;$").matcher(line);
                if (copy.matches()) {
                    columns = List.of(copy.group(1).split(",\\s*"));
                }
                continue;
            }
            if (line.equals("\\.")) {
                break;
            }
            String[] values = line.split("\t", -1);
            String version = values[columns.indexOf("version")];
            if (!version.equals("\\N") && values[columns.indexOf("success")].equals("t")) {
                applied.add(new Applied(version, values[columns.indexOf("description")]));
            }
        }
        return applied;
    }

    /**
     * ANALYZE of the restored database. An archive holds no planner statistics: until the autovacuum had analyzed each
     * restored table (a minute or more after the restore, a few tables at a time) the planner guessed its rows' spread,
     * the first requests of the nodes started again with it — PostgreSQL's manual asks for an ANALYZE after a restore.
     * The data is restored whether it succeeds or not: a failure is said, not raised.
     */
    private static void analyze(Path psql, Target target, PrintWriter say) {
        long started = System.nanoTime();
        try {
            run(List.of(psql.toString(), "--no-psqlrc", "--quiet", "--no-password", "--set=ON_ERROR_STOP=1",
                    "--command=analyze"), target, "psql", "");   // not "nothing written": the data is
            say.printf("已更新恢复后各表的统计信息（ANALYZE，用时 %.1f 秒）%n", (System.nanoTime() - started) / 1e9);
        } catch (Conflict e) {
            say.println("注意：数据已恢复，但更新统计信息（ANALYZE）未成功：" + e.getMessage() + "。请在数据库 " + target.database()
                    + " 上执行 ANALYZE；在此之前查询可能较慢，直到自动清理（autovacuum）分析过各表");
        }
    }

    /** Refuses a file that is not a pg_dump custom-format archive, before any tool runs. */
    static void checkArchive(Path in) {
        if (Files.isDirectory(in)) {
            throw new BadInput(in + " 是一个目录，不是备份文件，未做任何改动：请给出 anju backup 生成的单个文件"
                    + "（pg_dump -Fc；目录格式 pg_dump -Fd 的备份不能直接恢复）");
        }
        if (!Files.isRegularFile(in)) {
            throw new BadInput("备份文件不存在：" + in);
        }
        byte[] head = new byte[MAGIC.length];
        int n;
        try (InputStream s = Files.newInputStream(in)) {
            n = s.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new BadInput("无法读取备份文件 " + in + "：请检查读取权限");
        }
        if (n < MAGIC.length || !java.util.Arrays.equals(head, MAGIC)) {
            throw new BadInput(in + " 不是 pg_dump 的备份文件（自定义格式，pg_dump -Fc；应以 PGDMP 开头），未做任何改动："
                    + "请给出 anju backup 生成的文件");
        }
    }

    /**
     * The archive format each pg_dump writes, past 15's 1.14: pg_restore reads its own major's format and older ones,
     * and says "unsupported version (1.16) in file header" for a newer — the case of an anju-data of the builds that
     * bundled PostgreSQL 18, dumped with its own pg_dump (review 2026-12-02, backup finding 3).
     */
    private static final Map<Integer, Integer> FORMAT_SINCE = Map.of(15, 16, 16, 17);

    /** Refuses, in Chinese and with the way, an archive newer than the pg_restore about to read it. */
    static void checkFormat(Path in, int pgRestoreMajor) {
        byte[] head = new byte[MAGIC.length + 3];
        try (InputStream s = Files.newInputStream(in)) {
            if (s.readNBytes(head, 0, head.length) < head.length) {
                return;   // pg_restore says the file is cut short
            }
        } catch (IOException e) {
            throw new BadInput("无法读取备份文件 " + in + "：请检查读取权限");
        }
        int major = head[MAGIC.length];
        int minor = head[MAGIC.length + 1];
        if (major != 1 || minor < 0 || minor > 40) {
            // no pg_dump writes that: a damaged file, or one that only begins like an archive
            throw new BadInput(in + " 不是可读的备份文件：文件头的格式版本（" + major + "." + minor + "）无法识别，文件可能已损坏，"
                    + "未做任何改动。请换用完好的 anju backup 备份文件");
        }
        int needs = minor <= 14 ? 0 : FORMAT_SINCE.getOrDefault(minor, 19);
        if (pgRestoreMajor < needs) {
            String written = needs == 19 ? "比 PostgreSQL 18 更新的 pg_dump" : "PostgreSQL " + needs + " 或更新的 pg_dump";
            int client = Math.min(needs, 18);
            throw new Conflict("备份文件 " + in + " 的格式版本是 " + major + "." + minor + "（由" + written + "生成），所用的 pg_restore"
                    + "（PostgreSQL " + pgRestoreMajor + "）读不了，未做任何改动。请用生成它的版本的客户端程序恢复："
                    + "安装 Debian 软件包 postgresql-client-" + client + "，再运行 ANJU_BACKUP_PG_BIN=/usr/lib/postgresql/"
                    + client + "/bin java -jar anju.jar restore --in " + in + "（较新版本的客户端程序也能恢复到较旧版本的服务器）");
        }
    }

    // ---- tools ----------------------------------------------------------------------------------------------

    /** The client tool's path, or a refusal naming the Debian package. */
    Path tool(String name) {
        if (binDirectory != null) {
            Path p = binDirectory.resolve(name);
            if (Files.isExecutable(p)) {
                return p;
            }
            throw new Conflict("在 ANJU_BACKUP_PG_BIN（anju.backup.pg-bin）指定的目录 " + binDirectory + " 中找不到 " + name
                    + "（未写入任何内容）：请安装 Debian 软件包 " + PACKAGE + "（apt-get install " + PACKAGE + "），或改正该目录");
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name);
            }
        }
        throw new Conflict("找不到 PostgreSQL 客户端程序 " + name + "（未写入任何内容）：请安装 Debian 软件包 " + PACKAGE
                + "（apt-get install " + PACKAGE + "），或用环境变量 " + WHERE_TOOLS + " 指明它的位置");
    }

    /** A client tool older than the server cannot read (pg_dump refuses; pg_restore may not know its objects). */
    int checkVersion(Path tool, Contents server) {
        String version = run(List.of(tool.toString(), "--version"), null, tool.getFileName().toString()).trim();
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            throw new Conflict("无法识别 " + tool + " 的版本（" + version + "），未写入任何内容：请使用 " + PACKAGE + " 中的程序");
        }
        int major = Integer.parseInt(m.group(1));
        if (major < server.serverMajor()) {
            throw new Conflict(tool + " 的版本是 " + m.group(1) + (m.group(2) == null ? "" : "." + m.group(2))
                    + "，比数据库服务器（PostgreSQL " + server.serverVersion() + "）旧，未写入任何内容：请安装 postgresql-client-"
                    + server.serverMajor() + " 或更新的版本，或用环境变量 " + WHERE_TOOLS + " 指向它");
        }
        return major;
    }

    private static String run(List<String> command, Target target, String name) {
        return run(command, target, name, "，未写入任何内容");
    }

    /** @param untouched what a failure left, said after its exit code */
    private static String run(List<String> command, Target target, String name, String untouched) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (target != null) {
            pb.environment().putAll(target.environment());
        }
        try {
            Process p = pb.start();
            var err = errors(p);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            if (exit != 0) {
                throw new Conflict(name + " 失败（退出码 " + exit + "）" + untouched + "：" + err.get(10, TimeUnit.SECONDS).trim());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Conflict(name + " 被中断，未完成");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code first | second} inside one transaction that this side ends: {@code begin} (which opens it) goes to psql,
     * then pg_restore's output, and {@code commit} only once pg_restore exited 0. psql's own
     * {@code --single-transaction} committed at the end of its input, and a pg_restore that died part-way (a truncated
     * or damaged file) ended that input early: tables without their rows, keys or indexes were committed — over a
     * database {@code --replace} had emptied — and then reported rolled back (review of issue 15, backup). Without
     * the commit psql's input ends inside the transaction and PostgreSQL rolls it back as psql disconnects.
     *
     * @param olderServer the server is older than 17: the script's {@link #NEWER_SETTING} is left out
     */
    /**
     * pg_restore's own words (in the C locale, as Debian's client speaks by default) for an archive it cannot read to
     * its end: cut short (a transfer broken off) or damaged inside.
     */
    private static final Pattern DAMAGED = Pattern.compile("could not read from input file|unexpected end of file"
            + "|could not uncompress data|invalid block type|incorrect data check|invalid distance|did not find magic string");

    private static void pipe(List<String> first, List<String> second, String begin, Target target, boolean olderServer) {
        ProcessBuilder a = new ProcessBuilder(first).redirectError(ProcessBuilder.Redirect.PIPE);
        ProcessBuilder b = new ProcessBuilder(second).redirectError(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        a.environment().putAll(target.environment());
        b.environment().putAll(target.environment());
        Process restore = null;
        Process psql = null;
        try {
            restore = a.start();
            psql = b.start();
            var restoreErrors = errors(restore);
            var psqlErrors = errors(psql);
            int restoreExit;
            try (java.io.OutputStream to = psql.getOutputStream(); java.io.InputStream from = restore.getInputStream()) {
                to.write(begin.getBytes(StandardCharsets.UTF_8));
                (olderServer ? withoutNewerSettings(from, to) : from).transferTo(to);
                restoreExit = restore.waitFor();
                if (restoreExit == 0) {
                    // the session's settings back to the server's first (ours, pg_restore's empty search_path,
                    // row_security off …), in the same transaction: through a transaction-mode pooler this server
                    // connection goes to the next client as it is — nodes found no table on it (PgBouncer trial, T1;
                    // BackupRestoreTest) — and a reset after the commit could fail once the data was committed
                    to.write("reset all;\ncommit;\n".getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException psqlStopped) {
                // psql stopped reading (an error in the restored SQL, ON_ERROR_STOP): its transaction is gone with it
                restore.destroy();
                restoreExit = restore.waitFor();
            }
            int psqlExit = psql.waitFor();
            if (psqlExit != 0 || restoreExit != 0) {
                String restoreSaid = restoreErrors.get(10, TimeUnit.SECONDS);
                if (restoreExit != 0 && DAMAGED.matcher(restoreSaid).find()) {
                    // the file, not the database: the operator's to replace (exit 2), said in Chinese — it was "恢复失败"
                    // with pg_restore's English, exit 4 (operator trial of the twentieth session, F18)
                    throw new BadInput("备份文件 " + first.getLast() + " 不完整或已损坏（pg_restore 读到中途无法读下去："
                            + restoreSaid.lines().filter(l -> DAMAGED.matcher(l).find()).findFirst().orElse("").trim()
                            + "），数据库未做任何改动（整个恢复在一个事务中，已回滚）：请换一份完整的备份（可先用 pg_restore --list "
                            + "文件名 检查，或比较备份时记下的大小）");
                }
                String why = (psqlErrors.get(10, TimeUnit.SECONDS) + "\n" + restoreSaid).trim();
                // psql stopped on an error first: pg_restore then ended writing to a closed pipe (SIGPIPE, 141, or
                // killed by us, 143) — not a second fault to puzzle over (review 2026-12-02, backup finding 9)
                String who = psqlExit != 0 && restoreExit != 0 && restoreExit != 1
                        ? "psql 执行备份中的语句时出错（退出码 " + psqlExit + "），pg_restore 随之停止"
                        : "pg_restore 退出码 " + restoreExit + "，psql 退出码 " + psqlExit;
                throw new Conflict("恢复失败（" + who + "），数据库未做任何改动（整个恢复在一个事务中，已回滚）：" + why);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Conflict("恢复被中断，数据库未做任何改动");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        } finally {
            for (Process p : java.util.Arrays.asList(restore, psql)) {
                if (p != null && p.isAlive()) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /** A setting pg_restore 17 and later write at the top of every script, which a server before 17 refuses. */
    static final String NEWER_SETTING = "SET transaction_timeout = 0;";

    /**
     * Copies the script's opening settings (blank lines, comments, {@code \\restrict}, SET and set_config lines) to {@code to} without
     * {@link #NEWER_SETTING}, and returns the rest of the script unread. The client tools of the PostgreSQL that wrote an
     * archive read it (a newer format than 15's, {@link #checkFormat}), but their script stopped at once on a 15 server
     * with "unrecognized configuration parameter" (review 2026-12-02, backup finding 3). Only the opening: a row of
     * data is never looked at.
     */
    static InputStream withoutNewerSettings(InputStream from, java.io.OutputStream to) throws IOException {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(from, 1 << 16);
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        while (true) {
            line.reset();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            String text = line.toString(StandardCharsets.UTF_8);
            // pg_restore 15.14, 17.6, 18 and later open with "\restrict KEY" (psql's guard against a dump that ends
            // its own quoting), before the SET lines (review of this session: the filter stopped at it)
            boolean opening = text.isBlank() || text.startsWith("--") || text.startsWith("SET ")
                    || text.startsWith("SELECT pg_catalog.set_config(") || text.startsWith("\\restrict ");
            if (!text.equals(NEWER_SETTING)) {
                line.writeTo(to);
                if (b == '\n') {
                    to.write('\n');
                }
            }
            if (!opening || b == -1) {
                return in;
            }
        }
    }

    /** A process's standard error, read to its end off this thread (a full pipe would stop the process). */
    private static java.util.concurrent.CompletableFuture<String> errors(Process p) {
        var f = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.complete("");
            }
        });
        return f;
    }

    // ---- the database ---------------------------------------------------------------------------------------

    static Contents contents(Target target) {
        try (Connection c = target.connect()) {
            int major;
            String version;
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "select current_setting('server_version_num')::int / 10000, current_setting('server_version')")) {
                rs.next();
                major = rs.getInt(1);
                version = rs.getString(2).split(" ")[0];
            }
            List<String> tables = new ArrayList<>();
            try (var st = c.createStatement(); var rs = st.executeQuery("""
                    select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                      and n.nspname not like 'pg\\_%' order by 1""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            List<String> others = new ArrayList<>();
            try (var st = c.createStatement(); var rs = st.executeQuery(OTHER_OBJECTS)) {
                while (rs.next()) {
                    others.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            return new Contents(major, version, tables, others);
        } catch (SQLException e) {
            // as the application's own start says it (a wrong password, no server there): the address and the setting
            DatabaseUnreachable why = DatabaseUnreachable.of(e, target.external() ? target.jdbcUrl() : null, target.user());
            throw new Unreachable(why != null ? why.description() + why.action()
                    : "无法连接数据库 " + target.database() + "（" + target.host() + ":" + target.port() + "）：" + e.getMessage());
        }
    }

    /**
     * What a database holds besides tables, named with its kind (sorted): schemas but {@code public}, relations but
     * tables, indexes and TOAST (views, sequences of their own, …), functions, domains/enums/ranges/composite types, extensions but
     * plpgsql. Objects an extension brought are its own, and the sequence of a serial column is its table's.
     */
    private static final String OTHER_OBJECTS = """
            select kind, name from (
              select '模式' as kind, nspname as name from pg_namespace
              where nspname not in ('pg_catalog', 'information_schema', 'public') and nspname not like 'pg\\_%'
              union all
              select case c.relkind when 'v' then '视图' when 'm' then '物化视图' when 'S' then '序列' when 'f' then '外部表'
                          else '对象' end, n.nspname || '.' || c.relname
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where c.relkind in ('v', 'm', 'S', 'f') and n.nspname not in ('pg_catalog', 'information_schema')
                and n.nspname not like 'pg\\_%'
                and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                and d.deptype in ('a', 'i', 'e'))
              union all
              select '函数', n.nspname || '.' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
              where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
                and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid
                                and d.deptype = 'e')
              union all
              select '类型', n.nspname || '.' || t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace
              where (t.typtype in ('d', 'e', 'r')
                     or t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c')
                and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
                and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid
                                and d.deptype in ('i', 'e'))
              union all
              select '扩展', extname from pg_extension where extname <> 'plpgsql'
            ) o order by kind, name""";

    /** The schemas a restore with --replace drops: every one but PostgreSQL's own. */
    private static List<String> schemas(Target target) {
        try (Connection c = target.connect(); var st = c.createStatement(); var rs = st.executeQuery("""
                select nspname from pg_namespace where nspname not in ('pg_catalog', 'information_schema')
                  and nspname not like 'pg\\_%' order by nspname = 'public' desc, nspname""")) {
            List<String> schemas = new ArrayList<>();
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
            return schemas;
        } catch (SQLException e) {
            throw new Conflict("无法读取数据库 " + target.database() + " 的模式：" + e.getMessage());
        }
    }

    /**
     * What --replace runs first: a schema the user owns is dropped whole; of one it does not own (an external
     * database's {@code public}, owned by the database's owner, with the app's user granted CREATE) every object in it,
     * each of which it must own — else refused before anything runs, with what to ask the administrator for (review
     * 2026-12-02, backup finding 5: "must be owner of schema public", in English, after the drops had begun).
     */
    private static List<String> drops(Target target) {
        List<String> drops = new ArrayList<>();
        List<String> notOwned = new ArrayList<>();
        try (Connection c = target.connect()) {
            List<String> schemas = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            try (var st = c.createStatement(); var rs = st.executeQuery("""
                    select nspname, pg_has_role(nspowner, 'MEMBER') from pg_namespace
                    where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'
                    order by nspname = 'public' desc, nspname""")) {
                while (rs.next()) {
                    (rs.getBoolean(2) ? schemas : kept).add(rs.getString(1));
                }
            }
            schemas.forEach(name -> drops.add("drop schema if exists " + quote(name) + " cascade;"));
            for (String schema : kept) {
                try (var st = c.prepareStatement(OBJECTS_IN_SCHEMA)) {
                    for (int i = 1; i <= 3; i++) {
                        st.setString(i, schema);
                    }
                    var rs = st.executeQuery();
                    while (rs.next()) {
                        drops.add("drop " + rs.getString(1) + " if exists " + rs.getString(2) + " cascade;");
                        if (!rs.getBoolean(3)) {
                            notOwned.add(rs.getString(2) + "（所有者 " + rs.getString(4) + "）");
                        }
                    }
                }
                if (!notOwned.isEmpty()) {
                    String owner = owner(c, schema);
                    throw new Conflict("用户 " + target.user() + " 不是数据库 " + target.database() + " 的模式 " + schema + " 的所有者（所有者是 "
                            + owner + "），其中有它不能删除的对象：" + sample(notOwned) + "。--replace 要删除原有的全部内容，未做任何改动。"
                            + "请数据库管理员执行 ALTER SCHEMA " + quote(schema) + " OWNER TO " + quote(target.user())
                            + "（或处理上述对象）后再恢复");
                }
            }
            if (schemas.contains("public")) {
                drops.add("create schema if not exists public;");
            }
            return drops;
        } catch (SQLException e) {
            throw new Conflict("无法读取数据库 " + target.database() + " 的模式：" + e.getMessage());
        }
    }

    private static String owner(Connection c, String schema) throws SQLException {
        try (var st = c.prepareStatement("select pg_get_userbyid(nspowner) from pg_namespace where nspname = ?")) {
            st.setString(1, schema);
            var rs = st.executeQuery();
            return rs.next() ? rs.getString(1) : "?";
        }
    }

    /**
     * The objects of one schema a DROP names, each with its DROP keyword, its qualified name, whether the user may
     * drop it, and its owner: relations (not partitions, nor a serial column's sequence: they go with their table),
     * routines by their signature, domains and types of their own (not an extension's, not a table's row type).
     */
    private static final String OBJECTS_IN_SCHEMA = """
            select kind, name, mine, owner from (
              select case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
                                    when 'f' then 'foreign table' else 'table' end as kind,
                     quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name,
                     pg_has_role(c.relowner, 'MEMBER') as mine, pg_get_userbyid(c.relowner) as owner, 1 as rank
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = ? and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and not c.relispartition
                and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                and d.deptype in ('a', 'i', 'e'))
              union all
              select 'routine', quote_ident(n.nspname) || '.' || quote_ident(p.proname)
                                || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                     pg_has_role(p.proowner, 'MEMBER'), pg_get_userbyid(p.proowner), 2
              from pg_proc p join pg_namespace n on n.oid = p.pronamespace
              where n.nspname = ? and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                                                   and d.objid = p.oid and d.deptype = 'e')
              union all
              select case t.typtype when 'd' then 'domain' else 'type' end,
                     quote_ident(n.nspname) || '.' || quote_ident(t.typname),
                     pg_has_role(t.typowner, 'MEMBER'), pg_get_userbyid(t.typowner), 3
              from pg_type t join pg_namespace n on n.oid = t.typnamespace
              where n.nspname = ? and (t.typtype in ('d', 'e', 'r')
                    or t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c')
                and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid
                                and d.deptype in ('i', 'e'))
            ) o order by rank, name""";

    /**
     * Who else is connected: user, program and address of each. Client connections only — an autovacuum worker (busy
     * after a restore's inserts) is no node; another role's row shows no backend type to a user who is not superuser,
     * so a missing one counts (review 2026-12-02: a reporting tool's open transaction went unseen and the restore
     * waited on its locks without a word).
     */
    private static List<String> otherSessions(Target target) {
        try (Connection c = target.connect(); var st = c.createStatement(); var rs = st.executeQuery("""
                select coalesce(usename, '?') || '（' || coalesce(nullif(application_name, ''), '未知程序')
                       || coalesce('，' || host(client_addr), case when backend_type is null then '' else '，本机套接字' end)
                       || '）'
                from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                  and coalesce(backend_type, 'client backend') = 'client backend' order by 1""")) {
            List<String> sessions = new ArrayList<>();
            while (rs.next()) {
                sessions.add(rs.getString(1));
            }
            return sessions;
        } catch (SQLException e) {
            throw new Conflict("无法读取数据库 " + target.database() + " 的连接：" + e.getMessage());
        }
    }

    /**
     * A hint when the server listens on another port than the one connected to: a connection pooler in between
     * (PgBouncer) keeps idle server connections, which count as others, named after their last client (PgBouncer
     * trial, S2). Only a hint — a forwarded port looks the same.
     */
    private static String pooler(Target target) {
        try (Connection c = target.connect(); var st = c.createStatement(); var rs = st.executeQuery("select inet_server_port()")) {
            int port = rs.next() ? rs.getInt(1) : 0;
            return port == 0 || port == target.port() ? "" : "。所连端口 " + target.port() + " 与数据库服务器的端口 " + port
                    + " 不同：如经连接池（PgBouncer 等）连接，池中空闲的服务器连接也计在内（显示其上一个客户的名字）——"
                    + "请直接连接 PostgreSQL 恢复，或先在连接池的管理控制台对该库执行 KILL 再 RESUME";
        } catch (SQLException e) {
            return "";
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String sample(List<String> tables) {
        List<String> names = tables.stream().map(t -> t.startsWith("public.") ? t.substring(7) : t).toList();
        return String.join("、", names.subList(0, Math.min(5, names.size()))) + (names.size() > 5 ? " 等" : "");
    }

    private static String size(Path file) {
        try {
            long bytes = Files.size(file);
            return bytes >= 1 << 20 ? String.format("%.1f MB", bytes / 1048576.0) : String.format("%.1f KB", bytes / 1024.0);
        } catch (IOException e) {
            return "大小未知";
        }
    }

    /** {@link #createPrivately}, or a refusal naming the backup's path and why it cannot be written there. */
    private static void createWritable(Path part, Path out) throws IOException {
        try {
            createPrivately(part);
        } catch (java.nio.file.FileSystemException e) {   // no permission, /proc, a read-only file system…
            Path dir = part.getParent();
            String why = e instanceof java.nio.file.AccessDeniedException ? "目录 " + dir + " 不可写（没有权限）"
                    : e instanceof java.nio.file.NoSuchFileException ? "目录 " + dir + " 中不能建立文件"
                    : "目录 " + dir + " 不可写（" + e.getReason() + "）";
            throw new BadInput("无法写入备份文件 " + out + "：" + why + "，未写入任何内容。请换一个可写的目录，或改正该目录的权限");
        }
    }

    /** Creates {@code file} empty with mode 0600 (on a file system without POSIX modes: as the system makes it). */
    private static void createPrivately(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover part file is named as such
        }
    }
}
