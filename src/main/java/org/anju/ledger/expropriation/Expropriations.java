package org.anju.ledger.expropriation;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.LastChange;
import org.anju.account.Role;
import org.anju.calendar.Counting;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.platform.Reupload;
import org.anju.intake.InputException;
import org.anju.intake.SourceReader;
import org.anju.privacy.Column;
import org.anju.privacy.Export;
import org.anju.privacy.IdNumber;
import org.anju.privacy.PersonName;
import org.anju.privacy.PersonalData;
import org.anju.privacy.PersonalField;
import org.anju.privacy.Subject;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.anju.platform.ChinaTime.today;

/**
 * 征收项目 and 被征收户. The 征收部门 — the 住房保障/征收 office (HOUSING_OFFICE) or the administrator (COUNTY_ADMIN) of the
 * project's 市/县 — records steps and households; everyone whose region contains the project reads it, households masked
 * and every household view logged. Each step is checked against the regulation ({@link Reg590}) before it is stored.
 */
@Service
public class Expropriations {

    public static final String SUBJECT = "ledger_expro_household";
    static final Column OWNER_NAME = new Column("ledger_expro_household", "owner_name_enc", PersonalField.NAME);
    static final Column OWNER_ID = new Column("ledger_expro_household", "owner_id_enc", PersonalField.ID_NUMBER);
    /** Every column holding sealed personal data, for key rotation. */
    public static final List<Column> SEALED = List.of(OWNER_NAME, OWNER_ID);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final int MAX_SCHEME_BYTES = 256 * 1024;

    private final ExpropriationRepository repository;
    private final PersonalData personalData;
    private final Regions regions;
    private final Access access;
    private final SourceReader reader;

    private final org.anju.platform.OperationsMetrics metrics;
    private final LastChange lastChange;

    Expropriations(ExpropriationRepository repository, PersonalData personalData, Regions regions, Access access,
                   SourceReader reader, org.anju.platform.OperationsMetrics metrics, LastChange lastChange) {
        this.metrics = metrics;
        this.lastChange = lastChange;
        this.repository = repository;
        this.personalData = personalData;
        this.regions = regions;
        this.access = access;
        this.reader = reader;
    }

    // ---- projects -----------------------------------------------------------------------------------------

    @Transactional
    public Project create(ProjectForm f) {
        Region county = county(f.regionCode());
        checkManages(county);
        String name = f.name() == null ? "" : f.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new BadInput("请填写项目名称（不超过 200 字）");
        }
        ProjectType type = f.type() == null ? null : ProjectType.parse(f.type().strip());
        if (type == null) {
            throw new BadInput("项目类型应为 旧城区改建、保障性安居工程、基础设施建设、公共事业、国防和外交 或 法律、行政法规规定的其他公共利益"
                    + "（条例第八条），现为“" + (f.type() == null ? "" : f.type()) + "”");
        }
        if (f.scopeHouseholds() == null || f.scopeHouseholds() <= 0) {
            throw new BadInput("请填写征收范围内户数（正整数）：签约率、腾空率以它为分母");
        }
        if (f.scopeArea() != null && f.scopeArea().signum() <= 0) {
            throw new BadInput("征收建筑面积应为正数（㎡），未掌握请留空");
        }
        Counting counting = counting(f.counting());
        if (f.reviewDays() != null && f.reviewDays() <= 0 || f.appraisalDays() != null && f.appraisalDays() <= 0) {
            throw new BadInput("申请复核评估、申请鉴定的期限应为正整数（日），未规定请留空");
        }
        SigningRates.Gate gate = null;
        if (f.gatePercent() != null) {
            if (f.gatePercent().signum() <= 0 || f.gatePercent().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new BadInput("签约比例应在 0–100 之间（如 80 表示 80%）");
            }
            if (blank(f.gateConsequence()) || blank(f.gateSource())) {
                throw new BadInput("设定签约比例须同时写明未达到的后果（如“补偿协议不生效，房屋征收决定效力终止”）和依据（文件名称或文号）");
            }
            gate = new SigningRates.Gate(f.gatePercent(), f.gateConsequence().strip(), f.gateSource().strip());
        } else if (!blank(f.gateConsequence())) {
            throw new BadInput("写了未达到签约比例的后果，却没有填签约比例");
        }
        if (repository.existsProject(county.id(), name)) {
            throw new Conflict(county.name() + "已有名为“" + name + "”的征收项目");
        }
        long id = repository.insertProject(county.id(), name, type, f.scopeHouseholds(), f.scopeArea(), counting.name(),
                f.reviewDays(), f.appraisalDays(), gate, access.current().username());
        return project(id);
    }

    /** A project with its timeline and figures; requires read access to its region. */
    public Project project(long id) {
        ExpropriationRepository.ProjectRow row = projectRow(id);
        Region county = regions.byId(row.countyId());
        access.checkRead(county);
        return view(row, county);
    }

    /** Projects of a region's subtree, newest first. */
    public List<Project> projects(String regionCode) {
        Region scope = region(regionCode);
        access.checkRead(scope);
        List<Integer> ids = regions.subtree(scope).stream().map(Region::id).toList();
        return repository.projects(ids).stream().map(r -> view(r, regions.byId(r.countyId()))).toList();
    }

    /** Records a step of the regulation after checking it against the articles. */
    @Transactional
    public Project recordStep(long projectId, StepForm f) {
        ExpropriationRepository.ProjectRow row = repository.lockProject(projectId)
                .orElseThrow(() -> new NotFound("征收项目不存在：" + projectId));
        Region county = regions.byId(row.countyId());
        checkManages(county);
        if (f.version() == null) {
            throw new BadInput("登记步骤须带上读取项目时的版本号（version）");
        }
        if (f.version() != row.version()) {
            throw new ConcurrentUpdateException(lastChange.refusal("该项目", "ledger_expro_project", projectId, f.version(),
                    row.version(), "请刷新后重试"));
        }
        Reg590.Stage stage = f.stage() == null ? null : Reg590.Stage.parse(f.stage().strip());
        if (stage == null) {
            throw new BadInput("步骤“" + (f.stage() == null ? "" : f.stage()) + "”不对：应为 " + String.join("、",
                    java.util.Arrays.stream(Reg590.Stage.values()).map(s -> s.name() + "（" + s.label() + "）").toList()));
        }
        Reg590.Step step = new Reg590.Step(stage, f.on(), f.second(), trim(f.docNo()), trim(f.note()), f.flag());
        long unsigned = stage == Reg590.Stage.PUBLISHED ? repository.households(projectId).stream()
                .filter(h -> h.agreementOn() == null && h.decisionOn() == null).count() : 0;
        if (stage == Reg590.Stage.PUBLISHED && repository.households(projectId).isEmpty()) {
            throw new Conflict("项目还没有登记任何被征收户，不能公布分户补偿情况");
        }
        int registered = stage == Reg590.Stage.PUBLISHED ? repository.households(projectId).size() : 0;
        if (stage == Reg590.Stage.PUBLISHED && registered < row.scopeHouseholds()) {
            throw new Conflict("征收范围内有 " + row.scopeHouseholds() + " 户，只登记了 " + registered
                    + " 户：分户补偿情况须包括范围内的每一户，请先登记其余被征收户（调查登记）");
        }
        Reg590.check(ProjectType.valueOf(row.projectType()), Counting.valueOf(row.counting()), steps(projectId), step,
                today(), unsigned);
        repository.insertStep(projectId, step, access.current().username());
        repository.touchProject(projectId, row.version(), access.current().username());
        return project(projectId);
    }

    // ---- households ---------------------------------------------------------------------------------------

    @Transactional
    public long addHousehold(long projectId, HouseholdForm f) {
        ExpropriationRepository.ProjectRow row = repository.lockProject(projectId)
                .orElseThrow(() -> new NotFound("征收项目不存在：" + projectId));
        checkManages(regions.byId(row.countyId()));
        ExpropriationRepository.NewHousehold h = household(f, "");
        if (repository.codes(projectId).contains(h.code())) {
            throw new Conflict("本项目已有户号为 " + h.code() + " 的被征收户");
        }
        return repository.insertHousehold(projectId, h, access.current().username());
    }

    ExpropriationRepository.NewHousehold household(HouseholdForm f, String where) {
        String code = trim(f.code());
        if (code == null || code.length() > 40) {
            throw new BadInput(where + "请填写户号（调查登记编号，不超过 40 字）");
        }
        String address = trim(f.address());
        if (address == null) {
            throw new BadInput(where + "请填写房屋坐落");
        }
        if (f.area() != null && f.area().signum() <= 0) {
            throw new BadInput(where + "建筑面积应为正数（㎡），未掌握请留空");
        }
        HouseUse use = f.use() == null ? null : HouseUse.parse(f.use().strip());
        if (use == null) {
            throw new BadInput(where + "房屋用途应为 住宅 或 非住宅，现为“" + (f.use() == null ? "" : f.use()) + "”");
        }
        TitleStatus status = f.titleStatus() == null ? null : TitleStatus.parse(f.titleStatus().strip());
        if (status == null) {
            throw new BadInput(where + "权属状况应为 合法 或 未登记，现为“" + (f.titleStatus() == null ? "" : f.titleStatus()) + "”");
        }
        String title = trim(f.titleNo());
        if (status == TitleStatus.REGISTERED && title == null) {
            throw new BadInput(where + "权属状况为合法的，请填写房屋所有权证号或不动产权证号");
        }
        var name = personalData.seal(OWNER_NAME, PersonName.parse(where + "被征收人姓名", f.ownerName()));
        var id = blank(f.ownerId()) ? null : personalData.seal(OWNER_ID, IdNumber.parse(where + "被征收人身份证号", f.ownerId()));
        return new ExpropriationRepository.NewHousehold(code, name, id, address, title, f.area(), use, status);
    }

    /** A household, masked; the view is logged. */
    public HouseholdView household(long id) {
        ExpropriationRepository.HouseholdRow row = householdRow(id);
        Region county = countyOf(row);
        personalData.viewed(Subject.of(SUBJECT, id, county), Set.of(PersonalField.NAME, PersonalField.ID_NUMBER));
        return view(row);
    }

    /** Households of a project, masked (lists are not logged, like the rental register), optionally of one state. */
    public List<HouseholdView> households(long projectId, String state) {
        ExpropriationRepository.ProjectRow p = projectRow(projectId);
        access.checkRead(regions.byId(p.countyId()));
        HouseholdState s = null;
        if (state != null && !state.isBlank()) {
            s = HouseholdState.parse(state.strip());
            if (s == null) {
                throw new BadInput("状态“" + state + "”不对：应为 未签约、已签约、已腾空、补偿决定、强制执行（或 UNSIGNED、SIGNED、VACATED、"
                        + "DECIDED、ENFORCED）");
            }
        }
        HouseholdState only = s;
        return repository.households(projectId).stream().map(Expropriations::view)
                .filter(h -> only == null || h.state() == only).toList();
    }

    /** The owner's name or ID number in plaintext, logged with the reason. */
    public String reveal(long id, PersonalField field, String reason) {
        ExpropriationRepository.HouseholdRow row = householdRow(id);
        Subject subject = Subject.of(SUBJECT, id, countyOf(row));
        return switch (field) {
            case NAME -> personalData.reveal(subject, OWNER_NAME, row.ownerNameEnc(), reason);
            case ID_NUMBER -> {
                if (row.ownerIdEnc() == null) {
                    throw new NotFound("该户未登记被征收人身份证号");
                }
                yield personalData.reveal(subject, OWNER_ID, row.ownerIdEnc(), reason);
            }
            default -> throw new BadInput("被征收户只登记了姓名和身份证号");
        };
    }

    /** 评估 and its 复核/鉴定 requests, within the project's windows (收到之日起 N 日, counted as the project says). */
    @Transactional
    public HouseholdView valuation(long id, ValuationForm f) {
        ExpropriationRepository.HouseholdRow h = householdRow(id);
        ExpropriationRepository.ProjectRow p = projectRow(h.projectId());
        checkManages(regions.byId(p.countyId()));
        Map<Reg590.Stage, Reg590.Step> steps = steps(p.id());
        Reg590.Step decision = steps.get(Reg590.Stage.DECISION);
        if (decision == null) {
            throw new Conflict("被征收房屋价值以房屋征收决定公告之日为准（条例第十九条）：请先登记征收决定及公告");
        }
        if (f.amount() == null || f.amount().signum() <= 0) {
            throw new BadInput("请填写评估价值（元，正数）");
        }
        if (f.receivedOn() == null) {
            throw new BadInput("请填写收到评估报告的日期：申请复核评估的期限从该日起算");
        }
        if (f.receivedOn().isBefore(decision.second())) {
            throw new Conflict("收到评估报告的日期（" + DAY.format(f.receivedOn()) + "）早于征收决定公告日期" + DAY.format(decision.second()));
        }
        Counting counting = Counting.valueOf(p.counting());
        if (f.reviewRequestedOn() != null) {
            within("申请复核评估", f.receivedOn(), "收到评估报告", f.reviewRequestedOn(), p.reviewDays(), counting, "reviewDays");
        }
        if (f.reviewResultOn() != null && (f.reviewRequestedOn() == null || f.reviewResultOn().isBefore(f.reviewRequestedOn()))) {
            throw new BadInput("收到复核结果的日期须在申请复核评估之后");
        }
        if (f.appraisalRequestedOn() != null) {
            if (f.reviewResultOn() == null) {
                throw new Conflict("对复核结果有异议的，才可向房地产价格评估专家委员会申请鉴定（条例第十九条）：请先登记收到复核结果的日期");
            }
            within("申请鉴定", f.reviewResultOn(), "收到复核结果", f.appraisalRequestedOn(), p.appraisalDays(), counting,
                    "appraisalDays");
        }
        version(f.version());
        if (!repository.valuation(id, f.version(), f.amount(), f.receivedOn(), f.reviewRequestedOn(), f.reviewResultOn(),
                f.appraisalRequestedOn(), access.current().username())) {
            throw stale(id, f.version(), h.version());
        }
        return view(householdRow(id));
    }

    private static void within(String what, LocalDate from, String fromLabel, LocalDate on, Integer days, Counting counting,
                               String setting) {
        if (days == null) {
            throw new Conflict("项目未设定" + what + "的期限：请在项目中填写（如“自" + fromLabel + "之日起10日内”填 10，字段 " + setting + "）");
        }
        if (on.isBefore(from)) {
            throw new BadInput(what + "的日期不能早于" + fromLabel + "的日期");
        }
        LocalDate last = counting.firstDay(from).plusDays(days - 1);
        if (on.isAfter(last)) {
            throw new Conflict(what + "已超过期限：自" + fromLabel + "之日（" + DAY.format(from) + "）起 " + days + " 日，按“"
                    + counting.label() + "”至" + DAY.format(last) + "止；逾期未申请的，视同无异议");
        }
    }

    /** 补偿协议 (Art.25): only after the 征收决定 is announced, with the article's fields. */
    @Transactional
    public HouseholdView agree(long id, AgreementForm f) {
        ExpropriationRepository.HouseholdRow h = householdRow(id);
        ExpropriationRepository.ProjectRow p = projectRow(h.projectId());
        checkManages(regions.byId(p.countyId()));
        Reg590.Step decision = steps(p.id()).get(Reg590.Stage.DECISION);
        if (f.agreementOn() == null) {
            throw new BadInput("请填写补偿协议签订日期");
        }
        if (decision == null || f.agreementOn().isBefore(decision.second())) {
            throw new Conflict("补偿协议须在房屋征收决定公告之后签订（条例第十三条、第二十五条）："
                    + (decision == null ? "本项目尚未登记征收决定及公告" : "公告日期为" + DAY.format(decision.second())
                    + "，协议日期" + DAY.format(f.agreementOn()) + "在其之前"));
        }
        if (f.agreementOn().isAfter(today())) {
            throw new BadInput("协议签订日期晚于今天：只能登记已签订的协议");
        }
        if (h.agreementOn() != null) {
            throw new Conflict("该户已于" + DAY.format(h.agreementOn()) + "签订补偿协议");
        }
        if (h.decisionOn() != null) {
            throw new Conflict("该户已于" + DAY.format(h.decisionOn()) + "作出补偿决定（" + h.decisionNo() + "），不再签订协议");
        }
        Option option = f.option() == null ? null : Option.parse(f.option().strip());
        if (option == null) {
            throw new BadInput("补偿方式应为 货币补偿 或 产权调换（条例第二十一条）");
        }
        if (f.compensation() == null || f.compensation().signum() < 0) {
            throw new BadInput("请填写补偿金额（元）");
        }
        if (f.paymentDue() == null) {
            throw new BadInput("请填写支付期限（条例第二十五条）");
        }
        if (f.moveDeadline() == null || f.moveDeadline().isBefore(f.agreementOn())) {
            throw new BadInput("请填写搬迁期限（不早于协议签订日期）");
        }
        if (f.movingFee() == null || f.movingFee().signum() < 0) {
            throw new BadInput("请填写搬迁费（元，条例第二十二条）");
        }
        if (h.houseUse().equals(HouseUse.NON_RESIDENTIAL.name()) && f.businessLoss() == null) {
            throw new BadInput("非住宅须写明停产停业损失（元；无损失填 0，条例第二十三条）");
        }
        if (option == Option.SWAP) {
            if (blank(f.swapLocation()) || f.swapArea() == null || f.swapArea().signum() <= 0) {
                throw new BadInput("产权调换须写明用于产权调换房屋的地点和面积（条例第二十五条）");
            }
            if (f.difference() == null) {
                throw new BadInput("产权调换须写明结清的差价（元；被征收人补交为正，领取为负，无差价填 0，条例第二十一条）");
            }
            if ((f.transitionFee() == null) == blank(f.transitionFlat())) {
                throw new BadInput("产权调换房屋交付前，须支付临时安置费或者提供周转用房（条例第二十二条）：请二者填其一");
            }
            if (blank(f.transitionMode()) || f.transitionUntil() == null) {
                throw new BadInput("产权调换须写明过渡方式和过渡期限（条例第二十五条）");
            }
        } else if (!blank(f.swapLocation()) || f.swapArea() != null) {
            throw new BadInput("货币补偿不填产权调换房屋的地点和面积");
        }
        version(f.version());
        if (!repository.agree(id, f.version(), f, option, access.current().username())) {
            throw stale(id, f.version(), h.version());
        }
        return view(householdRow(id));
    }

    /** 补偿决定 (Art.26): for a household without agreement once the 签约期限 has ended. */
    @Transactional
    public HouseholdView decide(long id, LocalDate on, String number, LocalDate moveDeadline, Integer version) {
        ExpropriationRepository.HouseholdRow h = householdRow(id);
        ExpropriationRepository.ProjectRow p = projectRow(h.projectId());
        checkManages(regions.byId(p.countyId()));
        Reg590.Step period = steps(p.id()).get(Reg590.Stage.SIGNING_PERIOD);
        if (on == null || blank(number) || moveDeadline == null) {
            throw new BadInput("补偿决定须填写决定日期、文号和搬迁期限");
        }
        if (period == null || !on.isAfter(period.second())) {
            throw new Conflict("补偿决定只能在签约期限内达不成补偿协议时作出（条例第二十六条）："
                    + (period == null ? "本项目尚未登记签约期限" : "签约期限至" + DAY.format(period.second()) + "，决定日期应在其后"));
        }
        if (on.isAfter(today()) || moveDeadline.isBefore(on)) {
            throw new BadInput("决定日期不能晚于今天，搬迁期限不能早于决定日期");
        }
        if (h.agreementOn() != null) {
            throw new Conflict("该户已于" + DAY.format(h.agreementOn()) + "签订补偿协议，不能再作出补偿决定");
        }
        if (h.decisionOn() != null) {
            throw new Conflict("该户已于" + DAY.format(h.decisionOn()) + "作出补偿决定");
        }
        version(version);
        if (!repository.decide(id, version, on, number.strip(), moveDeadline, access.current().username())) {
            throw stale(id, version, h.version());
        }
        return view(householdRow(id));
    }

    /** 腾空/搬迁: only after compensation (Art.27 先补偿、后搬迁). */
    @Transactional
    public HouseholdView vacate(long id, LocalDate on, Integer version) {
        ExpropriationRepository.HouseholdRow h = householdRow(id);
        checkManages(countyOf(h));
        if (on == null || on.isAfter(today())) {
            throw new BadInput("请填写腾空日期（不晚于今天）");
        }
        LocalDate basis = h.agreementOn() != null ? h.agreementOn() : h.decisionOn();
        if (basis == null) {
            throw new Conflict("实施房屋征收应当先补偿、后搬迁（条例第二十七条）：该户既未签订补偿协议，也未作出补偿决定");
        }
        if (on.isBefore(basis)) {
            throw new Conflict("腾空日期不能早于" + (h.agreementOn() != null ? "协议签订" : "补偿决定") + "日期" + DAY.format(basis));
        }
        if (h.vacatedOn() != null) {
            throw new Conflict("该户已于" + DAY.format(h.vacatedOn()) + "腾空");
        }
        version(version);
        if (!repository.vacate(id, version, on, access.current().username())) {
            throw stale(id, version, h.version());
        }
        return view(householdRow(id));
    }

    /** 申请人民法院强制执行 (Art.28): a 补偿决定, its 搬迁期限 passed, no appeal in the legal time, not moved. */
    @Transactional
    public HouseholdView enforce(long id, LocalDate on, Boolean noAppeal, Integer version) {
        ExpropriationRepository.HouseholdRow h = householdRow(id);
        checkManages(countyOf(h));
        if (on == null || on.isAfter(today())) {
            throw new BadInput("请填写申请强制执行的日期（不晚于今天）");
        }
        if (h.decisionOn() == null) {
            throw new Conflict("申请强制执行须先作出补偿决定（条例第二十六条、第二十八条）");
        }
        if (!on.isAfter(h.decisionMoveDeadline())) {
            throw new Conflict("补偿决定规定的搬迁期限至" + DAY.format(h.decisionMoveDeadline()) + "，期限届满后仍不搬迁的才可申请强制执行（条例第二十八条）");
        }
        if (!Boolean.TRUE.equals(noAppeal)) {
            throw new Conflict("须确认被征收人在法定期限内未申请行政复议、未提起行政诉讼（条例第二十八条）");
        }
        if (h.vacatedOn() != null) {
            throw new Conflict("该户已于" + DAY.format(h.vacatedOn()) + "腾空，无需强制执行");
        }
        if (h.enforcementOn() != null) {
            throw new Conflict("已于" + DAY.format(h.enforcementOn()) + "申请强制执行");
        }
        version(version);
        if (!repository.enforce(id, version, on, access.current().username())) {
            throw stale(id, version, h.version());
        }
        return view(householdRow(id));
    }

    // ---- the 调查登记 list --------------------------------------------------------------------------------

    /**
     * What an import would add: one line per household, owners masked. Nothing is written. Serializable: the page keeps
     * it as a flash attribute in the session, which lives in the database (issue 15).
     */
    public record Preview(String file, int households, List<PreviewLine> lines) implements java.io.Serializable {
    }

    public record PreviewLine(int row, String code, String owner, String address, BigDecimal area, String use,
                              String titleStatus) implements java.io.Serializable {
    }

    /** Reads the 调查登记 list and shows what it would add; refuses with every problem by row and column. */
    public Preview preview(long projectId, String fileName, byte[] content) {
        return metrics.timeImport("expropriation-preview", () -> {
            ExpropriationRepository.ProjectRow p = projectRow(projectId);
            checkManages(regions.byId(p.countyId()));
            return preview(fileName, reading(projectId, fileName, content));
        });
    }

    /** Adds every household of the list, or none: any problem refuses the whole file. */
    @Transactional
    public Preview importFile(long projectId, String fileName, byte[] content) {
        // timed inside its transaction: a failure of the commit itself would count as ok (inserts into a locked project)
        return metrics.timeImport("expropriation", () -> {
            ExpropriationRepository.ProjectRow p = repository.lockProject(projectId)
                    .orElseThrow(() -> new NotFound("征收项目不存在：" + projectId));
            checkManages(regions.byId(p.countyId()));
            HouseholdWorkbook.Reading r = reading(projectId, fileName, content);
            for (HouseholdWorkbook.Line l : r.lines()) {
                repository.insertHousehold(projectId, household(l.form(), "第 " + l.row() + " 行："), access.current().username());
            }
            return preview(fileName, r);
        });
    }

    private HouseholdWorkbook.Reading reading(long projectId, String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "调查登记.xlsx" : fileName.strip();
        HouseholdWorkbook.Reading r = HouseholdWorkbook.read(name, reader.read(name, content),
                new java.util.HashSet<>(repository.codes(projectId)));
        if (!r.problems().isEmpty()) {
            throw new InputException(r.problems());
        }
        return r;
    }

    private static Preview preview(String fileName, HouseholdWorkbook.Reading r) {
        return new Preview(fileName, r.lines().size(), r.lines().stream().map(l -> new PreviewLine(l.row(), l.form().code(),
                org.anju.privacy.PersonalField.NAME.mask(PersonName.parse(l.form().ownerName()).normalized()), l.form().address().strip(),
                l.form().area(), l.form().use(), l.form().titleStatus())).toList());
    }

    /** The list in the import's layout, owners in plaintext: by the 征收部门, with a reason, logged (PersonalData.export). */
    public byte[] export(long projectId, String reason) {
        ExpropriationRepository.ProjectRow p = projectRow(projectId);
        Region county = regions.byId(p.countyId());
        checkManages(county);   // plaintext owners leave only through the 征收部门, with a reason, logged
        List<ExpropriationRepository.HouseholdRow> rows = repository.households(projectId);
        List<HouseholdWorkbook.Out> out = personalData.export(new Export(SUBJECT, county,
                Set.of(PersonalField.NAME, PersonalField.ID_NUMBER), reason), rows, (h, open) -> {
            HouseholdView v = view(h);
            return new HouseholdWorkbook.Out(h.code(), open.open(OWNER_NAME, h.ownerNameEnc()),
                    h.ownerIdEnc() == null ? null : open.open(OWNER_ID, h.ownerIdEnc()), h.address(), h.titleNo(), h.area(),
                    v.use().label(), v.titleStatus().label(), v.state().label(), v.option() == null ? null : v.option().label(),
                    h.agreementOn() == null ? null : h.agreementOn().toString(),
                    h.vacatedOn() == null ? null : h.vacatedOn().toString());
        });
        return HouseholdWorkbook.write(county.name() + " " + p.name() + " 调查登记（被征收户）", out);
    }

    /** An empty list with the column names. */
    public static byte[] template() {
        return HouseholdWorkbook.write("被征收户调查登记导入模板（列名勿改；身份证号可空，权属状况为合法的须填权属证号）", List.of());
    }

    // ---- reward scheme ------------------------------------------------------------------------------------

    /** A stored scheme file and what it says. */
    public record Scheme(int version, String fileName, String content, RewardScheme scheme, String uploadedBy) {
    }

    /** Uploads the project's reward scheme (TSV, UTF-8); stored verbatim once it reads without a problem. */
    @Transactional
    public Scheme uploadScheme(long projectId, String fileName, byte[] content) {
        ExpropriationRepository.ProjectRow p = repository.lockProject(projectId)
                .orElseThrow(() -> new NotFound("征收项目不存在：" + projectId));
        checkManages(regions.byId(p.countyId()));
        if (content == null || content.length == 0) {
            throw new BadInput("奖励方案文件是空的");
        }
        if (content.length > MAX_SCHEME_BYTES) {
            throw new BadInput("奖励方案文件不能超过 256 KB");
        }
        String name = fileName == null || fileName.isBlank() ? "奖励方案.tsv" : fileName.strip();
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.contains("\uFFFD")) {
            throw new BadInput("奖励方案文件须为 UTF-8 编码的制表符分隔文本（TSV）");
        }
        RewardScheme scheme = RewardScheme.parse(name, text);
        // the project's lock above orders uploads: the same file sent again (a double-click, two officials at once) is
        // refused naming the version there, not stored as a new version that changes nothing
        repository.scheme(projectId).filter(latest -> Reupload.same(latest.content(), text))
                .ifPresent(latest -> {
                    throw Reupload.refusal(name, "奖励方案第 " + latest.version() + " 版（" + latest.fileName() + "）",
                            latest.uploadedBy(), latest.uploadedAt().toInstant());
                });
        int version = repository.insertScheme(projectId, name, text, access.current().username());
        return new Scheme(version, name, text, scheme, access.current().username());
    }

    /** The project's current scheme, if one was uploaded. */
    public java.util.Optional<Scheme> scheme(long projectId) {
        ExpropriationRepository.ProjectRow p = projectRow(projectId);
        access.checkRead(regions.byId(p.countyId()));
        return repository.scheme(projectId).map(s -> new Scheme(s.version(), s.fileName(), s.content(),
                RewardScheme.parse(s.fileName(), s.content()), s.uploadedBy()));
    }

    /** The household's reward under the project's scheme, line by line; refuses (409) when the scheme leaves it undefined. */
    public RewardCalculator.Reward reward(long householdId) {
        ExpropriationRepository.HouseholdRow h = householdRow(householdId);
        ExpropriationRepository.ProjectRow p = projectRow(h.projectId());
        access.checkRead(regions.byId(p.countyId()));
        Scheme s = scheme(p.id()).orElseThrow(() -> new Conflict("本项目尚未上传签约奖励方案：请由征收部门上传方案文件（TSV）"));
        Reg590.Step period = steps(p.id()).get(Reg590.Stage.SIGNING_PERIOD);
        RewardCalculator.Period pr = period == null ? null : new RewardCalculator.Period(period.on(), period.second());
        RewardCalculator.RateAtEnd rate = null;
        if (pr != null) {
            long signed = repository.households(p.id()).stream()
                    .filter(x -> x.agreementOn() != null && !x.agreementOn().isAfter(pr.last())).count();
            rate = new RewardCalculator.RateAtEnd(signed, p.scopeHouseholds());
        }
        HouseholdView v = view(h);
        return RewardCalculator.compute(s.scheme(), new RewardCalculator.Case(v.use(), v.option(), v.area(), v.valuation(),
                v.compensation(), v.agreementOn(), v.vacatedOn(), v.moveDeadline()), pr, rate, today());
    }

    // ---- public (条例第二十九条) ---------------------------------------------------------------------------

    /** One household as the 分户补偿情况 publishes it: owner masked, no ID number. */
    public record PublicLine(String code, String owner, BigDecimal area, String use, String option, BigDecimal compensation,
                             LocalDate agreementOn, String decisionNo, String state) {
    }

    public record PublicProject(long id, String countyName, String name, LocalDate publishedOn, List<PublicLine> lines) {
    }

    /** Projects whose 分户补偿情况 the 征收部门 has published; readable by anyone (the regulation makes them public). */
    public List<PublicProject> publishedProjects() {
        return repository.publishedProjects().stream().map(id -> published(id, false)).toList();
    }

    /** A published project's 分户补偿情况; not found unless published. */
    public PublicProject published(long id) {
        return published(id, true);
    }

    private PublicProject published(long id, boolean lines) {
        ExpropriationRepository.ProjectRow p = projectRow(id);
        Reg590.Step step = steps(id).get(Reg590.Stage.PUBLISHED);
        if (step == null) {
            throw new NotFound("该项目尚未公布分户补偿情况");
        }
        List<PublicLine> out = !lines ? List.of() : repository.households(id).stream().map(Expropriations::view)
                .map(h -> new PublicLine(h.code(), h.ownerName(), h.area(), h.use().label(),
                        h.option() == null ? null : h.option().label(), h.compensation(), h.agreementOn(), h.decisionNo(),
                        h.state().label())).toList();
        return new PublicProject(id, regions.byId(p.countyId()).name(), p.name(), step.on(), out);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    ExpropriationRepository.ProjectRow projectRow(long id) {
        return repository.project(id).orElseThrow(() -> new NotFound("征收项目不存在：" + id));
    }

    ExpropriationRepository.HouseholdRow householdRow(long id) {
        ExpropriationRepository.HouseholdRow row = repository.household(id)
                .orElseThrow(() -> new NotFound("被征收户不存在：" + id));
        access.checkRead(countyOf(row));
        return row;
    }

    Region countyOf(ExpropriationRepository.HouseholdRow row) {
        return regions.byId(projectRow(row.projectId()).countyId());
    }

    Map<Reg590.Stage, Reg590.Step> steps(long projectId) {
        Map<Reg590.Stage, Reg590.Step> m = new EnumMap<>(Reg590.Stage.class);
        for (ExpropriationRepository.StepRow r : repository.steps(projectId)) {
            Reg590.Stage s = Reg590.Stage.valueOf(r.stage());
            m.put(s, new Reg590.Step(s, r.onDate(), r.secondDate(), r.docNo(), r.note(), r.flag()));
        }
        return m;
    }

    Project view(ExpropriationRepository.ProjectRow r, Region county) {
        Map<Reg590.Stage, Reg590.Step> steps = steps(r.id());
        ProjectType type = ProjectType.valueOf(r.projectType());
        Counting counting = Counting.valueOf(r.counting());
        SigningRates.Gate gate = r.gatePercent() == null ? null
                : new SigningRates.Gate(r.gatePercent(), r.gateConsequence(), r.gateSource());
        return new Project(r.id(), county.code(), county.name(), r.name(), type, r.scopeHouseholds(), r.scopeArea(), counting,
                r.reviewDays(), r.appraisalDays(), gate, r.version(), Reg590.timeline(type, counting, steps),
                ExpropriationFigures.figures(r, county, gate, steps, repository.households(r.id()), today()));
    }

    static HouseholdView view(ExpropriationRepository.HouseholdRow r) {
        return new HouseholdView(r.id(), r.projectId(), r.code(), r.ownerNameMasked(), r.ownerIdMasked(), r.address(),
                r.titleNo(), r.area(), HouseUse.valueOf(r.houseUse()), TitleStatus.valueOf(r.titleStatus()), r.valuation(),
                r.valuationReceivedOn(), r.reviewRequestedOn(), r.reviewResultOn(), r.appraisalRequestedOn(),
                r.option() == null ? null : Option.valueOf(r.option()), r.swapLocation(), r.swapArea(), r.difference(),
                r.movingFee(), r.transitionFee(), r.transitionFlat(), r.businessLoss(), r.agreementOn(), r.compensation(),
                r.paymentDue(), r.moveDeadline(), r.transitionMode(), r.transitionUntil(), r.decisionOn(), r.decisionNo(),
                r.decisionMoveDeadline(), r.enforcementOn(), r.vacatedOn(),
                HouseholdView.state(r.agreementOn(), r.decisionOn(), r.enforcementOn(), r.vacatedOn()), r.version());
    }

    /** Whether the current actor is the project's 征收部门 (to show the forms). */
    public boolean manages(String countyCode) {
        Region county = regions.byCode(countyCode).orElse(null);
        return county != null && mayManage(county);
    }

    private boolean mayManage(Region county) {
        Actor a = access.current();
        return a.system() || a.signedIn() && a.region().id() == county.id()
                && (a.has(Role.HOUSING_OFFICE) || a.has(Role.COUNTY_ADMIN));
    }

    void checkManages(Region county) {
        if (!mayManage(county)) {
            Actor a = access.current();
            throw new Denied(a.signedIn() ? "当前账号（" + a.displayName() + "，" + a.rolesLabel() + "）无权办理" + county.name()
                    + "的房屋征收：只有该地区的住房保障审核员（房屋征收部门）或县级管理员可以办理" : "请先登录");
        }
    }

    private Region county(String code) {
        Region r = region(code);
        if (r.kind().local() || r.kind() == RegionKind.NATION || r.kind() == RegionKind.PROVINCE || r.kind() == RegionKind.GROUP) {
            throw new BadInput(r.name() + "不是市、县级地区：房屋征收由市、县级人民政府作出决定（条例第四条）");
        }
        return r;
    }

    Region region(String code) {
        if (code == null || code.isBlank()) {
            throw new BadInput("请选择地区（regionCode）");
        }
        return regions.byCode(code.strip()).orElseThrow(() -> new BadInput("没有编码为 " + code.strip() + " 的地区"));
    }

    private static Counting counting(String text) {
        if (text != null) {
            for (Counting c : Counting.values()) {
                if (c.name().equals(text.strip()) || c.label().equals(text.strip())) {
                    return c;
                }
            }
        }
        throw new BadInput("请说明本项目的期限如何计日：START_SAME_DAY（" + Counting.START_SAME_DAY.label() + "）或 START_NEXT_DAY（"
                + Counting.START_NEXT_DAY.label() + "），系统不作默认");
    }

    private static void version(Integer v) {
        if (v == null) {
            throw new BadInput("修改被征收户须带上读取时的版本号（version）");
        }
    }

    /** Who made the household's version there now and when (the user's own other window said as such), not 他人. */
    private ConcurrentUpdateException stale(long id, Integer sent, int current) {
        return new ConcurrentUpdateException(lastChange.refusal("该户信息", "ledger_expro_household", id, sent, current,
                "请刷新后重试"));
    }


    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
