/**
 * The project register: projects, monthly progress, the facts they add to a unit's month, import/export; lock means final for months in the sums.
 */
@org.springframework.modulith.ApplicationModule(displayName = "项目库 Projects", allowedDependencies = {"account", "indicator", "intake", "platform", "progress", "region"})
package org.anju.project;
