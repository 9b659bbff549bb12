/**
 * Rankings, lagging units, milestone checks, projections, stalled projects and overdue deliveries of a region's units.
 */
@org.springframework.modulith.ApplicationModule(displayName = "督导 Supervision", allowedDependencies = {"account", "platform", "indicator", "plan", "progress", "project", "region"})
package org.anju.supervision;
