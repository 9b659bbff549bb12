package org.anju.privacy;

import javax.crypto.KDF;
import javax.crypto.SecretKey;
import javax.crypto.spec.HKDFParameterSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The personal-data keys: numbered master keys of 32 random bytes (versions 1–255). Values are sealed with the highest
 * version and opened with the version their first byte names, so a new key is added beside the old ones and the old
 * ones keep opening what they sealed. From each master key HKDF-SHA256 (JDK {@link KDF}) derives the AES-256 key; the
 * blind-index keys (HMAC-SHA256, one per field) come from the master key of the {@code index-key-version} alone, so that
 * adding an encryption key does not change a single blind index.
 *
 * <p>The version that seals may be pinned lower ({@link #encryptingWith}) while a new key is rolled out to every node.
 *
 * <p>Text form, in a key file or {@code ANJU_DATA_KEY}: entries {@code <version>:<base64 of 32 bytes>}, separated by
 * line breaks, commas or spaces; lines starting with {@code #} are comments; a single entry without a version is
 * version 1. Where they come from ({@link #load}):
 * <ol>
 *   <li>{@code anju.privacy.key} (env {@code ANJU_DATA_KEY}), or</li>
 *   <li>{@code anju.privacy.key-file} (env {@code ANJU_DATA_KEY_FILE}): must exist — a missing file is never replaced by
 *       a new key, which would leave every stored value unreadable;</li>
 *   <li>neither, with the embedded database: {@code <data dir>/data-key}, generated at the first start with owner-only
 *       permissions like {@code pg-secret};</li>
 *   <li>neither, with an external database (production): the application refuses to start;</li>
 *   <li>the tests' throw-away database: a random key in memory.</li>
 * </ol>
 * Nothing here logs or prints key material; {@link #toString()} names versions and the source only.
 */
final class DataKeys {

    static final String FILE = "data-key";
    static final int KEY_BYTES = 32;
    private static final byte[] SALT = "anju/privacy/v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<Integer, SecretKey> encryption;
    private final Map<PersonalField, SecretKey> index;
    private final int current;
    private final int indexVersion;
    private final String source;

    private DataKeys(Map<Integer, SecretKey> encryption, Map<PersonalField, SecretKey> index, int current,
                     int indexVersion, String source) {
        this.encryption = Collections.unmodifiableMap(encryption);
        this.index = Collections.unmodifiableMap(index);
        this.current = current;
        this.indexVersion = indexVersion;
        this.source = source;
    }

    /**
     * The same keys, sealing with {@code version} instead of the highest ({@code anju.privacy.encrypt-version}, null: the
     * highest). For a rotation across several application nodes: first every node gets the new key while still sealing
     * with the old one, then every node seals with the new one — no node ever meets a value it cannot open.
     *
     * @throws DataKeyProblem when that version is not configured
     */
    DataKeys encryptingWith(Integer version) {
        if (version == null || version == current) {
            return this;
        }
        if (!encryption.containsKey(version)) {
            throw new DataKeyProblem("加密使用第 " + version + " 版密钥（anju.privacy.encrypt-version），但" + source
                    + "中没有这一版（有 " + encryption.keySet() + "）", "加入这一版密钥，或去掉 anju.privacy.encrypt-version（用最高版本）。");
        }
        return new DataKeys(encryption, index, version, indexVersion, source);
    }

    /**
     * Derives the keys from master keys by version. The masters are wiped afterwards.
     *
     * @throws DataKeyProblem when {@code indexVersion} is not among them
     */
    static DataKeys of(Map<Integer, byte[]> masters, int indexVersion, String source) {
        if (masters.isEmpty()) {
            throw new DataKeyProblem("个人信息加密密钥为空（" + source + "）", ACTION);
        }
        if (!masters.containsKey(indexVersion)) {
            throw new DataKeyProblem("盲索引使用第 " + indexVersion + " 版密钥（anju.privacy.index-key-version），但"
                    + source + "中没有这一版（有 " + new TreeMap<>(masters).keySet() + "）",
                    "保留第 " + indexVersion + " 版密钥：盲索引由它算出，删去它须重建全部盲索引。");
        }
        try {
            KDF hkdf = KDF.getInstance("HKDF-SHA256");
            Map<Integer, SecretKey> encryption = new TreeMap<>();
            for (var e : masters.entrySet()) {
                encryption.put(e.getKey(), hkdf.deriveKey("AES", HKDFParameterSpec.ofExtract().addIKM(e.getValue())
                        .addSalt(SALT).thenExpand(info("aes-256-gcm"), KEY_BYTES)));
            }
            Map<PersonalField, SecretKey> index = new EnumMap<>(PersonalField.class);
            for (PersonalField f : PersonalField.values()) {
                index.put(f, hkdf.deriveKey("HmacSHA256", HKDFParameterSpec.ofExtract().addIKM(masters.get(indexVersion))
                        .addSalt(SALT).thenExpand(info("blind-index/" + f.name()), KEY_BYTES)));
            }
            return new DataKeys(encryption, index, Collections.max(encryption.keySet()), indexVersion, source);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK 不支持 HKDF-SHA256 或 AES：无法使用个人信息加密", e);
        } finally {
            masters.values().forEach(k -> Arrays.fill(k, (byte) 0));
        }
    }

    private static byte[] info(String purpose) {
        return ("anju/privacy/" + purpose).getBytes(StandardCharsets.US_ASCII);
    }

    /** The version new values are sealed with: the highest. */
    int current() {
        return current;
    }

    int indexVersion() {
        return indexVersion;
    }

    Set<Integer> versions() {
        return encryption.keySet();
    }

    /** The AES key of {@code version}, or null when it is not configured. */
    SecretKey encryption(int version) {
        return encryption.get(version);
    }

    SecretKey index(PersonalField field) {
        return index.get(field);
    }

    @Override
    public String toString() {
        return "密钥版本 " + encryption.keySet() + "（加密用第 " + current + " 版，盲索引用第 " + indexVersion + " 版），来自" + source;
    }

    // ---- where the keys come from -------------------------------------------------------------------------

    static final String ACTION = """
            给出个人信息加密密钥（32 字节随机数的 base64，可带版本号“1:”）之一：
              环境变量 ANJU_DATA_KEY=1:$(openssl rand -base64 32)
              或 anju.privacy.key-file（环境变量 ANJU_DATA_KEY_FILE）指向一个权限为 600 的文件，每行一个“版本:base64”。
            密钥与数据库分开保管和备份：丢失密钥，已加密的个人信息无法恢复。""";

    /**
     * The keys as configured (see the class comment for the order).
     *
     * @param key        {@code anju.privacy.key} (may be blank)
     * @param keyFile    {@code anju.privacy.key-file} (may be blank)
     * @param externalDb whether an external database is configured ({@code anju.db.url})
     * @param ephemeral  the tests' throw-away database
     * @param dataDir    the embedded database's data directory
     * @throws DataKeyProblem saying what is wrong and what to do
     */
    static DataKeys load(String key, String keyFile, int indexVersion, boolean externalDb, boolean ephemeral,
                         Path dataDir) {
        boolean hasKey = key != null && !key.isBlank();
        boolean hasFile = keyFile != null && !keyFile.isBlank();
        if (hasKey && hasFile) {
            throw new DataKeyProblem("同时给出了 anju.privacy.key（ANJU_DATA_KEY）和 anju.privacy.key-file：不知道该用哪一个",
                    "只保留其中一个。");
        }
        if (hasKey) {
            return of(parse(key, "环境变量 ANJU_DATA_KEY（anju.privacy.key）"), indexVersion,
                    "环境变量 ANJU_DATA_KEY（anju.privacy.key）");
        }
        if (hasFile) {
            Path file = Path.of(keyFile.strip());
            if (!Files.isRegularFile(file)) {
                throw new DataKeyProblem("个人信息密钥文件不存在：" + file.toAbsolutePath()
                        + "（anju.privacy.key-file）。不会自动生成新密钥：已加密的数据只能用原来的密钥读取",
                        "检查路径或挂载；首次部署可生成：(umask 077; echo \"1:$(openssl rand -base64 32)\" > " + file + ")");
            }
            return of(read(file), indexVersion, "密钥文件 " + file.toAbsolutePath());
        }
        if (externalDb) {
            throw new DataKeyProblem("使用外部数据库（anju.db.url / ANJU_DB_URL）时必须给出个人信息加密密钥，"
                    + "不会把密钥生成在应用服务器上", ACTION);
        }
        if (ephemeral) {
            byte[] k = new byte[KEY_BYTES];
            RANDOM.nextBytes(k);
            return of(new TreeMap<>(Map.of(1, k)), 1, "内存（测试用一次性数据库）");
        }
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE);
        return of(readOrCreate(file), indexVersion, "数据目录中的 " + file);
    }

    /** Parses the text form; the messages name the entry's position, never its content. */
    static Map<Integer, byte[]> parse(String text, String source) {
        Map<Integer, byte[]> keys = new TreeMap<>();
        String[] lines = text.split("\\R");
        int entry = 0;
        int bare = 0;
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            for (String item : l.split("[,\\s]+")) {
                if (item.isEmpty()) {
                    continue;
                }
                entry++;
                int colon = item.indexOf(':');
                int version;
                String material;
                if (colon < 0) {
                    bare++;
                    version = 1;
                    material = item;
                } else {
                    try {
                        version = Integer.parseInt(item.substring(0, colon));
                    } catch (NumberFormatException e) {
                        throw new DataKeyProblem(source + "的第 " + entry + " 项：版本号不是数字", ACTION);
                    }
                    material = item.substring(colon + 1);
                }
                if (version < 1 || version > 255) {
                    throw new DataKeyProblem(source + "的第 " + entry + " 项：版本号须在 1–255 之间", ACTION);
                }
                byte[] k;
                try {
                    k = material.contains("-") || material.contains("_") ? Base64.getUrlDecoder().decode(material)
                            : Base64.getDecoder().decode(material);
                } catch (IllegalArgumentException e) {
                    throw new DataKeyProblem(source + "的第 " + entry + " 项不是 base64", ACTION);
                }
                if (k.length != KEY_BYTES) {
                    Arrays.fill(k, (byte) 0);
                    throw new DataKeyProblem(source + "的第 " + entry + " 项解码后为 " + k.length + " 字节，应为 32 字节（AES-256）",
                            ACTION);
                }
                if (keys.put(version, k) != null) {
                    throw new DataKeyProblem(source + "中第 " + version + " 版密钥出现了两次", ACTION);
                }
            }
        }
        if (keys.isEmpty()) {
            throw new DataKeyProblem(source + "中没有密钥", ACTION);
        }
        if (entry > 1 && bare > 0) {
            throw new DataKeyProblem(source + "中有多个密钥时，每一个都须写明版本号（如 2:base64）", ACTION);
        }
        return keys;
    }

    private static Map<Integer, byte[]> read(Path file) {
        try {
            if (posix() && !Collections.disjoint(Files.getPosixFilePermissions(file), Set.of(PosixFilePermission.GROUP_READ,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE))) {
                org.slf4j.LoggerFactory.getLogger(DataKeys.class).warn("个人信息密钥文件 {} 可被其他用户读写（{}），应为 600",
                        file.toAbsolutePath(), PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), "密钥文件 " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new DataKeyProblem("无法读取个人信息密钥文件 " + file.toAbsolutePath() + "：" + e.getClass().getSimpleName(),
                    "让运行应用的用户可以读取它（权限 600，属主为该用户）。");
        }
    }

    /**
     * The embedded installation's key file, generated at the first start: written owner-only under a temporary name
     * and linked into place, so that a second process starting at the same moment (the command line) reads the one key
     * that won, never a half-written file or a second key.
     */
    private static Map<Integer, byte[]> readOrCreate(Path file) {
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        try {
            Files.createDirectories(file.getParent());
            byte[] k = new byte[KEY_BYTES];
            RANDOM.nextBytes(k);
            String text = "# Anju 个人信息加密密钥（版本:base64）。与数据分开备份；丢失则已加密的个人信息无法恢复，泄露则须轮换。\n"
                    + "1:" + Base64.getEncoder().encodeToString(k) + "\n";
            Arrays.fill(k, (byte) 0);
            Path tmp = file.resolveSibling(FILE + "." + ProcessHandle.current().pid() + ".tmp");
            if (posix()) {
                Files.deleteIfExists(tmp);
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: use theirs
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(file)) {
                    Files.move(tmp, file);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            org.slf4j.LoggerFactory.getLogger(DataKeys.class).warn("已生成个人信息加密密钥 {}（权限 600）：请与数据库分开备份，"
                    + "丢失则已加密的个人信息无法恢复", file);
            return read(file);
        } catch (IOException e) {
            throw new DataKeyProblem("无法生成个人信息密钥文件 " + file + "：" + e.getClass().getSimpleName(),
                    "确认数据目录可写，或用 ANJU_DATA_KEY / anju.privacy.key-file 给出密钥。");
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
