package org.anju.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** Labels printed in Traditional characters (reposts from Hong Kong or Taiwan sites) compare equal to ours. */
class TraditionalSimplifiedTest {

    @Test
    void theCommittedTableIsWhatIcuGenerates() throws IOException {
        assertThat(Files.readString(TraditionalSimplifiedTable.FILE, StandardCharsets.UTF_8))
                .as("regenerate with TraditionalSimplifiedTable.main")
                .isEqualTo(TraditionalSimplifiedTable.generate());
    }

    @Test
    void traditionalLabelsCompactToTheSimplifiedForm() {
        assertThat(Labels.compact("合 計")).isEqualTo("合计");
        assertThat(Labels.compact("貴州")).isEqualTo(Labels.compact("贵州"));
        assertThat(Labels.compact("內蒙古")).isEqualTo("内蒙古");
        assertThat(Labels.compact("兵團")).isEqualTo("兵团");
        assertThat(Labels.compact("新開工小區數（個）")).isEqualTo("新开工小区数(个)");
        assertThat(Labels.compact("黑龍江")).isEqualTo("黑龙江");
        // a simplified name that the table maps on (乾 → 干) still equals itself: both sides are compacted
        assertThat(Labels.compact("乾安县")).isEqualTo(Labels.compact("乾安縣"));
        assertThat(Labels.compact("ＡＢ１２")).isEqualTo("AB12");
    }

    @Test
    void pinyinGluedInByARepostSiteIsDropped() {
        // seen on a repost of 住建部's 2023-06 progress table: 內(nèi)蒙古, 新開工小區(qū)數(shù)(個)
        assertThat(Labels.compact("內(nèi)蒙古")).isEqualTo("内蒙古");
        assertThat(Labels.compact("新開工小區(qū)數(shù)(個)")).isEqualTo("新开工小区数(个)");
        assertThat(Labels.compact("城鎮(zhèn)老舊小區(qū)")).isEqualTo("城镇老旧小区");
        // brackets that hold no toned syllable stay
        assertThat(Labels.compact("面积(万平方米)")).isEqualTo("面积(万平方米)");
        assertThat(Labels.compact("新区(km)")).isEqualTo("新区(km)");
    }
}
