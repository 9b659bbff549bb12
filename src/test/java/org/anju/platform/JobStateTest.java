package org.anju.platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a job counts as, and what a page shows of it (issue 15): plain logic, no database. */
class JobStateTest {

    static Jobs.Snapshot running(long done, long total) {
        return new Jobs.Snapshot("id", "导入", Jobs.PLAN_STAGES, JobState.RUNNING, "校验", done, total, 0, null, null);
    }

    @Test
    void percentOfTheStagesRows() {
        assertThat(running(0, 0).percent()).as("not counted").isZero();
        assertThat(running(1, 3).percent()).isEqualTo(33);
        assertThat(running(22_000, 22_000).percent()).isEqualTo(100);
        assertThat(running(5, 4).percent()).as("never beyond 100").isEqualTo(100);
        assertThat(running(3_000_000_000L, 4_000_000_000L).percent()).as("large counts").isEqualTo(75);
    }

    @Test
    void aJobNotHeardOfForLongerThanTheTimeoutIsInterrupted() {
        assertThat(JobState.RUNNING.seenAfter(14_999, 15_000)).isEqualTo(JobState.RUNNING);
        assertThat(JobState.RUNNING.seenAfter(15_001, 15_000)).isEqualTo(JobState.INTERRUPTED);
        assertThat(JobState.QUEUED.seenAfter(60_000, 15_000)).isEqualTo(JobState.INTERRUPTED);
        // an ended job stays as it ended, however old
        assertThat(JobState.FINISHED.seenAfter(3_600_000, 15_000)).isEqualTo(JobState.FINISHED);
        assertThat(JobState.FAILED.seenAfter(3_600_000, 15_000)).isEqualTo(JobState.FAILED);
        assertThat(List.of(JobState.values())).extracting(JobState::label)
                .containsExactly("排队中", "进行中", "已完成", "失败", "中断");
    }

    @Test
    void aFailureKeepsTheRefusalsKindAndWordsAndAFilesProblems() {
        Jobs.Failure conflict = Jobs.Failure.of(new Conflict("该文件已导入，不能重复提交"));
        assertThat(conflict).isEqualTo(new Jobs.Failure("CONFLICT", "该文件已导入，不能重复提交", List.of()));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(Jobs.Failure.of(new BadInput("年度不对")).status()).isEqualTo(400);

        class FileProblems extends RuntimeException implements ListsProblems {
            FileProblems() {
                super("第 3 行：地区不明\n第 9 行：数字不对");
            }

            @Override
            public List<String> problemTexts() {
                return List.of("第 3 行：地区不明", "第 9 行：数字不对");
            }
        }
        Jobs.Failure input = Jobs.Failure.of(new FileProblems());
        assertThat(input.kind()).isEqualTo(Jobs.Failure.INPUT);
        assertThat(input.problems()).containsExactly("第 3 行：地区不明", "第 9 行：数字不对");
        assertThat(input.status()).isEqualTo(400);

        Jobs.Failure bug = Jobs.Failure.of(new NullPointerException());
        assertThat(bug.fault()).isTrue();
        assertThat(bug.status()).isEqualTo(500);
        assertThat(bug.message()).startsWith("服务器内部出错（错误编号 ");

        // shown on the page as a reason, or thrown on as the refusal it was (403, 404) or a bug (500)
        assertThat(conflict.shownOnPage()).isTrue();
        assertThat(input.shownOnPage()).isTrue();
        Jobs.Failure denied = Jobs.Failure.of(new Denied("无权写入信州区的数据"));
        assertThat(denied.shownOnPage()).isFalse();
        assertThat(denied.asException()).isInstanceOf(Denied.class).hasMessage("无权写入信州区的数据");
        assertThat(Jobs.Failure.of(new NotFound("预览不存在")).asException()).isInstanceOf(NotFound.class);
        assertThat(bug.shownOnPage()).isFalse();
        assertThat(bug.asException()).isNotInstanceOf(Refusal.class);

        Jobs.Failure gone = Jobs.Failure.interrupted();
        assertThat(gone.message()).isEqualTo("导入中断：处理它的服务器已停止，未写入任何数据；请重新导入");
        assertThat(gone.status()).isEqualTo(409);
        assertThat(new Jobs.Snapshot("id", "导入", List.of(), JobState.INTERRUPTED, "中断", 0, 0, 0, gone, null).view())
                .extracting(Jobs.View::state, Jobs.View::stateName, Jobs.View::message)
                .containsExactly("INTERRUPTED", "中断", gone.message());

        // an import that wrote, whose node died before storing the result: 已完成, said plainly, never 中断
        Jobs.Failure written = Jobs.Failure.written();
        assertThat(written.message()).contains("导入已写入").contains("不要重复导入").doesNotContain("未写入");
        assertThat(written.shownOnPage()).isTrue();
        assertThat(written.status()).isEqualTo(409);
        assertThat(written.asException()).isInstanceOf(Conflict.class).hasMessage(written.message());
        assertThat(new Jobs.Snapshot("id", "导入", List.of(), JobState.FINISHED, "完成", 0, 0, 0, written, null).view())
                .extracting(Jobs.View::state, Jobs.View::stateName, Jobs.View::message)
                .containsExactly("FINISHED", "已完成", written.message());
    }

    /** A stopping node drains first (imports still taken), then finishes its jobs, then stops its web server. */
    @Test
    void jobsStopAfterTheDrainAndBeforeTheWebServer() {
        assertThat(Jobs.PHASE).isLessThan(ShutdownDrain.PHASE).isGreaterThan(
                org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
    }
}
