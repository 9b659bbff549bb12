package org.anju.rental.rules;

import java.util.List;

/** The outcome of checking a household against a rule set; every criterion is accounted for. */
public sealed interface Verdict {

    List<Check> checks();

    /** Every criterion holds. */
    record Eligible(List<Check> checks) implements Verdict {
    }

    /** At least one criterion fails; {@link #failed()} names each with the rule's words and clause. */
    record Ineligible(List<Check> checks) implements Verdict {
        public List<Check> failed() {
            return checks.stream().filter(c -> c.outcome() == Outcome.FAILS).toList();
        }
    }

    /** Nothing fails, but some criterion needs a fact the application does not state: ask for it. */
    record Incomplete(List<Check> checks) implements Verdict {
        public List<Check> missing() {
            return checks.stream().filter(c -> c.outcome() == Outcome.MISSING).toList();
        }
    }

    enum Outcome { HOLDS, FAILS, MISSING, NOT_APPLICABLE }

    /**
     * One criterion's result.
     *
     * @param value  the household's figure as shown (9.33 平方米), or null when missing or not applicable
     * @param reason one sentence for the applicant and the reviewer
     */
    record Check(Criterion criterion, Outcome outcome, String value, String reason) {
    }
}
