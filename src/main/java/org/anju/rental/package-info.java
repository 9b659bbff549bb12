/**
 * 公租房 and 租赁补贴 operations (issue 12): the reproducible lottery ({@code draw}) first; housing stock, applications
 * with 三审两公示, the waiting list, leases and subsidies follow, each with the city's rules as data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "公租房运营 Rental", allowedDependencies = {"account", "calendar", "intake", "platform", "privacy", "progress", "region"})
package org.anju.rental;
