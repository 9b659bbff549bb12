package org.anju.rental.lease;

import org.anju.account.Access;
import org.anju.account.LastChange;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.Conflict;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.progress.Rates;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.rental.allocation.Allocation;
import org.anju.rental.allocation.Allocations;
import org.anju.rental.household.Guarantee;
import org.anju.rental.household.HouseholdForm;
import org.anju.rental.household.HouseholdView;
import org.anju.rental.household.Households;
import org.anju.rental.rules.Eligibility;
import org.anju.rental.rules.RuleSet;
import org.anju.rental.rules.Verdict;
import org.anju.rental.stock.Dwelling;
import org.anju.rental.stock.Stock;
import org.anju.rental.stock.StockStatus;
import org.anju.rental.stock.StockStep;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.anju.platform.ChinaTime.today;

/**
 * Leases of public rental dwellings (OPERATIONS.md §4.3, §4.5, §4.6): signing with the rent computed from the
 * dwelling's standard and the city's reductions, move-in, renewal in the rules' window, monthly bills, payments and
 * arrears, 年审, exits (voluntary, no longer eligible with a 搬迁期, violations with the regulation's penalties and a
 * ban) and the move-out that vacates the dwelling and closes the household. The county's (or city's) 住房保障审核员
 * does the work; whoever reads the county reads it. Every method checks access itself; the city's rules are the files it
 * uploaded ({@link LeaseRuleBook}: the version in force on the lease's start, kept with the lease) and what they do not
 * state is refused, not assumed.
 */
@Service
public class Leases {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final LeaseRepository repository;
    private final Allocations allocations;
    private final LeaseRuleBook book;
    private final Households households;
    private final Stock stock;
    private final Regions regions;
    private final Access access;
    private final LastChange lastChange;

    Leases(LeaseRepository repository, LeaseRuleBook book, Households households, Stock stock, Regions regions,
           Access access, Allocations allocations, LastChange lastChange) {
        this.allocations = allocations;
        this.lastChange = lastChange;
        this.repository = repository;
        this.book = book;
        this.households = households;
        this.stock = stock;
        this.regions = regions;
        this.access = access;
    }

    // ---- reading -----------------------------------------------------------------------------------------

    public Lease lease(long id) {
        LeaseRepository.Row r = row(id);
        access.checkRead(regions.byId(r.countyId()));
        return view(r);
    }

    /** A county's leases (a city or province: refused — leases are kept per county), newest first. */
    public List<Lease> leases(String countyCode, boolean openOnly) {
        Region county = county(countyCode);
        access.checkRead(county);
        return repository.ofCounty(county.id(), openOnly).stream().map(this::view).toList();
    }

    public List<Lease.Bill> bills(long id) {
        lease(id);
        return repository.bills(id);
    }

    public List<Lease.Payment> payments(long id) {
        lease(id);
        return repository.payments(id);
    }

    public List<Lease.Event> timeline(long id) {
        lease(id);
        return repository.events(id);
    }

    public List<Lease.Violation> violations(long id) {
        lease(id);
        return repository.violations(id);
    }

    public List<Lease.Review> reviews(long id) {
        lease(id);
        return repository.reviews(id);
    }

    public List<Lease.Check> checks(long id) {
        lease(id);
        return repository.checks(id);
    }

    /** The violations recorded in a county, newest first. */
    public List<Lease.Violation> countyViolations(String countyCode) {
        Region county = county(countyCode);
        access.checkRead(county);
        return repository.violationsOfCounty(county.id());
    }

    /** The rules a lease was signed under. */
    public LeaseRules rulesOf(long id) {
        LeaseRepository.Row r = row(id);
        access.checkRead(regions.byId(r.countyId()));
        return book.of(r);
    }

    /** Whether the current user does the county's lease work (its or its city's 住房保障审核员). */
    public boolean canOperate(String countyCode) {
        return access.canHandleApplications(county(countyCode));
    }

    // ---- signing, move-in, renewal -----------------------------------------------------------------------

    /**
     * What a lease is signed with.
     *
     * @param programme the city's rule file to sign under (its 项目 line); blank when the city has one
     */
    public record SignForm(Long householdId, Long dwellingId, LocalDate signedOn, LocalDate startsOn, LocalDate endsOn,
                           String programme) {
    }

    /**
     * Signs a lease: a qualified 实物配租 household, a dwelling allocated to it, a term within the city's maximum, the
     * rent from the dwelling's standard with the household's reduction (the computation is kept with the lease).
     */
    @Transactional
    public Lease sign(SignForm f) {
        if (f.householdId() == null || f.dwellingId() == null) {
            throw new BadInput("签约须指明保障家庭（householdId）和房源（dwellingId）");
        }
        if (f.startsOn() == null || f.endsOn() == null) {
            throw new BadInput("签约须填写租期起止日期（startsOn、endsOn）");
        }
        if (f.endsOn().isBefore(f.startsOn())) {
            throw new BadInput("租期截止日 " + f.endsOn() + " 早于起始日 " + f.startsOn());
        }
        if (f.signedOn() == null) {
            throw new BadInput("签约须填写签约日期（signedOn）");
        }
        LocalDate signedOn = f.signedOn();
        if (signedOn.isAfter(today())) {
            throw new BadInput("签约日期 " + signedOn + " 不能晚于今天");
        }
        Dwelling d = stock.dwelling(f.dwellingId());
        Region county = regions.byCode(d.regionCode()).orElseThrow();
        checkOperate(county);
        HouseholdView h = households.household(f.householdId());
        checkAllocated(h, d, county);
        repository.lockCounty(county.id());
        repository.openOfHousehold(h.id()).ifPresent(l -> {
            throw new Conflict("该家庭已有在租合同 " + l.leaseNo() + "，一户只能承租一套公租房");
        });
        repository.openOfDwelling(d.id()).ifPresent(l -> {
            throw new Conflict(d.label() + " 已有合同 " + l.leaseNo() + "（" + l.status().label() + "）");
        });
        Region city = regions.byCode(h.cityCode()).orElseThrow();
        LeaseRuleBook.Chosen chosen = book.rules(city, f.programme(), f.startsOn());
        LeaseRules rules = chosen.rules();
        if (f.endsOn().isAfter(rules.latestEnd(f.startsOn()))) {
            throw new BadInput("租期 " + f.startsOn() + " 至 " + f.endsOn() + " 超过" + rules.name() + "规定的最长租期 "
                    + rules.maxTerm().value() + " 年" + clause(rules.maxTerm().clause()) + "：截止日最晚为 "
                    + rules.latestEnd(f.startsOn()));
        }
        LeaseRules.RentComputation rent = rules.rent(d.rent(), d.rentUnit(), d.floorArea(), d.usableArea(), groups(h, f.startsOn()));
        // the due day is needed for every bill: refuse now rather than at the first bill
        rules.dueOn(YearMonth.from(f.startsOn()));
        String no = county.code().substring(0, 6) + f.startsOn().getYear()
                + String.format("%05d", repository.nextSerial(county.id(), f.startsOn().getYear()));
        String actor = actor();
        long id = repository.insert(new LeaseRepository.Row(0, no, h.id(), d.id(), county.id(), city.id(), rules.file(),
                rules.effectiveFrom(), h.applicantName(), h.certificateNo(), signedOn, f.startsOn(), f.endsOn(),
                rent.standard(), rent.monthly(), rent.tier(), rent.text(), LeaseStatus.SIGNED, null, null, null, null, null,
                null, null, 0, chosen.fileId()), actor);
        repository.event(id, "SIGN", signedOn, "签订合同 " + no + "，租期 " + f.startsOn() + " 至 " + f.endsOn() + "；"
                + rent.text() + "；依据" + rules.label(), actor);
        return lease(id);
    }

    /**
     * The one place that says a dwelling may be leased to a household. Until the allocation rounds expose their record,
     * it is: an open household qualified for 实物配租 and a dwelling of its city that the stock shows as 已分配 (to be
     * tightened to "allocated to this household" at the merge).
     */
    private void checkAllocated(HouseholdView h, Dwelling d, Region county) {
        if (!h.open()) {
            throw new Conflict("该家庭已于" + DAY.format(h.closedOn()) + "退出，不能签约");
        }
        if (h.guarantee() != Guarantee.PUBLIC_RENTAL) {
            throw new Conflict("该家庭" + (h.guarantee() == null ? "尚未取得资格证" : "的保障方式为" + h.guarantee().label())
                    + "，只有取得实物配租资格的家庭可以签订公租房租赁合同");
        }
        if (d.status() != StockStatus.ALLOCATED) {
            throw new Conflict(d.label() + " 当前为" + d.status().label() + "：须先配租（房源为已分配）才能签约");
        }
        Region city = regions.city(county).orElse(county);
        if (!city.code().equals(h.cityCode())) {
            throw new BadInput(d.label() + " 属于" + city.name() + "，该家庭是" + h.cityName() + "的保障家庭");
        }
        // a round's allocation binds both sides; a dwelling allocated before the system (历年房源, entered as 已分配)
        // has no round, and its lease is entered afterwards
        Optional<Allocation> mine = allocations.current(h.id());
        if (mine.isPresent() && mine.get().dwellingId() != d.id()) {
            throw new Conflict("该家庭在配租批次“" + mine.get().roundName() + "”中选定的是 " + mine.get().dwellingLabel()
                    + "，不是 " + d.label() + "：请按选房结果签约");
        }
        Optional<Allocation> its = allocations.ofDwelling(d.id());
        if (its.isPresent() && its.get().householdId() != h.id()) {
            throw new Conflict(d.label() + " 已在配租批次“" + its.get().roundName() + "”中配租给资格证号 "
                    + its.get().number() + " 的家庭，不能与其他家庭签约");
        }
    }

    /** 入住: the household moves in; the dwelling becomes 已入住. */
    @Transactional
    public Lease moveIn(long id, int version, LocalDate on) {
        LeaseRepository.Row r = lockedForWork(id);
        if (on == null) {
            throw new BadInput("入住须填写入住日期（on）");
        }
        LocalDate day = on;
        if (r.status() != LeaseStatus.SIGNED) {
            throw new Conflict("合同 " + r.leaseNo() + " 当前为" + r.status().label() + "，只有已签约未入住的合同可以办理入住");
        }
        if (day.isBefore(r.signedOn())) {
            throw new BadInput("入住日期 " + day + " 早于签约日期 " + r.signedOn());
        }
        Dwelling d = stock.dwelling(r.dwellingId());
        stock.change(d.id(), d.version(), StockStep.OCCUPY, day, "合同 " + r.leaseNo() + " 入住");
        if (!repository.moveIn(id, version, day, actor())) {
            throw stale(r, version);
        }
        repository.event(id, "MOVE_IN", day, "入住 " + d.label(), actor());
        return lease(id);
    }

    /**
     * 续租: within the rules' window before the end, the household re-verified eligible on the rule set given; a new
     * lease follows the old one the day after its end, with the rent computed again.
     */
    @Transactional
    public Lease renew(long id, int version, LocalDate appliedOn, LocalDate newEndsOn, RuleSet eligibility) {
        LeaseRepository.Row r = lockedForWork(id);
        if (r.status() != LeaseStatus.ACTIVE) {
            throw new Conflict("合同 " + r.leaseNo() + " 当前为" + r.status().label() + "，只有在租的合同可以续签");
        }
        if (appliedOn == null || newEndsOn == null) {
            throw new BadInput("续租须填写申请日期（appliedOn）和新租期截止日（endsOn）");
        }
        LeaseRules old = book.of(r);
        LeaseRules.Renewal w = old.renewalRule();
        LocalDate latest = r.endsOn().minusMonths(w.latestMonths());
        if (appliedOn.isAfter(latest)) {
            throw new Conflict("续租申请须在租期届满前 " + w.latestMonths() + " 个月提出（即 " + DAY.format(latest) + "前）"
                    + clause(w.clause()) + "，" + DAY.format(appliedOn) + "已过期限");
        }
        if (w.earliestMonths() != null && appliedOn.isBefore(r.endsOn().minusMonths(w.earliestMonths()))) {
            throw new Conflict("续租申请最早在租期届满前 " + w.earliestMonths() + " 个月（" + DAY.format(r.endsOn()
                    .minusMonths(w.earliestMonths())) + "）起提出，" + DAY.format(appliedOn) + "尚早");
        }
        Verdict verdict = check(r, eligibility, appliedOn);
        if (!(verdict instanceof Verdict.Eligible)) {
            throw new Conflict("续租须重新审核合格：" + reasons(verdict));
        }
        LocalDate start = r.endsOn().plusDays(1);
        Region city = regions.byId(r.cityId());
        LeaseRuleBook.Chosen chosen = book.rules(city, old.programme(), start);
        LeaseRules rules = chosen.rules();
        if (newEndsOn.isBefore(start) || newEndsOn.isAfter(rules.latestEnd(start))) {
            throw new BadInput("新租期 " + start + " 至 " + newEndsOn + " 不对：截止日应在 " + start + " 至 " + rules.latestEnd(start)
                    + " 之间（最长租期 " + rules.maxTerm().value() + " 年）");
        }
        Dwelling d = stock.dwelling(r.dwellingId());
        HouseholdView h = households.household(r.householdId());
        LeaseRules.RentComputation rent = rules.rent(d.rent(), d.rentUnit(), d.floorArea(), d.usableArea(), groups(h, start));
        String actor = actor();
        if (!repository.renewed(id, version, r.endsOn(), actor)) {
            throw stale(r, version);
        }
        String no = regions.byId(r.countyId()).code().substring(0, 6) + start.getYear()
                + String.format("%05d", repository.nextSerial(r.countyId(), start.getYear()));
        long next = repository.insert(new LeaseRepository.Row(0, no, r.householdId(), r.dwellingId(), r.countyId(),
                r.cityId(), rules.file(), rules.effectiveFrom(), r.applicant(), r.certificateNo(), appliedOn, start, newEndsOn,
                rent.standard(), rent.monthly(), rent.tier(), rent.text(), LeaseStatus.ACTIVE, r.id(), r.movedInOn(), null,
                null, null, null, null, 0, chosen.fileId()), actor);
        repository.event(id, "RENEW", appliedOn, "续签为合同 " + no + "（" + start + " 至 " + newEndsOn + "）", actor);
        repository.event(next, "RENEW", appliedOn, "续签自合同 " + r.leaseNo() + "；" + rent.text(), actor);
        return lease(next);
    }

    // ---- bills, payments, arrears -------------------------------------------------------------------------

    /** What a billing run did: bills created, bills that existed already, leases not billed and why. */
    public record BillingRun(String countyCode, YearMonth period, int created, int existing, List<String> skipped) {
    }

    /**
     * The month's bills of every lease of the county that is charged for a day of it. Running it again creates nothing
     * new (one bill per lease and month). A lease past its end with neither a renewal nor an exit is not billed but
     * listed: whether it goes on at the contract rent or the 搬迁期 rent is a decision to record first.
     */
    @Transactional
    public BillingRun bill(String countyCode, YearMonth period) {
        Region county = county(countyCode);
        checkOperate(county);
        if (period == null) {
            throw new BadInput("请指明账单月份（如 2025-03）");
        }
        if (period.isAfter(YearMonth.now(ChinaTime.ZONE).plusMonths(1))) {
            throw new BadInput("只能生成本月或下月及以前的账单，" + period + " 太远");
        }
        repository.lockCounty(county.id());
        int created = 0;
        int existing = 0;
        List<String> skipped = new ArrayList<>();
        String actor = actor();
        Map<String, LeaseRules> rulesByFile = new HashMap<>();
        for (LeaseRepository.Row r : repository.chargeable(county.id(), period)) {
            if (repository.hasBill(r.id(), period, "RENT")) {
                existing++;
                continue;
            }
            if (r.exitKind() == null && r.status().open() && r.endsOn().isBefore(period.atDay(1))) {
                skipped.add(r.leaseNo() + "：租期已于" + DAY.format(r.endsOn()) + "届满，未办理续租或退出");
                continue;
            }
            LeaseRules rules = rulesByFile.computeIfAbsent(r.rulesId() + "/" + r.rulesFile() + r.rulesFrom(), k -> book.of(r));
            Dwelling d = stock.dwelling(r.dwellingId());
            RentCalc.Charge c = RentCalc.month(rules, period, r.startsOn(), chargeTo(r), rates(rules, r, d));
            if (c == null) {
                continue;
            }
            if (repository.insertBill(r.id(), period, "RENT", c.amount(), c.basis(), rules.dueOn(period), actor)) {
                created++;
            } else {
                existing++;
            }
        }
        return new BillingRun(county.code(), period, created, existing, skipped);
    }

    /** The last day charged: the move-out (or the day before the renewal); open while an exit runs; else the term. */
    private static LocalDate chargeTo(LeaseRepository.Row r) {
        if (r.endedOn() != null) {
            return r.endedOn();
        }
        return r.exitKind() != null ? null : r.endsOn();
    }

    /** The rates of a lease's days: the contract rent, then, after an exit with a 搬迁期, its rent and the overstay rent. */
    private static List<RentCalc.Rate> rates(LeaseRules rules, LeaseRepository.Row r, Dwelling d) {
        List<RentCalc.Rate> rates = new ArrayList<>();
        if (r.exitKind() == null || !r.exitKind().grace()) {
            rates.add(new RentCalc.Rate(r.startsOn(), null, r.monthlyRent(), "合同租金"));
            return rates;
        }
        LeaseRules.Grace g = rules.graceRule();
        LeaseRules.RentRule over = rules.overstayRule();
        rates.add(new RentCalc.Rate(r.startsOn(), r.exitOn().minusDays(1), r.monthlyRent(), "合同租金"));
        rates.add(new RentCalc.Rate(r.exitOn(), r.graceUntil(), rules.monthly(g.rent(), r.monthlyRent(), d.floorArea(),
                d.usableArea()), "搬迁期租金（" + g.rent().text() + "）"));
        rates.add(new RentCalc.Rate(r.graceUntil().plusDays(1), null, rules.monthly(over, r.monthlyRent(), d.floorArea(),
                d.usableArea()), "逾期租金（" + over.text() + "）"));
        return rates;
    }

    /** Records a payment (amount in 元, at most two decimals). */
    @Transactional
    public Lease.Payment pay(long id, BigDecimal amount, LocalDate paidOn, PaymentChannel channel, String reference) {
        LeaseRepository.Row r = lockedForWork(id);
        if (amount == null || amount.signum() <= 0) {
            throw new BadInput("缴费金额须大于 0 元");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new BadInput("缴费金额 " + amount.toPlainString() + " 元不是整分：金额最多两位小数");
        }
        if (channel == null) {
            throw new BadInput("请填写缴费方式：" + PaymentChannel.choices());
        }
        if (paidOn == null) {
            throw new BadInput("请填写缴费日期（paidOn）");
        }
        LocalDate day = paidOn;
        if (day.isAfter(today())) {
            throw new BadInput("缴费日期 " + day + " 不能晚于今天");
        }
        if (day.isBefore(r.signedOn())) {
            throw new BadInput("缴费日期 " + day + " 早于签约日期 " + r.signedOn());
        }
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        if (ref != null) {
            // a bank's or the cashier's 票据号 names one payment: recorded again it is the same money (a double-click,
            // an API retry, a bank sheet entered twice), not a second payment (double-submit trial); the lease's lock
            // above orders two at once
            repository.payments(id).stream().filter(p -> ref.equals(p.reference())).findFirst().ifPresent(p -> {
                throw new Conflict("合同 " + r.leaseNo() + " 已登记票据号为 " + ref + " 的缴费（" + p.paidOn() + "，" + p.amount()
                        + " 元，" + p.channel().label() + "，登记人 " + p.by() + "），未重复登记；如确是另一笔缴费，请核对票据号");
            });
        }
        long pid = repository.insertPayment(id, day, amount.setScale(2, RoundingMode.UNNECESSARY), channel, ref, actor());
        repository.event(id, "PAYMENT", day, channel.label() + "缴纳 " + amount.setScale(2, RoundingMode.UNNECESSARY) + " 元"
                + (ref == null ? "" : "（" + ref + "）"), actor());
        return repository.payments(id).stream().filter(p -> p.id() == pid).findFirst().orElseThrow();
    }

    /** One payment of a lease: the answer to a 登记缴费 sent again is the one the first made. */
    public Lease.Payment payment(long leaseId, long paymentId) {
        lease(leaseId);
        return repository.payments(leaseId).stream().filter(p -> p.id() == paymentId).findFirst()
                .orElseThrow(() -> new NotFound("该合同没有编号为 " + paymentId + " 的缴费"));
    }

    /** One 入户核查 of a lease: the answer to a check sent again is the one the first recorded. */
    public Lease.Check check(long leaseId, long checkId) {
        lease(leaseId);
        return repository.checks(leaseId).stream().filter(c -> c.id() == checkId).findFirst()
                .orElseThrow(() -> new NotFound("该合同没有编号为 " + checkId + " 的入户核查"));
    }

    /** One violation of a lease: the answer to a violation sent again is the one the first recorded. */
    public Lease.Violation violation(long leaseId, long violationId) {
        lease(leaseId);
        return repository.violations(leaseId).stream().filter(v -> v.id() == violationId).findFirst()
                .orElseThrow(() -> new NotFound("该合同没有编号为 " + violationId + " 的违规记录"));
    }

    /** A lease's arrears on a day: bills due before it, payments made by it applied to the oldest bill first. */
    public Lease.Arrears arrears(long id, LocalDate asOf) {
        Lease l = lease(id);
        LocalDate day = asOf == null ? today() : asOf;
        return arrears(l.id(), l.leaseNo(), l.applicant(), l.dwelling(), repository.bills(id), repository.payments(id), day);
    }

    static Lease.Arrears arrears(long id, String no, String applicant, String dwelling, List<Lease.Bill> bills,
                                 List<Lease.Payment> payments, LocalDate asOf) {
        BigDecimal paid = payments.stream().filter(p -> !p.paidOn().isAfter(asOf)).map(Lease.Payment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Lease.Owed> owed = new ArrayList<>();
        Set<YearMonth> months = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Lease.Bill b : bills.stream().sorted(Comparator.comparing(Lease.Bill::period).thenComparing(Lease.Bill::kind)).toList()) {
            BigDecimal applied = paid.min(b.amount());
            paid = paid.subtract(applied);
            BigDecimal unpaid = b.amount().subtract(applied);
            if (unpaid.signum() > 0 && b.dueOn().isBefore(asOf)) {
                owed.add(new Lease.Owed(b.period(), b.kind(), b.amount(), unpaid, b.dueOn()));
                total = total.add(unpaid);
                if ("RENT".equals(b.kind())) {
                    months.add(b.period());
                }
            }
        }
        return new Lease.Arrears(id, no, applicant, dwelling, asOf, months.size(), total.setScale(2, RoundingMode.UNNECESSARY), owed);
    }

    /** Leases of a county in arrears on a day, most months first. */
    public List<Lease.Arrears> countyArrears(String countyCode, LocalDate asOf) {
        Region county = county(countyCode);
        access.checkRead(county);
        LocalDate day = asOf == null ? today() : asOf;
        Map<Long, List<Lease.Bill>> bills = repository.billsOfCounty(county.id()).stream()
                .collect(Collectors.groupingBy(Lease.Bill::leaseId));
        Map<Long, List<Lease.Payment>> payments = repository.paymentsOfCounty(county.id()).stream()
                .collect(Collectors.groupingBy(Lease.Payment::leaseId));
        List<Lease.Arrears> result = new ArrayList<>();
        for (LeaseRepository.Row r : repository.ofCounty(county.id(), false)) {
            if (!bills.containsKey(r.id())) {
                continue;
            }
            Lease.Arrears a = arrears(r.id(), r.leaseNo(), r.applicant(), dwellingLabel(r.dwellingId()),
                    bills.get(r.id()), payments.getOrDefault(r.id(), List.of()), day);
            if (a.amount().signum() > 0) {
                result.add(a);
            }
        }
        result.sort(Comparator.comparing(Lease.Arrears::months).reversed().thenComparing(Lease.Arrears::amount,
                Comparator.reverseOrder()));
        return result;
    }

    // ---- 年审, checks, exits, violations ------------------------------------------------------------------

    /** What a 年审 found and what it did. */
    public record ReviewResult(Lease.Review review, List<String> reasons, Lease lease) {
    }

    /**
     * 年审/动态复核: the household's facts now (changes of income or members go through
     * {@link Households#update} first) against the city's rule set on {@code on}. Eligible: the lease goes on.
     * Ineligible: 退出 with the rules' 搬迁期 at its rent, then the overstay rent. Facts missing: recorded, nothing else.
     */
    @Transactional
    public ReviewResult annualReview(long id, int version, RuleSet rules, LocalDate on) {
        LeaseRepository.Row r = lockedForWork(id);
        if (r.status() != LeaseStatus.ACTIVE && r.status() != LeaseStatus.SIGNED) {
            throw new Conflict("合同 " + r.leaseNo() + " 当前为" + r.status().label() + "，不再年审");
        }
        if (r.version() != version) {
            throw stale(r, version);
        }
        if (on == null) {
            throw new BadInput("年审须填写审核日期（on）：按该日有效的规则审核");
        }
        LocalDate day = on;
        Verdict verdict = check(r, rules, day);
        String outcome = switch (verdict) {
            case Verdict.Eligible e -> "ELIGIBLE";
            case Verdict.Ineligible i -> "INELIGIBLE";
            case Verdict.Incomplete i -> "INCOMPLETE";
        };
        List<String> reasons = switch (verdict) {
            case Verdict.Eligible e -> e.checks().stream().map(Verdict.Check::reason).toList();
            case Verdict.Ineligible i -> i.failed().stream().map(Verdict.Check::reason).toList();
            case Verdict.Incomplete i -> i.missing().stream().map(Verdict.Check::reason).toList();
        };
        String ruleSet = rules.name() + "（" + rules.effectiveFrom() + " 起）";
        String actor = actor();
        if (verdict instanceof Verdict.Ineligible) {
            LeaseRules lr = book.of(r);
            LeaseRules.Grace g = lr.graceRule();
            lr.overstayRule();
            LocalDate graceUntil = day.plusMonths(g.months()).minusDays(1);
            if (!repository.exit(id, version, ExitKind.INELIGIBLE, day, "年审不再符合条件：" + String.join("；", reasons),
                    graceUntil, actor)) {
                throw stale(r, version);
            }
            repository.event(id, "EXIT", day, "年审不再符合条件，退出；搬迁期至 " + graceUntil + "，期间" + g.rent().text()
                    + "，期满未腾退按" + lr.overstayRule().text() + clause(g.clause()), actor);
        }
        long rid = repository.insertReview(id, day, ruleSet, outcome, String.join("；", reasons), actor);
        Lease.Review review = repository.reviews(id).stream().filter(v -> v.id() == rid).findFirst().orElseThrow();
        repository.event(id, "REVIEW", day, review.outcomeLabel() + "（" + ruleSet + "）", actor);
        return new ReviewResult(review, reasons, lease(id));
    }

    private Verdict check(LeaseRepository.Row r, RuleSet rules, LocalDate day) {
        if (rules == null) {
            throw new BadInput("年审须提供该市的准入规则（规则文件）");
        }
        String city = regions.byId(r.cityId()).code();
        if (!rules.city().equals(city) && !city.startsWith(rules.city())) {
            throw new BadInput("规则“" + rules.name() + "”是 " + rules.city() + " 的，该合同属于 " + city);
        }
        if (!rules.inForceOn(day)) {
            throw new BadInput("规则“" + rules.name() + "”在 " + day + " 不在有效期内（" + rules.effectiveFrom() + " 起"
                    + (rules.effectiveTo() == null ? "" : "，至 " + rules.effectiveTo()) + "）");
        }
        return Eligibility.check(rules, households.facts(r.householdId()), day);
    }

    /** 入户核查: whether the household was found living there (a run of checks finding nobody measures 闲置). */
    @Transactional
    public Lease.Check recordCheck(long id, LocalDate on, boolean occupied, String note) {
        LeaseRepository.Row r = lockedForWork(id);
        if (on == null) {
            throw new BadInput("请填写核查日期（on）");
        }
        LocalDate day = on;
        if (day.isAfter(today()) || day.isBefore(r.signedOn())) {
            throw new BadInput("核查日期 " + day + " 应在签约日期 " + r.signedOn() + " 与今天之间");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (!occupied && text == null) {
            throw new BadInput("核查发现无人居住的，须写明核查情况（如 水电读数、邻居证言）");
        }
        long cid = repository.insertCheck(id, day, occupied, text, actor());
        repository.event(id, "CHECK", day, (occupied ? "在住" : "无人居住") + (text == null ? "" : "：" + text), actor());
        return repository.checks(id).stream().filter(c -> c.id() == cid).findFirst().orElseThrow();
    }

    /**
     * 自愿退出 (OPERATIONS.md §4.6): the tenant's application, confirmed by the 住房保障 office; the move-out follows
     * with the inspection of the dwelling. Rent runs at the contract rent until the move-out.
     */
    @Transactional
    public Lease exitVoluntary(long id, int version, LocalDate appliedOn, String reason) {
        LeaseRepository.Row r = lockedForWork(id);
        if (reason == null || reason.isBlank()) {
            throw new BadInput("自愿退出须填写申请原因（如 已购房、迁出本市）");
        }
        if (appliedOn == null) {
            throw new BadInput("自愿退出须填写申请日期（on）");
        }
        LocalDate day = appliedOn;
        exit(r, version, ExitKind.VOLUNTARY, day, "自愿退出：" + reason.strip(), null);
        repository.event(id, "EXIT", day, "自愿退出申请：" + reason.strip(), actor());
        return lease(id);
    }

    /** 期满未续租: the term ran out without renewal; the rules' 搬迁期 as for a household no longer eligible. */
    @Transactional
    public Lease exitExpired(long id, int version, LocalDate on) {
        LeaseRepository.Row r = lockedForWork(id);
        // the 搬迁期 and its rent run from the day the exit was decided: the day after the term is only its earliest
        if (on == null) {
            throw new BadInput("期满未续租须填写退出日期（on）：搬迁期自该日起算；合同 " + r.leaseNo() + " 租期至 " + r.endsOn()
                    + "，退出日期最早为 " + r.endsOn().plusDays(1));
        }
        LocalDate day = on;
        if (!day.isAfter(r.endsOn())) {
            throw new BadInput("合同 " + r.leaseNo() + " 租期至 " + r.endsOn() + "，尚未届满");
        }
        LeaseRules rules = book.of(r);
        LeaseRules.Grace g = rules.graceRule();
        rules.overstayRule();
        LocalDate until = day.plusMonths(g.months()).minusDays(1);
        exit(r, version, ExitKind.EXPIRED, day, "租期届满未续租", until);
        repository.event(id, "EXIT", day, "租期届满未续租，搬迁期至 " + until + "，期间" + g.rent().text(), actor());
        return lease(id);
    }

    private void exit(LeaseRepository.Row r, int version, ExitKind kind, LocalDate on, String reason, LocalDate graceUntil) {
        if (r.status() != LeaseStatus.ACTIVE && r.status() != LeaseStatus.SIGNED) {
            throw new Conflict("合同 " + r.leaseNo() + " 当前为" + r.status().label()
                    + (r.exitKind() == null ? "" : "（" + r.exitKind().label() + "）") + "，不能再办理退出");
        }
        if (on.isBefore(r.signedOn())) {
            throw new BadInput("退出日期 " + on + " 早于签约日期 " + r.signedOn());
        }
        if (!repository.exit(r.id(), version, kind, on, reason, graceUntil, actor())) {
            throw stale(r, version);
        }
    }

    /**
     * 欠租 and 闲置 measured from the records on a day: every lease with rent unpaid or nobody found living there, the
     * months against the rules' threshold (reached: to be taken back; below: a warning).
     */
    public List<Lease.Candidate> candidates(String countyCode, LocalDate asOf) {
        Region county = county(countyCode);
        access.checkRead(county);
        LocalDate day = asOf == null ? today() : asOf;
        List<Lease.Candidate> result = new ArrayList<>();
        for (LeaseRepository.Row r : repository.ofCounty(county.id(), true)) {
            LeaseRules rules = book.of(r);
            String label = dwellingLabel(r.dwellingId());
            Lease.Arrears a = arrears(r.id(), r.leaseNo(), r.applicant(), label, repository.bills(r.id()),
                    repository.payments(r.id()), day);
            if (a.months() > 0) {
                LeaseRules.Limit t = rules.threshold(ViolationKind.ARREARS);
                result.add(new Lease.Candidate(r.id(), r.leaseNo(), r.applicant(), label, ViolationKind.ARREARS, a.months(),
                        t.value(), a.amount(), a.bills().getFirst().dueOn(), a.months() >= t.value(), t.clause()));
            }
            Idle idle = idle(r, day);
            if (idle != null && (idle.months() > 0 || idle.fromChecks())) {
                LeaseRules.Limit t = rules.threshold(ViolationKind.IDLE);
                result.add(new Lease.Candidate(r.id(), r.leaseNo(), r.applicant(), label, ViolationKind.IDLE, idle.months(),
                        t.value(), null, idle.since(), idle.months() >= t.value(), t.clause()));
            }
        }
        result.sort(Comparator.comparing(Lease.Candidate::reached).reversed()
                .thenComparing(Lease.Candidate::months, Comparator.reverseOrder()));
        return result;
    }

    /** @param fromChecks found by on-site checks (listed from the first one); else: never moved in */
    record Idle(LocalDate since, int months, String evidence, boolean fromChecks) {
    }

    /**
     * 闲置 as the records show it: signed and never moved in, since the start of the term; or the trailing run of
     * on-site checks that found nobody, since the first of them (nothing before a check is assumed).
     */
    private Idle idle(LeaseRepository.Row r, LocalDate asOf) {
        if (r.status() == LeaseStatus.SIGNED || r.movedInOn() == null) {
            LocalDate since = RentCalc.max(r.startsOn(), r.signedOn());
            if (since.isAfter(asOf)) {
                return null;
            }
            return new Idle(since, (int) ChronoUnit.MONTHS.between(since, asOf), "签约后未入住（租期自 " + since + " 起）", false);
        }
        List<Lease.Check> checks = repository.checks(r.id()).stream().filter(c -> !c.checkedOn().isAfter(asOf)).toList();
        LocalDate since = null;
        List<String> notes = new ArrayList<>();
        for (Lease.Check c : checks.reversed()) {
            if (c.occupied()) {
                break;
            }
            since = c.checkedOn();
            notes.addFirst(c.checkedOn() + " " + c.note());
        }
        return since == null ? null : new Idle(since, (int) ChronoUnit.MONTHS.between(since, asOf),
                "入户核查无人居住：" + String.join("；", notes), true);
    }

    /**
     * Records a violation and takes the lease back (违规收回): the two measured kinds only when the records reach the
     * rules' threshold on {@code foundOn}; the others with their evidence. The rules' penalty is kept with it: the
     * wording and article, the ceiling of the fine, market rent charged back to the act (a bill), and the ban that the
     * move-out records.
     */
    @Transactional
    public Lease.Violation recordViolation(long id, int version, ViolationKind kind, LocalDate actOn, LocalDate foundOn,
                                           String evidence, BigDecimal illegalIncome) {
        LeaseRepository.Row r = lockedForWork(id);
        if (kind == null) {
            throw new BadInput("请指明违规情形：" + ViolationKind.choices());
        }
        if (foundOn == null) {
            throw new BadInput("请填写发现日期（foundOn）");
        }
        LocalDate found = foundOn;
        if (found.isAfter(today())) {
            throw new BadInput("发现日期 " + found + " 不能晚于今天");
        }
        if (illegalIncome != null && illegalIncome.signum() < 0) {
            throw new BadInput("违法所得不能为负数");
        }
        LeaseRules rules = book.of(r);
        LeaseRules.Penalty penalty = rules.penalty(kind);
        LocalDate act = actOn;
        String proof = evidence == null || evidence.isBlank() ? null : evidence.strip();
        if (kind.measured()) {
            LeaseRules.Limit t = rules.threshold(kind);
            int months;
            LocalDate since;
            String measured;
            if (kind == ViolationKind.ARREARS) {
                Lease.Arrears a = arrears(r.id(), r.leaseNo(), r.applicant(), "", repository.bills(id), repository.payments(id), found);
                months = a.months();
                since = a.bills().isEmpty() ? null : a.bills().getFirst().dueOn();
                measured = "截至 " + found + " 欠租 " + a.months() + " 个月，共 " + a.amount() + " 元";
            } else {
                Idle idle = idle(r, found);
                months = idle == null ? 0 : idle.months();
                since = idle == null ? null : idle.since();
                measured = idle == null ? "没有闲置记录" : idle.evidence() + "，至 " + found + " 共 " + idle.months() + " 个月";
            }
            if (months < t.value()) {
                throw new Conflict(kind.label() + " " + months + " 个月，未达到" + rules.name() + "规定的 " + t.value() + " 个月"
                        + clause(t.clause()) + "：只能提醒，不能收回（" + measured + "）");
            }
            act = act == null ? since : act;
            proof = proof == null ? measured : proof + "；" + measured;
        } else {
            if (proof == null) {
                throw new BadInput(kind.label() + "须写明证据（核查记录、证人证言、照片编号等）");
            }
            if (act == null) {
                throw new BadInput(kind.label() + "须填写违规行为发生的日期（市场租金自该日起补缴）");
            }
        }
        if (act.isAfter(found)) {
            throw new BadInput("违规发生日期 " + act + " 晚于发现日期 " + found);
        }
        if (act.isBefore(r.startsOn())) {
            act = r.startsOn();
        }
        BigDecimal fineMax = penalty.fined() ? rules.fineMax(illegalIncome) : null;
        RentCalc.Charge back = null;
        Dwelling d = stock.dwelling(r.dwellingId());
        if (penalty.backCharge()) {
            back = RentCalc.backCharge(rules, act, found, r.monthlyRent(), rules.marketRent(d.floorArea(), d.usableArea()));
        }
        if (penalty.banned()) {
            rules.banRule();
        }
        String reason = kind.label() + "：" + proof;
        exit(r, version, ExitKind.VIOLATION, found, reason, null);
        String actor = actor();
        if (back != null && back.amount().signum() > 0) {
            YearMonth period = YearMonth.from(found);
            if (!repository.insertBill(id, period, "BACK_CHARGE", back.amount(), back.basis(), rules.dueOn(period), actor)) {
                throw new Conflict("合同 " + r.leaseNo() + " " + period + " 已有补缴市场租金账单");
            }
        }
        String wording = penalty.wording() + "（" + penalty.clause() + "）";
        long vid = repository.insertViolation(id, kind, act, found, proof, illegalIncome, wording, fineMax,
                back == null ? null : back.amount(), penalty.banned(), actor);
        repository.event(id, "VIOLATION", found, kind.label() + "，违规收回：" + wording
                + (fineMax == null ? "" : "；罚款上限 " + fineMax + " 元")
                + (back == null ? "" : "；补缴市场租金 " + back.basis()), actor);
        return repository.violations(id).stream().filter(v -> v.id() == vid).findFirst().orElseThrow();
    }

    /**
     * 腾退: the household moves out after an exit (the dwelling inspected), the dwelling is vacated, the household closed
     * and, after a violation whose penalty bans, the applicant banned for the rules' years from this day.
     */
    @Transactional
    public Lease moveOut(long id, int version, LocalDate on, String inspection) {
        LeaseRepository.Row r = lockedForWork(id);
        if (r.status() != LeaseStatus.EXITING) {
            throw new Conflict("合同 " + r.leaseNo() + " 当前为" + r.status().label()
                    + "：请先办理退出（自愿退出申请、年审不再符合条件、期满未续租或违规收回），再办理腾退");
        }
        if (inspection == null || inspection.isBlank()) {
            throw new BadInput("腾退须填写房屋验收情况（如 设施完好、钥匙已交回）");
        }
        if (on == null) {
            throw new BadInput("腾退须填写腾退日期（on）");
        }
        LocalDate day = on;
        if (day.isBefore(r.exitOn()) && r.exitKind() != ExitKind.VOLUNTARY) {
            throw new BadInput("腾退日期 " + day + " 早于退出决定日期 " + r.exitOn());
        }
        LeaseRules rules = book.of(r);
        List<Lease.Violation> violations = repository.violations(id);
        boolean ban = r.exitKind() == ExitKind.VIOLATION && violations.stream().anyMatch(Lease.Violation::ban);
        LeaseRules.Limit banRule = ban ? rules.banRule() : null;
        String actor = actor();
        Dwelling d = stock.dwelling(r.dwellingId());
        if (d.status() != StockStatus.VACANT) {
            stock.change(d.id(), d.version(), StockStep.VACATE, day, "合同 " + r.leaseNo() + " 腾退（" + r.exitKind().label() + "）");
        }
        allocations.end(d.id(), day);
        if (!repository.end(id, version, day, actor)) {
            throw stale(r, version);
        }
        repository.event(id, "MOVE_OUT", day, "腾退 " + d.label() + "，验收：" + inspection.strip(), actor);
        households.close(r.householdId(), day, r.exitKind().label() + "（合同 " + r.leaseNo() + "）");
        if (ban) {
            String why = violations.stream().filter(Lease.Violation::ban).map(v -> v.kind().label()).distinct()
                    .collect(Collectors.joining("、")) + "（合同 " + r.leaseNo() + "）";
            var b = households.ban(r.householdId(), why, day, day.plusYears(banRule.value()));
            repository.event(id, "BAN", day, "列入失信记录：" + why + "，" + DAY.format(b.until()) + "前不得再申请"
                    + clause(banRule.clause()), actor);
        }
        return lease(id);
    }

    // ---- figures ---------------------------------------------------------------------------------------

    /** A county's leases in a month, from the records (see {@link LeaseFigures}). */
    public LeaseFigures figures(String countyCode, YearMonth period) {
        Region county = county(countyCode);
        access.checkRead(county);
        if (period == null) {
            throw new BadInput("请指明月份（如 2025-03）");
        }
        LocalDate first = period.atDay(1);
        LocalDate end = period.atEndOfMonth();
        List<LeaseRepository.Row> rows = repository.ofCounty(county.id(), false);
        int inForce = 0, signed = 0, renewed = 0;
        Map<ExitKind, Integer> ended = new EnumMap<>(ExitKind.class);
        for (ExitKind k : ExitKind.values()) {
            ended.put(k, 0);
        }
        for (LeaseRepository.Row r : rows) {
            if (!r.signedOn().isAfter(end) && !r.startsOn().isAfter(end) && (r.endedOn() == null || r.endedOn().isAfter(end))) {
                inForce++;
            }
            if (!r.signedOn().isBefore(first) && !r.signedOn().isAfter(end)) {
                if (r.renewedFrom() == null) {
                    signed++;
                } else {
                    renewed++;
                }
            }
            if (r.status() == LeaseStatus.ENDED && !r.endedOn().isBefore(first) && !r.endedOn().isAfter(end)) {
                ended.merge(r.exitKind(), 1, Integer::sum);
            }
        }
        Map<Long, List<Lease.Bill>> bills = repository.billsOfCounty(county.id()).stream()
                .collect(Collectors.groupingBy(Lease.Bill::leaseId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, List<Lease.Payment>> payments = repository.paymentsOfCounty(county.id()).stream()
                .collect(Collectors.groupingBy(Lease.Payment::leaseId));
        int inArrears = 0;
        BigDecimal arrears = BigDecimal.ZERO, billed = BigDecimal.ZERO, collected = BigDecimal.ZERO, billsPaid = BigDecimal.ZERO;
        for (Map.Entry<Long, List<Lease.Bill>> e : bills.entrySet()) {
            List<Lease.Payment> ps = payments.getOrDefault(e.getKey(), List.of());
            Lease.Arrears a = arrears(e.getKey(), "", "", "", e.getValue(), ps, end);
            if (a.amount().signum() > 0) {
                inArrears++;
                arrears = arrears.add(a.amount());
            }
            BigDecimal paid = ps.stream().filter(p -> !p.paidOn().isAfter(end)).map(Lease.Payment::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            for (Lease.Bill b : e.getValue()) {   // oldest first, as the arrears apply payments
                BigDecimal applied = paid.min(b.amount());
                paid = paid.subtract(applied);
                if (b.period().equals(period)) {
                    billed = billed.add(b.amount());
                    billsPaid = billsPaid.add(applied);
                }
            }
        }
        for (List<Lease.Payment> ps : payments.values()) {
            for (Lease.Payment p : ps) {
                if (!p.paidOn().isBefore(first) && !p.paidOn().isAfter(end)) {
                    collected = collected.add(p.amount());
                }
            }
        }
        int endedTotal = ended.values().stream().mapToInt(Integer::intValue).sum();
        return new LeaseFigures(county.code(), county.name(), period, inForce, signed, renewed, ended, endedTotal, inArrears,
                arrears.setScale(2, RoundingMode.UNNECESSARY), billed.setScale(2, RoundingMode.UNNECESSARY),
                collected.setScale(2, RoundingMode.UNNECESSARY), billsPaid.setScale(2, RoundingMode.UNNECESSARY),
                Rates.rate(billsPaid, billed));
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private LeaseRepository.Row row(long id) {
        return repository.lease(id).orElseThrow(() -> new NotFound("租赁合同不存在：" + id));
    }

    /** The lease locked for a change by someone who does the county's lease work. */
    private LeaseRepository.Row lockedForWork(long id) {
        LeaseRepository.Row r = row(id);
        checkOperate(regions.byId(r.countyId()));
        return repository.lockLease(id).orElseThrow();
    }

    private Region county(String code) {
        if (code == null || code.isBlank()) {
            throw new BadInput("请指明区县（region，如 360702）");
        }
        Region r = regions.byCode(code.strip()).orElseThrow(() -> new BadInput("没有编码为 " + code.strip() + " 的地区"));
        if (r.kind().local()) {
            throw new BadInput(r.name() + "是街道或社区：租赁合同按区县管理，请选择其所在区县");
        }
        return r;
    }

    private void checkOperate(Region county) {
        if (!access.canHandleApplications(county)) {
            var a = access.current();
            throw new Denied(a.signedIn() ? "当前账号（" + a.displayName() + "，" + a.rolesLabel() + "）无权办理" + county.name()
                    + "的公租房租赁：须为该区县或所在市的住房保障审核员" : "请先登录");
        }
    }

    private Lease view(LeaseRepository.Row r) {
        Region county = regions.byId(r.countyId());
        return new Lease(r.id(), r.leaseNo(), r.householdId(), r.applicant(), r.certificateNo(), r.dwellingId(),
                dwellingLabel(r.dwellingId()), county.code(), county.name(), regions.byId(r.cityId()).code(), r.rulesFile(),
                r.rulesFrom(), r.signedOn(), r.startsOn(), r.endsOn(), r.standardRent(), r.monthlyRent(), r.tier(),
                r.rentBasis(), r.status(), r.renewedFrom(), r.movedInOn(), r.exitKind(), r.exitOn(), r.exitReason(),
                r.graceUntil(), r.endedOn(), r.version());
    }

    private String dwellingLabel(long dwellingId) {
        return stock.dwelling(dwellingId).label();
    }

    /** The groups a household belonged to on a day (a group whose 起始日期 is not stated counts: the form says so). */
    private static Set<String> groups(HouseholdView h, LocalDate day) {
        Set<String> g = new HashSet<>();
        for (HouseholdForm.GroupForm f : h.groups()) {
            if (f.since() == null || !f.since().isAfter(day)) {
                g.add(f.name());
            }
        }
        return g;
    }

    private static String reasons(Verdict v) {
        return switch (v) {
            case Verdict.Eligible e -> "符合条件";
            case Verdict.Ineligible i -> String.join("；", i.failed().stream().map(Verdict.Check::reason).toList());
            case Verdict.Incomplete i -> String.join("；", i.missing().stream().map(Verdict.Check::reason).toList());
        };
    }

    private ConcurrentUpdateException stale(LeaseRepository.Row r, int version) {
        return new ConcurrentUpdateException(lastChange.refusal("合同 " + r.leaseNo() + " ", "rental_lease", r.id(), version,
                r.version(), "请刷新后重试"));
    }

    private static String clause(String clause) {
        return clause == null ? "" : "（" + clause + "）";
    }

    private String actor() {
        return access.current().username();
    }

}
