package org.anju.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of the region tree with the indexes name resolution needs: nodes by id and
 * code, pre-order intervals for O(1) containment, and label indexes (names and aliases).
 *
 * <p>Two pre-orders: the whole tree (containment: a county contains its towns) and the reporting tree, the same
 * without the 乡级 and 村级 units ({@link RegionKind#local()}), which is what {@link #subtree} lists. Local units
 * are always leaves' descendants of the reporting tree (nothing that reports lies below a town), sorted after
 * their siblings, so leaving them out keeps the reporting tree whole. Their names are indexed apart
 * ({@link #local(String)}): a town named like a county (城区, 东城区, 赣州经济技术开发区) must not make that county's name
 * ambiguous in a plan table.
 */
final class RegionDirectory {

    record AliasRow(String alias, int regionId, boolean cityOnly, String origin) {
    }

    record MemberRow(int groupId, int memberId) {
    }

    /** A region with its place in the tree. */
    static final class Node {
        final Region region;
        Node parent;
        final List<Node> children = new ArrayList<>();
        final List<AliasRow> aliases = new ArrayList<>();
        final List<Node> members = new ArrayList<>();
        final List<Node> groups = new ArrayList<>();
        /** The normalised name, for search. */
        final String key;
        int sortOrder;
        int pre;
        int end; // exclusive: descendants have pre in (pre, end)
        /** Place in the reporting tree's pre-order; -1 for local units. */
        int rpre = -1;
        int rend = -1;
        /** How many of {@link #children} are in the reporting tree: they come first. */
        int reportingChildren;
        int depth;
        Node city;
        Node province;

        Node(Region region, int sortOrder) {
            this.region = region;
            this.sortOrder = sortOrder;
            this.key = RegionNames.normalize(region.name());
        }

        boolean local() {
            return region.kind().local();
        }
    }

    private final Node[] byId;
    private final Map<String, Node> byCode;
    private final Node root;
    /** The reporting tree in pre-order (no local units). */
    private final List<Region> preorder;
    /** The whole tree in pre-order. */
    private final List<Region> all;
    /** Names of regions (except groups) and nationwide aliases. */
    private final Map<String, List<Node>> global = new HashMap<>();
    /** Names of groups and city-only aliases: they only mean something inside a city. */
    private final Map<String, List<Node>> relative = new HashMap<>();
    /**
     * Short forms of official names, also those that fit several regions and so are no alias (吉林: 吉林省 and
     * 吉林市): a table of provinces means the province, which the caller tells from the other rows.
     */
    private final Map<String, List<Node>> shortForms = new HashMap<>();
    /** Names of local units (乡级, 村级): only looked up inside a given region ({@code Regions.resolveLocal}). */
    private final Map<String, List<Node>> locals = new HashMap<>();

    /** Whether the 乡级 and 村级 units are in it; without them it is the reporting tree alone ({@link RegionStore#load(boolean)}). */
    private final boolean complete;

    RegionDirectory(List<Region> regions, Map<Integer, Integer> sortOrders, List<AliasRow> aliases,
                    List<MemberRow> members) {
        this(regions, sortOrders, aliases, members, true);
    }

    /**
     * @param complete whether {@code regions} holds the 乡级 and 村级 units. The reporting tree alone answers everything
     *                 about its own regions exactly as the whole tree does: local units are sorted after their reporting
     *                 siblings and nothing that reports lies below them, so the order and containment of reporting
     *                 regions are the same, and their names, aliases and short forms are indexed apart ({@link #local})
     */
    RegionDirectory(List<Region> regions, Map<Integer, Integer> sortOrders, List<AliasRow> aliases,
                    List<MemberRow> members, boolean complete) {
        this.complete = complete;
        int maxId = regions.stream().mapToInt(Region::id).max().orElse(0);
        byId = new Node[maxId + 1];
        byCode = HashMap.newHashMap(regions.size());
        Node theRoot = null;
        for (Region r : regions) {
            Node n = new Node(r, sortOrders.getOrDefault(r.id(), 0));
            byId[r.id()] = n;
            byCode.put(r.code(), n);
            if (r.parentId() == null) {
                if (theRoot != null) {
                    throw new IllegalStateException("区划树有多个根");
                }
                theRoot = n;
            }
        }
        if (theRoot == null) {
            throw new IllegalStateException("区划表为空或没有根节点（全国）");
        }
        root = theRoot;
        for (Region r : regions) {
            if (r.parentId() != null) {
                Node n = byId[r.id()];
                n.parent = node(r.parentId());
                n.parent.children.add(n);
            }
        }
        Comparator<Node> order = Comparator.comparing(Node::local) // local units after the reporting tree's
                .thenComparingInt((Node n) -> n.sortOrder)
                .thenComparingInt(n -> RegionSource.rank(n.region.kind()))
                .thenComparing(n -> n.region.code());
        for (Node n : byId) {
            if (n != null) {
                n.children.sort(order);
                n.reportingChildren = (int) n.children.stream().filter(c -> !c.local()).count();
                if (n.local() && n.reportingChildren > 0) {
                    throw new IllegalStateException("乡级、村级之下只能有村级：" + n.region.code());
                }
            }
        }
        // pre-order numbering, depth, city and province, iteratively (no recursion limits)
        List<Region> pre = new ArrayList<>(regions.size());
        List<Region> reporting = new ArrayList<>();
        Node[] stack = new Node[regions.size() + 1];
        int[] next = new int[regions.size() + 1];
        int top = 0;
        stack[0] = root;
        visit(root, pre, reporting);
        while (top >= 0) {
            Node n = stack[top];
            if (next[top] < n.children.size()) {
                Node child = n.children.get(next[top]++);
                child.depth = n.depth + 1;
                visit(child, pre, reporting);
                stack[++top] = child;
                next[top] = 0;
            } else {
                n.end = pre.size();
                if (!n.local()) {
                    n.rend = reporting.size();
                }
                top--;
            }
        }
        if (pre.size() != regions.size()) {
            throw new IllegalStateException("有区划无法从全国到达");
        }
        all = Collections.unmodifiableList(pre);
        preorder = Collections.unmodifiableList(reporting);

        for (MemberRow m : members) {
            Node group = node(m.groupId());
            Node member = node(m.memberId());
            group.members.add(member);
            member.groups.add(group);
        }
        for (Node n : byId) {
            if (n != null) {
                n.members.sort(Comparator.comparingInt(x -> x.pre));
                if (n.local()) {
                    index(locals, n.region.name(), n);
                    continue;
                }
                index(n.region.kind() == RegionKind.GROUP ? relative : global, n.region.name(), n);
                RegionNames.shortForm(n.region.name(), n.region.kind()).ifPresent(f -> index(shortForms, f, n));
            }
        }
        for (AliasRow a : aliases) {
            Node n = node(a.regionId());
            n.aliases.add(a);
            index(n.local() ? locals : a.cityOnly() ? relative : global, a.alias(), n);
        }
        // a county's plain short form (恩平 for 恩平市) is a candidate only — never an alias, which would be taken
        // without a question — and only where no name, alias or higher short form is the same, nor the bare name of
        // a province or city (河北 stays 河北省, not 天津's 河北区; 大理 is 大理州 before 大理市)
        Set<String> higher = new HashSet<>(shortForms.keySet());
        for (Node n : byId) {
            if (n != null) {
                RegionNames.baseName(n.region.name(), n.region.kind()).ifPresent(b -> higher.add(RegionNames.normalize(b)));
            }
        }
        Map<String, List<Node>> countyForms = new HashMap<>();
        for (Node n : byId) {
            if (n != null) {
                RegionNames.countyShortForm(n.region.name(), n.region.kind()).ifPresent(f -> index(countyForms, f, n));
            }
        }
        countyForms.forEach((key, nodes) -> {
            if (!higher.contains(key) && !global.containsKey(key) && !relative.containsKey(key)) {
                shortForms.put(key, nodes);
            }
        });
    }

    private static void visit(Node n, List<Region> pre, List<Region> reporting) {
        n.pre = pre.size();
        pre.add(n.region);
        if (!n.local()) {
            n.rpre = reporting.size();
            reporting.add(n.region);
        }
        Node p = n.parent;
        n.province = n.region.kind() == RegionKind.PROVINCE ? n : p == null ? null : p.province;
        n.city = isCity(n) ? n : p == null ? null : p.city;
    }

    /** A prefecture, a development zone directly under a province, or a municipality (no prefectures). */
    private static boolean isCity(Node n) {
        return switch (n.region.kind()) {
            case PREFECTURE -> true;
            case DEV_ZONE -> n.parent != null && n.parent.region.kind() == RegionKind.PROVINCE;
            case PROVINCE -> n.children.stream().noneMatch(c -> c.region.kind() == RegionKind.PREFECTURE);
            default -> false;
        };
    }

    private static void index(Map<String, List<Node>> index, String label, Node n) {
        List<Node> list = index.computeIfAbsent(RegionNames.normalize(label), k -> new ArrayList<>(1));
        if (!list.contains(n)) {
            list.add(n);
        }
    }

    Node root() {
        return root;
    }

    /** Whether the 乡级 and 村级 units are in it (else: the reporting tree alone). */
    boolean complete() {
        return complete;
    }

    /** The node of this id, or null when there is none (in a directory of the reporting tree: also a local unit). */
    Node find(int id) {
        return id >= 0 && id < byId.length ? byId[id] : null;
    }

    Node node(int id) {
        Node n = find(id);
        if (n == null) {
            throw new org.anju.platform.NotFound("没有 id 为 " + id + " 的区划");
        }
        return n;
    }

    /** The node of a region handed in by a caller; it must belong to this directory. */
    Node node(Region r) {
        if (r == null) {
            throw new IllegalStateException("区划不能为空");
        }
        return node(r.id());
    }

    Node byCode(String code) {
        return code == null ? null : byCode.get(code.trim());
    }

    /** All regions, local units included (in a directory of the reporting tree: its regions). */
    int size() {
        return all.size();
    }

    /** The reporting tree in pre-order. */
    List<Region> preorder() {
        return preorder;
    }

    /** A region of the reporting tree and its descendants there; a local unit and the local units below it. */
    List<Region> subtree(Node n) {
        return n.local() ? all.subList(n.pre, n.end) : preorder.subList(n.rpre, n.rend);
    }

    /** A region and all its descendants, local units included. */
    List<Region> wholeSubtree(Node n) {
        return all.subList(n.pre, n.end);
    }

    /** Children in the reporting tree (none for a local unit). */
    static List<Node> reportingChildren(Node n) {
        return n.children.subList(0, n.reportingChildren);
    }

    /** Children outside the reporting tree: a county's towns, a town's communities. */
    static List<Node> localChildren(Node n) {
        return n.children.subList(n.reportingChildren, n.children.size());
    }

    List<Node> local(String key) {
        return locals.getOrDefault(key, List.of());
    }

    static boolean contains(Node ancestor, Node n) {
        return ancestor.pre <= n.pre && n.pre < ancestor.end;
    }

    List<Node> global(String key) {
        return global.getOrDefault(key, List.of());
    }

    List<Node> relative(String key) {
        return relative.getOrDefault(key, List.of());
    }

    List<Node> shortForm(String key) {
        return shortForms.getOrDefault(key, List.of());
    }

    /**
     * Another region that this (normalised) label already names, by an alias or a short form (恩平 for 恩平市), outside
     * {@code target}'s province; null when none. A nationwide alias naming it too would make that region's tables
     * ambiguous, or resolve its short form to {@code target} without a question.
     */
    Region claimedOutside(String key, Node target) {
        List<Node> claims = new ArrayList<>(global(key));
        claims.addAll(shortForm(key));
        for (Node n : claims) {
            if (n != target && (target.province == null || n.province != target.province)) {
                return n.region;
            }
        }
        return null;
    }

    /** Whether some region's official name is this (normalised) label. */
    boolean isName(String key) {
        for (Node n : global(key)) {
            if (RegionNames.normalize(n.region.name()).equals(key)) {
                return true;
            }
        }
        for (Node n : relative(key)) {
            if (RegionNames.normalize(n.region.name()).equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Regions whose name or alias contains the (normalised) text: exact matches, then prefixes, then the rest. */
    List<Node> search(String text, int limit) {
        String q = RegionNames.normalize(text);
        if (q.isEmpty()) {
            return List.of();
        }
        Set<Node> exact = new LinkedHashSet<>();
        Set<Node> prefix = new LinkedHashSet<>();
        Set<Node> inside = new LinkedHashSet<>();
        Set<Node> localExact = new LinkedHashSet<>();
        Set<Node> localPrefix = new LinkedHashSet<>();
        Set<Node> localInside = new LinkedHashSet<>();
        for (Region r : all) {
            Node n = byId[r.id()];
            boolean local = n.local();
            classify(n, n.key, q, local ? localExact : exact, local ? localPrefix : prefix, local ? localInside : inside);
            for (AliasRow a : n.aliases) {
                classify(n, a.alias(), q, local ? localExact : exact, local ? localPrefix : prefix, local ? localInside : inside);
            }
        }
        // the reporting tree's regions first in each class, so that towns never push a county out of the results.
        // (Streamed rather than copied with LinkedHashSet.addAll: twice, in long full test runs, that addAll was handed
        // a null although every set here is a non-null local — never reproduced alone, the copying is gone.)
        return java.util.stream.Stream.of(exact, localExact, prefix, localPrefix, inside, localInside)
                .flatMap(Set::stream).distinct().limit(limit).toList();
    }

    private static void classify(Node n, String label, String q, Set<Node> exact, Set<Node> prefix, Set<Node> inside) {
        if (label.equals(q)) {
            exact.add(n);
        } else if (label.startsWith(q)) {
            prefix.add(n);
        } else if (label.contains(q)) {
            inside.add(n);
        }
    }

    static List<Region> regions(List<Node> nodes) {
        return nodes.stream().map(n -> n.region).toList();
    }
}
