package org.anju.account;

import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one sentence every stale refusal is said in ({@link LastChange#refusal(String, int, int, Supplier, String)}):
 * the sites built it by hand in three orders, and a version sent ahead was said twice — "没有第 5 版（现为第 4 版），请刷新后
 * 重试（提交的版本 5）" (review 25 L4). Pure: who changed the row is given, not read.
 */
class StaleRefusalTest {

    static final Supplier<String> ZHANG = () -> "已被张三（zs）于 12月4日 14:03修改";

    @Test
    void aLaterVersionNamesTheChangeThenTheAdviceThenBothVersions() {
        assertThat(LastChange.refusal("该花名册", 3, 4, ZHANG, "请刷新后重试"))
                .isEqualTo("该花名册已被张三（zs）于 12月4日 14:03修改，请刷新后重试（当前版本 4，提交的版本 3）");
    }

    @Test
    void aSitesOwnAdviceIsKept() {
        assertThat(LastChange.refusal("合同 HT-1 ", 0, 2, ZHANG, "请刷新后核对"))
                .isEqualTo("合同 HT-1 已被张三（zs）于 12月4日 14:03修改，请刷新后核对（当前版本 2，提交的版本 0）");
    }

    @Test
    void aVersionAheadSaysBothVersionsOnceAndNamesNobody() {
        assertThat(LastChange.refusal("该花名册", 5, 4, ZHANG, "请刷新后重试"))
                .isEqualTo("该花名册没有第 5 版（现为第 4 版），请刷新后重试");
    }

    @Test
    void aVersionAheadDoesNotAskWhoChangedTheRow() {
        Supplier<String> never = () -> {
            throw new AssertionError("nobody changed the row after that read: the trail is not to be read");
        };
        assertThat(LastChange.refusal("该户信息", 1, 0, never, "请刷新后重试"))
                .isEqualTo("该户信息没有第 1 版（现为第 0 版），请刷新后重试");
    }

    @Test
    void aVersionThatCameWithALinkIsCalledSo() {
        // a download link made from the page: the user submitted nothing (review 26 L3)
        assertThat(LastChange.refusal("通报草稿", 3, 4, ZHANG, "请刷新页面后再下载", "链接的版本"))
                .isEqualTo("通报草稿已被张三（zs）于 12月4日 14:03修改，请刷新页面后再下载（当前版本 4，链接的版本 3）");
    }

    @Test
    void theVersionThereItselfIsNotAhead() {
        // only a version the row never had is said as missing: the boundary is "ahead", not "different"
        assertThat(LastChange.refusal("该申请", 4, 4, () -> "已被王五（xz）于 14:03办理", "请刷新后重试"))
                .isEqualTo("该申请已被王五（xz）于 14:03办理，请刷新后重试（当前版本 4，提交的版本 4）");
    }
}
