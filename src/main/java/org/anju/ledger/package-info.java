/**
 * 台账 (issue 13): items to rectify within a deadline — audit findings, petitions, overdue resettlement, late delivery,
 * dangerous buildings — on one engine with kind-specific fields as data; 棚改 project identification against the
 * notice's exclusion checklist; 国有土地上房屋征收与补偿 projects with per-household agreements and signing rates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "台账 Ledgers", allowedDependencies = {"account", "calendar", "intake", "platform", "privacy", "project", "region"})
package org.anju.ledger;
