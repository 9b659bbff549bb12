package org.anju.rental.lease;

import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.anju.rental.application.CityRules;
import org.anju.rental.application.RuleFile;
import org.anju.rental.application.RuleFormat;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lease rules a city uploaded ({@link CityRules}, kind {@code LEASE}, one file per programme; a new version is an
 * upload with a later 生效): the version in force on a lease's start, and the very file a lease was signed under, read by
 * {@link LeaseRules} (each stored file parsed once; a stored file never changes). A city without rules in force gets a
 * refusal saying what to upload and where.
 */
@Component
public class LeaseRuleBook {

    private final CityRules cityRules;
    private final Regions regions;
    private final Map<Long, LeaseRules> parsed = new ConcurrentHashMap<>();

    LeaseRuleBook(CityRules cityRules, Regions regions) {
        this.cityRules = cityRules;
        this.regions = regions;
    }

    /** A version of the rules with the stored file it was read from. */
    public record Chosen(long fileId, LeaseRules rules) {
    }

    /** Every uploaded version of the cities whose documents the current user reads, by city, newest first. */
    public List<LeaseRules> all() {
        return cityRules.readable(RuleFile.Kind.LEASE).stream().map(this::rules).toList();
    }

    /**
     * The city's rules for {@code programme} in force on {@code day}; with {@code programme} blank, the city's only set.
     *
     * @throws Conflict when the city has none in force (saying what to upload)
     * @throws BadInput when the programme is not one of the city's, or the city has several and none is named
     */
    public Chosen rules(Region city, String programme, LocalDate day) {
        List<RuleFile> candidates = cityRules.inForce(city, RuleFile.Kind.LEASE, day);
        if (candidates.isEmpty()) {
            throw CityRules.missing(city, RuleFile.Kind.LEASE, day, "不能签订或续签公租房租赁合同");
        }
        RuleFile f;
        if (programme == null || programme.isBlank()) {
            if (candidates.size() > 1) {
                throw new BadInput(city.name() + "有多套租赁规则，请指明项目：" + String.join("、",
                        candidates.stream().map(RuleFile::programme).toList()));
            }
            f = candidates.getFirst();
        } else {
            f = candidates.stream().filter(r -> r.programme().equals(programme.strip())).findFirst()
                    .orElseThrow(() -> new BadInput(city.name() + "没有“" + programme.strip() + "”的租赁规则：可用的有 "
                            + String.join("、", candidates.stream().map(RuleFile::programme).toList())));
        }
        return new Chosen(f.id(), rules(f));
    }

    /**
     * The rules a lease was signed under: the stored file it names, or — for a lease signed before lease rules were
     * uploads — the city's upload of that file name and 生效 date.
     */
    LeaseRules of(LeaseRepository.Row lease) {
        if (lease.rulesId() != null) {
            LeaseRules cached = parsed.get(lease.rulesId());
            return cached != null ? cached : rules(cityRules.stored(lease.rulesId()));
        }
        Region city = regions.byId(lease.cityId());
        return cityRules.stored(city, RuleFile.Kind.LEASE, lease.rulesFile(), lease.rulesFrom()).map(this::rules)
                .orElseThrow(() -> new Conflict("合同 " + lease.leaseNo() + " 所依据的租赁规则 " + lease.rulesFile() + "（"
                        + lease.rulesFrom() + " 起）不在" + city.name() + "上传的规则中：请在“公租房规则”页（/rental/rules）上传该文件"));
    }

    private LeaseRules rules(RuleFile f) {
        return parsed.computeIfAbsent(f.id(), id -> LeaseRules.parse(f.fileName(), f.content()));
    }

    /** How {@link CityRules} reads an uploaded lease-rules file: {@link LeaseRules#parse}, refusing what it refuses. */
    @Component
    static class Format implements RuleFormat {

        @Override
        public RuleFile.Kind kind() {
            return RuleFile.Kind.LEASE;
        }

        @Override
        public Stated read(String fileName, String text) {
            LeaseRules r = LeaseRules.parse(fileName, text);
            return new Stated(r.city(), r.programme(), r.name(), r.effectiveFrom(), r.effectiveTo());
        }
    }
}
