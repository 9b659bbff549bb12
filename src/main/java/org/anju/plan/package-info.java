/**
 * Plans (目标任务分解) with their breakdown tables, targets and roll-ups, milestones, stated totals, import batches; import (plan.imports), checks (plan.check) and export (plan.export), each a named interface; pages and API in plan.web.
 */
@org.springframework.modulith.ApplicationModule(displayName = "计划 Plans", allowedDependencies = {"account", "indicator", "intake", "platform", "region"})
package org.anju.plan;
