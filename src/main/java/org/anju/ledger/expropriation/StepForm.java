package org.anju.ledger.expropriation;

import java.time.LocalDate;

/** A step of the regulation to record on a project, at the project's version. See {@link Reg590.Stage} for the dates. */
public record StepForm(String stage, LocalDate on, LocalDate second, String docNo, String note, Boolean flag,
                       Integer version) {
}
