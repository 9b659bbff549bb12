package org.anju.platform;

/** Where an import job stands, as stored ({@code import_job.state}) and as pages name it. */
public enum JobState {
    /** Waiting for one of its node's import slots ({@link ImportSlots}). */
    QUEUED("排队中"),
    RUNNING("进行中"),
    FINISHED("已完成"),
    /** Ended with a refusal (the file's problems, a changed plan) or a fault; nothing was written. */
    FAILED("失败"),
    /**
     * Its node stopped (killed, or shut down before the job could finish) before the import wrote anything; the import
     * was rolled back (with its node's connection, or by its own commit's fence, {@link JobFence}).
     */
    INTERRUPTED("中断");

    private final String label;

    JobState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Ended: nothing more will change. */
    public boolean finished() {
        return this == FINISHED || this == FAILED || this == INTERRUPTED;
    }

    /** What a job counts as when it was last heard of {@code silentForMillis} ago (heartbeat) and the timeout is {@code timeoutMillis}. */
    public JobState seenAfter(long silentForMillis, long timeoutMillis) {
        return !finished() && silentForMillis > timeoutMillis ? INTERRUPTED : this;
    }
}
