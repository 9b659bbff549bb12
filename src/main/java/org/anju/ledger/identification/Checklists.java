package org.anju.ledger.identification;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Role;
import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.platform.Reupload;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 认定 checklists provinces and cities upload: stored verbatim with who and when, read whole before anything is
 * stored, versioned by the 生效/失效 lines the file states. A project is identified against the checklist of its own
 * province or city in force on the day; a region that has uploaded none gets a refusal saying so — another
 * province's list is never applied in its place.
 */
@Service
public class Checklists {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Access access;
    /** Stored files never change (a trigger refuses it): each is read once. */
    private final Map<Long, ChecklistFile.Parsed> parsed = new ConcurrentHashMap<>();

    Checklists(JdbcClient jdbc, Regions regions, Access access) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.access = access;
    }

    /**
     * Stores a checklist of {@code regionCode} (a province or a city) after reading it whole.
     *
     * @throws BadInput a problem of the file (file, line, column) or a file stating another region
     * @throws Denied   not a province or city administrator whose region contains it
     */
    @Transactional
    public Checklist upload(String regionCode, String fileName, String text) {
        Region issuer = issuer(regionCode);
        checkManage(issuer);
        String file = fileName == null || fileName.isBlank() ? "认定清单.tsv" : fileName.strip();
        ChecklistFile.Parsed p = ChecklistFile.parse(file, text);
        if (!p.regionCode().equals(issuer.code())) {
            throw new BadInput(file + "：文件的“地区”行为 " + p.regionCode() + "，不是" + issuer.name() + "（" + issuer.code()
                    + "）：只能上传本地区发布的认定清单");
        }
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        refuseSameAsLatest(issuer, p, file, content);
        Actor a = access.current();
        long id = jdbc.sql("""
                        insert into ledger_ident_checklist (issuer_id, name, document, effective_from, effective_to, file_name,
                            content, clauses, uploaded_by)
                        values (:issuer, :name, :document, :from, :to, :file, :content, :clauses, :by) returning id""")
                .param("issuer", issuer.id()).param("name", p.name()).param("document", p.document())
                .param("from", p.from()).param("to", p.to()).param("file", file).param("content", content)
                .param("clauses", p.clauses().size()).param("by", a.displayName() + "（" + a.username() + "）")
                .query(Long.class).single();
        return stored(id);
    }

    /**
     * Refuses a file that is the issuer's latest checklist from the same day again ({@link Reupload}); a different 失效
     * date, or an earlier version sent again after a later one of that day, is stored. One issuer's uploads wait for
     * each other, so two identical ones sent at once store one.
     */
    private void refuseSameAsLatest(Region issuer, ChecklistFile.Parsed p, String file, String content) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('ledger_ident_checklist'), :issuer)")
                .param("issuer", Math.toIntExact(issuer.id())).query().singleRow();
        jdbc.sql(SELECT + " where c.issuer_id = :issuer and c.effective_from = :from order by c.id desc limit 1")
                .param("issuer", issuer.id()).param("from", p.from()).query(this::map).optional()
                .filter(latest -> Objects.equals(latest.effectiveTo(), p.to()) && Reupload.same(latest.content(), content))
                .ifPresent(latest -> {
                    throw Reupload.refusal(file, "认定清单“" + latest.name() + "”（自" + Dates.day(latest.effectiveFrom()) + "起）",
                            latest.uploadedBy(), latest.uploadedAt());
                });
    }

    /** A checklist by id; like a document: its issuer's subtree and the levels above read it. */
    public Checklist get(long id) {
        Checklist c = stored(id);
        access.checkReadIssuedBy(regions.byCode(c.issuerCode()).orElseThrow());
        return c;
    }

    /** Every checklist the current user may read, by issuer, newest first. */
    public List<Checklist> readable() {
        return jdbc.sql(SELECT + " order by r.code, c.effective_from desc, c.id desc").query(this::map).list().stream()
                .filter(c -> access.canReadIssuedBy(regions.byCode(c.issuerCode()).orElseThrow())).toList();
    }

    /**
     * The checklists that apply to a project of {@code region} on {@code day}: the latest version in force of its city's
     * and of its province's (the city's first). Empty when neither has uploaded one in force.
     */
    public List<Checklist> applicable(Region region, LocalDate day) {
        List<Checklist> result = new ArrayList<>();
        for (Region issuer : issuers(region)) {
            jdbc.sql(SELECT + "\n" + """
                             where c.issuer_id = :issuer and c.effective_from <= :day
                               and (c.effective_to is null or c.effective_to >= :day)
                             order by c.effective_from desc, c.id desc limit 1""")
                    .param("issuer", issuer.id()).param("day", day).query(this::map).optional().ifPresent(result::add);
        }
        return result;
    }

    /** The city, then the province, a project of {@code region} belongs to. */
    List<Region> issuers(Region region) {
        List<Region> up = new ArrayList<>(regions.ancestors(region));
        up.add(region);
        List<Region> result = new ArrayList<>();
        for (int i = up.size() - 1; i >= 0; i--) {
            Region r = up.get(i);
            if (r.kind() == RegionKind.PREFECTURE || r.kind() == RegionKind.PROVINCE) {
                result.add(r);
            }
        }
        return result;
    }

    /** The refusal for a project whose city and province have no checklist in force: nothing is applied in its place. */
    Conflict missing(Region region, LocalDate day) {
        List<Region> issuers = issuers(region);
        String who = String.join("或", issuers.stream().map(Region::name).toList());
        return new Conflict((who.isEmpty() ? region.name() : who) + "尚未上传" + Dates.day(day) + "有效的棚改项目认定清单，"
                + "不能开始认定（不会套用其他省份的清单）：请由" + (who.isEmpty() ? "省或市" : who)
                + "的管理员在“棚改项目认定”页上传认定清单文件（地区、发文机关、名称、文号、生效、来源、条款……）");
    }

    /** Whether the current user may upload the region's checklists (for the page's form). */
    public boolean canManage(String regionCode) {
        try {
            checkManage(issuer(regionCode));
            return true;
        } catch (Denied | BadInput e) {
            return false;
        }
    }

    /** A stored checklist without an access check (an identification that names it was checked). */
    Checklist stored(long id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> new NotFound("没有编号为 " + id + " 的认定清单"));
    }

    private void checkManage(Region issuer) {
        Actor a = access.current();
        if (a.system()) {
            return;
        }
        if ((a.has(Role.PROVINCE_ADMIN) || a.has(Role.CITY_ADMIN)) && regions.contains(a.region(), issuer)) {
            return;
        }
        throw new Denied("无权上传" + issuer.name() + "的棚改项目认定清单：只有" + issuer.name() + "或其上级的省级、市级管理员可以上传（当前为"
                + a.displayName() + "，" + a.rolesLabel() + "）");
    }

    private Region issuer(String code) {
        if (code == null || code.isBlank()) {
            throw new BadInput("请给出发布认定清单的省或市的区划代码（如 220000 吉林省）");
        }
        Region r = regions.byCode(code.strip()).orElseThrow(() -> new BadInput("没有编码为 " + code.strip() + " 的地区"));
        if (r.kind() != RegionKind.PROVINCE && r.kind() != RegionKind.PREFECTURE) {
            throw new BadInput(r.name() + "不是省或设区的市：棚改项目认定清单由省或市发布，请给出省或市的代码");
        }
        return r;
    }

    private static final String SELECT = """
            select c.*, r.code issuer_code, r.name issuer_name from ledger_ident_checklist c join region r on r.id = c.issuer_id""";

    private Checklist map(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        String file = rs.getString("file_name");
        String content = rs.getString("content");
        ChecklistFile.Parsed p = parsed.computeIfAbsent(id, k -> ChecklistFile.parse(file, content));
        return new Checklist(id, rs.getString("issuer_code"), rs.getString("issuer_name"), p.issuingBody(),
                rs.getString("name"), rs.getString("document"), rs.getObject("effective_from", LocalDate.class),
                rs.getObject("effective_to", LocalDate.class), p.source(), file, content, p.clauses(),
                rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
    }
}
