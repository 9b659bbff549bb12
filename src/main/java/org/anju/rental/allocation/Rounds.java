package org.anju.rental.allocation;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.anju.rental.draw.Draw;
import org.anju.rental.stock.Dwelling;
import org.anju.rental.stock.Stock;
import org.anju.rental.stock.StockStatus;
import org.anju.rental.stock.StockStep;
import org.anju.rental.waiting.WaitingEntry;
import org.anju.rental.waiting.WaitingList;
import org.anju.rental.waiting.WaitingRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.anju.platform.ChinaTime.today;

/**
 * 配租批次: a county's housing office offers vacant dwellings to the top of its waiting list (or of a priority group).
 * Opening freezes and publishes the candidate list with its SHA-256 and — when the city allocates by lottery and there
 * are more candidates than dwellings — the public value that will be the seed and the day it is known; the seed is typed
 * in on or after that day and the draw ({@link Draw}) runs at once; the order and its hash are public. Then households
 * choose in order ({@link Round}): chose → the dwelling is ALLOCATED through {@link Stock#change} and an allocation is
 * stored; gave up or refused beyond the city's limit → the next 候选 moves up (递补), and a household that refused too
 * often loses its place in the round or on the waiting list, as the city's rules say. Checks access itself: the housing
 * office (住房保障审核员) of the county or its city, or the county's own accounts that keep its stock.
 */
@Service
public class Rounds {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final int MAX_DWELLINGS = 10_000;

    private final RoundRepository repository;
    private final WaitingList waiting;
    private final Stock stock;
    private final Regions regions;
    private final Access access;

    Rounds(RoundRepository repository, WaitingList waiting, Stock stock, Regions regions, Access access) {
        this.repository = repository;
        this.waiting = waiting;
        this.stock = stock;
        this.regions = regions;
        this.access = access;
    }

    /**
     * What opening a round needs.
     *
     * @param dwellingIds vacant dwellings of the county
     * @param group       take the candidates from this priority group only (all its waiting members); null: the top of
     *                    the list
     * @param candidates  how many households at most; null: all (of the group, or of the list)
     * @param seedSource  the public value that will be the seed (e.g. "2025年3月4日福利彩票3D第2025056期开奖号码"), with
     * @param seedDue     the day it becomes known — both required when the round is drawn
     */
    public record Opening(String countyCode, String name, List<Long> dwellingIds, String group, Integer candidates,
                          String seedSource, LocalDate seedDue) {
    }

    /** What a household did when its turn came. */
    public enum Action {
        CHOSE("选房"), GAVE_UP("放弃"), REFUSED("拒绝配租");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Action parse(String text) {
            for (Action a : values()) {
                if (text != null && (a.name().equalsIgnoreCase(text.strip()) || a.label.equals(text.strip()))) {
                    return a;
                }
            }
            throw new BadInput("操作“" + (text == null ? "" : text) + "”不对：应为 CHOSE（选房）、GAVE_UP（放弃）或 REFUSED（拒绝配租）");
        }
    }


    // ---- opening ---------------------------------------------------------------------------------------

    @Transactional
    public RoundView open(Opening o) {
        Region county = county(o.countyCode());
        checkOffice(county);
        String name = o.name() == null ? "" : o.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new BadInput("请填写批次名称（如“2025年第一批公租房配租”），不超过 100 字");
        }
        if (o.dwellingIds() == null || o.dwellingIds().isEmpty()) {
            throw new BadInput("请选择本批次配租的房源（空置的公租房，至少一套）");
        }
        if (o.dwellingIds().size() > MAX_DWELLINGS) {
            throw new BadInput("一个批次最多 " + MAX_DWELLINGS + " 套房源");
        }
        if (o.candidates() != null && (o.candidates() < 1 || o.candidates() > Draw.MAX_CANDIDATES)) {
            throw new BadInput("候选户数应在 1 到 " + Draw.MAX_CANDIDATES + " 之间，不是 " + o.candidates());
        }
        String group = o.group() == null || o.group().isBlank() ? null : o.group().strip();
        LocalDate today = today();
        Region city = waiting.cityOf(county);
        WaitingRules rules = waiting.rules(county.code());
        if (group != null && rules.ordering() == WaitingRules.Ordering.PRIORITY_DATE && !rules.groups().contains(group)
                || group != null && rules.ordering() == WaitingRules.Ordering.SCORE && !rules.points().containsKey(group)) {
            throw new BadInput("“" + group + "”不是" + city.name() + "轮候规则中的优先群体：应为 "
                    + String.join("、", rules.ordering() == WaitingRules.Ordering.SCORE ? rules.points().keySet() : rules.groups()));
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(o.dwellingIds()));
        if (ids.size() != o.dwellingIds().size()) {
            throw new BadInput("房源重复：每套房源只能列一次");
        }
        // the county's openings one at a time, before the dwellings and the households are checked against the open rounds:
        // a twin sent at once (a double-click) waits here, then finds the first round and is refused as a repeat is
        repository.lockCounty(county.id());
        // one query for all of them; should one be missing or unreadable, each is looked up in turn as before, so the
        // refusal is the same (the first faulty dwelling in the list's order, whatever its fault)
        List<Dwelling> found;
        try {
            found = stock.dwellings(ids);
        } catch (NotFound | Denied e) {
            found = null;
        }
        for (int k = 0; k < ids.size(); k++) {
            Dwelling d = found != null ? found.get(k) : stock.dwelling(ids.get(k));
            Region where = regions.byCode(d.regionCode()).orElseThrow();
            if (!regions.contains(county, where)) {
                throw new BadInput("房源 " + d.label() + " 不属于" + county.name() + "：只能配租本县区的房源");
            }
            if (d.status() != StockStatus.VACANT) {
                throw new Conflict("房源 " + d.label() + " 当前为" + d.status().label() + "：只有空置的房源可以配租");
            }
        }
        List<RoundRepository.Busy> busy = repository.dwellingsInOpenRounds(ids);
        if (!busy.isEmpty()) {
            // the round is named, not called "another": a double-clicked 开始批次 meets the round its first click opened
            RoundRepository.Busy b = busy.getFirst();
            throw new Conflict("房源 " + stock.dwelling(b.dwellingId()).label() + " 已在尚未结束的配租批次“" + b.roundName()
                    + "”中（批次编号 " + b.roundId() + "，" + b.openedBy() + " 于 " + ChinaTime.atSecond(b.openedAt()) + " 开始）");
        }
        List<WaitingEntry> list = waiting.candidates(county, rules, group, o.candidates());
        if (list.isEmpty()) {
            throw new Conflict(county.name() + (group == null ? "" : "“" + group + "”群体") + "没有可参加配租的轮候家庭"
                    + "（已在其他未结束批次中的家庭不重复列入）");
        }
        List<String> numbers = list.stream().map(WaitingEntry::certificateNo).toList();
        Draw.Candidates published = Draw.candidates(numbers, i -> "轮候名单第 " + (i + 1) + " 户");
        boolean draw = rules.method() == WaitingRules.Method.DRAW && list.size() > ids.size();
        String source = o.seedSource() == null || o.seedSource().isBlank() ? null : o.seedSource().strip();
        if (draw) {
            if (source == null || o.seedDue() == null) {
                throw new BadInput(city.name() + "按摇号配租，候选 " + list.size() + " 户多于房源 " + ids.size()
                        + " 套：须在公布名单时同时公布随机种子的来源（如某日福利彩票3D开奖号码）及其公布日期");
            }
            if (source.length() > 200) {
                throw new BadInput("种子来源不能超过 200 字");
            }
            if (o.seedDue().isBefore(today)) {
                throw new BadInput("种子公布日期 " + o.seedDue() + " 已过：种子须是名单公布时还无人知道的数值，请选今天或以后公布的数值");
            }
        }
        String actor = access.current().username();
        long id = repository.insertRound(county.id(), city.id(), name, rules.file() + "（" + rules.from() + " 起）",
                draw ? "DRAW" : "ORDER", rules.refusalsAllowed(), rules.onExcess().name(), draw ? "LISTED" : "CHOOSING",
                published.hash(), group, draw ? source : null, draw ? o.seedDue() : null, actor);
        repository.addDwellings(id, ids);
        repository.addCandidates(id, list.stream()
                .map(e -> new RoundRepository.NewCandidate(e.householdId(), e.certificateNo(), e.position())).toList());
        repository.event(id, null, "LISTED", "名单公示：候选 " + list.size() + " 户，房源 " + ids.size() + " 套，名单 SHA-256 "
                + published.hash() + (draw ? "；随机种子为" + source + "（" + DAY.format(o.seedDue()) + "公布）" : ""), today, actor);
        if (!draw) {
            start(id, repository.standings(id), numbers, ids.size(), rules.refusalsAllowed(), today, actor);
        }
        return round(id);
    }

    /**
     * Types in the seed (the announced public value, once known) and draws.
     *
     * @throws Conflict before the announced day, or when the round was drawn already
     */
    @Transactional
    public RoundView draw(long id, String seed) {
        RoundRepository.RoundRow r = row(id, true);
        checkOffice(regions.byId(r.countyId()));
        if (!"LISTED".equals(r.status())) {
            throw new Conflict("该批次" + (r.seed() != null ? "已于" + r.drawnAt() + "摇号" : "不需要摇号（按顺序配租）") + "，不能再摇号");
        }
        LocalDate today = today();
        if (today.isBefore(r.seedDue())) {
            throw new Conflict("随机种子（" + r.seedSource() + "）" + DAY.format(r.seedDue()) + "才公布，之前不能摇号");
        }
        List<RoundRepository.CandidateRow> candidates = repository.standings(id);
        Draw.Candidates list = Draw.candidates(candidates.stream().map(RoundRepository.CandidateRow::number).toList(),
                i -> "候选名单第 " + (i + 1) + " 户");
        if (!list.hash().equals(r.candidatesHash())) {
            throw new IllegalStateException("round " + id + ": stored candidates no longer match the published hash");
        }
        Draw.Result result = Draw.run(list, seed);
        String actor = access.current().username();
        repository.drawn(id, seed, result.hash(), "CHOOSING");
        repository.event(id, null, "DRAWN", "摇号：种子“" + seed + "”，算法 " + result.algorithm() + "，结果 SHA-256 "
                + result.hash(), today, actor);
        start(id, candidates, result.order(), repository.dwellings(id).size(), r.refusalsAllowed(), today, actor);
        // the round's summary — seed, hashes, stages, the verify command — not its 20,000 candidates and their
        // events: a third of the draw's time was reading them back for an answer the page does not show (it reloads
        // the round); the candidates in their drawn order are read with round(id)
        return view(row(id, false), false);
    }

    private void start(long id, List<RoundRepository.CandidateRow> candidates, List<String> order, int dwellings,
                       Integer refusalsAllowed, LocalDate today, String actor) {
        Map<String, Long> households = new HashMap<>();
        candidates.forEach(c -> households.put(c.number(), c.householdId()));
        Round.Step open = Round.open(dwellings, order, refusalsAllowed);
        List<RoundRepository.Placement> places = new ArrayList<>(order.size());
        open.round().places().forEach((number, p) ->
                places.add(new RoundRepository.Placement(households.get(number), p.position(), p.state().name(), p.refusals())));
        repository.places(id, places);
        // one event per household that may choose now; the 候选 are told by one event of the round — each one's place
        // is its row's position (audited with the draw): 17,000 events more for a large round said nothing new and
        // were a third of the draw's time (docs/PERFORMANCE.md)
        List<RoundRepository.NewEvent> events = new ArrayList<>();
        open.events().stream().filter(e -> open.round().places().get(e.number()).state() == Round.State.SELECTED)
                .forEach(e -> events.add(new RoundRepository.NewEvent(households.get(e.number()), "OPENED", e.what())));
        int others = order.size() - events.size();
        if (others > 0) {
            events.add(new RoundRepository.NewEvent(null, "OPENED", "其余 " + others + " 户为候选，按本批次顺序依次递补（候选第 1—"
                    + others + " 位）"));
        }
        repository.events(id, events, today, actor);
    }

    // ---- choosing --------------------------------------------------------------------------------------

    /**
     * What registering a household's action came to: the round after it, and — when the household had chosen that very
     * dwelling already (a form sent twice, a call retried) — what stands, nothing being registered again; null when this
     * call registered it.
     */
    public record Acted(RoundView round, String already) {
    }

    /**
     * Records what a 待选房 household did: chose a dwelling of the round, gave up, or refused the dwellings offered.
     *
     * @param number     the household's 申请编号 (资格证号) in the round
     * @param dwellingId the dwelling it chose (CHOSE only)
     */
    @Transactional
    public Acted act(long id, String number, Action action, Long dwellingId) {
        RoundRepository.RoundRow r = row(id, true);
        Region county = regions.byId(r.countyId());
        checkOffice(county);
        if (action == null) {
            throw new BadInput("缺少操作：应为 CHOSE（选房）、GAVE_UP（放弃）或 REFUSED（拒绝配租）");
        }
        if ("LISTED".equals(r.status())) {
            throw new Conflict("该批次尚未摇号，不能" + action.label());
        }
        List<RoundRepository.CandidateRow> rows = repository.standings(id);
        RoundRepository.CandidateRow who = rows.stream().filter(c -> c.number().equals(number == null ? "" : number.strip()))
                .findFirst().orElseThrow(() -> new BadInput("申请编号 " + number + " 不在本批次的候选名单中"));
        if (action == Action.CHOSE && dwellingId != null) {
            // the allocation says whose choice it was: the same household's (its first click, a retry) is the round as it
            // stands — also when that choice closed the round — and another's is named, never "其他家庭" by guess
            var held = repository.allocations(id).stream().filter(a -> a.dwellingId() == dwellingId).findFirst();
            if (held.isPresent()) {
                String label = stock.dwelling(dwellingId).label();
                String at = ChinaTime.atSecond(held.get().createdAt());
                if (held.get().householdId() == who.householdId()) {
                    return new Acted(round(id), "申请编号 " + who.number() + " 已于 " + at + " 选定房源 " + label + "（本次未重复登记）");
                }
                throw new Conflict("房源 " + label + " 已由申请编号 " + held.get().number() + " 于 " + at + " 选定");
            }
        }
        if (!"CHOOSING".equals(r.status())) {
            throw new Conflict("该批次已结束，不能" + action.label());
        }
        boolean cumulative = "QUALIFICATION".equals(r.onExcess());
        int before = cumulative ? repository.refusalsElsewhere(who.householdId(), id) : 0;
        Map<String, Round.Place> places = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        rows.stream().filter(c -> c.position() != null)
                .sorted(java.util.Comparator.comparing(RoundRepository.CandidateRow::position)).forEach(c -> {
                    order.add(c.number());
                    places.put(c.number(), new Round.Place(c.position(), Round.State.valueOf(c.state()),
                            c.refusals() + (c == who ? before : 0)));
                });
        List<Long> dwellings = repository.dwellings(id);
        Round round = new Round(dwellings.size(), order, places, r.refusalsAllowed());
        LocalDate today = today();
        String actor = access.current().username();
        Long chosen = null;
        if (action == Action.CHOSE) {
            if (dwellingId == null || !dwellings.contains(dwellingId)) {
                throw new BadInput("请选择本批次的一套房源（dwellingId）：" + (dwellingId == null ? "未选择" : dwellingId + " 不在本批次中"));
            }
            chosen = dwellingId;
        }
        Round.Step step = switch (action) {
            case CHOSE -> round.chose(who.number());
            case GAVE_UP -> round.gaveUp(who.number());
            case REFUSED -> round.refused(who.number());
        };
        Map<String, Long> households = new HashMap<>();
        rows.forEach(c -> households.put(c.number(), c.householdId()));
        step.round().places().forEach((n, p) -> {
            Round.Place old = places.get(n);
            if (!p.equals(old)) {
                repository.place(id, households.get(n), p.position(), p.state().name(),
                        p.refusals() - (n.equals(who.number()) ? before : 0));
            }
        });
        for (int i = 0; i < step.events().size(); i++) {
            Round.Event e = step.events().get(i);
            String what = e.what();
            if (i == 0 && action == Action.CHOSE) {
                what = "已选房：" + stock.dwelling(chosen).label();
            }
            if (i == 0 && action == Action.REFUSED && cumulative && before > 0) {
                what += "（此前其他批次已拒绝 " + before + " 次，累计计算）";
            }
            repository.event(id, households.get(e.number()), i == 0 ? action.name() : "PROMOTED", what, today, actor);
        }
        if (action == Action.CHOSE) {
            Dwelling d = stock.dwelling(chosen);
            stock.change(chosen, d.version(), StockStep.ALLOCATE, today, "配租：" + r.name() + "，申请编号 " + who.number());
            repository.insertAllocation(who.householdId(), chosen, id, r.countyId(), today, actor);
        }
        if (step.round().places().get(who.number()).state() == Round.State.DISQUALIFIED && cumulative) {
            waiting.exclude(who.householdId(), today, "拒绝配租 " + step.round().places().get(who.number()).refusals()
                    + " 次，超过" + regions.byId(r.cityId()).name() + "规定的 " + r.refusalsAllowed() + " 次（" + r.name() + "）", id);
            repository.event(id, who.householdId(), "EXCLUDED", "取消轮候资格", today, actor);
        }
        int taken = repository.allocations(id).size();
        boolean nobodyLeft = step.round().in(Round.State.SELECTED).isEmpty() && step.round().in(Round.State.WAITING).isEmpty();
        if (taken == dwellings.size() || nobodyLeft) {
            repository.status(id, "CLOSED");
            repository.event(id, null, "CLOSED", "选房结束：" + taken + " 套已配租" + (taken < dwellings.size()
                    ? "，" + (dwellings.size() - taken) + " 套无人选定，留待下一批次" : ""), today, actor);
        }
        return new Acted(round(id), null);
    }

    // ---- reading ---------------------------------------------------------------------------------------

    /** A round with its candidates, dwellings and history; for those who read the county. */
    public RoundView round(long id) {
        RoundRepository.RoundRow r = row(id, false);
        access.checkRead(regions.byId(r.countyId()));
        return view(r, true);
    }

    /** The rounds of a region's counties, newest first. */
    public List<RoundView> rounds(String regionCode) {
        Region scope = regions.byCode(regionCode == null ? "" : regionCode.strip())
                .orElseThrow(() -> new BadInput("没有编码为 " + regionCode + " 的地区"));
        access.checkRead(scope);
        return list(scope);
    }

    private List<RoundView> list(Region scope) {
        List<Integer> counties = regions.subtree(scope).stream().map(Region::id).toList();
        return repository.rounds(counties, false).stream().map(r -> view(r, false)).toList();
    }

    /** Every county's rounds for the public notices (公示): masked, no login. */
    public List<RoundView> publicRounds() {
        return repository.rounds(regions.subtree(regions.root()).stream().map(Region::id).toList(), true).stream()
                .map(r -> view(r, false)).toList();
    }

    /** A round as published (公示): the same masked view, for anyone. */
    public RoundView publicRound(long id) {
        return view(row(id, false), true);
    }

    /** The candidate list exactly as hashed: 申请编号 in ascending order, one a line — the file to re-run the draw with. */
    public String candidateFile(long id) {
        row(id, false);
        return String.join("", repository.standings(id).stream().map(RoundRepository.CandidateRow::number).sorted()
                .map(n -> n + "\n").toList());
    }

    /** Whether the current actor may run the county's rounds (to show the forms). */
    public boolean canRun(String countyCode) {
        return regions.byCode(countyCode).map(this::mayRun).orElse(false);
    }

    private boolean mayRun(Region county) {
        return !access.current().region().kind().local()
                && (access.canHandleApplications(county) || access.canWrite(county));
    }

    private void checkOffice(Region county) {
        if (!mayRun(county)) {
            Actor a = access.current();
            throw new Denied(a.signedIn() ? "当前账号（" + a.displayName() + "，" + a.rolesLabel() + "）不能办理" + county.name()
                    + "的公租房配租：须为该县区或所在市的住房保障审核员，或该县区管理房源的账号" : "请先登录");
        }
    }

    private Region county(String code) {
        if (code == null || code.isBlank()) {
            throw new BadInput("缺少区县（countyCode）：配租批次由区县组织");
        }
        Region r = regions.byCode(code.strip()).orElseThrow(() -> new BadInput("没有编码为 " + code.strip() + " 的地区"));
        if (r.kind() != RegionKind.COUNTY && r.kind() != RegionKind.DEV_ZONE && r.kind() != RegionKind.CITY_LEVEL) {
            throw new BadInput(r.name() + "不是区县：配租批次由持有房源的区县（或开发区、市本级）组织");
        }
        return r;
    }

    private RoundRepository.RoundRow row(long id, boolean lock) {
        return repository.round(id, lock).orElseThrow(() -> new NotFound("配租批次不存在：" + id));
    }

    private RoundView view(RoundRepository.RoundRow r, boolean full) {
        Region county = regions.byId(r.countyId());
        List<RoundRepository.CandidateRow> rows = full ? repository.candidates(r.id()) : List.of();
        int candidateCount = full ? rows.size() : repository.candidateCount(r.id());
        List<RoundView.Candidate> candidates = full ? rows.stream().map(c -> new RoundView.Candidate(c.householdId(),
                c.number(), c.name(), c.idNumber(), c.listPosition(), c.position(), c.state(),
                c.state() == null ? "候选名单" : Round.State.valueOf(c.state()).label(), c.refusals())).toList() : List.of();
        Map<Long, String> chosenBy = new HashMap<>();
        repository.allocations(r.id()).forEach(a -> chosenBy.put(a.dwellingId(), a.number()));
        List<RoundView.DwellingOffer> dwellings = full ? repository.offers(r.id()).stream().map(d ->
                new RoundView.DwellingOffer(d.id(), d.label(), d.layout(), d.floorArea(), d.status(), chosenBy.get(d.id())))
                .toList() : List.of();
        List<RoundView.Event> events = full ? repository.events(r.id()).stream().map(e -> new RoundView.Event(e.seq(),
                e.number(), e.kind(), e.what(), e.onDay(), e.byUser())).toList() : List.of();
        boolean drawn = "DRAW".equals(r.method());
        List<RoundView.Stage> stages = List.of(
                new RoundView.Stage("名单公示", true, candidateCount + " 户，SHA-256 " + r.candidatesHash()),
                new RoundView.Stage("种子公布", !drawn || r.seed() != null, drawn ? r.seedSource() + "（" + DAY.format(r.seedDue())
                        + "公布）" + (r.seed() == null ? "，待录入" : "：" + r.seed()) : "不需要（" + (candidateCount <= dwellingsCount(r)
                        ? "候选户数不多于房源" : "按轮候顺序配租") + "）"),
                new RoundView.Stage("摇号", !drawn || r.seed() != null, drawn ? (r.seed() == null ? "待摇号" : "结果 SHA-256 "
                        + r.resultHash()) : "不摇号，按轮候顺序"),
                new RoundView.Stage("结果公示", !"LISTED".equals(r.status()), "LISTED".equals(r.status()) ? "摇号后公示"
                        : "/public/rental/rounds/" + r.id()),
                new RoundView.Stage("选房", "CLOSED".equals(r.status()), chosenBy.size() + " 套已选定"));
        String command = r.seed() == null ? null : "java -jar anju.jar rental draw verify --candidates 第" + r.id()
                + "批次候选名单.txt --seed \"" + r.seed().replace("\"", "\\\"") + "\" --expect " + r.resultHash()
                + " --expect-candidates " + r.candidatesHash();
        String status = switch (r.status()) {
            case "LISTED" -> "名单已公示，待摇号";
            case "CHOOSING" -> "选房中";
            default -> "已结束";
        };
        return new RoundView(r.id(), county.code(), county.name(), r.name(), r.rules(),
                drawn ? "摇号" : "顺序", r.refusalsAllowed() == null ? "不限" : r.refusalsAllowed() + " 次",
                WaitingRules.OnExcess.valueOf(r.onExcess()).label(), r.status(), status, r.candidatesHash(), candidateCount,
                r.candidateGroup(), r.publishedAt(), r.seedSource(), r.seedDue(), r.seed(), r.resultHash(), r.drawnAt(),
                dwellings, candidates, events, stages, command, r.version());
    }

    private int dwellingsCount(RoundRepository.RoundRow r) {
        return repository.dwellings(r.id()).size();
    }
}
