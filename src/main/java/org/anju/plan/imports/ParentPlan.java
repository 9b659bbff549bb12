package org.anju.plan.imports;

import org.anju.plan.Plan;
import org.anju.region.Region;
import org.anju.region.Regions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 上级计划 of an imported plan, from the 文号 its text cites (audit M5). A county's plan usually cites the province's
 * and the city's, and often last year's too ("根据《省…》（赣建〔2024〕1号）和《市…》（赣市建〔2024〕3号）"): the first one
 * cited was taken, which could be the province's or another year's. Of the cited plans issued above the issuer, those
 * whose years hold the plan's are preferred, then the nearest region; one left is taken, with what was passed over and
 * why; more than one is a question (choose, or none), never a pick by order of citation.
 */
final class ParentPlan {

    /** The answer that sets no parent (--parent none). */
    static final String NONE = "none";

    /**
     * @param id       the parent; null for none (no candidate, or the question open)
     * @param basis    how it was found, for the preview's notes; null when there was nothing to find
     * @param question when several cited plans fit alike; null otherwise
     */
    record Found(Long id, String basis, ImportResult.Question question) {

        static final Found NOTHING = new Found(null, null, null);
    }

    private final Regions regions;
    private final Function<String, Optional<Plan>> byNumber;

    ParentPlan(Regions regions, Function<String, Optional<Plan>> byNumber) {
        this.regions = regions;
        this.byNumber = byNumber;
    }

    /** Among the plans {@code cited} (normalised 文号, in the text's order) the one a plan of {@code issuer} implements. */
    Found of(List<String> cited, Region issuer, int firstYear, int lastYear) {
        Map<Long, Plan> found = new LinkedHashMap<>();
        Map<Long, Integer> distance = new LinkedHashMap<>();
        for (String number : cited) {
            byNumber.apply(number).ifPresent(p -> {
                int d = levelsAbove(regions.byId(p.issuerRegionId()), issuer);
                if (d > 0) {
                    found.putIfAbsent(p.id(), p);
                    distance.put(p.id(), d);
                }
            });
        }
        if (found.isEmpty()) {
            return Found.NOTHING;
        }
        List<Plan> all = List.copyOf(found.values());
        if (all.size() == 1) {
            return new Found(all.getFirst().id(), "按正文引用的 " + all.getFirst().label() + yearsNote(all.getFirst(), firstYear,
                    lastYear), null);
        }
        List<Plan> ofYear = all.stream().filter(p -> p.firstYear() <= firstYear && p.lastYear() >= lastYear).toList();
        List<Plan> left = ofYear.isEmpty() ? all : ofYear;
        int nearest = left.stream().mapToInt(p -> distance.get(p.id())).min().orElseThrow();
        List<Plan> closest = left.stream().filter(p -> distance.get(p.id()) == nearest).toList();
        String years = firstYear == lastYear ? firstYear + "年" : firstYear + "–" + lastYear + "年";
        if (closest.size() == 1) {
            Plan chosen = closest.getFirst();
            List<String> passed = new ArrayList<>();
            for (Plan p : all) {
                if (p != chosen) {
                    passed.add(p.label() + "（" + (!ofYear.isEmpty() && !ofYear.contains(p)
                            ? p.yearsLabel() + "的计划，不含本计划的" + years
                            : regionName(p) + "的计划，" + regionName(chosen) + "离发文地区更近") + "）");
                }
            }
            return new Found(chosen.id(), "按正文引用的 " + chosen.label() + yearsNote(chosen, firstYear, lastYear)
                    + "；正文还引用了 " + String.join("、", passed), null);
        }
        List<ImportResult.Choice> choices = new ArrayList<>(closest.stream()
                .map(p -> new ImportResult.Choice(p.documentNumber(), describe(p))).toList());
        choices.add(new ImportResult.Choice(NONE, "不设上级计划"));
        String text = "正文引用的 " + closest.size() + " 个计划（" + closest.stream().map(this::describe)
                .collect(Collectors.joining("、")) + "）同为" + regionName(closest.getFirst()) + "印发"
                + (ofYear.isEmpty() ? "" : "、含本计划的" + years) + "，无法确定本计划落实的是哪一个：请选择上级计划"
                + "（命令行 --parent 文号，不设则 --parent none）";
        return new Found(null, null, new ImportResult.Question("PARENT", "parent", "上级计划", text, choices));
    }

    private String describe(Plan p) {
        return p.label() + "「" + p.title() + "」（" + regionName(p) + "，" + p.yearsLabel() + "）";
    }

    private String regionName(Plan p) {
        return regions.byId(p.issuerRegionId()).name();
    }

    /** Said of a parent taken whose years do not hold the plan's: the text cites it, the reader should see the years. */
    private static String yearsNote(Plan p, int firstYear, int lastYear) {
        return p.firstYear() <= firstYear && p.lastYear() >= lastYear ? "" : "（该计划为" + p.yearsLabel() + "）";
    }

    /** How many levels {@code above} is over {@code region}; 0 when it is not above it (or is it). */
    private int levelsAbove(Region above, Region region) {
        int levels = 0;
        for (Region r = region; r != null; r = regions.parent(r).orElse(null)) {
            if (r.equals(above)) {
                return levels;
            }
            levels++;
        }
        return 0;
    }
}
