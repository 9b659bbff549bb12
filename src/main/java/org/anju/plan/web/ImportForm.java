package org.anju.plan.web;

import org.anju.plan.imports.Choices;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.YearSpan;

import java.util.List;

/**
 * The import page's form, also carried by every step (preview, answers, confirm) so that the answers already
 * given stay with the file: the target plan, and what the user stated or answered where the file is silent.
 *
 * @param years  the plan's years as typed (2023 or 2023-2024), where the file does not print them
 * @param answer "key=value" per answered column question (its meaning, or ignore)
 * @param region "label=code" (or label@row=code, =ignore) per answered row
 * @param parent the 文号 of the 上级计划 chosen where the text cites several alike (none: no parent)
 */
public record ImportForm(Long planId, Boolean replace, String issuer, String encoding, String years, String program,
                  String stage, String period, List<String> answer, List<String> region, String parent) {

    public ImportForm {
        answer = answer == null ? List.of() : answer.stream().filter(a -> a != null && !a.isBlank()
                && !a.strip().endsWith("=")).toList();
        region = region == null ? List.of() : region.stream().filter(a -> a != null && !a.isBlank()
                && !a.strip().endsWith("=")).toList();
        parent = blank(parent);   // an unanswered choice is no answer: not carried as "" beside the next one
    }

    public boolean replacing() {
        return Boolean.TRUE.equals(replace);
    }

    /** @throws IllegalArgumentException with a Chinese message for a malformed year, month or answer */
    ImportOptions options(boolean dryRun, boolean keepPreview) {
        YearSpan span = YearSpan.parse(years, "年度");
        Choices choices = new Choices(Choices.pairs(answer, "列的含义"), Choices.pairs(region, "地区"), blank(program),
                blank(stage), Choices.month(period, "截止月份"));
        return new ImportOptions(dryRun, planId, replacing(), blank(issuer), null, null, null, null, span == null ? null : span.first(),
                span == null ? null : span.last(), blank(parent),
                ImportController.charset(encoding), keepPreview, null, null, choices);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
