package org.anju.rental.stock;

import org.anju.account.Access;
import org.anju.account.Channel;
import org.anju.account.LastChange;
import org.anju.intake.InputException;
import org.anju.intake.InputProblem;
import org.anju.intake.SourceReader;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Labels;
import org.anju.platform.NotFound;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.anju.platform.ChinaTime.today;

/**
 * The housing stock of counties (房源): estates, buildings and dwellings of public rental (公租房) and affordable rental
 * (保租房) housing. A county's own accounts write its stock; the levels above read it, and set each county's number of
 * historic dwellings to enter (the base of its 录入率). Every method checks access itself.
 */
@Service
public class Stock {

    public static final int PAGE = 200;
    /** How many dwellings a preview lists as a sample. */
    static final int SAMPLE = 20;

    private final StockRepository repository;
    private final Regions regions;
    private final Access access;
    private final SourceReader reader;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final org.anju.platform.OperationsMetrics metrics;
    private final LastChange lastChange;

    Stock(StockRepository repository, Regions regions, Access access, SourceReader reader, TransactionTemplate transaction,
          JsonMapper json, org.anju.platform.OperationsMetrics metrics, LastChange lastChange) {
        this.metrics = metrics;
        this.lastChange = lastChange;
        this.repository = repository;
        this.regions = regions;
        this.access = access;
        this.reader = reader;
        this.transaction = transaction;
        this.json = json;
    }

    // ---- estates ----------------------------------------------------------------------------------------

    public Estate estate(long id) {
        Estate e = repository.estate(id).orElseThrow(() -> new NotFound("房源项目不存在：" + id));
        access.checkRead(region(e.regionCode()));
        return e;
    }

    /** The estates of a region's subtree, with their dwellings counted by status now. */
    public List<Estate> estates(String regionCode) {
        Region scope = region(regionCode);
        access.checkRead(scope);
        return repository.estates(scope.id());
    }

    /** The buildings of an estate, in order. */
    public List<String> buildings(long estateId) {
        estate(estateId);
        return repository.buildingNames(estateId).stream().map(Map.Entry::getValue).toList();
    }

    /**
     * Adds an estate (no id) to its county, or changes one at the version read.
     *
     * @throws org.anju.platform.Conflict when the county already has an estate of that name
     */
    @Transactional
    public Estate saveEstate(Estate e) {
        if (e.name() == null || e.name().isBlank()) {
            throw new BadInput("“项目名称”不能为空");
        }
        if (e.programme() == null) {
            throw new BadInput("缺少保障类型：应为 公租房（PUBLIC_RENTAL）或 保租房（AFFORDABLE_RENTAL）");
        }
        String actor = access.current().username();
        if (e.id() == null) {
            Region county = region(e.regionCode());
            access.checkWrite(county);
            checkStockUnit(county);
            repository.lockRegion(county.id());
            if (repository.estateId(county.id(), StockKeys.estate(e.name())).isPresent()) {
                throw new org.anju.platform.Conflict(county.name() + "已有项目“" + e.name().strip() + "”");
            }
            return estate(repository.insertEstate(trimmed(e), county.id(), actor));
        }
        Estate stored = estate(e.id());
        Region county = region(stored.regionCode());
        access.checkWrite(county);
        if (e.regionCode() != null && !e.regionCode().equals(stored.regionCode())) {
            throw new BadInput("项目不能改到别的地区：" + stored.regionName() + "的项目请由该地区管理");
        }
        repository.lockRegion(county.id());
        repository.estateId(county.id(), StockKeys.estate(e.name())).filter(id -> !id.equals(e.id())).ifPresent(id -> {
            throw new org.anju.platform.Conflict(county.name() + "已有项目“" + e.name().strip() + "”");
        });
        if (!repository.updateEstate(trimmed(e), actor)) {
            throw new ConcurrentUpdateException(lastChange.refusal("项目“" + stored.name() + "”", "rental_estate", e.id(),
                    e.version(), stored.version(), "请刷新后重试"));
        }
        return estate(e.id());
    }

    private static Estate trimmed(Estate e) {
        return new Estate(e.id(), e.regionCode(), e.regionName(), e.name().strip(), blank(e.address()), e.programme(),
                blank(e.ownership()), blank(e.projectCode()), e.version(), null, null, null, null, null, null);
    }

    // ---- dwellings --------------------------------------------------------------------------------------

    /** A page of a listing and how many match in all. */
    public record Listing(List<Dwelling> dwellings, int total, int page) {

        public boolean hasNext() {
            return (long) (page + 1) * PAGE < total;
        }
    }

    public Listing dwellings(String regionCode, Long estateId, StockStatus status, int page) {
        if (page < 0 || page > 100_000) {
            throw new BadInput("参数 page 的值「" + page + "」不对：应为 0 至 100000 的页码");
        }
        Region scope = region(regionCode);
        access.checkRead(scope);
        if (estateId != null) {
            Estate e = estate(estateId);
            if (!regions.contains(scope, region(e.regionCode()))) {
                throw new BadInput("项目“" + e.name() + "”不在" + scope.name() + "范围内");
            }
        }
        return new Listing(repository.dwellings(scope.id(), estateId, status, PAGE, page * PAGE),
                repository.countDwellings(scope.id(), estateId, status), page);
    }

    public Dwelling dwelling(long id) {
        Dwelling d = repository.dwelling(id).orElseThrow(() -> new NotFound("房源不存在：" + id));
        access.checkRead(region(d.regionCode()));
        return d;
    }

    /**
     * Dwellings by id, in the order given, read in one query and checked as {@link #dwelling} checks each: the first
     * missing one in that order is a {@link NotFound}, the first the actor may not read a {@link Denied}.
     */
    public List<Dwelling> dwellings(List<Long> ids) {
        Map<Long, Dwelling> byId = new HashMap<>();
        repository.dwellings(ids).forEach(d -> byId.put(d.id(), d));
        Set<String> readable = new HashSet<>();
        List<Dwelling> list = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Dwelling d = byId.get(id);
            if (d == null) {
                throw new NotFound("房源不存在：" + id);
            }
            if (readable.add(d.regionCode())) {
                access.checkRead(region(d.regionCode()));
            }
            list.add(d);
        }
        return list;
    }

    /** Every status the dwelling had, from its entry on. */
    public List<DwellingEvent> history(long id) {
        dwelling(id);
        return repository.events(id);
    }

    /** A dwelling as a user writes it; the status is its status when entered (later only through {@link #change}). */
    public record NewDwelling(Long estateId, String building, String entrance, String roomNo, String address, Integer floor,
                              BigDecimal floorArea, BigDecimal usableArea, String layout, BigDecimal rent,
                              RentUnit rentUnit, StockStatus status) {
    }

    /** Enters one dwelling into an estate of the user's county (its building added when new). */
    @Transactional
    public Dwelling add(NewDwelling n) {
        if (n.estateId() == null) {
            throw new BadInput("缺少 estateId：房源须属于一个项目");
        }
        Estate e = estate(n.estateId());
        Region county = region(e.regionCode());
        access.checkWrite(county);
        if (n.status() == null) {
            throw new BadInput("缺少状态：应为 " + StockStatus.choices());
        }
        if (n.building() == null || n.building().isBlank()) {
            throw new BadInput("“楼栋”不能为空");
        }
        Dwelling d = checked(null, e, n, n.status(), 0);
        repository.lockRegion(county.id());
        Long building = repository.buildings(e.id()).get(StockKeys.building(n.building()));
        if (building == null) {
            building = repository.insertBuilding(e.id(), n.building());
        } else if (repository.dwellingExists(building, StockKeys.dwelling(d.entrance(), d.roomNo()), null)) {
            throw new org.anju.platform.Conflict("已有房源 " + d.label() + "：同一楼栋、单元、房号只能登记一次");
        }
        return dwelling(repository.insertDwelling(building, d, today(), access.current().username()));
    }

    /**
     * Changes a dwelling's place in its building, size, 户型 and rent at the version read. Its estate and building stay
     * (a dwelling does not move); its status changes only through {@link #change}.
     */
    @Transactional
    public Dwelling edit(long id, int version, NewDwelling n) {
        Dwelling stored = dwelling(id);
        Region county = region(stored.regionCode());
        access.checkWrite(county);
        if (n.estateId() != null && n.estateId() != stored.estateId()
                || n.building() != null && !n.building().isBlank() && !StockKeys.building(n.building()).equals(StockKeys.building(stored.building()))) {
            throw new BadInput("房源不能改到别的项目或楼栋：请将其退出后在正确的楼栋重新录入");
        }
        Estate e = estate(stored.estateId());
        Dwelling d = checked(id, e, new NewDwelling(stored.estateId(), stored.building(), n.entrance(), n.roomNo(),
                n.address(), n.floor(), n.floorArea(), n.usableArea(), n.layout(), n.rent(), n.rentUnit(), stored.status()),
                stored.status(), version);
        repository.lockRegion(county.id());
        Long building = repository.buildings(e.id()).get(StockKeys.building(stored.building()));
        if (repository.dwellingExists(building, StockKeys.dwelling(d.entrance(), d.roomNo()), id)) {
            throw new org.anju.platform.Conflict("已有房源 " + d.label() + "：同一楼栋、单元、房号只能登记一次");
        }
        if (!repository.updateDwelling(d, access.current().username())) {
            throw stale(stored, version);
        }
        return dwelling(id);
    }

    /**
     * Takes a step of the status table ({@link StockStep}) from the version read, effective on a day given (never
     * assumed to be today) not before the dwelling's last change — or its entry, for the status it was entered with —
     * and not in the future.
     *
     * @throws org.anju.platform.Conflict when the current status does not allow the step, naming both
     */
    @Transactional
    public Dwelling change(long id, int version, StockStep step, LocalDate on, String reason) {
        if (step == null) {
            throw new BadInput("缺少操作：应为 " + String.join("、", java.util.Arrays.stream(StockStep.values())
                    .map(s -> s.label() + "（" + s.name() + "）").toList()));
        }
        Dwelling d = dwelling(id);
        Region county = region(d.regionCode());
        // allocation, move-in and vacating follow the leases, which the county's (or city's) 住房保障审核员 handles
        boolean leaseStep = step == StockStep.ALLOCATE || step == StockStep.OCCUPY || step == StockStep.VACATE;
        if (!(leaseStep && access.canHandleApplications(county))) {
            access.checkWrite(county);
        }
        step.check(d.label(), d.status());
        String why = blank(reason);
        if (step.needsReason() && why == null) {
            throw new BadInput(step.label() + "须说明原因（如拆除、出售、转作他用，或误操作恢复）");
        }
        if (on == null) {
            throw new BadInput("请填写生效日期（effectiveOn）");
        }
        LocalDate day = on;
        if (day.isAfter(today())) {
            throw new BadInput("生效日期 " + day + " 不能晚于今天");
        }
        if (day.isBefore(d.changeableFrom())) {
            // the entry date is not when the status began (statusOn null): it is when this system's record begins
            throw new BadInput("生效日期 " + day + " 不能早于" + (d.statusOn() == null
                    ? "该房源录入系统的日期 " + d.enteredOn() + "：录入前的状态变更不在本系统登记"
                    : "该房源上次状态变更的日期 " + d.statusOn()));
        }
        String actor = access.current().username();
        if (!repository.changeStatus(id, version, step.to(), day, actor)) {
            throw stale(d, version);
        }
        repository.addEvent(id, step, step.to(), day, why, actor);
        return dwelling(id);
    }

    /** Names who made the version there now: the dwelling's audit key is its building and id (V40_0). */
    private ConcurrentUpdateException stale(Dwelling d, int version) {
        return new ConcurrentUpdateException(lastChange.refusal("房源 " + d.label() + " ", "rental_dwelling",
                Map.of("building_id", repository.buildingId(d.id()), "id", d.id()), version, d.version(), "请刷新后重试"));
    }

    /** A dwelling's figures checked as the import checks them: each refusal says which field and why. */
    private Dwelling checked(Long id, Estate e, NewDwelling n, StockStatus status, int version) {
        if (n.roomNo() == null || n.roomNo().isBlank()) {
            throw new BadInput("“房号”不能为空");
        }
        if (n.floor() != null && (n.floor() < -5 || n.floor() > 200 || n.floor() == 0)) {
            throw new BadInput("楼层 " + n.floor() + " 不对：应在 -5 至 200 之间且不为 0");
        }
        if (n.floorArea() == null) {
            throw new BadInput("缺少建筑面积（平方米）");
        }
        area(n.floorArea(), "建筑面积");
        if (n.usableArea() != null) {
            area(n.usableArea(), "使用面积");
            if (n.usableArea().compareTo(n.floorArea()) > 0) {
                throw new BadInput("使用面积 " + n.usableArea().toPlainString() + " 大于建筑面积 " + n.floorArea().toPlainString());
            }
        }
        Integer rooms = null;
        if (n.layout() != null && !n.layout().isBlank()) {
            rooms = Layouts.rooms(n.layout()).orElseThrow(() -> new BadInput("户型“" + n.layout()
                    + "”读不出室数：应写成“一室一厅”“1室1厅”“两室一厅一卫”或室数（如 2）"));
        }
        if (n.rent() != null && n.rentUnit() == null) {
            throw new BadInput("租金标准须写明单位：元/㎡/月（PER_M2_MONTH）或 元/套/月（PER_DWELLING_MONTH）");
        }
        if (n.rent() == null && n.rentUnit() != null) {
            throw new BadInput("填写了租金单位，缺少租金标准");
        }
        if (n.rent() != null && n.rent().signum() < 0) {
            throw new BadInput("租金标准不能为负数");
        }
        if (n.rentUnit() == RentUnit.PER_M2_MONTH && n.rent().compareTo(BigDecimal.valueOf(RentUnit.MAX_PER_M2)) > 0) {
            throw new BadInput("租金 " + n.rent().toPlainString() + " 元/㎡/月不合常理：是否为每套的月租金？请核对租金单位");
        }
        return new Dwelling(id, e.id(), e.name(), e.regionCode(), n.building().strip(),
                n.entrance() == null ? "" : n.entrance().strip(), n.roomNo().strip(), blank(n.address()), n.floor(),
                n.floorArea(), n.usableArea(), blank(n.layout()), rooms, n.rent(), n.rentUnit(), status, null, null, version);
    }

    private static void area(BigDecimal v, String label) {
        if (v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            throw new BadInput(label + " " + v.toPlainString() + " 不对：每套面积应大于 0、小于 1000 平方米");
        }
    }

    // ---- counts -----------------------------------------------------------------------------------------

    /** A region's stock at the end of the month (its subtree summed). */
    public StockCounts counts(String regionCode, YearMonth period) {
        Region r = region(regionCode);
        access.checkRead(r);
        return summaryOf(r, List.of(), period).getLast();
    }

    /**
     * The per-county table for a city or province: a row for each unit directly below the region (its subtree summed),
     * then the region's own row; for a county, its row alone.
     */
    public List<StockCounts> summary(String regionCode, YearMonth period) {
        Region scope = region(regionCode);
        access.checkRead(scope);
        List<Region> children = regions.children(scope).stream().filter(r -> r.kind() != RegionKind.GROUP).toList();
        return summaryOf(scope, children, period);
    }

    private List<StockCounts> summaryOf(Region scope, List<Region> children, YearMonth period) {
        List<Region> rows = new ArrayList<>(children);
        rows.add(scope);
        Map<Integer, int[]> counts = repository.counts(rows.stream().map(Region::id).toList(), period.atEndOfMonth());
        Map<Integer, HistoricTotal> totals = repository.historicTotals(scope.id());
        Map<Integer, Integer> known = new HashMap<>();
        List<StockCounts> out = new ArrayList<>();
        for (Region r : rows) {
            int[] c = counts.getOrDefault(r.id(), new int[6]);
            Integer total = historicTotal(r, totals, known);
            int expected;
            int have;
            if (totals.containsKey(r.id())) {
                expected = 1;
                have = 1;
            } else {
                List<Region> below = regions.children(r).stream().filter(x -> x.kind() != RegionKind.GROUP).toList();
                expected = below.isEmpty() ? 1 : below.size();
                have = below.isEmpty() ? 0 : (int) below.stream().filter(x -> historicTotal(x, totals, known) != null).count();
            }
            out.add(new StockCounts(r.code(), r.name(), period, c[0] + c[1] + c[2] + c[3], c[0], c[1], c[2], c[3], c[4],
                    c[5], total, have, expected));
        }
        return out;
    }

    /** A region's historic total: its own, or the sum of the units directly below when every one of them has one. */
    private Integer historicTotal(Region r, Map<Integer, HistoricTotal> totals, Map<Integer, Integer> memo) {
        if (totals.containsKey(r.id())) {
            return totals.get(r.id()).total();
        }
        if (memo.containsKey(r.id())) {
            return memo.get(r.id());
        }
        List<Region> below = regions.children(r).stream().filter(x -> x.kind() != RegionKind.GROUP).toList();
        Integer sum = null;
        if (!below.isEmpty()) {
            int s = 0;
            for (Region x : below) {
                Integer t = historicTotal(x, totals, memo);
                if (t == null) {
                    s = -1;
                    break;
                }
                s += t;
            }
            sum = s < 0 ? null : s;
        }
        memo.put(r.id(), sum);
        return sum;
    }

    /** The historic totals set in a region's subtree. */
    public List<HistoricTotal> historicTotals(String regionCode) {
        Region scope = region(regionCode);
        access.checkRead(scope);
        return repository.historicTotals(scope.id()).values().stream()
                .sorted(java.util.Comparator.comparing(HistoricTotal::regionCode)).toList();
    }

    /**
     * Sets how many historic dwellings a unit is to enter: by the administrator of the level directly above it (张掖市
     * for its counties). A new total is version 0; changing one names the version read.
     */
    @Transactional
    public HistoricTotal setHistoricTotal(String regionCode, Integer total, String note, int version) {
        Region r = region(regionCode);
        if (!access.canApprove(r)) {
            throw new org.anju.platform.Denied("无权设定" + r.name() + "的历年房源基数：由其上一级（" + regions.parent(r)
                    .map(Region::name).orElse("上级") + "）的管理员设定");
        }
        if (total == null || total < 0 || total > 10_000_000) {
            throw new BadInput("历年房源基数应为 0 至 10000000 的整数（套）");
        }
        if (!repository.saveHistoricTotal(r.id(), total, blank(note), version, access.current().username())) {
            // 设定 when version 0 found a total already set, 修改 when the total changed since; none set is version 0
            HistoricTotal there = repository.historicTotals(r.id()).get(r.id());
            throw new ConcurrentUpdateException(org.anju.account.LastChange.refusal(r.name() + "的历年房源基数", version,
                    there == null ? 0 : there.version(), () -> "已" + lastChange.of("rental_historic_total",
                            Map.of("region_id", r.id()), "设定", "修改"), "请刷新后重试"));
        }
        return repository.historicTotals(r.id()).get(r.id());
    }

    public boolean canWrite(String regionCode) {
        return access.canWrite(region(regionCode));
    }

    /** Refuses (403) unless the current user writes the region's stock. */
    public void checkWrite(String regionCode) {
        access.checkWrite(region(regionCode));
    }

    public boolean canSetHistoricTotal(String regionCode) {
        return access.canApprove(region(regionCode));
    }

    // ---- import -----------------------------------------------------------------------------------------

    /** What an import would write (nothing is written by a preview). */
    public record Preview(String fileName, String regionCode, String regionName, int dwellings, List<String> newEstates,
                          List<String> existingEstates, int newBuildings, Map<StockStatus, Integer> byStatus,
                          List<StockFile.SheetReading> sheets, List<StockFile.Line> sample) {
    }

    /** What an import wrote. */
    public record ImportSummary(String fileName, String regionCode, String regionName, int dwellings, int estatesAdded,
                                int buildingsAdded) {
    }

    /**
     * Reads a stock list for a county and says what importing it would write — or every problem, naming sheet, row and
     * column. Nothing is written.
     *
     * @param programme what the dwellings are when the list has no 保障类型 column (null: the list must say)
     * @throws InputException with every problem of the file, or a dwelling the county already has
     */
    public Preview preview(String fileName, byte[] content, String regionCode, Programme programme) {
        Region county = writable(regionCode);
        Checked c = check(fileName, content, county, programme);
        Map<StockStatus, Integer> byStatus = new EnumMap<>(StockStatus.class);
        c.reading().lines().forEach(l -> byStatus.merge(l.status(), 1, Integer::sum));
        return new Preview(c.reading().file(), county.code(), county.name(), c.reading().lines().size(), c.newEstates(),
                c.existingEstates(), c.newBuildings(), byStatus, c.reading().sheets(),
                c.reading().lines().stream().limit(SAMPLE).toList());
    }

    /**
     * Imports a stock list for a county: all of it in one transaction, or — for any problem anywhere, or a dwelling the
     * county already has — nothing. Only adds: a dwelling already entered is changed on its page, not by a file.
     */
    public ImportSummary importFile(String fileName, byte[] content, String regionCode, Programme programme) {
        return metrics.timeImport("stock", () -> importChecked(fileName, content, regionCode, programme));
    }

    private ImportSummary importChecked(String fileName, byte[] content, String regionCode, Programme programme) {
        Region county = writable(regionCode);
        return Access.via(Channel.IMPORT, () -> transaction.execute(status -> {
            repository.lockRegion(county.id());
            Checked c = check(fileName, content, county, programme);
            String actor = access.current().username();
            LocalDate today = today();
            var progress = org.anju.platform.JobProgress.stage("写入房源", c.reading().lines().size());
            Map<String, Estate> estates = repository.estatesByKey(county.id());
            Map<String, List<StockFile.Line>> byEstate = new LinkedHashMap<>();
            c.reading().lines().forEach(l -> byEstate.computeIfAbsent(StockKeys.estate(l.estate()), k -> new ArrayList<>()).add(l));
            int estatesAdded = 0;
            int buildingsAdded = 0;
            List<Map<String, Object>> rows = new ArrayList<>();
            for (var entry : byEstate.entrySet()) {
                List<StockFile.Line> lines = entry.getValue();
                StockFile.Line first = lines.getFirst();
                Estate e = estates.get(entry.getKey());
                long estateId;
                if (e == null) {
                    String address = lines.stream().allMatch(l -> java.util.Objects.equals(l.address(), first.address()))
                            ? first.address() : null;
                    estateId = repository.insertEstate(Estate.of(county.code(), first.estate(), address, first.programme(),
                            null, null), county.id(), actor);
                    estatesAdded++;
                } else {
                    estateId = e.id();
                }
                Map<String, Long> buildings = repository.buildings(estateId);
                for (StockFile.Line l : lines) {
                    Long building = buildings.get(StockKeys.building(l.building()));
                    if (building == null) {
                        building = repository.insertBuilding(estateId, l.building());
                        buildings.put(StockKeys.building(l.building()), building);
                        buildingsAdded++;
                    }
                    Map<String, Object> row = new HashMap<>();
                    row.put("building_id", building);
                    row.put("entrance", l.entrance());
                    row.put("room_no", l.room());
                    row.put("dwelling_key", StockKeys.dwelling(l.entrance(), l.room()));
                    row.put("address", l.address());
                    row.put("floor", l.floor());
                    row.put("floor_area", l.floorArea());
                    row.put("usable_area", l.usableArea());
                    row.put("layout", l.layout());
                    row.put("rooms", l.rooms());
                    row.put("rent", l.rent());
                    row.put("rent_unit", l.rentUnit() == null ? null : l.rentUnit().name());
                    row.put("status", l.status().name());
                    rows.add(row);
                    progress.step();
                }
            }
            int n = rows.isEmpty() ? 0 : repository.insertDwellings(json.writeValueAsString(rows), today, actor);
            return new ImportSummary(c.reading().file(), county.code(), county.name(), n, estatesAdded, buildingsAdded);
        }));
    }

    private record Checked(StockFile.Reading reading, List<String> newEstates, List<String> existingEstates,
                           int newBuildings) {
    }

    /** Reads the file and checks it against the county's stock; throws every problem found. */
    private Checked check(String fileName, byte[] content, Region county, Programme programme) {
        org.anju.platform.JobProgress.stage("读取文件", 0);
        StockFile.Reading reading = StockFile.read(reader.read(fileName, content), programme);
        List<InputProblem> problems = new ArrayList<>(reading.problems());
        Map<String, Estate> estates = repository.estatesByKey(county.id());
        Map<String, String> existing = repository.dwellingKeys(county.id());
        Map<String, StockFile.Line> firstOfEstate = new HashMap<>();
        java.util.Set<String> newBuildingKeys = new java.util.HashSet<>();
        Map<Long, Map<String, Long>> buildingsOf = new HashMap<>();
        List<String> newEstates = new ArrayList<>();
        List<String> existingEstates = new ArrayList<>();
        for (StockFile.Line l : reading.lines()) {
            if (l.region() != null && !Labels.compact(l.region()).equals(Labels.compact(county.name()))
                    && !l.region().strip().equals(county.code())) {
                problems.add(problem(reading, l, StockField.REGION, "本行属于“" + l.region() + "”，导入的是" + county.name()
                        + "的房源：请按县区分别导入，每个县区用自己的账号导入本地区的房源"));
                continue;
            }
            String ek = StockKeys.estate(l.estate());
            Estate e = estates.get(ek);
            StockFile.Line first = firstOfEstate.putIfAbsent(ek, l);
            if (e != null && l.programme() != null && e.programme() != l.programme()) {
                problems.add(problem(reading, l, StockField.PROGRAMME, "项目“" + e.name() + "”已登记为" + e.programme().label()
                        + "，本行为" + l.programme().label() + "：同一项目的保障类型须一致"));
            } else if (e == null && first != null && first.programme() != l.programme()) {
                problems.add(problem(reading, l, StockField.PROGRAMME, "与第 " + first.row() + " 行同属项目“" + l.estate()
                        + "”，保障类型却不同（" + first.programme().label() + " 与 " + l.programme().label() + "）"));
            }
            String label = existing.get(l.key());
            if (label != null) {
                problems.add(problem(reading, l, StockField.ROOM, "房源 " + label + " 已经登记：导入只新增房源，"
                        + "已登记的房源请在房源页面修改（或从文件中删去这一行）"));
            }
            if (first == null) {
                (e == null ? newEstates : existingEstates).add(e == null ? l.estate() : e.name());
            }
            if (e == null || !buildingsOf.computeIfAbsent(e.id(), repository::buildings).containsKey(StockKeys.building(l.building()))) {
                newBuildingKeys.add(ek + "|" + StockKeys.building(l.building()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Checked(reading, newEstates, existingEstates, newBuildingKeys.size());
    }

    private static InputProblem problem(StockFile.Reading reading, StockFile.Line l, StockField f, String message) {
        Integer column = reading.sheets().stream().filter(s -> s.sheet().equals(l.sheet())).findFirst()
                .flatMap(s -> s.columns().stream().filter(c -> c.field() == f).findFirst()).map(StockHeader.Column::index)
                .orElse(null);
        return new InputProblem(reading.file(), l.sheet(), l.row(), column, message);
    }

    private Region writable(String regionCode) {
        Region county = regionCode == null || regionCode.isBlank() ? access.current().region() : region(regionCode);
        access.checkWrite(county);
        checkStockUnit(county);
        return county;
    }

    /**
     * Stock is entered by the county-level unit it belongs to. A 街道/乡镇 or 社区/村 writes its own unit (its staff take in
     * and review applications), but it keeps no stock list of its own: refused, saying who enters it.
     */
    private void checkStockUnit(Region unit) {
        if (unit.kind().local()) {
            Region county = regions.ancestors(unit).reversed().stream().filter(r -> !r.kind().local()).findFirst()
                    .orElse(regions.root());
            throw new BadInput(unit.name() + "是" + unit.kind().label() + "，房源按县区登记：" + unit.name() + "辖区内的房源请由"
                    + county.name() + "的账号录入或导入（项目地址可写明所在街道、社区）");
        }
    }

    // ---- export -----------------------------------------------------------------------------------------

    /** The stock of a region's subtree as XLSX, in the import layout (a county's export imports again as it is). */
    public byte[] export(String regionCode) {
        Region scope = region(regionCode);
        access.checkRead(scope);
        Map<Long, Estate> estates = new HashMap<>();
        repository.estates(scope.id()).forEach(e -> estates.put(e.id(), e));
        List<Dwelling> all = repository.dwellings(scope.id(), null, null, Integer.MAX_VALUE, 0);
        boolean county = regions.children(scope).isEmpty();
        return StockWorkbook.write(scope.name() + "保障性租赁住房及公租房房源清单", all, estates,
                county ? null : (code -> region(code).name()));
    }

    /** An empty import template. */
    public byte[] template() {
        return StockWorkbook.write("公租房（保租房）房源清单（导入模板）", List.of(), Map.of(), null);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private Region region(String code) {
        if (code == null || code.isBlank()) {
            throw new BadInput("缺少地区代码");
        }
        return regions.byCode(code.strip()).orElseThrow(() -> new NotFound("地区不存在：" + code));
    }


    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
