package org.anju.rental.application;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Role;
import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.platform.Reupload;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.rental.household.Guarantee;
import org.anju.rental.review.ReviewFlow;
import org.anju.rental.rules.RuleSet;
import org.anju.rental.rules.RuleSets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A city's public-rental rule files as the city uploads them — eligibility rule sets and review flows per programme,
 * its waiting-list rules, its lease rules per programme: stored verbatim with who and when, each with its effective
 * dates; the one in force on the relevant day applies (a later version from a date supersedes an earlier one from that
 * date on). The city's administrator or its city-level 住房保障 office uploads; everyone who reads the city reads them.
 * Waiting-list and lease files are read by the {@link RuleFormat} their feature provides.
 */
@Service
public class CityRules {

    /** Texts larger than this are no rule file. */
    static final int MAX_CHARS = 200_000;

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Access access;
    private final Map<Long, RuleSet> ruleSets = new ConcurrentHashMap<>();
    private final Map<Long, ReviewFlow> flows = new ConcurrentHashMap<>();
    private final Map<RuleFile.Kind, RuleFormat> formats = new EnumMap<>(RuleFile.Kind.class);

    CityRules(JdbcClient jdbc, Regions regions, Access access, List<RuleFormat> formats) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.access = access;
        for (RuleFormat f : formats) {
            if (this.formats.put(f.kind(), f) != null) {
                throw new IllegalStateException("两个 RuleFormat 读取同一类规则文件：" + f.kind());
            }
        }
    }

    /**
     * Stores a rule file of a city after reading it whole (nothing is stored when any line is wrong).
     *
     * @param effectiveFrom for a flow (its text has no dates): from when it applies; for the other kinds the file's 生效
     *                      line says it, and a different date here is refused
     * @param effectiveTo   for a flow, the last day (null: open); for the other kinds the file's 失效 line
     */
    @Transactional
    public RuleFile upload(String cityCode, RuleFile.Kind kind, String fileName, String text, LocalDate effectiveFrom,
                           LocalDate effectiveTo) {
        Region city = city(cityCode);
        checkManage(city);
        if (kind == null) {
            throw new BadInput("请说明上传的是准入条件（RULES）、审核流程（FLOW）、轮候规则（WAITING）还是租赁规则（LEASE）");
        }
        String file = fileName == null || fileName.isBlank() ? kind.defaultName() : fileName.strip();
        if (text == null || text.isBlank()) {
            throw new BadInput(file + "：文件是空的");
        }
        if (text.length() > MAX_CHARS) {
            throw new BadInput(file + "：文件过大（超过 " + MAX_CHARS + " 个字符），不是规则文件");
        }
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String stated;
        String programme;
        String name;
        LocalDate from;
        LocalDate to;
        Guarantee guarantee = null;   // RULES and FLOW: from the programme, once the city is checked
        if (kind != RuleFile.Kind.FLOW) {
            if (kind == RuleFile.Kind.RULES) {
                RuleSet r = RuleSets.parse(file, content);
                stated = r.city();
                programme = r.programme();
                name = r.name();
                from = r.effectiveFrom();
                to = r.effectiveTo();
            } else {
                RuleFormat format = formats.get(kind);
                if (format == null) {
                    throw new IllegalStateException("没有读取" + kind.label() + "的 RuleFormat");
                }
                RuleFormat.Stated st = format.read(file, content);
                stated = st.city();
                programme = st.programme();
                name = st.name();
                from = st.from();
                to = st.to();
                guarantee = Guarantee.PUBLIC_RENTAL;   // the waiting list and leases are of 实物配租
            }
            if (effectiveFrom != null && !effectiveFrom.equals(from)) {
                throw new BadInput(file + "：生效日期以文件的“生效”行为准（" + from + "），与填写的 " + effectiveFrom
                        + " 不一致：请改文件或不填");
            }
            if (effectiveTo != null && !effectiveTo.equals(to)) {
                throw new BadInput(file + "：失效日期以文件的“失效”行为准（" + (to == null ? "未写" : to) + "），与填写的 "
                        + effectiveTo + " 不一致");
            }
        } else {
            ReviewFlow f = ReviewFlow.parse(file, content);
            stated = f.city();
            programme = f.programme();
            name = f.name();
            for (ReviewFlow.Step s : f.steps()) {
                if (s.level() == ReviewFlow.Level.EMPLOYER) {
                    throw new BadInput(file + "：步骤“" + s.name() + "”由用人单位办理，本系统尚无用人单位账号，这样的流程还不能使用："
                            + "请改为由社区、街道、区县或市办理的步骤");
                }
            }
            if (effectiveFrom == null) {
                throw new BadInput(file + "：审核流程须填写生效日期（流程文件本身不写日期）");
            }
            if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
                throw new BadInput(file + "：失效日期 " + effectiveTo + " 早于生效日期 " + effectiveFrom);
            }
            from = effectiveFrom;
            to = effectiveTo;
        }
        if (!stated.equals(city.code())) {
            throw new BadInput(file + "：文件的“城市”行为 " + stated + "，不是" + city.name() + "（" + city.code() + "）");
        }
        if (guarantee == null) {
            guarantee = guarantee(file, programme);
        }
        refuseSameAsLatest(city, kind, programme, from, to, file, content);
        Actor a = access.current();
        long id = jdbc.sql("""
                        insert into rental_rule_file (city_id, kind, programme, guarantee, name, effective_from, effective_to,
                            file_name, content, uploaded_by)
                        values (:city, :kind, :programme, :guarantee, :name, :from, :to, :file, :content, :by)
                        returning id""")
                .param("city", city.id()).param("kind", kind.name()).param("programme", programme)
                .param("guarantee", guarantee.name()).param("name", name).param("from", from).param("to", to)
                .param("file", file).param("content", content).param("by", a.displayName() + "（" + a.username() + "）")
                .query(Long.class).single();
        return file(id);
    }

    /**
     * Refuses a file that is the latest upload of the same programme from the same day again ({@link Reupload}); a
     * different 失效 date, or an earlier version sent again after a later one of that day (going back to it), is stored.
     * Uploads of a city's files of one kind wait for each other, so two identical ones sent at once store one.
     */
    private void refuseSameAsLatest(Region city, RuleFile.Kind kind, String programme, LocalDate from, LocalDate to,
                                    String file, String content) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('rental_rule_file:' || :kind), :city)")
                .param("kind", kind.name()).param("city", Math.toIntExact(city.id())).query().singleRow();
        jdbc.sql("""
                        select f.*, r.code city_code, r.name city_name from rental_rule_file f join region r on r.id = f.city_id
                         where f.city_id = :city and f.kind = :kind and f.programme = :programme and f.effective_from = :from
                         order by f.id desc limit 1""")
                .param("city", city.id()).param("kind", kind.name()).param("programme", programme).param("from", from)
                .query(CityRules::map).optional()
                .filter(latest -> Objects.equals(latest.effectiveTo(), to) && Reupload.same(latest.content(), content))
                .ifPresent(latest -> {
                    throw Reupload.refusal(file, latest.kind().label() + "“" + latest.name() + "”（" + latest.period() + "）",
                            latest.uploadedBy(), latest.uploadedAt());
                });
    }

    /** The guarantee a programme is for: its part before the colon. */
    static Guarantee guarantee(String file, String programme) {
        String head = programme.split(":", 2)[0].strip();
        return switch (head) {
            case "PUBLIC_RENTAL", "公租房", "实物配租" -> Guarantee.PUBLIC_RENTAL;
            case "RENTAL_SUBSIDY", "SUBSIDY", "租赁补贴" -> Guarantee.SUBSIDY;
            default -> throw new BadInput(file + "：项目“" + programme + "”应以 PUBLIC_RENTAL（实物配租）或 RENTAL_SUBSIDY（租赁补贴）开头，"
                    + "如 PUBLIC_RENTAL:低保特困");
        };
    }

    /** Every file of a city, newest first; like a document the city issues: its subtree and the levels above read it. */
    public List<RuleFile> files(String cityCode) {
        Region city = city(cityCode);
        access.checkReadIssuedBy(city);
        return jdbc.sql("select f.*, r.code city_code, r.name city_name from rental_rule_file f join region r on r.id = f.city_id "
                        + "where f.city_id = :city order by f.kind, f.programme, f.effective_from desc, f.id desc")
                .param("city", city.id()).query(CityRules::map).list();
    }

    public RuleFile file(long id) {
        RuleFile f = jdbc.sql("select f.*, r.code city_code, r.name city_name from rental_rule_file f join region r on r.id = f.city_id "
                        + "where f.id = :id").param("id", id).query(CityRules::map).optional()
                .orElseThrow(() -> new NotFound("没有编号为 " + id + " 的规则文件"));
        access.checkReadIssuedBy(regions.byCode(f.cityCode()).orElseThrow());
        return f;
    }

    /** A file's name, without an access check (the application that refers to it was checked). */
    String name(long id) {
        return jdbc.sql("select name from rental_rule_file where id = :id").param("id", id).query(String.class).single();
    }

    /** The programmes the city has rules for on {@code day} (for the application form). */
    public List<RuleFile> inForce(Region city, LocalDate day) {
        return jdbc.sql("""
                        select distinct on (f.programme) f.*, r.code city_code, r.name city_name
                          from rental_rule_file f join region r on r.id = f.city_id
                         where f.city_id = :city and f.kind = 'RULES' and f.effective_from <= :day
                           and (f.effective_to is null or f.effective_to >= :day)
                         order by f.programme, f.effective_from desc, f.id desc""")
                .param("city", city.id()).param("day", day).query(CityRules::map).list();
    }

    /** The file of this kind and programme in force on {@code day}, if the city has one (no access check). */
    public Optional<RuleFile> inForce(Region city, RuleFile.Kind kind, String programme, LocalDate day) {
        return jdbc.sql("""
                        select f.*, r.code city_code, r.name city_name from rental_rule_file f join region r on r.id = f.city_id
                         where f.city_id = :city and f.kind = :kind and f.programme = :programme and f.effective_from <= :day
                           and (f.effective_to is null or f.effective_to >= :day)
                         order by f.effective_from desc, f.id desc limit 1""")
                .param("city", city.id()).param("kind", kind.name()).param("programme", programme).param("day", day)
                .query(CityRules::map).optional();
    }

    /** The files of this kind in force on {@code day}, one per programme (no access check: the caller checked its region). */
    public List<RuleFile> inForce(Region city, RuleFile.Kind kind, LocalDate day) {
        return jdbc.sql("""
                        select distinct on (f.programme) f.*, r.code city_code, r.name city_name
                          from rental_rule_file f join region r on r.id = f.city_id
                         where f.city_id = :city and f.kind = :kind and f.effective_from <= :day
                           and (f.effective_to is null or f.effective_to >= :day)
                         order by f.programme, f.effective_from desc, f.id desc""")
                .param("city", city.id()).param("kind", kind.name()).param("day", day).query(CityRules::map).list();
    }

    /** Every file of this kind of the city, newest first (no access check: the caller checked its region). */
    public List<RuleFile> all(Region city, RuleFile.Kind kind) {
        return jdbc.sql("select f.*, r.code city_code, r.name city_name from rental_rule_file f join region r on r.id = f.city_id "
                        + "where f.city_id = :city and f.kind = :kind order by f.programme, f.effective_from desc, f.id desc")
                .param("city", city.id()).param("kind", kind.name()).query(CityRules::map).list();
    }

    /** Every file of this kind of the cities the current user reads documents of, by city, newest first. */
    public List<RuleFile> readable(RuleFile.Kind kind) {
        return jdbc.sql("select f.*, r.code city_code, r.name city_name from rental_rule_file f join region r on r.id = f.city_id "
                        + "where f.kind = :kind order by r.code, f.programme, f.effective_from desc, f.id desc")
                .param("kind", kind.name()).query(CityRules::map).list().stream()
                .filter(f -> access.canReadIssuedBy(regions.byCode(f.cityCode()).orElseThrow())).toList();
    }

    /**
     * A stored file by its id, without an access check: for a record that names the file it was made under (a lease),
     * whose own access was checked.
     */
    public RuleFile stored(long id) {
        return jdbc.sql("select f.*, r.code city_code, r.name city_name from rental_rule_file f join region r on r.id = f.city_id "
                        + "where f.id = :id").param("id", id).query(CityRules::map).optional()
                .orElseThrow(() -> new NotFound("没有编号为 " + id + " 的规则文件"));
    }

    /** The latest upload of a city's file of this kind by its name and 生效 date (no access check). */
    public Optional<RuleFile> stored(Region city, RuleFile.Kind kind, String fileName, LocalDate from) {
        return jdbc.sql("""
                        select f.*, r.code city_code, r.name city_name from rental_rule_file f join region r on r.id = f.city_id
                         where f.city_id = :city and f.kind = :kind and f.file_name = :file and f.effective_from = :from
                         order by f.id desc limit 1""")
                .param("city", city.id()).param("kind", kind.name()).param("file", fileName).param("from", from)
                .query(CityRules::map).optional();
    }

    RuleSet ruleSet(RuleFile f) {
        return ruleSets.computeIfAbsent(f.id(), id -> RuleSets.parse(f.fileName(), f.content()));
    }

    ReviewFlow flow(RuleFile f) {
        return flows.computeIfAbsent(f.id(), id -> ReviewFlow.parse(f.fileName(), f.content()));
    }

    ReviewFlow flow(long fileId) {
        ReviewFlow cached = flows.get(fileId);
        if (cached != null) {
            return cached;
        }
        RuleFile f = jdbc.sql("select f.*, r.code city_code, r.name city_name from rental_rule_file f join region r on r.id = f.city_id "
                + "where f.id = :id").param("id", fileId).query(CityRules::map).single();
        return flow(f);
    }

    /** Whether the current user may upload the city's files (for the page's form). */
    public boolean canManage(String cityCode) {
        try {
            checkManage(city(cityCode));
            return true;
        } catch (Denied | BadInput e) {
            return false;
        }
    }

    private void checkManage(Region city) {
        Actor a = access.current();
        if (a.system()) {
            return;
        }
        boolean own = a.region().id() == city.id();
        if (own && (a.has(Role.CITY_ADMIN) || a.has(Role.HOUSING_OFFICE)) && access.canRead(city)) {
            return;
        }
        throw new Denied("无权上传" + city.name() + "的公租房规则：须为" + city.name() + "的市级管理员或市住房保障审核员（当前为"
                + a.displayName() + "，" + a.rolesLabel() + "）");
    }

    Region city(String code) {
        if (code == null || code.isBlank()) {
            throw new BadInput("请给出城市的区划代码（如 320300 徐州市）");
        }
        Region r = regions.byCode(code.strip()).orElseThrow(() -> new BadInput("没有编码为 " + code.strip() + " 的地区"));
        Region city = regions.city(r).orElse(null);
        if (city == null || city.id() != r.id()) {
            throw new BadInput(r.name() + "不是设区的市：公租房的准入条件和审核流程由市制定，请给出市的代码"
                    + (city == null ? "" : "（" + city.name() + " " + city.code() + "）"));
        }
        return r;
    }

    /** The refusal for a city that has not configured what an application needs. */
    static Conflict missing(Region city, RuleFile.Kind kind, String what, LocalDate day) {
        return new Conflict(city.name() + "尚未上传" + day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth()
                + "日有效的" + what + "的" + kind.label() + "：请由" + city.name() + "的市级管理员或市住房保障审核员在“公租房规则”页上传"
                + (kind == RuleFile.Kind.RULES ? "准入条件文件（城市、项目、名称、生效、来源、条件……）"
                : "审核流程文件（城市、项目、名称、来源、起算、步骤……）并填写生效日期"));
    }

    /**
     * The refusal for a city without a file of {@code kind} in force on {@code day} (waiting-list or lease rules): who
     * uploads what, where, and what the file holds — nothing is assumed in its place.
     */
    public static Conflict missing(Region city, RuleFile.Kind kind, LocalDate day, String consequence) {
        return new Conflict(city.name() + "尚未上传" + Dates.day(day) + "有效的公租房" + kind.label() + "，" + consequence
                + "：请由" + city.name() + "的市级管理员或市住房保障审核员在“公租房规则”页（/rental/rules）选择“" + kind.label()
                + "”上传。" + kind.format());
    }

    private static RuleFile map(ResultSet rs, int n) throws SQLException {
        return new RuleFile(rs.getLong("id"), rs.getString("city_code"), rs.getString("city_name"),
                RuleFile.Kind.valueOf(rs.getString("kind")), rs.getString("programme"),
                Guarantee.valueOf(rs.getString("guarantee")), rs.getString("name"),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class),
                rs.getString("file_name"), rs.getString("content"), rs.getTimestamp("uploaded_at").toInstant(),
                rs.getString("uploaded_by"));
    }
}
