/**
 * Bulletins (通报) composed from the data with the reader's rights, the issuer's own section, as a 公文 in DOCX and PDF (org.anju.document), and XLSX.
 */
@org.springframework.modulith.ApplicationModule(displayName = "通报 Bulletins", allowedDependencies = {"account", "document", "indicator", "ledger :: expropriation", "ledger :: item", "platform", "progress", "project", "region", "report", "supervision"})
package org.anju.bulletin;
