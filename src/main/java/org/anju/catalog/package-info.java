/**
 * Pages and REST API over the reference data — regions (tree, search, name resolution, new units and aliases) and indicators. Kept apart from region and indicator so that those stay below account (account needs Region; these pages need Access).
 */
@org.springframework.modulith.ApplicationModule(displayName = "参考数据页面 Catalog", allowedDependencies = {"account", "region", "indicator", "platform"})
package org.anju.catalog;
