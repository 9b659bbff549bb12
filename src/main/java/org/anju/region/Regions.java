package org.anju.region;

import org.anju.region.RegionDirectory.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The region directory: the tree of divisions and reporting units, held in memory (loaded from the
 * database at start, reloaded after every change) so that navigation and name resolution are hash and
 * array look-ups. Thread-safe: readers see an immutable snapshot.
 */
@Service
public class Regions {

    /** The code of 全国, the root of the tree. */
    public static final String ROOT_CODE = RegionSource.ROOT_CODE;

    private static final Logger log = LoggerFactory.getLogger(Regions.class);
    private static final Pattern UNIT_CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_-]{0,39}");
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}|\\d{12}");
    private static final Pattern STATISTICAL_CODE = Pattern.compile("\\d{12}");
    private static final int MAX_LABEL = 60;

    private final RegionStore store;
    private final TransactionTemplate tx;
    /** Looked up when a change is made: the account module's guard itself needs this directory. */
    private final ObjectProvider<ReferenceDataGuard> guard;
    private final Object writeLock = new Object();
    private volatile RegionDirectory directory;
    /** The tables' digest read just before {@link #directory} was: a change after it makes them differ. */
    private volatile String loadedFingerprint;
    /**
     * Whether the 乡级 and 村级 units (41,000 of the 45,000 regions) are read only when first asked for: set for commands
     * (org.anju.cli.Cli), whose plan tables name reporting regions only (about 0.05–0.1 s of CPU of every command's start,
     * docs/PERFORMANCE.md "Third session").
     * The web app reads the whole tree at start (its users' first page should not wait for it).
     */
    private final boolean localUnitsOnDemand;

    Regions(RegionStore store, TransactionTemplate tx, ObjectProvider<ReferenceDataGuard> guard,
            @org.springframework.beans.factory.annotation.Value("${anju.regions.local-units-on-demand:false}")
            boolean localUnitsOnDemand) {
        this.store = store;
        this.tx = tx;
        this.guard = guard;
        this.localUnitsOnDemand = localUnitsOnDemand;
        org.anju.platform.StartupClock.step("区划目录载入", this::reload);
    }

    /** Asks the account module; with no guard at all nobody may change the tree (fail closed). */
    private void checkManage(Region scope) {
        guard().checkManageReferenceData(scope);
    }

    private ReferenceDataGuard guard() {
        ReferenceDataGuard g = guard.getIfAvailable();
        if (g == null) {
            throw new IllegalStateException("没有区划修改权限检查（ReferenceDataGuard），拒绝修改区划");
        }
        return g;
    }

    /**
     * Re-reads the tables if they changed since they were read (e.g. by another process, or by a change whose
     * transaction was rolled back); compares a digest of them first, which costs milliseconds where reading the
     * 45,000 regions costs a fifth of a second.
     */
    public void reload() {
        synchronized (writeLock) {
            long start = System.nanoTime();
            boolean first = directory == null;
            String fingerprint = org.anju.platform.StartupClock.step("区划表摘要", store::fingerprint);
            if (!first && fingerprint.equals(loadedFingerprint)) {
                return;
            }
            // once the local units were asked for, a changed tree is read whole again
            load(fingerprint, !localUnitsOnDemand || !first && directory.complete(), first, start);
        }
    }

    private void load(String fingerprint, boolean complete, boolean first, long start) {
        directory = org.anju.platform.StartupClock.step(complete ? "区划读入（全部）" : "区划读入（上报树）",
                () -> store.load(complete));
        loadedFingerprint = fingerprint;
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (first) {
            log.info("区划目录载入 {} 个{}，用时 {} ms", directory.size(), complete ? "" : "（乡级、村级用到时再载入）", ms);
        } else {
            log.debug("区划目录载入 {} 个，用时 {} ms", directory.size(), ms);
        }
    }

    /**
     * The directory with the 乡级 and 村级 units: the current one, or — when only the reporting tree was read
     * ({@link #localUnitsOnDemand}) — the whole tree, read now in place of it. Read afresh, it may be newer than the
     * reporting tree read before, as after any {@link #reload}; each caller takes one directory and asks only it.
     */
    private RegionDirectory complete() {
        RegionDirectory d = directory;
        if (d.complete()) {
            return d;
        }
        synchronized (writeLock) {
            if (!directory.complete()) {
                long start = System.nanoTime();
                org.anju.platform.StartupClock.step("区划目录：乡级、村级（用到时）",
                        () -> load(store.fingerprint(), true, false, start));
            }
            return directory;
        }
    }

    /** The directory that holds these regions: the whole tree's when one is a 乡级 or 村级 unit. */
    private RegionDirectory holding(Region... rs) {
        for (Region r : rs) {
            if (r != null && r.kind() != null && r.kind().local()) {
                return complete();
            }
        }
        return directory;
    }

    /** The node of this id: asked of the whole tree when the reporting tree alone has none. */
    private Node nodeById(int id) {
        Node n = directory.find(id);
        return n != null ? n : complete().node(id);
    }

    /**
     * After a change: reloads at once (the caller's transaction sees its new region), and once more when an enclosing
     * transaction ends — a rolled-back addition would otherwise stay in the directory, visible to every thread, until
     * some later change (the fingerprint then differs from the rows read, so the second load restores the truth).
     */
    private void reloadNowAndAfterCompletion() {
        reload();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            reload();
                        }
                    });
        }
    }

    /** The directory read (the reporting tree alone until the local units are asked for, see {@link #localUnitsOnDemand}). */
    RegionDirectory directory() {
        return directory;
    }

    // ------------------------------------------------------------------------------------------ tree

    /** 全国. */
    /**
     * A page of a region's children (towns and communities included), or — with a text — of its whole subtree whose name
     * contains the text or whose code starts with it; narrowed to a kind. Read in SQL; ordered by depth, the tree's own
     * order among siblings, code.
     */
    public org.anju.platform.Page<Region> page(Region parent, RegionKind kind, String text,
                                               org.anju.platform.PageRequest request) {
        String t = text == null || text.isBlank() ? null : text.strip();
        return store.page(parent.id(), t != null, kind == null ? null : kind.name(), t, request).map(this::byId);
    }

    public Region root() {
        return directory.root().region;
    }

    public Optional<Region> byCode(String code) {
        Node n = directory.byCode(code);
        if (n == null && code != null && !directory.complete()) {
            n = complete().byCode(code);   // a town's or community's code, or none at all
        }
        return n == null ? Optional.empty() : Optional.of(n.region);
    }

    /** @throws NoSuchElementException if there is no region with this id */
    public Region byId(int id) {
        return nodeById(id).region;
    }

    public Optional<Region> parent(Region r) {
        Node p = holding(r).node(r).parent;
        return p == null ? Optional.empty() : Optional.of(p.region);
    }

    /**
     * Children in the reporting tree, in display order: 市本级, 片区, divisions by code, development zones. A county's
     * towns are not among them, nor a town's communities ({@link #localUnits}).
     */
    public List<Region> children(Region r) {
        return RegionDirectory.regions(RegionDirectory.reportingChildren(holding(r).node(r)));
    }

    /**
     * The children outside the reporting tree ({@link RegionKind#local()}): a county-level region's 乡级 units (街道,
     * 镇, 乡) by code, a town's 社区/村 in the order they were added. Empty for everything else.
     */
    public List<Region> localUnits(Region r) {
        return RegionDirectory.regions(RegionDirectory.localChildren(complete().node(r)));
    }

    /** From the root down to the parent; empty for the root. */
    public List<Region> ancestors(Region r) {
        Node n = holding(r).node(r);
        Region[] path = new Region[n.depth];
        for (Node p = n.parent; p != null; p = p.parent) {
            path[p.depth] = p.region;
        }
        return List.of(path);
    }

    /** Whether {@code r} is {@code ancestor} or lies below it (towns and communities included). O(1). */
    public boolean contains(Region ancestor, Region r) {
        RegionDirectory d = holding(ancestor, r);
        return RegionDirectory.contains(d.node(ancestor), d.node(r));
    }

    /**
     * {@code r} and all its descendants in the reporting tree, in pre-order (a view, O(1)): towns and communities
     * are left out (for a town: the town and its communities). Groups are included as children of their city.
     */
    public List<Region> subtree(Region r) {
        RegionDirectory d = holding(r);
        return d.subtree(d.node(r));
    }

    /** {@code r} and all its descendants, towns and communities included, in pre-order (a view, O(1)). */
    public List<Region> wholeSubtree(Region r) {
        RegionDirectory d = complete();
        return d.wholeSubtree(d.node(r));
    }

    /** Members of a group (in tree order); empty for anything else. */
    public List<Region> members(Region group) {
        return RegionDirectory.regions(holding(group).node(group).members);
    }

    /**
     * The group of this name that has {@code member}, or one of its ancestors, as a member:
     * {@code groupOf(信州区, "中心城区")} is 上饶市 中心城区.
     */
    public Optional<Region> groupOf(Region member, String groupName) {
        String key = RegionNames.normalize(groupName);
        for (Node n = holding(member).node(member); n != null; n = n.parent) {
            for (Node g : n.groups) {
                if (RegionNames.normalize(g.region.name()).equals(key)) {
                    return Optional.of(g.region);
                }
            }
        }
        return Optional.empty();
    }

    /** Groups {@code member} belongs to directly. */
    public List<Region> groupsOf(Region member) {
        return RegionDirectory.regions(holding(member).node(member).groups);
    }

    /** The deepest region containing all of them; the root for an empty collection. */
    public Region commonAncestor(Collection<Region> regions) {
        RegionDirectory d = holding(regions.toArray(Region[]::new));
        Iterator<Region> it = regions.iterator();
        if (!it.hasNext()) {
            return d.root().region;
        }
        Node common = d.node(it.next());
        while (it.hasNext()) {
            Node n = d.node(it.next());
            while (!RegionDirectory.contains(common, n)) {
                common = common.parent;
            }
        }
        return common.region;
    }

    /**
     * The city a region belongs to: the nearest ancestor-or-self that is a prefecture, a development
     * zone directly under a province (赣江新区, 长白山) or a municipality (北京市: a province without
     * prefectures). Empty for the root, provinces and counties directly under a province (济源市).
     */
    public Optional<Region> city(Region r) {
        Node c = holding(r).node(r).city;
        return c == null ? Optional.empty() : Optional.of(c.region);
    }

    /** An alias of a region and where it came from (curated, generated, added); city-only ones mean it only in its city. */
    public record Alias(String alias, boolean cityOnly, String origin) {
    }

    /** Aliases of a region (curated, generated or added), city-only ones included. */
    public List<Alias> aliases(Region r) {
        return holding(r).node(r).aliases.stream().map(a -> new Alias(a.alias(), a.cityOnly(), a.origin())).toList();
    }

    /** A label as names are compared: see {@code RegionNames.normalize} (spaces, full width, Traditional forms). */
    public static String normalize(String label) {
        return RegionNames.normalize(label);
    }

    /** Regions whose name or alias contains the text: exact matches first, then prefixes, then the rest. */
    public List<Region> search(String text, int limit) {
        return RegionDirectory.regions(complete().search(text, limit));
    }

    // ------------------------------------------------------------------------------------ resolution

    /**
     * Finds the region a label in a document means. The label is normalised (whitespace removed, full-width
     * ASCII made half-width); candidates are the regions with that name or alias. With a context, the
     * candidates inside the context win; if there are none, the search widens to the context's city, then
     * its province, then the whole country, and a unique hit there is {@code Found(r, true)}. Labels that
     * only make sense inside a city (市本级, 本级, 中心城区, 经开区 as a city-only alias) are looked for only
     * inside {@code city(context)} (or the context itself when it is no city). A label equal to the
     * context's own name is the context. When the context is a group (中心城区), its members count as
     * inside it.
     *
     * @param context where the label was read (e.g. the city whose table it is), {@code null} for nationwide
     */
    public Resolution resolve(String label, Region context) {
        String key = RegionNames.normalize(label);
        if (key.isEmpty()) {
            return new Resolution.NotFound();
        }
        RegionDirectory d = holding(context);
        Node ctx = context == null ? null : d.node(context);
        if (ctx != null && key.equals(RegionNames.normalize(ctx.region.name()))) {
            return new Resolution.Found(ctx.region, false);
        }
        List<Node> global = d.global(key);
        List<Node> relative = d.relative(key);

        // first ring: inside the context, plus city-relative labels inside the context's city
        List<Node> first = new ArrayList<>(2);
        for (Node n : global) {
            if (ctx == null || inside(ctx, n)) {
                first.add(n);
            }
        }
        if (!relative.isEmpty()) {
            Node scope = ctx == null ? null : ctx.city != null ? ctx.city : ctx;
            for (Node n : relative) {
                if ((scope == null || RegionDirectory.contains(scope, n)) && !first.contains(n)) {
                    first.add(n);
                }
            }
        }
        if (!first.isEmpty() || ctx == null) {
            return pick(first, false);
        }
        // widen: city, province, nation (nationwide names and aliases only)
        Node previous = ctx;
        for (Node scope : new Node[] {ctx.city, ctx.province, d.root()}) {
            if (scope == null || RegionDirectory.contains(previous, scope)) {
                continue; // no wider than what was searched already
            }
            List<Node> ring = new ArrayList<>(2);
            for (Node n : global) {
                if (RegionDirectory.contains(scope, n)) {
                    ring.add(n);
                }
            }
            if (!ring.isEmpty()) {
                return pick(ring, true);
            }
            previous = scope;
        }
        return new Resolution.NotFound();
    }

    /**
     * What a label may mean when {@link #resolve} finds nothing: the regions whose short form it is even where
     * that short form is no alias because it fits several (吉林 → 吉林省, 吉林市), and — for a bare 开发区, 经开区,
     * 高新区, 新区 inside a city — that city's development zones whose names fit (all of them when none does).
     * Inside the context first, else nationwide. The caller chooses (by the level of a table's other rows) or asks.
     */
    public List<Region> candidates(String label, Region context) {
        String key = RegionNames.normalize(label);
        RegionDirectory d = holding(context);
        Node ctx = context == null ? null : d.node(context);
        List<Node> shorts = d.shortForm(key);
        List<Node> inside = shorts.stream().filter(n -> ctx == null || inside(ctx, n)).toList();
        if (!inside.isEmpty() || !shorts.isEmpty()) {
            return RegionDirectory.regions(sortedByTree(inside.isEmpty() ? shorts : inside));
        }
        Node city = ctx == null ? null : ctx.city != null ? ctx.city : ctx;
        java.util.regex.Matcher zone = GENERIC_ZONE.matcher(key);
        if (city == null || !zone.matches()) {
            return List.of();
        }
        List<Node> zones = new ArrayList<>();
        for (Region r : subtree(city.region)) {
            if (r.kind() == RegionKind.DEV_ZONE) {
                zones.add(d.node(r));
            }
        }
        String word = zone.group(1);
        List<Node> fitting = zones.stream().filter(n -> zoneFits(RegionNames.normalize(n.region.name()), word)).toList();
        return RegionDirectory.regions(fitting.isEmpty() ? zones : fitting);
    }

    private static final Pattern GENERIC_ZONE = Pattern.compile("(经开区|经济技术开发区|经济开发区|高新区|高新技术产业开发区"
            + "|开发区|新区|工业园区|园区|试验区|综合试验区|保税区|综保区)");

    private static boolean zoneFits(String name, String word) {
        return switch (word) {
            case "经开区", "经济技术开发区", "经济开发区" -> name.contains("经济技术开发区") || name.contains("经济开发区")
                    || name.contains("经开区");
            case "高新区", "高新技术产业开发区" -> name.contains("高新");
            case "开发区" -> name.contains("开发区");
            case "保税区", "综保区" -> name.contains("保税") || name.contains("综合保税");
            default -> name.contains(word);
        };
    }

    /**
     * Finds the 乡级 or 村级 unit a label names inside {@code scope} (a county, a city, a town), as an application's
     * 街道 or 社区 is written: by its name, or — where no name is the same — by its name without 居民委员会, 居委会,
     * 村民委员会 or 村委会 (多福巷社区 for 多福巷社区居委会). Only ever inside the scope, never widened, and never the
     * reporting tree's regions ({@link #resolve} is for those): 城关镇 is in 88 counties.
     */
    public Resolution resolveLocal(String label, Region scope) {
        String key = RegionNames.normalize(label);
        if (key.isEmpty()) {
            return new Resolution.NotFound();
        }
        RegionDirectory d = complete();
        Node in = d.node(scope);
        List<Node> exact = d.local(key).stream().filter(n -> RegionDirectory.contains(in, n)).toList();
        if (!exact.isEmpty()) {
            return pick(exact, false);
        }
        String base = RegionNames.withoutCommitteeSuffix(key);
        List<Node> loose = new ArrayList<>();
        for (Region r : d.wholeSubtree(in)) {
            Node n = d.node(r);
            if (n.local() && RegionNames.withoutCommitteeSuffix(n.key).equals(base)) {
                loose.add(n);
            }
        }
        return pick(loose, false);
    }

    private static List<Node> sortedByTree(List<Node> nodes) {
        return nodes.stream().sorted(java.util.Comparator.comparingInt(n -> n.pre)).toList();
    }

    /** Inside the context: in its subtree, or, for a group, in the subtree of one of its members. */
    private static boolean inside(Node ctx, Node n) {
        if (RegionDirectory.contains(ctx, n)) {
            return true;
        }
        for (Node m : ctx.members) {
            if (RegionDirectory.contains(m, n)) {
                return true;
            }
        }
        return false;
    }

    private static Resolution pick(List<Node> candidates, boolean outside) {
        return switch (candidates.size()) {
            case 0 -> new Resolution.NotFound();
            case 1 -> new Resolution.Found(candidates.getFirst().region, outside);
            default -> new Resolution.Ambiguous(candidates.stream()
                    .sorted(java.util.Comparator.comparingInt(n -> n.pre)).map(n -> n.region).toList());
        };
    }

    // --------------------------------------------------------------------------------------- changes

    /**
     * Adds a development zone, 市本级 or group below an existing region, keeping the closure table and
     * this directory up to date.
     *
     * @throws org.anju.platform.BadInput with a Chinese message when the unit is not acceptable
     * @throws org.springframework.security.access.AccessDeniedException unless the actor may manage the parent's
     *                                                                     reference data ({@link ReferenceDataGuard})
     */
    public Region addUnit(NewUnit unit) {
        if (unit == null) {
            throw new org.anju.platform.BadInput("缺少要新增的单位");
        }
        synchronized (writeLock) {
            RegionDirectory d = complete();   // a new unit's sort order comes after every child's, its towns' too
            Node above = d.byCode(unit.parentCode());
            if (above != null) { // an unknown parent is refused below as bad input
                checkManage(above.region);
            }
            String name = RegionNames.normalize(unit.name());
            RegionKind kind = unit.kind();
            if (name.isEmpty() || name.length() > MAX_LABEL) {
                throw new org.anju.platform.BadInput("名称不能为空，且不超过 " + MAX_LABEL + " 个字");
            }
            if (kind != RegionKind.DEV_ZONE && kind != RegionKind.CITY_LEVEL && kind != RegionKind.GROUP) {
                throw new org.anju.platform.BadInput("只能新增开发区（DEV_ZONE）、市本级（CITY_LEVEL）或片区（GROUP）");
            }
            Node parent = d.byCode(unit.parentCode());
            if (parent == null) {
                throw new org.anju.platform.BadInput("上级区划代码不存在：" + unit.parentCode());
            }
            RegionKind pk = parent.region.kind();
            if (pk == RegionKind.NATION || pk == RegionKind.CITY_LEVEL || pk == RegionKind.GROUP || pk.local()
                    || parent.region.level() >= 4) {
                throw new org.anju.platform.BadInput("不能在“" + parent.region.name() + "”（" + pk.label() + "）之下新增单位");
            }
            if (kind == RegionKind.CITY_LEVEL) {
                if (parent.city != parent) {
                    throw new org.anju.platform.BadInput("市本级只能设在地级市（或直辖市、省直管新区）之下");
                }
                if (parent.children.stream().anyMatch(c -> c.region.kind() == RegionKind.CITY_LEVEL)) {
                    throw new org.anju.platform.BadInput(parent.region.name() + "已有市本级单位");
                }
            }
            List<Node> members = new ArrayList<>();
            for (String code : unit.memberCodes()) {
                Node m = d.byCode(code);
                if (m == null) {
                    throw new org.anju.platform.BadInput("成员代码不存在：" + code);
                }
                if (m == parent || !RegionDirectory.contains(parent, m) || m.region.kind() == RegionKind.GROUP || m.local()) {
                    throw new org.anju.platform.BadInput("成员“" + m.region.name() + "”不在“" + parent.region.name() + "”之内或本身是片区");
                }
                if (!members.contains(m)) {
                    members.add(m);
                }
            }
            if (kind == RegionKind.GROUP && members.isEmpty()) {
                throw new org.anju.platform.BadInput("片区至少要有一个成员");
            }
            if (kind != RegionKind.GROUP && !members.isEmpty()) {
                throw new org.anju.platform.BadInput("只有片区可以有成员");
            }
            Node scope = parent.city != null ? parent.city : parent;
            for (Node n : concat(d.global(name), d.relative(name))) {
                if (RegionDirectory.contains(scope, n)) {
                    throw new org.anju.platform.BadInput("“" + scope.region.name() + "”内已有名为“" + name + "”的单位："
                            + n.region.code());
                }
            }
            String code = unit.code() == null || unit.code().isBlank() ? newCode(d, parent, kind) : unit.code().trim();
            if (!UNIT_CODE.matcher(code).matches() || DIVISION_CODE.matcher(code).matches()) {
                throw new org.anju.platform.BadInput("代码只能由字母、数字、- 和 _ 组成（不超过 40 位），六位数字和十二位数字的代码留给行政区划：" + code);
            }
            if (d.byCode(code) != null) {
                throw new org.anju.platform.BadInput("代码已被使用：" + code);
            }
            List<String> aliases = new ArrayList<>();
            for (String a : unit.aliases()) {
                String alias = checkAlias(d, a);
                if (alias.equals(name)) {
                    throw new org.anju.platform.BadInput("别名与名称相同：" + alias);
                }
                Region other = d.claimedOutside(alias, parent); // the new unit lies in its parent's province
                if (other != null) {
                    throw new org.anju.platform.BadInput("“" + alias + "”已用来指" + placed(d, other) + "，作为" + name
                            + "的通用别名会使其他地区的表格无法识别或识别错；请换一个别名");
                }
                if (!aliases.contains(alias)) {
                    aliases.add(alias);
                }
            }
            int level = kind == RegionKind.DEV_ZONE && pk == RegionKind.PROVINCE ? 2 : Math.max(3, parent.region.level() + 1);
            int sortOrder = kind == RegionKind.CITY_LEVEL ? 0
                    : parent.children.stream().mapToInt(c -> c.sortOrder).max().orElse(0) + 1;
            Integer id = tx.execute(status -> {
                int newId = store.insertLeaf(code, name, kind, level, parent.region.id(), sortOrder, null);
                for (String alias : aliases) {
                    store.insertAlias(alias, newId, false, "added");
                }
                if (kind == RegionKind.CITY_LEVEL) {
                    for (String label : RegionSource.CITY_LEVEL_LABELS) {
                        store.insertAlias(label, newId, true, "generated");
                    }
                }
                for (Node m : members) {
                    store.insertMember(newId, m.region.id());
                }
                return newId;
            });
            reloadNowAndAfterCompletion();
            log.info("新增{}“{}”（{}），上级 {}", kind.label(), name, code, parent.region.code());
            return byId(id);
        }
    }

    /** Adds one 社区/村 below a town. See {@link #addCommunities(List)}. */
    public Region addCommunity(Region town, String name, String code) {
        return addCommunities(List.of(new NewCommunity(town == null ? null : town.code(), name, code))).getFirst();
    }

    /**
     * Adds 社区/村 below towns, all or nothing (a county's list read from a file is one call): each name new among its
     * town's communities, each code — where given — the town's first nine digits and three more (not 000) and unused.
     * Communities never report; they are where applications are taken in ({@link RegionKind#COMMUNITY}).
     *
     * @throws org.anju.platform.BadInput with a Chinese message naming the line (1-based) when one is not acceptable
     * @throws org.springframework.security.access.AccessDeniedException unless the actor may add communities in every
     *                                                                     town named ({@link ReferenceDataGuard#checkManageLocalUnits})
     */
    public List<Region> addCommunities(List<NewCommunity> communities) {
        if (communities == null || communities.isEmpty()) {
            throw new org.anju.platform.BadInput("没有要新增的社区/村");
        }
        synchronized (writeLock) {
            RegionDirectory d = complete();
            record Row(Node town, String name, String code, String divisionCode) {
            }
            List<Row> rows = new ArrayList<>(communities.size());
            java.util.Set<Node> checked = new java.util.HashSet<>();
            java.util.Set<String> codes = new java.util.HashSet<>();
            java.util.Map<Node, java.util.Set<String>> names = new java.util.HashMap<>();
            java.util.Map<Node, Integer> generated = new java.util.HashMap<>();
            int line = 0;
            for (NewCommunity c : communities) {
                line++;
                String at = communities.size() == 1 ? "" : "第 " + line + " 行：";
                Node town = c == null ? null : d.byCode(c.townCode());
                if (town == null || town.region.kind() != RegionKind.TOWN) {
                    throw new org.anju.platform.BadInput(at + "社区/村只能设在乡级区划（街道、镇、乡）之下，"
                            + (town == null ? "代码不存在：" + (c == null ? null : c.townCode())
                            : "“" + town.region.name() + "”是" + town.region.kind().label()));
                }
                if (checked.add(town)) {
                    guard().checkManageLocalUnits(town.region);
                }
                String name = RegionNames.normalize(c.name());
                if (name.isEmpty() || name.length() > MAX_LABEL) {
                    throw new org.anju.platform.BadInput(at + "名称不能为空，且不超过 " + MAX_LABEL + " 个字");
                }
                java.util.Set<String> taken = names.computeIfAbsent(town, t -> {
                    java.util.Set<String> set = new java.util.HashSet<>();
                    RegionDirectory.localChildren(t).forEach(x -> set.add(x.key));
                    return set;
                });
                if (!taken.add(name)) {
                    throw new org.anju.platform.BadInput(at + "“" + town.region.name() + "”内已有名为“" + name + "”的社区/村");
                }
                String code = c.code() == null ? "" : c.code().trim();
                String divisionCode = null;
                if (code.isEmpty()) {
                    int n = generated.getOrDefault(town, 0);
                    do {
                        code = town.region.code() + "-C" + ++n;
                    } while (d.byCode(code) != null || codes.contains(code));
                    generated.put(town, n);
                } else {
                    String prefix = town.region.code().substring(0, 9);
                    if (!STATISTICAL_CODE.matcher(code).matches() || !code.startsWith(prefix) || code.endsWith("000")) {
                        throw new org.anju.platform.BadInput(at + "社区/村代码应为 12 位统计用区划代码，以所在"
                                + town.region.name() + "的前九位 " + prefix + " 开头、末三位不为 000：" + code);
                    }
                    divisionCode = code;
                }
                if (d.byCode(code) != null || !codes.add(code)) {
                    throw new org.anju.platform.BadInput(at + "代码已被使用：" + code);
                }
                rows.add(new Row(town, name, code, divisionCode));
            }
            List<Integer> ids = tx.execute(status -> {
                java.util.Map<Node, Integer> order = new java.util.HashMap<>();
                List<Integer> added = new ArrayList<>(rows.size());
                for (Row r : rows) {
                    int sortOrder = order.merge(r.town(), 1, Integer::sum)
                            + RegionDirectory.localChildren(r.town()).stream().mapToInt(x -> x.sortOrder).max().orElse(0);
                    added.add(store.insertLeaf(r.code(), r.name(), RegionKind.COMMUNITY, 5, r.town().region.id(),
                            sortOrder, r.divisionCode()));
                }
                return added;
            });
            reloadNowAndAfterCompletion();
            log.info("新增社区/村 {} 个（{}）", rows.size(), rows.stream().map(r -> r.town().region.name() + r.name())
                    .limit(5).collect(java.util.stream.Collectors.joining("、")));
            return ids.stream().map(this::byId).toList();
        }
    }

    /** Adds an alias valid anywhere. See {@link #addAlias(Region, String, boolean)}. */
    public void addAlias(Region r, String alias) {
        addAlias(r, alias, false);
    }

    /**
     * Adds an alias. An alias may not be any region's official name. Adding an alias the region already
     * has changes nothing.
     *
     * @param cityOnly the alias means this region only inside its own city (like 经开区)
     * @throws org.anju.platform.BadInput with a Chinese message when the alias is not acceptable
     * @throws org.springframework.security.access.AccessDeniedException unless the actor may manage {@code r}'s
     *                                                                     reference data ({@link ReferenceDataGuard})
     */
    public void addAlias(Region r, String alias, boolean cityOnly) {
        checkManage(r);
        synchronized (writeLock) {
            RegionDirectory d = complete();
            Node n = d.node(r);
            String key = checkAlias(d, alias);
            if (cityOnly && n.city == null) {
                throw new org.anju.platform.BadInput("“" + r.name() + "”不属于任何城市，不能设置仅限本市的别名");
            }
            Region other = cityOnly ? null : d.claimedOutside(key, n);
            if (other != null) {
                // one province's alias must not change how another province's tables are read
                throw new org.anju.platform.BadInput("“" + key + "”已用来指" + placed(d, other) + "，作为" + r.name()
                        + "的通用别名会使其他地区的表格无法识别或识别错；请换一个别名，或设为仅限本市有效的别名");
            }
            if (n.aliases.stream().anyMatch(a -> a.alias().equals(key))) {
                return;
            }
            tx.executeWithoutResult(status -> store.insertAlias(key, n.region.id(), cityOnly, "added"));
            reloadNowAndAfterCompletion();
            log.info("为“{}”（{}）新增别名“{}”", r.name(), r.code(), key);
        }
    }

    /** 江门市恩平市（440785）: a region with the names above it, as a message names it. */
    private static String placed(RegionDirectory d, Region r) {
        StringBuilder s = new StringBuilder();
        for (Node n = d.node(r); n != null && n.region.kind() != RegionKind.NATION; n = n.parent) {
            s.insert(0, n.region.name());
        }
        return s + "（" + r.code() + "）";
    }

    private static String checkAlias(RegionDirectory d, String alias) {
        String key = RegionNames.normalize(alias);
        if (key.isEmpty() || key.length() > MAX_LABEL) {
            throw new org.anju.platform.BadInput("别名不能为空，且不超过 " + MAX_LABEL + " 个字");
        }
        if (d.isName(key)) {
            throw new org.anju.platform.BadInput("“" + key + "”是已有区划的正式名称，不能用作别名");
        }
        return key;
    }

    private static String newCode(RegionDirectory d, Node parent, RegionKind kind) {
        String base = parent.region.code();
        if (kind == RegionKind.CITY_LEVEL) {
            return base + "-SB";
        }
        String prefix = base + (kind == RegionKind.GROUP ? "-G" : "-K");
        for (int i = 1; ; i++) {
            if (d.byCode(prefix + i) == null) {
                return prefix + i;
            }
        }
    }

    private static List<Node> concat(List<Node> a, List<Node> b) {
        List<Node> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
