package org.anju.dashboard;

import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which boundary files the dashboard map has and which units each draws: {@code static/geo/index.json}, written by
 * {@code scripts/convert-geo.py} beside the files (one per parent, named by its 6-digit adcode: 100000 = the
 * provinces, 360000 = Jiangxi's prefectures, 360700 = Ganzhou's counties). A unit is matched by the first six digits
 * of its division code; development zones, 市本级 and 兵团 have none and so no polygon.
 */
@Component
class GeoIndex {

    /** The file of the whole country (its provinces). */
    static final String NATION = "100000";
    static final String INDEX = "static/geo/index.json";

    private final Map<String, Set<String>> files;

    @org.springframework.beans.factory.annotation.Autowired
    GeoIndex(JsonMapper json) {
        this(read(json));
    }

    GeoIndex(Map<String, ? extends java.util.Collection<String>> files) {
        Map<String, Set<String>> m = new TreeMap<>();
        files.forEach((k, v) -> m.put(k, Set.copyOf(v)));
        this.files = Map.copyOf(m);
    }

    private static Map<String, List<String>> read(JsonMapper json) {
        try (InputStream in = new ClassPathResource(INDEX).getInputStream()) {
            return json.readValue(in, new TypeReference<Map<String, List<String>>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("地图边界索引 " + INDEX + " 读不出", e);
        }
    }

    /** The 6-digit adcode a region's polygon would have: its division code's first six digits; none for units. */
    static Optional<String> adcode(Region r) {
        if (r.kind() == RegionKind.NATION) {
            return Optional.of(NATION);
        }
        String d = r.divisionCode();
        return d == null || d.length() < 6 ? Optional.empty() : Optional.of(d.substring(0, 6));
    }

    /** The file drawing {@code r}'s children, if there is one. */
    Optional<String> fileOf(Region r) {
        return adcode(r).filter(files::containsKey);
    }

    /** Whether {@code file} draws a polygon for {@code r}. */
    boolean draws(String file, Region r) {
        return file != null && adcode(r).map(a -> files.getOrDefault(file, Set.of()).contains(a)).orElse(false);
    }

    /** Every adcode drawn in some file (the nation's provinces, every province's prefectures, every prefecture's counties). */
    Set<String> all() {
        return files.values().stream().flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    Map<String, Set<String>> files() {
        return files;
    }
}
