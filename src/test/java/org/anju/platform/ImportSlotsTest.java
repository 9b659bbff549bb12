package org.anju.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Imports take turns (issue 10): a bounded number run, a bounded queue waits, one user holds a bounded share. */
class ImportSlotsTest {

    /** One running, one waiting, one place per user, one second's wait for an API call. */
    final ImportSlots slots = new ImportSlots(1, 1, 1, 1);

    @Test
    void aUserOverTheirShareOrANodeOverItsQueueIsRefusedAtOnce() throws Exception {
        ImportSlots.Place a = slots.reserve("a");
        assertThatThrownBy(() -> slots.reserve("a")).isInstanceOf(ImportSlots.Busy.class)
                .hasMessage("您已有 1 个导入正在进行或排队，请等其完成后再导入（未写入任何数据）");
        ImportSlots.Place b = slots.reserve("b");
        assertThatThrownBy(() -> slots.reserve("c")).isInstanceOf(ImportSlots.Busy.class)
                .hasMessage("服务器正在处理的导入较多（1 个进行中、1 个排队），请稍后重试（未写入任何数据）");

        a.awaitTurn();
        // b waits for a's slot no longer than the API call may
        assertThatThrownBy(b::awaitTurnBriefly).isInstanceOf(ImportSlots.Busy.class)
                .hasMessage("服务器正在处理的导入较多，等候超过 1 秒仍未轮到，请稍后重试（未写入任何数据）");
        b.close(); // closed already when refused: closing twice gives nothing back twice
        assertThatThrownBy(() -> slots.run("c", () -> "c")).isInstanceOf(ImportSlots.Busy.class);
        a.close();
        assertThat(slots.run("c", () -> "c")).isEqualTo("c");
    }

    @Test
    void aFinishedImportGivesItsPlaceBack() throws Exception {
        try (ImportSlots.Place a = slots.reserve("a")) {
            a.awaitTurn();
        }
        assertThat(slots.run("a", () -> "ran")).isEqualTo("ran");
        assertThat(slots.run("a", () -> "again")).isEqualTo("again");
    }
}
