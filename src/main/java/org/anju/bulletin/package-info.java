/**
 * Bulletins (通报) composed from the data with the reader's rights, the issuer's own section, DOCX and XLSX.
 */
@org.springframework.modulith.ApplicationModule(displayName = "通报 Bulletins", allowedDependencies = {"account", "indicator", "ledger :: expropriation", "ledger :: item", "platform", "progress", "project", "region", "report", "supervision"})
package org.anju.bulletin;
