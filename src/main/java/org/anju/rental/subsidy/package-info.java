/**
 * 租赁补贴 (issue 12, OPERATIONS.md §4.4, §5.2): a city's subsidy parameters as versioned data (the formula file of
 * {@link org.anju.rental.rules.SubsidyFormula} with the payment terms: 发放周期, 不足月, the bank sheet's title and unit),
 * the 补贴协议 of a qualified household (amount computed line by line, 年审, stop and resume, every change kept), the
 * county's 发放花名册 for a month or a quarter (generated in SQL, idempotent while a draft, confirmed before export), the
 * bank sheet (XLSX, plaintext personal data through {@link org.anju.privacy.PersonalData#export}), the bank's results
 * and the figures a month's report asks for. {@link org.anju.rental.subsidy.Subsidies} and
 * {@link org.anju.rental.subsidy.PaymentRolls} are the services and check access themselves.
 */
package org.anju.rental.subsidy;
