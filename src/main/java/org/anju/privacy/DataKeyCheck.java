package org.anju.privacy;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * At every start — the web app and every command — checks that this process's personal-data keys are the ones the
 * database's data is sealed with, and refuses to start when they are not ({@link DataKeyProblem}). Without it a node
 * with another key (a restore into a new data directory generates one; a mistyped {@code ANJU_DATA_KEY} on one node)
 * started normally, failed on every sealed value with "数据被改动", and sealed new values no other node could open.
 *
 * <p>How: each key version seals a fixed text into {@code data_key_check} once; a start opens the row of every version
 * it has. A version without a row yet (the first start, a new version, a database from before this check) gets one
 * only after one value of that version already stored in a personal-data column, if any, opened with the key — opened
 * to test the key, never kept, shown or logged. Two nodes starting at once with different keys: the row of the first
 * stands, the other is refused. Versions the database has and this process does not are left alone: a retired key
 * after {@code privacy reencrypt}, and values still sealed with it say so when they are read.
 */
@Component
@Lazy(false)   // commands start lazily (org.anju.cli.Cli): a command must not write with a wrong key either
class DataKeyCheck implements SmartInitializingSingleton {

    private final JdbcClient jdbc;
    private final DataCipher cipher;
    private final List<PersonalColumns> columns;

    DataKeyCheck(JdbcClient jdbc, DataCipher cipher, List<PersonalColumns> columns) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.columns = columns;
    }

    @Override
    public void afterSingletonsInstantiated() {
        check();
    }

    void check() {
        DataKeys keys = cipher.keys();
        for (int version : keys.versions()) {
            byte[] stored = stored(version).orElse(null);
            if (stored == null) {
                sealedBefore(version).ifPresent(s -> {
                    try {
                        cipher.open(s.column(), s.value());
                    } catch (IllegalStateException e) {
                        throw refusal(keys, version, s.column().table() + "." + s.column().column());
                    }
                });
                jdbc.sql("insert into data_key_check (version, sealed) values (?, ?) on conflict (version) do nothing")
                        .params(version, cipher.sealCheck(version)).update();
                stored = stored(version).orElseThrow();   // ours, or another node's that was first
            }
            try {
                cipher.openCheck(stored);
            } catch (IllegalStateException e) {
                throw refusal(keys, version, "data_key_check");
            }
        }
    }

    private Optional<byte[]> stored(int version) {
        return jdbc.sql("select sealed from data_key_check where version = ?").param(version).query(byte[].class)
                .optional();
    }

    /** A column holding a value sealed with {@code version}, with that value; empty when none does. */
    private Optional<Sealed> sealedBefore(int version) {
        for (PersonalColumns declared : columns) {
            for (Column c : declared.columns()) {
                Optional<byte[]> value = jdbc.sql("select %s from %s where %1$s is not null and get_byte(%1$s, 0) = ? limit 1"
                        .formatted(c.column(), c.table())).param(version).query(byte[].class).optional();
                if (value.isPresent()) {
                    return Optional.of(new Sealed(c, value.get()));
                }
            }
        }
        return Optional.empty();
    }

    private record Sealed(Column column, byte[] value) {
    }

    private static DataKeyProblem refusal(DataKeys keys, int version, String where) {
        String description = "个人信息加密密钥与数据库不符：第 " + version + " 版密钥（来自" + keys.source() + "）打不开数据库中用第 "
                + version + " 版密钥加密的数据（" + where + "）。用它启动，已有的个人信息都读不出，新写入的其他节点也读不了，"
                + "所以应用未启动";
        String action = keys.generated() != null
                ? "本次启动在 " + keys.generated() + " 生成了新密钥，而数据库里已有用原密钥加密的数据（把备份恢复到新的数据目录时会这样）。"
                  + "停止应用，用原安装的密钥文件替换 " + keys.generated() + "（或以 ANJU_DATA_KEY / ANJU_DATA_KEY_FILE 给出原密钥），再启动。"
                : "使用写入这些数据的那把密钥：每个应用节点、命令行和恢复后的安装须用同一把（ANJU_DATA_KEY 或 ANJU_DATA_KEY_FILE，"
                  + "内置数据库为数据目录中的 data-key）。原密钥丢失则已加密的个人信息无法恢复。";
        return new DataKeyProblem(description, action);
    }
}
