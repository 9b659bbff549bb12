/**
 * Units' monthly figures and their subtree roll-ups (written at submit/return, never computed on read), which units reported, targets from plans, rates, figure limits, the shared register-table reader; pages and API /progress.
 */
@org.springframework.modulith.ApplicationModule(displayName = "进度汇总 Progress", allowedDependencies = {"account", "indicator", "intake", "plan", "platform", "region"})
package org.anju.progress;
