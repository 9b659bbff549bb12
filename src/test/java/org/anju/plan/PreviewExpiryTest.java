package org.anju.plan;

import org.anju.AnjuTest;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Import previews kept the whole upload forever (issue 10): an uncommitted one expires after a day and is deleted. */
@AnjuTest
@TestPropertySource(properties = {"anju.test.database=preview_expiry", "anju.import.preview-hours=24"})
class PreviewExpiryTest {

    @Autowired
    Plans plans;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;

    long preview(String name) {
        Region shangrao = regions.byCode("361100").orElseThrow();
        return plans.recordBatch(name, "CSV", "UTF-8", "0", "地区,套数\n".getBytes(StandardCharsets.UTF_8), false, null,
                null, shangrao);
    }

    void age(long id, int hours) {
        jdbc.sql("update import_batch set created_at = now() - make_interval(hours => ?) where id = ?").params(hours, id).update();
    }

    boolean stored(long id) {
        return jdbc.sql("select count(*) from import_batch where id = ?").param(id).query(Integer.class).single() == 1;
    }

    @Test
    void anUncommittedPreviewExpiresAndItsFileIsDeleted() {
        long fresh = preview("新.csv");
        age(fresh, 23);
        assertThat(plans.batch(fresh)).isPresent();

        long stale = preview("旧.csv");
        age(stale, 25);
        assertThatThrownBy(() -> plans.batch(stale)).isInstanceOf(IllegalStateException.class)
                .hasMessage("文件“旧.csv”的预览已过期（超过 24 小时未提交），上传的文件已删除；请重新上传");
        assertThat(stored(stale)).isFalse();
        // a commit that was already under way when its preview expired rolls back rather than keep a plan without its file
        assertThatThrownBy(() -> plans.markBatchCommitted(stale, null, "迟到的提交")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("已提交或已过期删除");

        // nobody asks for an old preview again: the next upload sweeps it away; committed files stay
        long forgotten = preview("忘了.csv");
        age(forgotten, 48);
        long committed = preview("已导入.csv");
        plans.markBatchCommitted(committed, null, "已导入");
        age(committed, 48);
        preview("下一个.csv");
        assertThat(stored(forgotten)).isFalse();
        assertThat(stored(committed)).isTrue();
        assertThat(stored(fresh)).isTrue();
    }
}
