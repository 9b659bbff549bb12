package org.anju.dashboard;

import org.anju.SeedDataTest;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map's boundary files against the region table: every province, prefecture and county-level division has a
 * polygon in its parent's file or is on the known list (dashboard/no-polygon.tsv, with reasons), nothing on that list
 * has one, and the files are what index.json says they are. Prints the coverage figures.
 */
@SeedDataTest
class GeoCoverageTest {

    static final Path GEO = Path.of("src/main/resources/static/geo");

    @Autowired
    Regions regions;
    @Autowired
    GeoIndex index;
    @Autowired
    JsonMapper json;

    @Test
    void everyDivisionHasAPolygonOrIsListedWithItsReason() throws IOException {
        Map<String, String> known = knownWithoutPolygon();
        Map<RegionKind, int[]> coverage = new EnumMap<>(RegionKind.class);
        List<String> unexplained = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Region r : regions.subtree(regions.root())) {
            if (r.kind() != RegionKind.PROVINCE && r.kind() != RegionKind.PREFECTURE && r.kind() != RegionKind.COUNTY) {
                continue;
            }
            Region parent = regions.parent(r).orElseThrow();
            String file = index.fileOf(parent).orElse(null);
            boolean drawn = index.draws(file, r);
            int[] c = coverage.computeIfAbsent(r.kind(), k -> new int[2]);
            c[1]++;
            if (drawn) {
                c[0]++;
                if (known.containsKey(r.code())) {
                    stale.add(r.code() + " " + r.name());
                }
            } else if (!known.containsKey(r.code())) {
                unexplained.add(r.code() + " " + r.name() + "（上级 " + parent.code() + "，文件 " + file + "）");
            }
        }
        coverage.forEach((kind, c) -> System.out.printf("地图覆盖 %s：%d / %d（%.1f%%）%n", kind.label(), c[0], c[1],
                100.0 * c[0] / c[1]));
        assertThat(unexplained).as("无边界且不在 no-polygon.tsv 中的区划").isEmpty();
        assertThat(stale).as("no-polygon.tsv 中其实有边界的区划").isEmpty();
        assertThat(coverage.get(RegionKind.PROVINCE)[0]).isEqualTo(31);
        assertThat(coverage.get(RegionKind.PREFECTURE)[0]).isEqualTo(coverage.get(RegionKind.PREFECTURE)[1]);
        for (String code : known.keySet()) {
            assertThat(regions.byCode(code)).as("no-polygon.tsv 中的 " + code + " 是本系统的地区").isPresent();
        }
    }

    @Test
    void unitsThatAreNoDivisionNeverHaveAPolygon() {
        for (Region r : regions.subtree(regions.root())) {
            if (r.kind() == RegionKind.DEV_ZONE || r.kind() == RegionKind.CITY_LEVEL || r.kind() == RegionKind.GROUP) {
                Region parent = regions.parent(r).orElseThrow();
                assertThat(index.draws(index.fileOf(parent).orElse(null), r)).as(r.code() + " " + r.name()).isFalse();
            }
        }
        assertThat(index.fileOf(regions.byCode("620700").orElseThrow())).contains("620700");
        assertThat(index.fileOf(regions.root())).contains("100000");
        assertThat(index.fileOf(regions.byCode("620702").orElseThrow())).isEmpty();
    }

    @Test
    void theFilesAreWhatTheIndexSaysAndSmall() throws IOException {
        long bytes = 0;
        int files = 0;
        Set<String> seen = new HashSet<>();
        try (var list = Files.list(GEO)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".json") || name.equals("index.json")) {
                    continue;
                }
                files++;
                bytes += Files.size(p);
                String key = name.substring(0, name.length() - 5);
                seen.add(key);
                JsonNode collection = json.readTree(p.toFile());
                assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
                Set<String> codes = new TreeSet<>();
                for (JsonNode f : collection.get("features")) {
                    assertThat(f.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
                    assertThat(f.get("properties").get("name").asString()).isNotBlank();
                    assertThat(codes.add(f.get("properties").get("adcode").asString())).as(name + " 中代码重复").isTrue();
                }
                assertThat(codes).as(name).isEqualTo(new TreeSet<>(index.files().get(key)));
            }
        }
        assertThat(seen).isEqualTo(index.files().keySet());
        System.out.printf("地图边界文件：%d 个，共 %.1f MB%n", files, bytes / 1e6);
        assertThat(bytes).as("边界文件总大小").isLessThan(15_000_000L);
    }

    /** code → reason, from dashboard/no-polygon.tsv. */
    private static Map<String, String> knownWithoutPolygon() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = GeoCoverageTest.class.getResourceAsStream("/dashboard/no-polygon.tsv")) {
            assertThat(in).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code\t")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertThat(cells).as(line).hasSize(3);
                assertThat(cells[2]).as("理由 " + line).isNotBlank();
                out.put(cells[0], cells[2]);
            }
        }
        return out;
    }
}
