package org.anju.ledger.identification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An uploaded 认定 checklist: the file verbatim, what it states, who uploaded it when. */
public record Checklist(long id, String issuerCode, String issuerName, String issuingBody, String name, String document,
                        LocalDate effectiveFrom, LocalDate effectiveTo, String source, String fileName, String content,
                        List<Clause> clauses, Instant uploadedAt, String uploadedBy) {

    public Optional<Clause> clause(String number) {
        return clauses.stream().filter(c -> c.number().equals(number)).findFirst();
    }

    public boolean inForce(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveTo == null || !effectiveTo.isBefore(day));
    }
}
