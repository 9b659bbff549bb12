package org.anju.ledger.identification;

/**
 * One clause of a checklist, as the file states it.
 *
 * @param number   the clause number the notice (or the province) gives it, e.g. JL-4; refusals name it
 * @param text     the clause, verbatim
 * @param question what a county answers about its project
 * @param evidence the evidence the clause expects (the file's wording)
 * @param check    a check against the recorded facts (null: none); see {@link FactCheck}
 */
public record Clause(String number, String text, ClauseKind kind, String question, String evidence, FactCheck check) {

    /** "第 JL-6 条（排除）：严禁将……" as refusals and pages quote it. */
    public String quoted() {
        return "第 " + number + " 条（" + kind.label() + "）：“" + text + "”";
    }
}
