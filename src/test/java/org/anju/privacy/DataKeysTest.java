package org.anju.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the keys come from, and the start refused — clearly, without key material — when they cannot be used. */
class DataKeysTest {

    static final String K1 = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    static final String K2 = "ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q=";

    @Test
    void theTextFormAcceptsABareKeyOrVersionedEntries() {
        assertThat(DataKeys.parse(K1, "测试").keySet()).containsExactly(1);
        assertThat(DataKeys.parse("1:" + K1 + ",2:" + K2, "测试").keySet()).containsExactly(1, 2);
        assertThat(DataKeys.parse("# 注释\n1:" + K1 + "\n\n  2:" + K2 + "  \n", "测试").keySet()).containsExactly(1, 2);
        assertThat(DataKeys.parse("7:" + Base64.getUrlEncoder().encodeToString(new byte[32]).replace("A", "-"), "测试").keySet())
                .containsExactly(7);
        DataKeys keys = DataKeys.of(DataKeys.parse("2:" + K2 + " 1:" + K1, "测试"), 1, "测试");
        assertThat(keys.current()).isEqualTo(2);
        assertThat(keys.indexVersion()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0e                 | 解码后为 30 字节，应为 32 字节",
            "1:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=,1:ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q= | 第 1 版密钥出现了两次",
            "0:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=           | 版本号须在 1–255 之间",
            "256:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=         | 版本号须在 1–255 之间",
            "x:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=           | 版本号不是数字",
            "1:AQIDBAUGBwgJ*gsMDQ4PEBESExQVFhcYGRobHB0eHyA=           | 不是 base64",
            "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=,2:ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q= | 每一个都须写明版本号",
    })
    void aBadKeyIsRefusedWithoutShowingIt(String text, String why) {
        assertThatThrownBy(() -> DataKeys.parse(text, "环境变量 ANJU_DATA_KEY")).isInstanceOf(DataKeyProblem.class)
                .hasMessageContaining("环境变量 ANJU_DATA_KEY").hasMessageContaining(why)
                .hasMessageNotContaining("AQIDBAUG").hasMessageNotContaining("ZWZnaGlq");
    }

    @Test
    void aTextWithOnlyCommentsHoldsNoKey() {
        assertThatThrownBy(() -> DataKeys.parse("# 只有注释\n\n", "密钥文件 k")).isInstanceOf(DataKeyProblem.class)
                .hasMessage("密钥文件 k中没有密钥");
    }

    @Test
    void anExternalDatabaseWithoutAKeyDoesNotStart(@TempDir Path dir) {
        assertThatThrownBy(() -> DataKeys.load("", "", 1, true, false, dir)).isInstanceOf(DataKeyProblem.class)
                .hasMessageContaining("使用外部数据库（anju.db.url / ANJU_DB_URL）时必须给出个人信息加密密钥")
                .satisfies(e -> assertThat(((DataKeyProblem) e).action()).contains("ANJU_DATA_KEY").contains("openssl rand -base64 32"));
        assertThat(dir.resolve(DataKeys.FILE)).doesNotExist();
        // given one, it starts
        assertThat(DataKeys.load("1:" + K1, null, 1, true, false, dir).current()).isEqualTo(1);
    }

    @Test
    void theEmbeddedDatabaseGeneratesItsKeyOnceOwnerOnly(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("anju-data");
        DataCipher first = new DataCipher(DataKeys.load(null, null, 1, false, false, data));
        Path file = data.resolve(DataKeys.FILE);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("# Anju 个人信息加密密钥").contains("\n1:");
        try (var leftovers = Files.list(data)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly(DataKeys.FILE);
        }
        byte[] sealed = first.seal(DataCipherTest.APPLICANT_ID, DataCipherTest.ID);
        // the next start (or the command line beside the app) reads the same key
        String before = Files.readString(file);
        DataCipher second = new DataCipher(DataKeys.load(" ", " ", 1, false, false, data));
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(second.open(DataCipherTest.APPLICANT_ID, sealed)).isEqualTo(DataCipherTest.ID);
    }

    @Test
    void aConfiguredKeyFileMustExistAndIsNeverCreated(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        assertThatThrownBy(() -> DataKeys.load(null, file.toString(), 1, true, false, dir))
                .isInstanceOf(DataKeyProblem.class).hasMessageContaining("个人信息密钥文件不存在").hasMessageContaining("不会自动生成")
                .hasMessageContaining("ANJU_DATA_KEY_FILE");   // the setting the operator wrote, not only the property
        assertThat(file).doesNotExist();
        // a directory is one, not a missing file (whose advice would write into it)
        assertThatThrownBy(() -> DataKeys.load(null, dir.toString(), 1, true, false, dir))
                .isInstanceOf(DataKeyProblem.class)
                .hasMessage("ANJU_DATA_KEY_FILE（anju.privacy.key-file）指向的 " + dir.toAbsolutePath() + " 是一个目录，不是密钥文件")
                .satisfies(e -> assertThat(((DataKeyProblem) e).action()).contains(dir.resolve("data-key").toString()));
        Files.writeString(file, "1:" + K1 + "\n2:" + K2 + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        DataKeys keys = DataKeys.load(null, file.toString(), 1, true, false, dir);
        assertThat(keys.versions()).containsExactly(1, 2);
        assertThat(keys.toString()).contains(file.toString()).doesNotContain("AQIDBAUG");
    }

    @Test
    void keyAndKeyFileTogetherAreAmbiguous(@TempDir Path dir) {
        assertThatThrownBy(() -> DataKeys.load("1:" + K1, dir.resolve("k").toString(), 1, true, false, dir))
                .isInstanceOf(DataKeyProblem.class).hasMessageContaining("不知道该用哪一个");
    }

    @Test
    void theIndexKeyVersionMustBeInTheRing(@TempDir Path dir) {
        assertThatThrownBy(() -> DataKeys.load("2:" + K2, null, 1, true, false, dir)).isInstanceOf(DataKeyProblem.class)
                .hasMessageContaining("盲索引使用第 1 版密钥").hasMessageContaining("[2]");
        assertThat(DataKeys.load("2:" + K2, null, 2, true, false, dir).indexVersion()).isEqualTo(2);
    }

    @Test
    void aNewKeyCanBeRolledOutBeforeItSeals(@TempDir Path dir) {
        DataKeys both = DataKeys.load("1:" + K1 + ",2:" + K2, null, 1, true, false, dir);
        assertThat(both.current()).isEqualTo(2);
        DataKeys pinned = both.encryptingWith(1);
        assertThat(pinned.current()).isEqualTo(1);
        byte[] sealed = new DataCipher(pinned).seal(DataCipherTest.APPLICANT_ID, DataCipherTest.ID);
        assertThat(DataCipher.version(sealed)).isEqualTo(1);
        assertThat(new DataCipher(both).open(DataCipherTest.APPLICANT_ID, sealed)).isEqualTo(DataCipherTest.ID);
        assertThat(both.encryptingWith(null)).isSameAs(both);
        assertThatThrownBy(() -> both.encryptingWith(3)).isInstanceOf(DataKeyProblem.class)
                .hasMessageContaining("加密使用第 3 版密钥").hasMessageContaining("[1, 2]");
    }

    @Test
    void theTestsThrowAwayDatabaseGetsAKeyInMemory(@TempDir Path dir) {
        DataKeys keys = DataKeys.load(null, null, 1, false, true, dir);
        assertThat(keys.versions()).containsExactly(1);
        assertThat(dir.resolve(DataKeys.FILE)).doesNotExist();
    }

    @Test
    void theApplicationAgainstAnExternalDatabaseWithoutAKeyStopsBeforeConnecting(@TempDir Path dir) {
        // port 1: nothing listens there — the refusal must come before any attempt to connect (arguments, as on the
        // command line: they win over application.yml's environment placeholders)
        var app = new org.springframework.boot.builder.SpringApplicationBuilder(org.anju.AnjuApplication.class)
                .web(org.springframework.boot.WebApplicationType.NONE);
        assertThatThrownBy(() -> {
            try (var started = app.run("--anju.db.url=jdbc:postgresql://127.0.0.1:1/anju", "--anju.db.user=anju",
                    "--anju.db.password=x", "--anju.db.data-dir=" + dir, "--anju.privacy.key=", "--anju.privacy.key-file=",
                    "--anju.demo.enabled=false")) {
                started.getId();
            }
        }).isInstanceOf(DataKeyProblem.class).hasMessageContaining("必须给出个人信息加密密钥");
        assertThat(dir.resolve(DataKeys.FILE)).doesNotExist();
        assertThat(org.springframework.core.io.support.SpringFactoriesLoader.forDefaultResourceLocation()
                .load(org.springframework.boot.diagnostics.FailureAnalyzer.class, null, (type, name, failure) -> {
                    // analyzers that need the application's arguments are of no interest here
                }))
                .as("the failure is explained by our analyzer (META-INF/spring.factories)")
                .anyMatch(a -> a instanceof org.anju.platform.StartupProblemFailureAnalyzer);
    }

    @Test
    void theStartFailureSaysWhatToDo() {
        var analysis = new org.anju.platform.StartupProblemFailureAnalyzer().analyze(new IllegalStateException("wrapped",
                new DataKeyProblem("使用外部数据库时必须给出个人信息加密密钥", DataKeys.ACTION)));
        assertThat(analysis.getDescription()).contains("必须给出个人信息加密密钥");
        assertThat(analysis.getAction()).contains("ANJU_DATA_KEY");
    }

    @Test
    void thePropertiesNeverPrintTheKey() {
        var p = new PrivacyProperties("1:" + K1, null, null, null, null);
        assertThat(p.toString()).doesNotContain("AQIDBAUG").contains("已设置");
        assertThat(p.indexKeyVersion()).isEqualTo(1);
        assertThat(p.reveal()).isEmpty();
    }
}
