package org.anju.plan.web;

import org.anju.plan.imports.Choices;
import org.anju.plan.imports.ImportOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The import page's form, also carried by every step (preview, answers, confirm) so that the answers already
 * given stay with the file: the target plan, and what the user stated or answered where the file is silent.
 *
 * @param answer "key=value" per answered question (a column's meaning, or a row's region with {@code region})
 * @param region "label=code" per answered row
 */
public record ImportForm(Long planId, Boolean replace, String issuer, String encoding, String years, String program,
                  String stage, String period, List<String> answer, List<String> region) {

    public ImportForm {
        answer = answer == null ? List.of() : answer.stream().filter(a -> a != null && !a.isBlank()
                && !a.strip().endsWith("=")).toList();
        region = region == null ? List.of() : region.stream().filter(a -> a != null && !a.isBlank()
                && !a.strip().endsWith("=")).toList();
    }

    public boolean replacing() {
        return Boolean.TRUE.equals(replace);
    }

    /** @throws IllegalArgumentException with a Chinese message for a malformed year, month or answer */
    ImportOptions options(boolean dryRun, boolean keepPreview) {
        Integer first = null;
        Integer last = null;
        if (blank(years) != null) {
            String[] parts = years.strip().split("[-–—~]");
            try {
                first = Integer.parseInt(parts[0].strip());
                last = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : first;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("年度应为 2023 或 2023-2024：" + years);
            }
        }
        Choices choices = new Choices(Choices.pairs(answer, "列的含义"), Choices.pairs(region, "地区"), blank(program),
                blank(stage), Choices.month(period, "截止月份"));
        return new ImportOptions(dryRun, planId, replacing(), blank(issuer), null, null, null, null, first, last, null,
                ImportController.charset(encoding), keepPreview, null, null, choices);
    }

    /** The answers given so far, to carry as hidden fields into the next step. */
    public List<String> carried() {
        List<String> all = new ArrayList<>(answer);
        all.addAll(region.stream().map(r -> "region:" + r).toList());
        return all;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
