package org.anju.plan.imports;

import org.anju.intake.InputProblem;
import org.anju.plan.check.Finding;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import found and did. With problems nothing was written; with {@code committed} false and
 * no problems it was a preview (dry run).
 *
 * @param batchId the stored file (a committed import, or a preview kept for a later commit); null otherwise
 */
public record ImportResult(String fileName, String format, String encoding, boolean committed, Long batchId,
                           Long planId, PlanSummary plan, List<TableSummary> tables, List<Problem> problems,
                           List<Finding> findings) {

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The plan as it is or would be stored. */
    public record PlanSummary(String title, String issuerCode, String issuerRegion, String issuerName,
                              String documentNumber, LocalDate issuedOn, int firstYear, int lastYear,
                              String parentPlan, boolean existing) {
    }

    public record TableSummary(int seq, String label, String title, String unitLine, List<String> columns,
                               int rows, int figures, String sheet, Integer firstRow) {
    }

    /** An input problem with its description, for JSON and pages. */
    public record Problem(String file, String sheet, Integer row, Integer column, String message, String text) {
        static Problem of(InputProblem p) {
            return new Problem(p.file(), p.sheet(), p.row(), p.column(), p.message(), p.describe());
        }
    }
}
