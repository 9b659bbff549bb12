/**
 * The dashboard page: a region's month at a glance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "总览 Dashboard", allowedDependencies = {"account", "platform", "indicator", "progress", "project", "region", "reminder", "report"})
package org.anju.dashboard;
