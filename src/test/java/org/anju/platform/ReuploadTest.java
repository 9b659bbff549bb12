package org.anju.platform;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReuploadTest {

    @Test
    void lineEndingsAndTheLastLinesEndDoNotMakeAnotherFile() {
        assertThat(Reupload.same("城市\t320300\n名称\t甲\n", "城市\t320300\r\n名称\t甲\r\n")).isTrue();
        assertThat(Reupload.same("城市\t320300\n名称\t甲\n", "城市\t320300\r名称\t甲")).isTrue();
        assertThat(Reupload.same("城市\t320300\n名称\t甲", "城市\t320300\n名称\t甲\n\n")).isTrue();
        assertThat(Reupload.same("\uFEFF城市\t320300\n", "城市\t320300\n")).isTrue();
    }

    @Test
    void anyOtherDifferenceDoes() {
        assertThat(Reupload.same("名称\t甲\n", "名称\t甲 \n")).isFalse();
        assertThat(Reupload.same("名称\t甲\n", "名称\t乙\n")).isFalse();
        assertThat(Reupload.same("名称\t甲\n", "\n名称\t甲\n")).isFalse();
        assertThat(Reupload.same("名称\t甲\n\n条款\t1", "名称\t甲\n条款\t1")).isFalse();
    }

    @Test
    void theRefusalNamesTheStoredVersionInBeijingTime() {
        Conflict c = Reupload.refusal("a.tsv", "轮候规则“甲”（2024年1月1日起）", "张三（zhang）", Instant.parse("2026-12-03T16:05:00Z"));
        assertThat(c).hasMessage("a.tsv：与张三（zhang）于 2026-12-04 00:05 上传的轮候规则“甲”（2024年1月1日起）内容相同，未重复保存。"
                + "如要修改，请上传改过的文件");
    }
}
