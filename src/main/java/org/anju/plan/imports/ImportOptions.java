package org.anju.plan.imports;

import org.anju.plan.Milestone;
import org.anju.plan.StatedTotal;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

/**
 * How to import a file. Everything but {@code dryRun} is optional: what the document prints plainly
 * (title, 文号, date, years) is detected, the issuer is inferred from the units the tables list.
 *
 * @param planId       import into this existing plan (its tables are replaced when {@code replace})
 * @param issuerCode   the issuing region's code, when it cannot be inferred
 * @param parentNumber 文号 of the plan this one implements; detected from the text when null
 * @param encoding     the declared encoding of a text file; detected when null
 * @param keepPreview  store the file as a preview that can be committed later (web import)
 * @param choices      what the user answered or stated: column meanings, region codes, program, stage, period
 */
public record ImportOptions(boolean dryRun, Long planId, boolean replace, String issuerCode, String issuerName,
                            String title, String documentNumber, LocalDate issuedOn, Integer firstYear,
                            Integer lastYear, String parentNumber, Charset encoding, boolean keepPreview,
                            List<Milestone> milestones, List<StatedTotal> statedTotals, Choices choices) {

    public ImportOptions {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        statedTotals = statedTotals == null ? List.of() : List.copyOf(statedTotals);
        choices = choices == null ? Choices.NONE : choices;
    }

    public ImportOptions(boolean dryRun, Long planId, boolean replace, String issuerCode, String issuerName,
                         String title, String documentNumber, LocalDate issuedOn, Integer firstYear,
                         Integer lastYear, String parentNumber, Charset encoding, boolean keepPreview,
                         List<Milestone> milestones, List<StatedTotal> statedTotals) {
        this(dryRun, planId, replace, issuerCode, issuerName, title, documentNumber, issuedOn, firstYear, lastYear,
                parentNumber, encoding, keepPreview, milestones, statedTotals, Choices.NONE);
    }

    public ImportOptions withChoices(Choices c) {
        return new ImportOptions(dryRun, planId, replace, issuerCode, issuerName, title, documentNumber, issuedOn,
                firstYear, lastYear, parentNumber, encoding, keepPreview, milestones, statedTotals, c);
    }

    public static ImportOptions commit() {
        return new ImportOptions(false, null, false, null, null, null, null, null, null, null, null, null, false,
                null, null);
    }

    public static ImportOptions preview() {
        return commit().asDryRun(true);
    }

    public ImportOptions asDryRun(boolean dry) {
        return new ImportOptions(dry, planId, replace, issuerCode, issuerName, title, documentNumber, issuedOn,
                firstYear, lastYear, parentNumber, encoding, keepPreview, milestones, statedTotals, choices);
    }

    public ImportOptions intoPlan(Long id, boolean replaceTables) {
        return new ImportOptions(dryRun, id, replaceTables, issuerCode, issuerName, title, documentNumber, issuedOn,
                firstYear, lastYear, parentNumber, encoding, keepPreview, milestones, statedTotals, choices);
    }

    public ImportOptions withEncoding(Charset declared) {
        return new ImportOptions(dryRun, planId, replace, issuerCode, issuerName, title, documentNumber, issuedOn,
                firstYear, lastYear, parentNumber, declared, keepPreview, milestones, statedTotals, choices);
    }

    public ImportOptions keepingPreview() {
        return new ImportOptions(dryRun, planId, replace, issuerCode, issuerName, title, documentNumber, issuedOn,
                firstYear, lastYear, parentNumber, encoding, true, milestones, statedTotals, choices);
    }
}
