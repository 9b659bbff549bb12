package org.anju.ledger.identification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A 棚改 project's identification against a checklist: the facts, each clause with its answer and evidence, the
 * decision, and what still stands in the way of 认定 ({@link #blockers}).
 *
 * @param refusedClauses the clauses a refusal names (empty unless 不予认定)
 */
public record Identification(long id, long projectId, String projectName, String regionCode, String regionName,
                             Checklist checklist, LocalDate asOf, State state, Facts facts, List<Row> rows,
                             String decisionNote, List<String> refusedClauses, LocalDate submittedOn, LocalDate decidedOn,
                             String decidedBy, Instant updatedAt, int version, List<String> blockers) {

    /**
     * A clause of the checklist with the county's answer (null: unanswered), its evidence, and what the facts say
     * ({@code checkHolds}: TRUE the facts are what the clause describes, FALSE not, null undecided or no check).
     */
    public record Row(Clause clause, Answer answer, String reason, String answeredBy, List<Evidence> evidence,
                      Boolean checkHolds) {
    }

    /** The clauses a refusal names, quoted verbatim with their numbers. */
    public List<Clause> refusedClauseTexts() {
        return refusedClauses.stream().map(n -> checklist.clause(n).orElseThrow()).toList();
    }

    /** One line of a list. */
    public record Summary(long id, long projectId, String projectName, String regionCode, String regionName,
                          String checklistName, LocalDate asOf, State state, List<String> refusedClauses,
                          Instant updatedAt) {
    }
}
