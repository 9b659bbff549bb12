package org.anju.account;

import org.anju.region.Region;
import org.anju.region.RegionKind;

/**
 * What a user may do within the region bound to them. The monthly reporting roles (administrators, the county
 * reporter, the viewer) and, for public-rental applications (三审两公示), the roles of the 社区 that takes them in
 * (受理), the 街道/乡镇 that reviews them first (初审) and the county's or city's 住房保障 office (复审, 审核).
 */
public enum Role {
    /** 省级管理员: reads the province, writes the province's own figures, approves its cities. */
    PROVINCE_ADMIN("省级管理员", 6),
    /** 市级管理员: reads the city, writes the city's own figures, approves its counties and units. */
    CITY_ADMIN("市级管理员", 5),
    /**
     * 县级管理员: reads the county (its towns and communities too), writes the county's own figures, approves units
     * directly below it, manages the accounts of its county and adds its 社区/村.
     */
    COUNTY_ADMIN("县级管理员", 4),
    /**
     * 住房保障审核员: staff of a city's or county's 住房保障 office (市住保中心, 区住保): reviews the applications of its
     * region (复审, 审核); reads its subtree; does not report monthly figures.
     */
    HOUSING_OFFICE("住房保障审核员", 3),
    /** 县级填报员: reads and writes its own unit's figures. */
    COUNTY_REPORTER("县级填报员", 2),
    /** 街道初审员: staff of a 街道办事处 or 乡镇: reviews the applications of its town first (初审); reads and writes its town. */
    TOWN_REVIEWER("街道初审员", 1),
    /** 社区受理员: staff of a 社区/村 (or a 街道 window) taking applications in (受理); reads and writes its own unit. */
    COMMUNITY_CLERK("社区受理员", 1),
    /** 查看/审计: reads its subtree, writes nothing. */
    VIEWER("查看/审计", 0),
    /**
     * 运维监控: the account a monitoring system (Prometheus) scrapes the node's metrics and health details with
     * ({@code /actuator/**}). Bound to 全国, since the metrics are the whole node's; reads no business data and opens
     * no page or API (issue 15: least privilege — its password sits in the monitoring system's configuration).
     */
    MONITOR("运维监控", 0);

    private final String label;
    private final int rank;

    Role(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    public String label() {
        return label;
    }

    /** How much the role may do: an administrator grants roles up to their own rank. */
    public int rank() {
        return rank;
    }

    public boolean administers() {
        return this == PROVINCE_ADMIN || this == CITY_ADMIN || this == COUNTY_ADMIN;
    }

    /**
     * Whether the role changes data of its own unit (figures, registers, plans; for town and community staff the
     * data of their town or community). Viewers and the 住房保障 office do not: the office reviews applications
     * ({@link Access#canHandleApplications}), it does not fill in the county's monthly figures.
     */
    public boolean writes() {
        return this != VIEWER && this != HOUSING_OFFICE && this != MONITOR;
    }

    /** Whether the role reads business data (every role but 运维监控, which reads only the node's metrics). */
    public boolean readsData() {
        return this != MONITOR;
    }

    /** Whether the role belongs to a town or community (街道初审员, 社区受理员): it writes there and below. */
    public boolean local() {
        return this == TOWN_REVIEWER || this == COMMUNITY_CLERK;
    }

    /** Whether the role takes in or reviews public-rental applications (受理, 初审, 复审/审核). */
    public boolean handlesApplications() {
        return this == COMMUNITY_CLERK || this == TOWN_REVIEWER || this == HOUSING_OFFICE;
    }

    /**
     * Whether the role makes sense for a user bound to {@code region}: a province admin at a province, a
     * city admin at a city (or a development zone directly under a province), a county admin at a county or a
     * development zone below a city, a 住房保障 office at a city or county, a reporter at a county-level unit
     * (county, development zone, 市本级), a 街道初审员 at a town, a 社区受理员 at a community or a town (a 街道's
     * window), a viewer anywhere but in a 片区, 运维监控 at 全国 only.
     *
     * @param isCity whether {@code region} is its own city ({@code Regions.city(region)} is itself)
     */
    public boolean fits(Region region, boolean isCity) {
        RegionKind kind = region.kind();
        boolean county = !isCity && (kind == RegionKind.COUNTY || kind == RegionKind.DEV_ZONE);
        return switch (this) {
            case PROVINCE_ADMIN -> kind == RegionKind.PROVINCE;
            case CITY_ADMIN -> isCity && kind != RegionKind.GROUP;
            case COUNTY_ADMIN -> county;
            case HOUSING_OFFICE -> county || isCity && kind != RegionKind.GROUP;
            case COUNTY_REPORTER -> kind == RegionKind.COUNTY || kind == RegionKind.DEV_ZONE || kind == RegionKind.CITY_LEVEL;
            case TOWN_REVIEWER -> kind == RegionKind.TOWN;
            case COMMUNITY_CLERK -> kind == RegionKind.COMMUNITY || kind == RegionKind.TOWN;
            case VIEWER -> kind != RegionKind.GROUP;
            case MONITOR -> kind == RegionKind.NATION;
        };
    }
}
