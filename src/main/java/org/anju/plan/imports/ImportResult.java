package org.anju.plan.imports;

import org.anju.intake.InputProblem;
import org.anju.plan.check.Finding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an import found and did. With problems nothing was written; with open questions nothing can be
 * written until they are answered; with {@code committed} false and neither it was a preview (dry run).
 *
 * @param batchId   the stored file (a committed import, or a preview kept for a later commit); null otherwise
 * @param planId    the plan the targets went (or would go) to; null when the file holds no target table
 * @param progressId the progress tables stored (进展情况); null when none
 * @param plan      the plan as it is or would be stored; null when the file holds only progress tables
 * @param columns   every column of every table: what it counts, on what basis, or the question it raises
 * @param figures   every figure that is or would be stored, with its region, indicator, year and kind
 * @param questions what must be answered before anything can be stored (open columns, regions, period)
 * @param notes     what the import decided that the official should know (吉林 read as 吉林省 by level, …)
 * @param warnings  things that are allowed but likely a mistake (the same table already in another plan)
 * @param stated    totals the running text states, each with what the tables say
 */
public record ImportResult(String fileName, String format, String encoding, boolean committed, Long batchId,
                           Long planId, Long progressId, PlanSummary plan, ProgressSummary progress,
                           List<TableSummary> tables, List<ColumnLine> columns, List<FigureLine> figures,
                           List<Question> questions, List<Note> notes, List<String> warnings, List<StatedLine> stated,
                           List<Problem> problems, List<Finding> findings) {

    public ImportResult {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
        figures = List.copyOf(figures);
        questions = List.copyOf(questions);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
        stated = List.copyOf(stated);
        problems = List.copyOf(problems);
        findings = List.copyOf(findings);
    }

    /** No input problem: the file was understood (questions may still be open). */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** Understood and nothing left to answer: it can be stored. */
    public boolean complete() {
        return problems.isEmpty() && questions.isEmpty();
    }

    /** The plan as it is or would be stored. */
    public record PlanSummary(String title, String issuerCode, String issuerRegion, String issuerName,
                              String documentNumber, LocalDate issuedOn, int firstYear, int lastYear,
                              String parentPlan, boolean existing) {
    }

    /** The progress tables as they are or would be stored: whose, and as of which month. */
    public record ProgressSummary(String title, String issuerCode, String issuerRegion, String period, int tables) {
    }

    /**
     * @param kind PLAN (targets, stored in a plan) or PROGRESS (targets, actuals and rates of a month)
     */
    public record TableSummary(int seq, String label, String title, String unitLine, List<String> columns,
                               int rows, int figures, String sheet, Integer firstRow, String kind, String period) {
    }

    /**
     * A column of a table.
     *
     * @param column   1-based position in the sheet
     * @param status   COUNTED (its figures are imported), IGNORED, or OPEN (a question)
     * @param key      for an open column, what to write before "=" in an answer (--column "key=answer")
     * @param choices  for an open column, the answers that fit
     */
    public record ColumnLine(String table, int column, String header, String meaning, String basis, String status,
                             String key, List<Choice> choices) {

        public ColumnLine {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        public String letter() {
            return InputProblem.columnLetters(column);
        }
    }

    /** An answer offered for a question: the value (as typed after "=") and its label. */
    public record Choice(String value, String label) {
    }

    /**
     * Something the import cannot decide without the user.
     *
     * @param kind  COLUMN (answer with --column "key=…"), REGION (--region "key=code"), PERIOD (--period)
     * @param key   what the answer names
     * @param where the table and column or row
     */
    public record Question(String kind, String key, String where, String text, List<Choice> choices) {
        public Question {
            choices = List.copyOf(choices);
        }
    }

    /** A decision the import took that the official should see. */
    public record Note(String where, String text) {
    }

    /**
     * One figure that is (or would be) stored.
     *
     * @param role    TOTAL (the issuer's 合计 row), PARENT (a unit with rows under it) or DETAIL
     * @param printed as the table prints it (2.5 under 万户, 97 under 开工率 %, 全部开工)
     * @param value   in the indicator's measure (25000 户), or the percentage of a rate
     */
    public record FigureLine(String table, Integer row, String column, String rowLabel, String regionCode,
                             String regionName, String role, String indicatorCode, String indicator, Integer year,
                             String kind, String period, String printed, BigDecimal value) {
    }

    /**
     * A total stated in the running text, with what the tables give for it.
     *
     * @param status AGREES, DIFFERS (also a finding) or UNMATCHED (no table has the figure)
     */
    public record StatedLine(String quote, String printed, String regionName, String indicator, String kind,
                             Integer year, BigDecimal value, BigDecimal tableValue, String status) {
    }

    /** An input problem with its description, for JSON and pages. */
    public record Problem(String file, String sheet, Integer row, Integer column, String message, String text) {
        static Problem of(InputProblem p) {
            return new Problem(p.file(), p.sheet(), p.row(), p.column(), p.message(), p.describe());
        }
    }
}
