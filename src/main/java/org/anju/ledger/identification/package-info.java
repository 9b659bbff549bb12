/**
 * 棚改项目认定: a province's or city's 认定 notice as a checklist file ({@link org.anju.ledger.identification.Checklists}),
 * and the identification of a 棚改 project of the register against the checklist in force on a day
 * ({@link org.anju.ledger.identification.Identifications}): every clause answered with a reason and evidence, the
 * positive facts recorded, the decision made by the level above, every refusal naming its clause.
 */
package org.anju.ledger.identification;
