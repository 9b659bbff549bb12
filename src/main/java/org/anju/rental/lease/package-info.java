/**
 * 公租房租赁 (issue 12): leases of public rental dwellings to qualified households — the rent from the dwelling's
 * standard and the city's reductions, monthly bills and payments, arrears, 年审, exits (voluntary, no longer eligible
 * with a 搬迁期, violations with the regulation's penalties and a 失信 ban) and the month's figures. A city's lease rules
 * are files the city uploads ({@link org.anju.rental.lease.LeaseRules}, kept by
 * {@link org.anju.rental.application.CityRules} and read through {@link org.anju.rental.lease.LeaseRuleBook}); what they
 * do not state is refused.
 * {@link org.anju.rental.lease.Leases} is the service and checks access itself.
 */
package org.anju.rental.lease;
