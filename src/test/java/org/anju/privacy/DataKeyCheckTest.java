package org.anju.privacy;

import org.anju.AnjuTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The start refuses keys that are not the ones the database's personal data is sealed with (issue 15, sixth session: an
 * operator restored a backup into a new data directory; the start generated a new key and the 征收 export failed with
 * "数据被改动"). The same context as {@link PersonalDataTest} (two key versions); changes to {@code data_key_check} are
 * made in transactions rolled back.
 */
@AnjuTest
@TestPropertySource(properties = {"anju.test.database=privacy",
        "anju.privacy.key=1:" + DataKeysTest.K1 + ",2:" + DataKeysTest.K2})
class DataKeyCheckTest {

    static final Column PROBE = new Column("key_check_probe", "phone_enc", PersonalField.PHONE);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataCipher cipher;
    @Autowired
    PlatformTransactionManager transactions;

    static DataCipher cipher(String keys) {
        return new DataCipher(DataKeys.of(DataKeys.parse(keys, "测试密钥"), 1, "测试密钥"));
    }

    static String randomKey() {
        byte[] k = new byte[32];
        new java.security.SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    DataKeyCheck check(DataCipher with, Column... columns) {
        return new DataKeyCheck(jdbc, with, List.of(() -> List.of(columns)));
    }

    void rolledBack(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            work.run();
            status.setRollbackOnly();
        });
    }

    @Test
    void theStartSealedACheckPerVersionAndTheSameKeysPassIt() {
        assertThat(jdbc.sql("select version from data_key_check order by version").query(Integer.class).list())
                .containsExactly(1, 2);
        check(cipher).check();
        check(cipher("1:" + DataKeysTest.K1 + ",2:" + DataKeysTest.K2)).check();
    }

    @Test
    void anotherKeyUnderAVersionTheDatabaseHasIsRefused() {
        DataCipher wrong = cipher("1:" + DataKeysTest.K1 + ",2:" + randomKey());
        assertThatThrownBy(() -> check(wrong).check()).isInstanceOf(DataKeyProblem.class)
                .hasMessageContaining("第 2 版密钥（来自测试密钥）打不开数据库中用第 2 版密钥加密的数据（data_key_check）")
                .satisfies(e -> assertThat(((DataKeyProblem) e).action()).contains("ANJU_DATA_KEY").contains("同一把"));
        // a key of version 1 only — a node not yet given version 2 during a rotation — checks what it has
        check(cipher("1:" + DataKeysTest.K1)).check();
    }

    @Test
    void aKeyThisStartGeneratedIsToldToGiveWayToTheOriginal(@TempDir Path dir) {
        DataKeys generated = DataKeys.load(null, null, 1, false, false, dir);
        assertThat(generated.generated()).isEqualTo(dir.toAbsolutePath().resolve(DataKeys.FILE));
        assertThatThrownBy(() -> check(new DataCipher(generated)).check()).isInstanceOf(DataKeyProblem.class)
                .hasMessageContaining("第 1 版密钥（来自数据目录中的 " + dir.toAbsolutePath().resolve(DataKeys.FILE) + "）打不开")
                .satisfies(e -> assertThat(((DataKeyProblem) e).action())
                        .contains("本次启动在 " + dir.toAbsolutePath().resolve(DataKeys.FILE) + " 生成了新密钥")
                        .contains("用原安装的密钥文件替换"));
        // the file is there now: the next start reads it, generates nothing, and is refused with the general advice
        assertThat(DataKeys.load(null, null, 1, false, false, dir).generated()).isNull();
    }

    @Test
    void aDatabaseWithoutChecksIsCheckedOnItsSealedValuesFirst() {
        rolledBack(() -> {
            jdbc.sql("delete from data_key_check").update();
            jdbc.sql("create table key_check_probe (phone_enc bytea)").update();
            DataCipher original = cipher("1:" + DataKeysTest.K1);
            jdbc.sql("insert into key_check_probe values (null), (?)").param(original.seal(PROBE, "13812341234")).update();
            assertThatThrownBy(() -> check(cipher("1:" + randomKey()), PROBE).check()).isInstanceOf(DataKeyProblem.class)
                    .hasMessageContaining("打不开数据库中用第 1 版密钥加密的数据（key_check_probe.phone_enc）");
            assertThat(jdbc.sql("select count(*) from data_key_check").query(Integer.class).single()).isZero();
            check(original, PROBE).check();
            assertThat(jdbc.sql("select version from data_key_check").query(Integer.class).list()).containsExactly(1);
        });
    }

    @Test
    void onAnEmptyDatabaseTheFirstKeyStandsAndAnotherIsRefusedAfterIt() {
        rolledBack(() -> {
            jdbc.sql("delete from data_key_check").update();
            check(cipher("1:" + DataKeysTest.K1)).check();
            assertThatThrownBy(() -> check(cipher("1:" + randomKey())).check()).isInstanceOf(DataKeyProblem.class);
        });
    }
}
