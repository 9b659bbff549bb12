package org.anju.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The region resource files ({@code region/divisions.csv}, {@code region/units.csv},
 * {@code region/aliases.csv}) turned into the rows to load: ids in pre-order, sibling sort order,
 * generated 市本级 units and generated aliases. Refuses inconsistent input.
 */
final class RegionSource {

    static final String DIVISIONS = "region/divisions.csv";
    static final String UNITS = "region/units.csv";
    static final String ALIASES = "region/aliases.csv";
    /** 乡级 units, gzip-compressed (41,352 rows): loaded by {@code V1_4__LoadTowns}. */
    static final String TOWNS = "region/towns.csv.gz";
    static final String ROOT_CODE = "000000";

    /** Labels that mean "the city's own 市本级 unit" inside a city. */
    static final List<String> CITY_LEVEL_LABELS = List.of("市本级", "本级");

    record Entry(int id, String code, String name, RegionKind kind, int level, Integer parentId,
                 String divisionCode, int sortOrder) {
    }

    record AliasEntry(String alias, int regionId, boolean cityOnly, String origin) {
    }

    record MemberEntry(int groupId, int memberId) {
    }

    record LoadSet(List<Entry> regions, List<AliasEntry> aliases, List<MemberEntry> members) {
    }

    private record Row(String code, String name, String parentCode, int level, RegionKind kind,
                       List<String> members) {
    }

    private RegionSource() {
    }

    static LoadSet read() {
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> r : csv(DIVISIONS)) {
            rows.add(new Row(r.get("code"), r.get("name"), r.get("parent_code"), Integer.parseInt(r.get("level")),
                    RegionKind.valueOf(r.get("kind")), List.of()));
        }
        rows.addAll(cityLevelUnits(rows));
        for (Map<String, String> r : csv(UNITS)) {
            String members = r.getOrDefault("members", "");
            rows.add(new Row(r.get("code"), r.get("name"), r.get("parent_code"), Integer.parseInt(r.get("level")),
                    RegionKind.valueOf(r.get("kind")),
                    members.isBlank() ? List.of() : List.of(members.split("\\|"))));
        }
        return build(rows, csv(ALIASES));
    }

    /** A 市本级 unit for every prefecture and every municipality (a province without prefectures). */
    private static List<Row> cityLevelUnits(List<Row> rows) {
        Set<String> provincesWithPrefectures = new HashSet<>();
        for (Row r : rows) {
            if (r.kind() == RegionKind.PREFECTURE) {
                provincesWithPrefectures.add(r.parentCode());
            }
        }
        List<Row> units = new ArrayList<>();
        for (Row r : rows) {
            boolean municipality = r.kind() == RegionKind.PROVINCE && !provincesWithPrefectures.contains(r.code());
            if (r.kind() == RegionKind.PREFECTURE || municipality) {
                units.add(new Row(r.code() + "-SB", r.name() + "本级", r.code(), 3, RegionKind.CITY_LEVEL, List.of()));
            }
        }
        return units;
    }

    /** Children order: 市本级, groups, divisions by code, development zones by code. */
    static int rank(RegionKind kind) {
        return switch (kind) {
            case CITY_LEVEL -> 0;
            case GROUP -> 1;
            case NATION, PROVINCE, PREFECTURE, COUNTY -> 2;
            case DEV_ZONE -> 3;
            case TOWN -> 4;
            case COMMUNITY -> 5;
        };
    }

    private static LoadSet build(List<Row> rows, List<Map<String, String>> aliasRows) {
        Map<String, Row> byCode = new LinkedHashMap<>();
        Map<String, List<Row>> children = new HashMap<>();
        for (Row r : rows) {
            if (r.code() == null || r.code().isBlank() || r.name() == null || r.name().isBlank()) {
                throw new IllegalStateException("区划数据缺少代码或名称: " + r);
            }
            if (byCode.put(r.code(), r) != null) {
                throw new IllegalStateException("区划代码重复: " + r.code());
            }
            if (r.kind() == RegionKind.NATION != (r.parentCode() == null || r.parentCode().isBlank())) {
                throw new IllegalStateException("只有全国没有上级: " + r.code());
            }
            if (r.kind() != RegionKind.NATION) {
                children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Row r : rows) {
            if (r.kind() != RegionKind.NATION && !byCode.containsKey(r.parentCode())) {
                throw new IllegalStateException("上级区划不存在: " + r.code() + " → " + r.parentCode());
            }
        }
        Comparator<Row> siblings = Comparator.comparingInt((Row r) -> rank(r.kind())).thenComparing(Row::code);
        children.values().forEach(list -> list.sort(siblings));

        // ids in pre-order from the root
        Row root = byCode.get(ROOT_CODE);
        if (root == null || root.kind() != RegionKind.NATION) {
            throw new IllegalStateException("缺少根节点 000000 全国");
        }
        Map<String, Integer> ids = new HashMap<>();
        List<Entry> entries = new ArrayList<>(rows.size());
        Deque<Row> stack = new ArrayDeque<>();
        Map<String, Integer> sortOrder = new HashMap<>();
        sortOrder.put(ROOT_CODE, 1);
        stack.push(root);
        while (!stack.isEmpty()) {
            Row r = stack.pop();
            int id = entries.size() + 1;
            ids.put(r.code(), id);
            boolean division = r.kind() == RegionKind.PROVINCE || r.kind() == RegionKind.PREFECTURE
                    || r.kind() == RegionKind.COUNTY;
            entries.add(new Entry(id, r.code(), r.name(), r.kind(), r.level(),
                    r.kind() == RegionKind.NATION ? null : ids.get(r.parentCode()),
                    division ? r.code() : null, sortOrder.get(r.code())));
            List<Row> kids = children.getOrDefault(r.code(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                sortOrder.put(kids.get(i).code(), i + 1);
                stack.push(kids.get(i));
            }
        }
        if (entries.size() != rows.size()) {
            throw new IllegalStateException("有区划无法从全国到达（上级关系成环？）");
        }

        List<MemberEntry> members = new ArrayList<>();
        for (Row r : rows) {
            if (!r.members().isEmpty() && r.kind() != RegionKind.GROUP) {
                throw new IllegalStateException("只有片区可以有成员: " + r.code());
            }
            for (String m : r.members()) {
                Row member = byCode.get(m.trim());
                if (member == null || !isInside(member, r.parentCode(), byCode) || member.code().equals(r.parentCode())) {
                    throw new IllegalStateException("片区 " + r.code() + " 的成员 " + m + " 不存在或不在 " + r.parentCode() + " 之内");
                }
                members.add(new MemberEntry(ids.get(r.code()), ids.get(member.code())));
            }
        }
        return new LoadSet(entries, aliases(rows, byCode, ids, aliasRows), members);
    }

    private static boolean isInside(Row r, String ancestorCode, Map<String, Row> byCode) {
        for (Row at = r; at != null; at = at.parentCode() == null ? null : byCode.get(at.parentCode())) {
            if (at.code().equals(ancestorCode)) {
                return true;
            }
        }
        return false;
    }

    private static List<AliasEntry> aliases(List<Row> rows, Map<String, Row> byCode, Map<String, Integer> ids,
                                            List<Map<String, String>> aliasRows) {
        Set<String> realNames = new HashSet<>();
        rows.forEach(r -> realNames.add(RegionNames.normalize(r.name())));

        // hand-written
        List<AliasEntry> result = new ArrayList<>();
        Map<String, Set<String>> curated = new HashMap<>(); // alias -> codes
        for (Map<String, String> a : aliasRows) {
            String alias = RegionNames.normalize(a.get("alias"));
            String code = a.get("code");
            String scope = a.get("scope");
            if (!byCode.containsKey(code)) {
                throw new IllegalStateException(ALIASES + ": 别名 " + alias + " 指向不存在的代码 " + code);
            }
            if (alias.isEmpty() || realNames.contains(alias)) {
                throw new IllegalStateException(ALIASES + ": 别名 " + alias + " 为空或与某区划的正式名称相同");
            }
            if (!"national".equals(scope) && !"city".equals(scope)) {
                throw new IllegalStateException(ALIASES + ": scope 只能是 national 或 city: " + scope);
            }
            if (!curated.computeIfAbsent(alias, k -> new HashSet<>()).add(code)) {
                throw new IllegalStateException(ALIASES + ": 别名重复: " + alias + " " + code);
            }
            result.add(new AliasEntry(alias, ids.get(code), "city".equals(scope), "curated"));
        }

        // generated, nationwide: only where unambiguous and not anybody's real name
        Map<String, Set<String>> generated = new LinkedHashMap<>();
        for (Row r : rows) {
            RegionNames.shortForm(r.name(), r.kind())
                    .ifPresent(f -> generated.computeIfAbsent(RegionNames.normalize(f), k -> new LinkedHashSet<>()).add(r.code()));
            if (r.kind() == RegionKind.GROUP) {
                String qualified = RegionNames.normalize(byCode.get(r.parentCode()).name() + r.name());
                generated.computeIfAbsent(qualified, k -> new LinkedHashSet<>()).add(r.code());
            }
        }
        generated.forEach((alias, codes) -> {
            if (codes.size() == 1 && !realNames.contains(alias)) {
                String code = codes.iterator().next();
                Set<String> taken = curated.getOrDefault(alias, Set.of());
                if (taken.isEmpty()) {
                    result.add(new AliasEntry(alias, ids.get(code), false, "generated"));
                }
            }
        });

        // generated, city-relative: 市本级/本级 for every 市本级 unit (州本级, 地区本级, 盟本级 where fitting)
        for (Row r : rows) {
            if (r.kind() == RegionKind.CITY_LEVEL) {
                Set<String> labels = new LinkedHashSet<>(CITY_LEVEL_LABELS);
                String city = byCode.get(r.parentCode()).name();
                for (String suffix : List.of("州", "地区", "盟")) {
                    if (city.endsWith(suffix)) {
                        labels.add(suffix + "本级");
                    }
                }
                for (String label : labels) {
                    if (!realNames.contains(label) && !curated.getOrDefault(label, Set.of()).contains(r.code())) {
                        result.add(new AliasEntry(label, ids.get(r.code()), true, "generated"));
                    }
                }
            }
        }
        return result;
    }

    /** A 乡级 unit: its 12-digit statistical code, name and the code of the county-level region it lies in. */
    record Town(String code, String name, String parentCode) {
    }

    private static final java.util.regex.Pattern TOWN_CODE = java.util.regex.Pattern.compile("\\d{9}000");

    /** The rows of {@link #TOWNS}, checked: 12-digit codes ending in 000, unique, each in its county's prefecture (first four digits). */
    static List<Town> towns() {
        byte[] text;
        try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes(TOWNS)), 1 << 16)) {
            text = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, String>> rows = csv(TOWNS, new String(text, StandardCharsets.UTF_8));
        List<Town> towns = new ArrayList<>(rows.size());
        Set<String> codes = HashSet.newHashSet(rows.size());
        for (Map<String, String> r : rows) {
            Town t = new Town(r.get("code"), r.get("name"), r.get("parent_code"));
            if (!TOWN_CODE.matcher(t.code()).matches() || t.name().isBlank() || t.parentCode() == null
                    || !t.code().startsWith(t.parentCode().substring(0, 4)) || !codes.add(t.code())) {
                throw new IllegalStateException(TOWNS + ": 乡级代码有误、重复或与所在县不符: " + t);
            }
            towns.add(t);
        }
        return towns;
    }

    /** CRC32 of the towns file, the checksum of {@code V1_4__LoadTowns}. */
    static int townsChecksum() {
        CRC32 crc = new CRC32();
        crc.update(bytes(TOWNS));
        return (int) crc.getValue();
    }

    /** CRC32 over the resource files, so that Flyway notices when they change after being applied. */
    static int checksum() {
        CRC32 crc = new CRC32();
        for (String resource : List.of(DIVISIONS, UNITS, ALIASES)) {
            crc.update(bytes(resource));
        }
        return (int) crc.getValue();
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = RegionSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("缺少资源文件 " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a small comment-friendly CSV: '#' lines and blank lines are skipped, the first other line is the header. */
    static List<Map<String, String>> csv(String resource) {
        return csv(resource, new String(bytes(resource), StandardCharsets.UTF_8));
    }

    private static List<Map<String, String>> csv(String resource, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> header = null;
        List<Map<String, String>> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\r?\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = split(line);
            if (header == null) {
                header = fields;
                continue;
            }
            if (fields.size() > header.size()) {
                throw new IllegalStateException(resource + " 第 " + lineNo + " 行列数多于表头");
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < fields.size() ? fields.get(i).trim() : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
