package org.anju.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.platform.Jobs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An import job started from a page, as JSON, on any node of a cluster (the job is a row of {@code import_job}):
 * its owner alone sees it; anyone else, like a missing or expired id, gets 404.
 */
@RestController
@Tag(name = "导入任务", description = "页面发起的导入任务的进度：阶段、已处理行数、状态（排队中、进行中、已完成、失败、中断）和原因")
class ImportJobApi {

    private final Jobs jobs;
    private final Access access;

    ImportJobApi(Jobs jobs, Access access) {
        this.jobs = jobs;
        this.access = access;
    }

    @GetMapping("/api/import-jobs/{jobId}")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "本人发起的导入任务的当前状态；他人的、不存在的或已过期（结束 30 分钟后）的任务返回 404")
    Jobs.View job(@io.swagger.v3.oas.annotations.Parameter(description = "任务编号（UUID，如 3f2b…-…）：导入开始后页面地址 "
            + "/imports/jobs/{jobId} 或 /projects/import/jobs/{jobId} 中的那一段") @PathVariable String jobId) {
        return jobs.get(jobId, access.current().username()).view();
    }
}
