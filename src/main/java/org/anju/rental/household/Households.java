package org.anju.rental.household;

import org.anju.account.Access;
import org.anju.account.LastChange;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.Conflict;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.privacy.Amount;
import org.anju.privacy.Column;
import org.anju.privacy.IdNumber;
import org.anju.privacy.PersonName;
import org.anju.privacy.PersonalData;
import org.anju.privacy.PersonalField;
import org.anju.privacy.Phone;
import org.anju.privacy.SealedValue;
import org.anju.privacy.Subject;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.rental.rules.Household;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 保障家庭 register. 社区/街道/住房保障 staff whose region contains the family's take in and change households;
 * everyone who may read the region sees them masked, and each view is logged. A person is in at most one open household
 * of a city, and a person under a 失信 ban cannot apply before it ends.
 */
@Service
public class Households {

    public static final String SUBJECT = "rental_household";
    static final Column APPLICANT_NAME = new Column("rental_household", "applicant_name_enc", PersonalField.NAME);
    static final Column APPLICANT_ID = new Column("rental_household", "applicant_id_enc", PersonalField.ID_NUMBER);
    static final Column PHONE = new Column("rental_household", "phone_enc", PersonalField.PHONE);
    static final Column MEMBER_NAME = new Column("rental_member", "name_enc", PersonalField.NAME);
    static final Column MEMBER_ID = new Column("rental_member", "id_enc", PersonalField.ID_NUMBER);
    static final Column MEMBER_INCOME = new Column("rental_member", "income_enc", PersonalField.INCOME);
    /** Every column holding sealed personal data, for key rotation. */
    public static final List<Column> SEALED = List.of(APPLICANT_NAME, APPLICANT_ID, PHONE, MEMBER_NAME, MEMBER_ID,
            MEMBER_INCOME);

    static final int MAX_MEMBERS = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final HouseholdRepository repository;
    private final PersonalData personalData;
    private final Regions regions;
    private final Access access;
    private final LastChange lastChange;

    Households(HouseholdRepository repository, PersonalData personalData, Regions regions, Access access,
               LastChange lastChange) {
        this.repository = repository;
        this.lastChange = lastChange;
        this.personalData = personalData;
        this.regions = regions;
        this.access = access;
    }

    /**
     * Takes in a family.
     *
     * @throws Conflict when the applicant or a member is already in an open household of the city
     * @throws BadInput naming the field, or the ban and its end when a member is banned
     */
    @Transactional
    public long register(HouseholdForm form) {
        Region local = localRegion(form.regionCode());
        checkHandles(local);
        Place place = place(local);
        List<Sealed> members = sealMembers(form.members());
        SealedValue phone = phone(form.phone());
        repository.lockCity(place.city().id());
        checkNotBanned(place.city(), members);
        checkNotElsewhere(place.city(), members, null);
        long id = repository.insert(place, applicant(form), phone, form, access.current().username());
        repository.insertMembers(id, members);
        repository.replaceGroups(id, groups(form.groups()));
        return id;
    }

    /** Changes a household at the version read (年审, 动态复核): members, incomes, facts. The region stays. */
    @Transactional
    public void update(long id, HouseholdForm form) {
        HouseholdRepository.Row row = row(id);
        Region local = regions.byId(row.regionId());
        checkHandles(local);
        if (row.closedOn() != null) {
            throw new Conflict("该家庭已于" + DAY.format(row.closedOn()) + "退出（" + row.closedReason() + "），不能再修改；重新申请请新建家庭");
        }
        if (form.version() == null) {
            throw new BadInput("修改家庭信息须带上读取时的版本号（version）");
        }
        List<Sealed> members = sealMembers(form.members());
        SealedValue phone = phone(form.phone());
        Region city = regions.byId(row.cityId());
        repository.lockCity(city.id());
        checkNotBanned(city, members);
        checkNotElsewhere(city, members, id);
        if (!repository.update(id, form.version(), applicant(form), phone, form, access.current().username())) {
            throw new ConcurrentUpdateException(lastChange.refusal("该家庭信息", "rental_household", id, form.version(),
                    row.version(), "请刷新后重试"));
        }
        repository.deleteMembers(id);
        repository.insertMembers(id, members);
        repository.replaceGroups(id, groups(form.groups()));
    }

    /** A household, masked; the view is logged. */
    public HouseholdView household(long id) {
        HouseholdView v = view(id);
        personalData.viewed(subject(v), Set.of(PersonalField.NAME, PersonalField.ID_NUMBER, PersonalField.PHONE,
                PersonalField.INCOME));
        return v;
    }

    /** Households of a region's subtree (open ones unless {@code closed}), newest first, masked; lists are not logged. */
    public List<HouseholdView> list(String regionCode, boolean closed, int offset, int limit) {
        org.anju.platform.PageRequest.checkWindow(offset, limit, 500);
        Region scope = regions.byCode(regionCode).orElseThrow(() -> new BadInput("没有编码为 " + regionCode + " 的地区"));
        access.checkRead(scope);
        return repository.list(scope, closed, offset, limit).stream().map(this::view)
                .toList();
    }

    /**
     * One field in plaintext, logged with the reason.
     *
     * @param seq 0 for the household's phone, 1 for the applicant, 2… for the other members
     */
    public String reveal(long id, int seq, PersonalField field, String reason) {
        HouseholdRepository.Row row = row(id);
        Subject subject = Subject.of(SUBJECT, id, regions.byId(row.regionId()));
        if (seq == 0 && field == PersonalField.PHONE) {
            if (row.phoneEnc() == null) {
                throw new NotFound("该家庭未登记联系电话");
            }
            return personalData.reveal(subject, PHONE, row.phoneEnc(), reason);
        }
        HouseholdRepository.MemberRow m = repository.members(id).stream().filter(r -> r.seq() == seq).findFirst()
                .orElseThrow(() -> new NotFound("该家庭没有第 " + seq + " 位成员"));
        return switch (field) {
            case NAME -> personalData.reveal(subject, MEMBER_NAME, m.nameEnc(), reason);
            case ID_NUMBER -> personalData.reveal(subject, MEMBER_ID, m.idEnc(), reason);
            case INCOME -> {
                if (m.incomeEnc() == null) {
                    throw new NotFound("第 " + seq + " 位成员未申报收入");
                }
                yield personalData.reveal(subject, MEMBER_INCOME, m.incomeEnc(), reason);
            }
            case PHONE -> throw new BadInput("联系电话按家庭登记：请查看第 0 位（家庭）的联系电话");
            case BANK_ACCOUNT -> throw new BadInput("银行账号记在租赁补贴协议上，不在家庭信息中：请在补贴协议中查看");
        };
    }

    /**
     * What the eligibility rules need, incomes decrypted for the computation only (never shown). Requires read access.
     */
    public Household facts(long id) {
        HouseholdView v = view(id);
        List<Household.Member> members = new ArrayList<>();
        for (HouseholdRepository.MemberRow m : repository.members(id)) {
            BigDecimal income = m.incomeEnc() == null ? null
                    : new BigDecimal(personalData.openForComputation(MEMBER_INCOME, m.incomeEnc()));
            members.add(new Household.Member(m.nameMasked(), m.relation(), m.birthDate(), income, m.incomeProven(),
                    m.ableToWork()));
        }
        Map<String, LocalDate> since = new LinkedHashMap<>();
        v.groups().stream().filter(g -> g.since() != null).forEach(g -> since.put(g.name(), g.since()));
        return new Household(members, v.heldArea(), v.hukouYears(), v.insuranceMonths(), v.graduated(), since,
                v.holdsProperty(), v.residencePermit());
    }

    /**
     * Issues the 资格证 once the city's review and its notices are through: the household now waits for a dwelling
     * (实物配租) or receives a subsidy (租赁补贴). Numbers are the city's code, the year and a serial without gaps.
     * Called by the application review, which has checked the reviewer; this checks the household is open and not
     * yet qualified.
     *
     * @return the certificate number
     */
    @Transactional
    public String qualify(long id, Guarantee guarantee, LocalDate on) {
        HouseholdRepository.Row row = row(id);
        access.checkRead(regions.byId(row.regionId()));
        if (row.closedOn() != null) {
            throw new Conflict("该家庭已于" + DAY.format(row.closedOn()) + "退出，不能发放资格证");
        }
        if (row.qualifiedOn() != null) {
            throw new Conflict("该家庭已于" + DAY.format(row.qualifiedOn()) + "取得资格证 " + row.certificateNo());
        }
        Region city = regions.byId(row.cityId());
        String number = city.code().substring(0, 6) + on.getYear()
                + String.format("%06d", repository.nextCertificateSerial(city.id(), on.getYear()));
        if (!repository.qualify(id, guarantee, number, on, access.current().username())) {
            throw new ConcurrentUpdateException("该家庭信息已" + lastChange.of("rental_household", id) + "，请刷新后重试");
        }
        return number;
    }

    /** Closes a household (退出, withdrawn): its people may be in a new household afterwards, unless banned. */
    @Transactional
    public void close(long id, LocalDate on, String reason) {
        HouseholdRepository.Row row = row(id);
        checkHandles(regions.byId(row.regionId()));
        if (reason == null || reason.isBlank()) {
            throw new BadInput("家庭退出须说明原因");
        }
        if (on == null) {
            throw new BadInput("家庭退出须填写退出日期");
        }
        if (row.closedOn() != null) {
            throw new Conflict("该家庭已于" + DAY.format(row.closedOn()) + "退出");
        }
        repository.close(id, on, reason.strip(), access.current().username());
    }

    /**
     * Records a 失信 ban of the household's applicant (regulation art. 36: five years).
     *
     * @throws BadInput when the reason is blank or {@code until} is not after {@code since}
     */
    @Transactional
    public Ban ban(long householdId, String reason, LocalDate since, LocalDate until) {
        HouseholdRepository.Row row = row(householdId);
        checkHandles(regions.byId(row.regionId()));
        if (reason == null || reason.isBlank()) {
            throw new BadInput("列入失信记录须说明原因（如“转租公租房”）");
        }
        if (since == null || until == null || !until.isAfter(since)) {
            throw new BadInput("失信记录的期限须有起止日期，且截止日期晚于起始日期");
        }
        HouseholdRepository.MemberRow applicant = repository.members(householdId).getFirst();
        long id = repository.insertBan(row.cityId(), applicant.idBidx(), applicant.idMasked(), householdId,
                reason.strip(), since, until, access.current().username());
        return repository.ban(id).orElseThrow();
    }

    /**
     * The ban in force on {@code day} of the person with this ID number, in the city of {@code regionCode} (a region the
     * actor may read: a street reviewer asks for its street), if any.
     */
    public Optional<Ban> banOn(String regionCode, String idNumber, LocalDate day) {
        Region r = regions.byCode(regionCode).orElseThrow(() -> new BadInput("没有编码为 " + regionCode + " 的地区"));
        access.checkRead(r);
        Region city = r.kind().local() ? place(r).city() : regions.city(r).orElse(r);
        return repository.activeBan(city.id(), personalData.blindIndex(IdNumber.parse(idNumber)), day);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Where a household belongs: the local unit it applied in, its county (reviews, stock) and city (rules). */
    record Place(Region local, Region county, Region city) {
    }

    record Sealed(String relation, SealedValue name, SealedValue id, LocalDate birthDate, SealedValue income,
                  boolean incomeProven, boolean ableToWork, String employment) {
    }

    HouseholdView view(long id) {
        HouseholdRepository.Row row = row(id);
        access.checkRead(regions.byId(row.regionId()));
        return view(row);
    }

    private HouseholdView view(HouseholdRepository.Row row) {
        Region local = regions.byId(row.regionId());
        Region county = regions.byId(row.countyId());
        Region city = regions.byId(row.cityId());
        List<HouseholdView.MemberView> members = repository.members(row.id()).stream()
                .map(m -> new HouseholdView.MemberView(m.seq(), m.relation(), m.nameMasked(), m.idMasked(), m.birthDate(),
                        m.incomeEnc() == null ? null : "***", m.incomeProven(), m.ableToWork(), m.employment()))
                .toList();
        return new HouseholdView(row.id(), local.code(), local.name(), county.code(), county.name(), city.code(),
                city.name(), row.applicantNameMasked(), row.applicantIdMasked(), row.phoneMasked(), row.address(),
                members, repository.groups(row.id()), row.heldArea(), row.hukouYears(), row.insuranceMonths(),
                row.graduated(), row.holdsProperty(), row.residencePermit(),
                row.guarantee() == null ? null : Guarantee.valueOf(row.guarantee()), row.certificateNo(), row.qualifiedOn(),
                row.closedOn(), row.closedReason(), row.version());
    }

    private Subject subject(HouseholdView v) {
        return Subject.of(SUBJECT, v.id(), regions.byCode(v.regionCode()).orElseThrow());
    }

    private HouseholdRepository.Row row(long id) {
        return repository.row(id).orElseThrow(() -> new NotFound("保障家庭不存在：" + id));
    }

    private Region localRegion(String code) {
        if (code == null || code.isBlank()) {
            throw new BadInput("请选择家庭申请所在的社区（村）或街道（乡镇）");
        }
        Region r = regions.byCode(code.strip()).orElseThrow(() -> new BadInput("没有编码为 " + code.strip()
                + " 的社区或街道：请从地区列表中选择，或请区县管理员先添加该社区"));
        if (!r.kind().local()) {
            throw new BadInput(r.name() + "不是社区（村）或街道（乡镇）：申请须在家庭所在的社区或街道受理");
        }
        return r;
    }

    private void checkHandles(Region local) {
        if (!access.canHandleApplications(local)) {
            var a = access.current();
            throw new Denied(a.signedIn() ? "当前账号（" + a.displayName() + "，" + a.rolesLabel() + "）不能受理或修改"
                    + local.name() + "的保障家庭：须为该地区的社区受理员、街道初审员或住房保障审核员" : "请先登录");
        }
    }

    private Place place(Region local) {
        List<Region> up = regions.ancestors(local);   // root first: the county is the nearest one that is not local
        Region county = up.reversed().stream().filter(r -> !r.kind().local()).findFirst()
                .orElseThrow(() -> new IllegalStateException(local.code() + " 之上没有区县"));
        Region city = regions.city(county).orElse(county);
        return new Place(local, county, city);
    }

    private List<Sealed> sealMembers(List<HouseholdForm.MemberForm> forms) {
        if (forms.isEmpty()) {
            throw new BadInput("请至少填写申请人本人的信息（家庭成员第 1 位）");
        }
        if (forms.size() > MAX_MEMBERS) {
            throw new BadInput("家庭成员不能超过 " + MAX_MEMBERS + " 人");
        }
        List<Sealed> sealed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            HouseholdForm.MemberForm f = forms.get(i);
            String who = i == 0 ? "申请人" : "第 " + (i + 1) + " 位家庭成员";
            String relation = f.relation() == null ? "" : f.relation().strip();
            if (i == 0 && !relation.isEmpty() && !relation.equals("本人")) {
                throw new BadInput("第 1 位家庭成员须为申请人本人（与申请人关系填“本人”），现为“" + relation + "”");
            }
            if (i > 0 && (relation.isEmpty() || relation.equals("本人"))) {
                throw new BadInput(who + "须填写与申请人的关系（配偶、子女、父母等）");
            }
            PersonName name = PersonName.parse(who + "姓名", f.name());
            IdNumber id = IdNumber.parse(who + "身份证号", f.idNumber());
            if (!seen.add(id.normalized())) {
                throw new BadInput(who + "的身份证号与前面的成员重复");
            }
            SealedValue income = f.annualIncome() == null || f.annualIncome().isBlank() ? null
                    : personalData.seal(MEMBER_INCOME, Amount.parse(who + "上年收入", f.annualIncome()));
            if (f.ableToWork() == null) {
                throw new BadInput("请说明" + who + "是否具有劳动能力（“有劳动能力”或“无劳动能力”）：规则对两者的收入认定不同");
            }
            sealed.add(new Sealed(i == 0 ? "本人" : relation, personalData.seal(MEMBER_NAME, name),
                    personalData.seal(MEMBER_ID, id), id.birthDate(), income, Boolean.TRUE.equals(f.incomeProven()),
                    f.ableToWork(), f.employment() == null || f.employment().isBlank() ? null : f.employment().strip()));
        }
        return sealed;
    }

    /**
     * The applicant as the household row keeps it: sealed again for the household's own columns — a value sealed for
     * rental_member is bound to that column and would not open here (nor survive a key rotation of these columns).
     */
    private Applicant applicant(HouseholdForm form) {
        HouseholdForm.MemberForm f = form.members().getFirst();
        return new Applicant(personalData.seal(APPLICANT_NAME, PersonName.parse("申请人姓名", f.name())),
                personalData.seal(APPLICANT_ID, IdNumber.parse("申请人身份证号", f.idNumber())));
    }

    record Applicant(SealedValue name, SealedValue id) {
    }

    private SealedValue phone(String text) {
        return text == null || text.isBlank() ? null : personalData.seal(PHONE, Phone.parse("联系电话", text));
    }

    private static List<HouseholdForm.GroupForm> groups(List<HouseholdForm.GroupForm> forms) {
        Map<String, HouseholdForm.GroupForm> byName = new LinkedHashMap<>();
        for (HouseholdForm.GroupForm g : forms) {
            String name = g.name() == null ? "" : g.name().strip();
            if (name.isEmpty()) {
                throw new BadInput("困难群体类别不能为空（如 低保、残疾、优抚）");
            }
            if (byName.put(name, new HouseholdForm.GroupForm(name, g.since())) != null) {
                throw new BadInput("困难群体类别“" + name + "”填写了两次");
            }
        }
        return List.copyOf(byName.values());
    }

    private void checkNotBanned(Region city, List<Sealed> members) {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        for (int i = 0; i < members.size(); i++) {
            String who = i == 0 ? "申请人" : "第 " + (i + 1) + " 位家庭成员";
            repository.activeBan(city.id(), members.get(i).id().blindIndex(), today).ifPresent(b -> {
                throw new BadInput(who + "（身份证号 " + b.idNumber() + "）因“" + b.reason() + "”列入失信记录，"
                        + DAY.format(b.until()) + "前不得申请");
            });
        }
    }

    private void checkNotElsewhere(Region city, List<Sealed> members, Long self) {
        for (Sealed m : members) {
            repository.openHouseholdOf(city.id(), m.id().blindIndex(), self).ifPresent(other -> {
                throw new Conflict("身份证号 " + m.id().masked() + " 已在" + city.name() + "的保障家庭（编号 " + other
                        + "）中：一人只能属于一个保障家庭，请先核实或办理该家庭的变更");
            });
        }
    }
}
