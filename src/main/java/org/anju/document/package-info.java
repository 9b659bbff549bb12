/**
 * Official documents (党政机关公文) in the layout of GB/T 9704-2012: a generic model ({@link org.anju.document.OfficialDocument})
 * any feature fills (the 通报 now, the 月报告 and ledger notices later) and its two renderers, Word (DOCX) and PDF with
 * embedded free CJK fonts. Knows nothing of regions, reports or bulletins.
 */
@org.springframework.modulith.ApplicationModule(displayName = "公文 Official documents", allowedDependencies = {"platform"})
package org.anju.document;
