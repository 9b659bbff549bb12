package org.anju.rental.waiting;

import org.anju.account.Access;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.privacy.IdNumber;
import org.anju.privacy.PersonalData;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.anju.platform.ChinaTime.today;

/**
 * The 轮候 list of a city or county: its open, qualified 实物配租 households (资格证 issued, no allocation in force, not
 * struck off) in the order the city's rules give ({@link WaitingRules}). Everyone who may read the region sees it,
 * masked; a household finds its own place without an account by its 资格证号 and a family member's full ID number
 * ({@link PublicLookups}, matched by blind index — nothing is decrypted; misses bounded). Checks access itself.
 */
@Service
public class WaitingList {

    public static final int PAGE = 50;
    private static final Pattern CERTIFICATE = Pattern.compile("[0-9A-Za-z_-]{1,40}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final WaitingRepository repository;
    private final WaitingRuleBook book;
    private final Regions regions;
    private final Access access;
    private final PersonalData personalData;
    private final WaitingOrders orders;

    WaitingList(WaitingRepository repository, WaitingRuleBook book, Regions regions, Access access,
                PersonalData personalData, WaitingOrders orders) {
        this.repository = repository;
        this.orders = orders;
        this.book = book;
        this.regions = regions;
        this.access = access;
        this.personalData = personalData;
    }


    /** The city whose rules apply to a city or county scope. */
    public Region cityOf(Region scope) {
        return scope.kind() == RegionKind.PREFECTURE ? scope : regions.city(scope).orElse(scope);
    }

    /** The rules in force today for the city of {@code regionCode}; refused in Chinese when the city has none. */
    public WaitingRules rules(String regionCode) {
        Region scope = scope(regionCode);
        access.checkRead(scope);
        return book.forCity(cityOf(scope), today());
    }

    /**
     * The city of {@code regionCode} when it has no waiting-list rules in force today (for the page's link to where they
     * are uploaded); empty for a city with rules, or a code that names no city or county.
     */
    public Optional<Region> cityWithoutRules(String regionCode) {
        Optional<Region> r = regionCode == null ? Optional.empty() : regions.byCode(regionCode.strip());
        return r.filter(x -> x.kind() == RegionKind.PREFECTURE || x.kind() == RegionKind.COUNTY
                        || x.kind() == RegionKind.DEV_ZONE || x.kind() == RegionKind.CITY_LEVEL)
                .filter(access::canRead).map(this::cityOf).filter(city -> !book.has(city, today()));
    }

    /**
     * A page of the list of a city (地级) or county-level unit, optionally only the household with a 资格证号 (exact).
     *
     * @throws BadInput for a region that is not a city or county, a page out of range, a malformed 资格证号
     */
    @Transactional(readOnly = true)
    public WaitingPage page(String regionCode, String certificateNo, int page) {
        Region scope = scope(regionCode);
        access.checkRead(scope);
        if (page < 0 || page > 100_000) {
            throw new BadInput("参数 page 的值「" + page + "」不对：应为 0 至 100000 的页码");
        }
        LocalDate today = today();
        Region city = cityOf(scope);
        WaitingRules rules = book.forCity(city, today);
        WaitingRepository.Scope s = new WaitingRepository.Scope(scope.kind() == RegionKind.PREFECTURE || city.id() == scope.id(),
                scope.id(), null, false);
        WaitingOrders.Order order = order(rules, s, city, today);
        if (certificateNo != null && !certificateNo.isBlank()) {
            String c = certificate(certificateNo);
            int i = repository.holder(c).map(order::indexOf).orElse(-1);
            List<WaitingEntry> found = i < 0 ? List.of() : entries(order, i, i + 1, rules, today);
            return new WaitingPage(scope.code(), scope.name(), rules, found, order.size(), 0, PAGE);
        }
        int from = Math.min(page * PAGE, order.size());
        return new WaitingPage(scope.code(), scope.name(), rules,
                entries(order, from, Math.min(from + PAGE, order.size()), rules, today), order.size(), page, PAGE);
    }

    /** The scope's order, as kept unless the city's version, the rules or the day changed since (WaitingOrders). */
    private WaitingOrders.Order order(WaitingRules rules, WaitingRepository.Scope s, Region city, LocalDate today) {
        long version = repository.version(city.id());
        return orders.order(new WaitingOrders.Key(s.city(), s.regionId(), rules, today, version), () -> {
            repository.roomToSort();
            return repository.order(rules, s, today);
        });
    }

    /** Positions {@code from} to {@code to} (0-based, exclusive) of an order, with their masked columns read now. */
    private List<WaitingEntry> entries(WaitingOrders.Order o, int from, int to, WaitingRules rules, LocalDate today) {
        java.util.Map<Long, WaitingRepository.Shown> shown = repository.shown(java.util.Arrays.copyOfRange(o.ids(), from, to));
        List<WaitingEntry> entries = new java.util.ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            WaitingRepository.Shown w = shown.get(o.ids()[i]);
            if (w == null) {
                throw new IllegalStateException("household " + o.ids()[i] + " of the waiting list is gone");
            }
            entries.add(entry(new WaitingRepository.Row(o.ids()[i], w.certificateNo(), w.qualifiedOn(), w.name(), w.idNumber(),
                    w.countyId(), o.keys()[i], w.groups(), o.size()), i + 1, rules, today));
        }
        return entries;
    }

    /**
     * The candidates of a round, in waiting-list order: the households of a county at the top of its list (all of a
     * priority group's members with {@code group}), who are not already candidates of a round still open. For
     * {@code org.anju.rental.allocation}, which has checked the actor.
     *
     * @param limit how many at most; null for all
     */
    @Transactional
    public List<WaitingEntry> candidates(Region county, WaitingRules rules, String group, Integer limit) {
        access.checkRead(county);
        repository.roomToSort();
        LocalDate today = today();
        WaitingRepository.Scope s = new WaitingRepository.Scope(false, county.id(), group, true);
        List<WaitingRepository.Row> rows = repository.page(rules, s, today, 0, limit == null ? Integer.MAX_VALUE : limit);
        List<WaitingEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            entries.add(entry(rows.get(i), i + 1, rules, today));
        }
        return entries;
    }

    /** Strikes a household off the list (取消轮候资格) from {@code since}. For the allocation rounds, which checked the actor. */
    public void exclude(long householdId, LocalDate since, String reason, long roundId) {
        repository.exclude(householdId, since, reason, roundId, access.current().username());
    }

    /** Households of a county waiting at the end of {@code day}. For the figures; checks read access. */
    public int waitingOn(Region county, LocalDate day) {
        access.checkRead(county);
        return repository.waitingOn(county.id(), day);
    }

    /** The public lookup's answer when no household has both the 资格证号 and the ID number (a miss). */
    static final String NOT_MATCHED = "没有找到资格证号与身份证号相符的家庭：请核对资格证上的编号和家庭成员的身份证号";

    /** What the public lookup answers: masked name and ID number, where the household stands, its place if waiting. */
    public record Standing(String certificateNo, String name, String idNumber, String countyName, String status,
                           Integer position, Integer total, String rules, boolean rulesVerified) {
    }

    /**
     * A household's own standing, for anyone who knows its 资格证号 and the full ID number of one of its members (no
     * account). The ID number is matched through its blind index; nothing is decrypted. Not found and not matching give
     * the same answer. It does say whether a guessed number is right: only through {@link PublicLookups}, which bounds
     * and records the guesses.
     */
    @Transactional(readOnly = true)
    Standing standing(String c, IdNumber id) {   // both checked by PublicLookups before the lookup counts
        WaitingRepository.Lookup h = repository.lookup(c, personalData.blindIndex(id))
                .orElseThrow(() -> new BadInput(NOT_MATCHED));
        Region county = regions.byId(h.countyId());
        if (h.closedOn() != null) {
            return new Standing(c, h.name(), h.idNumber(), county.name(), "已退出（" + DAY.format(h.closedOn()) + "）", null,
                    null, null, true);
        }
        if (!"PUBLIC_RENTAL".equals(h.guarantee())) {
            return new Standing(c, h.name(), h.idNumber(), county.name(), "保障方式为租赁补贴，不参加公租房轮候", null, null,
                    null, true);
        }
        if (h.allocatedOn() != null) {
            return new Standing(c, h.name(), h.idNumber(), county.name(), "已配租（" + DAY.format(h.allocatedOn()) + "）",
                    null, null, null, true);
        }
        if (h.excludedOn() != null) {
            return new Standing(c, h.name(), h.idNumber(), county.name(), "已取消轮候资格（" + DAY.format(h.excludedOn()) + "）",
                    null, null, null, true);
        }
        LocalDate today = today();
        Region city = cityOf(county);
        WaitingRules rules = book.forCity(city, today);
        WaitingRepository.Scope s = new WaitingRepository.Scope(false, county.id(), null, false);
        WaitingOrders.Order order = order(rules, s, city, today);
        int i = order.indexOf(h.id());
        if (i < 0) {
            return new Standing(c, h.name(), h.idNumber(), county.name(), "尚未进入轮候（资格证日期未到）", null, null,
                    rules.name(), rules.verified());
        }
        return new Standing(c, h.name(), h.idNumber(), county.name(), "轮候中", i + 1, order.size(), rules.name(),
                rules.verified());
    }

    private WaitingEntry entry(WaitingRepository.Row r, int position, WaitingRules rules, LocalDate today) {
        Region county = regions.byId(r.countyId());
        boolean score = rules.ordering() == WaitingRules.Ordering.SCORE;
        String priority = !score && r.key() < rules.groups().size() + 1 ? rules.groups().get((int) r.key() - 1) : null;
        return new WaitingEntry(position, r.id(), r.certificateNo(), r.name(), r.idNumber(), county.code(), county.name(),
                r.qualifiedOn(), WaitingRepository.groups(r.groups()), priority, score ? (int) -r.key() : null,
                r.qualifiedOn().plusMonths(rules.recheckMonths()).isBefore(today));
    }

    private Region scope(String regionCode) {
        if (regionCode == null || regionCode.isBlank()) {
            throw new BadInput("缺少地区（region）：请给出市或区县的行政区划代码");
        }
        Region r = regions.byCode(regionCode.strip())
                .orElseThrow(() -> new BadInput("没有编码为 " + shorten(regionCode) + " 的地区"));
        if (r.kind() != RegionKind.PREFECTURE && r.kind() != RegionKind.COUNTY && r.kind() != RegionKind.DEV_ZONE
                && r.kind() != RegionKind.CITY_LEVEL) {
            throw new BadInput(r.name() + "（" + r.kind().label() + "）没有自己的轮候名单：轮候按市（用市的轮候规则）或区县排列，"
                    + "请选择一个市或区县");
        }
        return r;
    }

    static String certificate(String text) {
        String c = text == null ? "" : text.strip();
        if (!CERTIFICATE.matcher(c).matches()) {
            throw new BadInput("资格证号“" + shorten(c) + "”不对：应为资格证上的编号（数字和字母，不超过 40 位）");
        }
        return c;
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }
}
