/**
 * Demo data from the seeds, loaded as the system on an empty database when anju.demo.enabled, and the banner that marks it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "演示数据 Demo", allowedDependencies = {"account", "indicator", "plan", "plan :: imports", "platform", "project", "region", "report"})
package org.anju.demo;
