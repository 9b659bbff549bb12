/**
 * Intake: reading an uploaded file (plain text as in the seed documents, CSV/TSV in UTF-8 or GBK,
 * XLSX, XLS, DOCX) into rows of cell texts with their positions, or failing with problems that
 * name file, sheet, row and column.
 *
 * <p>Public API: {@link org.anju.intake.SourceReader} (a Spring component) returns a
 * {@link org.anju.intake.SourceDocument} of {@link org.anju.intake.SourceSheet}s of
 * {@link org.anju.intake.SourceRow}s, or throws an {@link org.anju.intake.InputException} carrying
 * {@link org.anju.intake.InputProblem}s. Nothing here interprets tables (titles, headers, regions,
 * numbers): that is the plan importer's job. Everything else in the package is package-private.
 */
@org.springframework.modulith.ApplicationModule(displayName = "读取文件 Intake", allowedDependencies = {"platform"})
package org.anju.intake;
