package org.anju.ledger.expropriation;

import org.anju.account.Access;
import org.anju.platform.NotFound;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The 征收 figures other modules (reports, the dashboard) may read: one record per project and a roll-up per region.
 * Each method checks that the current actor may read the region. Rates divide by the households in the 征收范围 as each
 * project states them (丽水 reports 腾空率 that way); a region's rates divide its sums.
 */
@Service
public class ExpropriationFigures {

    /**
     * A project's figures.
     *
     * @param scope       households in the 征收范围 (stated on the project; the denominator)
     * @param registered  households entered in the ledger (调查登记)
     * @param signed      households with a 补偿协议
     * @param signedByEnd of those, signed by the 签约期限's last day (null when no period is recorded)
     * @param vacated     households that moved out (腾空), by agreement, decision or after enforcement
     * @param decided     households under a 补偿决定 (Art.26)
     * @param enforced    households for which 强制执行 was applied for (Art.28)
     */
    public record ProjectFigures(long projectId, String name, String regionCode, String regionName, ProjectType type,
                                 int scope, int registered, int signed, Integer signedByEnd, int vacated, int decided,
                                 int enforced, SigningRates.Rate signingRate, SigningRates.Rate vacatedRate,
                                 SigningRates.GateResult gate, LocalDate periodFirst, LocalDate periodLast,
                                 LocalDate publishedOn) {
    }

    /** A region's roll-up over the projects of its subtree. */
    public record RegionFigures(String regionCode, String regionName, int projects, long scope, long registered, long signed,
                                long vacated, long decided, long enforced, SigningRates.Rate signingRate,
                                SigningRates.Rate vacatedRate) {
    }

    private final ExpropriationRepository repository;
    private final Expropriations expropriations;
    private final Regions regions;
    private final Access access;

    ExpropriationFigures(ExpropriationRepository repository, Expropriations expropriations, Regions regions, Access access) {
        this.repository = repository;
        this.expropriations = expropriations;
        this.regions = regions;
        this.access = access;
    }

    /** One project's figures; requires read access to its region. */
    public ProjectFigures project(long projectId) {
        ExpropriationRepository.ProjectRow r = repository.project(projectId)
                .orElseThrow(() -> new NotFound("征收项目不存在：" + projectId));
        Region county = regions.byId(r.countyId());
        access.checkRead(county);
        return expropriations.view(r, county).figures();
    }

    /** Every project of the region's subtree. */
    public List<ProjectFigures> projects(String regionCode) {
        return expropriations.projects(regionCode).stream().map(Project::figures).toList();
    }

    /** The roll-up of a region's subtree; requires read access to the region. */
    public RegionFigures region(String regionCode) {
        Region region = expropriations.region(regionCode);
        access.checkRead(region);
        List<ProjectFigures> all = projects(regionCode);
        long scope = all.stream().mapToLong(ProjectFigures::scope).sum();
        long signed = all.stream().mapToLong(ProjectFigures::signed).sum();
        long vacated = all.stream().mapToLong(ProjectFigures::vacated).sum();
        return new RegionFigures(region.code(), region.name(), all.size(), scope,
                all.stream().mapToLong(ProjectFigures::registered).sum(), signed, vacated,
                all.stream().mapToLong(ProjectFigures::decided).sum(), all.stream().mapToLong(ProjectFigures::enforced).sum(),
                SigningRates.rate(signed, scope), SigningRates.rate(vacated, scope));
    }

    static ProjectFigures figures(ExpropriationRepository.ProjectRow r, Region county, SigningRates.Gate gate,
                                  Map<Reg590.Stage, Reg590.Step> steps, List<ExpropriationRepository.HouseholdRow> households,
                                  LocalDate today) {
        Reg590.Step period = steps.get(Reg590.Stage.SIGNING_PERIOD);
        LocalDate last = period == null ? null : period.second();
        int signed = (int) households.stream().filter(h -> h.agreementOn() != null).count();
        Integer byEnd = last == null ? null
                : (int) households.stream().filter(h -> h.agreementOn() != null && !h.agreementOn().isAfter(last)).count();
        int vacated = (int) households.stream().filter(h -> h.vacatedOn() != null).count();
        int decided = (int) households.stream().filter(h -> h.decisionOn() != null).count();
        int enforced = (int) households.stream().filter(h -> h.enforcementOn() != null).count();
        Reg590.Step published = steps.get(Reg590.Stage.PUBLISHED);
        return new ProjectFigures(r.id(), r.name(), county.code(), county.name(), ProjectType.valueOf(r.projectType()),
                r.scopeHouseholds(), households.size(), signed, byEnd, vacated, decided, enforced,
                SigningRates.rate(signed, (long) r.scopeHouseholds()), SigningRates.rate(vacated, (long) r.scopeHouseholds()),
                SigningRates.gate(gate, byEnd == null ? signed : byEnd, r.scopeHouseholds(), last, today),
                period == null ? null : period.on(), last, published == null ? null : published.on());
    }
}
