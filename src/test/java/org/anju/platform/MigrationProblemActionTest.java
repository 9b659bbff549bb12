package org.anju.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failed migration's report tells the operator to do depends on why it failed: a failure of the moment is a
 * restart, not a restore that loses what was written since the backup (review of the twenty-first session, M3).
 */
class MigrationProblemActionTest {

    @Test
    void aFailureOfTheMomentIsARestartNotARestore() {
        for (String state : new String[]{"55P03", "57014", "40P01", "53100", "08006", "58030"}) {
            assertThat(MigrationProblem.action(state, true)).as(state)
                    .startsWith("原因是一时的：").contains("不需要恢复备份", "重新启动本版本即可").doesNotContain("restore");
        }
        assertThat(MigrationProblem.action("55P03", true)).contains("等锁超时", "旧版本节点");
    }

    @Test
    void aStructureOrDataItDoesNotExpectIsTheBackupsCase() {
        for (String state : new String[]{"42P07", "23505", "22003", "XX000", null}) {
            assertThat(MigrationProblem.action(state, true)).as(state)
                    .contains("restore --in 备份文件 --replace", "不要运行 Flyway 的 repair");
        }
        // a migration outside a transaction may have partly taken effect, whatever the cause
        assertThat(MigrationProblem.action("55P03", false)).contains("restore --in 备份文件 --replace");
    }
}
