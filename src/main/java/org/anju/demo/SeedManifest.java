package org.anju.demo;

import org.anju.plan.Milestone;
import org.anju.plan.StatedTotal;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** seeds/manifest.yml: which seed files make up the demo, and what their text says besides the tables. */
record SeedManifest(List<SeedPlan> plans) {

    static final String LOCATION = "seeds/manifest.yml";

    /**
     * @param tables false for a document without breakdown tables (stored from the manifest alone)
     */
    record SeedPlan(String file, boolean tables, String issuer, String issuerName, String title,
                    String documentNumber, LocalDate issuedOn, int firstYear, int lastYear, String parent,
                    List<StatedTotal> statedTotals, List<Milestone> milestones) {
    }

    static SeedManifest load() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new SeedManifest(list(root.get("plans")).stream().map(SeedManifest::plan).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + LOCATION, e);
        }
    }

    private static SeedPlan plan(Map<String, Object> m) {
        List<?> years = (List<?>) m.get("years");
        return new SeedPlan(string(m, "file"), !Boolean.FALSE.equals(m.get("tables")), string(m, "issuer"),
                string(m, "issuerName"), string(m, "title"), string(m, "documentNumber"), date(m.get("issuedOn")),
                ((Number) years.get(0)).intValue(), ((Number) years.get(1)).intValue(), string(m, "parent"),
                list(m.get("statedTotals")).stream().map(t -> statedTotal(t, string(m, "issuer"))).toList(),
                list(m.get("milestones")).stream().map(SeedManifest::milestone).toList());
    }

    private static StatedTotal statedTotal(Map<String, Object> t, String issuer) {
        Object year = t.get("year");
        Object tolerance = t.get("tolerance");
        @SuppressWarnings("unchecked")
        List<String> indicators = (List<String>) t.get("indicators");
        return new StatedTotal(null, t.containsKey("region") ? string(t, "region") : issuer, List.copyOf(indicators),
                year == null ? null : ((Number) year).intValue(), decimal(t.get("value")),
                tolerance == null ? BigDecimal.ZERO : decimal(tolerance), string(t, "printed"), string(t, "quote"));
    }

    private static Milestone milestone(Map<String, Object> m) {
        Object threshold = m.get("threshold");
        Milestone.Selection selection = m.containsKey("stage") ? new Milestone.Selection(string(m, "stage"),
                string(m, "measure"), ints(m.get("years")),
                strings(m.get("placements")).stream().map(org.anju.indicator.Placement::valueOf).toList(),
                strings(m.get("constructions")).stream().map(org.anju.indicator.Construction::valueOf).toList(),
                strings(m.get("buildingTypes")).stream().map(org.anju.indicator.BuildingType::valueOf).toList()) : null;
        return new Milestone(null, date(m.get("due")), string(m, "program"), string(m, "indicator"),
                string(m, "workItem"), string(m, "scope"), threshold == null ? null : decimal(threshold),
                string(m, "quote"), selection);
    }

    private static List<Integer> ints(Object o) {
        return o == null ? List.of() : ((List<?>) o).stream().map(x -> ((Number) x).intValue()).toList();
    }

    private static List<String> strings(Object o) {
        return o == null ? List.of() : ((List<?>) o).stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private static String string(Map<String, Object> m, String key) {
        Object o = m.get(key);
        return o == null ? null : o.toString();
    }

    /** Numbers as written: 3718.28 must not pass through a double's 3718.2800000000002. */
    private static BigDecimal decimal(Object o) {
        return new BigDecimal(o.toString());
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }
}
