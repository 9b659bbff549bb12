package org.anju.platform;

import java.util.function.Supplier;

/**
 * What a long-running job (an import started from a page) is doing now, for the page that polls it: the
 * stage (读取文件, 识别表格, 解析地区和指标, 校验, 写入) and how many of the stage's rows are done. Code deep in an
 * import reports with the static methods; outside a job they do nothing, so the command line, the API and tests
 * run the same code unobserved.
 */
public final class JobProgress {

    static final ScopedValue<Job> CURRENT = ScopedValue.newInstance();

    private JobProgress() {
    }

    /** Counts a stage's steps: a plain counter inside a job, nothing outside one. */
    public interface Steps {
        void step();
    }

    private static final Steps NONE = () -> {
    };

    /**
     * Enters a stage with {@code total} steps (rows; 0 when not counted) and returns its counter. Look the job up
     * once per stage, not per row: reading an unbound scoped value walks the stack, which 22,000 rows would feel.
     */
    public static Steps stage(String name, long total) {
        if (!CURRENT.isBound()) {
            return NONE;
        }
        Job job = CURRENT.get();
        job.stage(name, total);
        return () -> job.step(1);
    }

    /** Runs {@code work} reporting to {@code job}. */
    static <T> T reporting(Job job, Supplier<T> work) {
        return ScopedValue.where(CURRENT, job).call(work::get);
    }
}
