/**
 * Monthly reports and their workflow (draft → submitted → approved → locked, returned or reopened by the level above), the inbox, completeness and timeliness, plausibility flags, report import.
 */
@org.springframework.modulith.ApplicationModule(displayName = "月报 Reports", allowedDependencies = {"account", "indicator", "intake", "platform", "progress", "project", "region"})
package org.anju.report;
