package org.anju.account;

import org.anju.region.Region;
import org.anju.region.RegionKind;

/** What a user may do within the region bound to them. */
public enum Role {
    /** 省级管理员: reads the province, writes the province's own figures, approves its cities. */
    PROVINCE_ADMIN("省级管理员", 3),
    /** 市级管理员: reads the city, writes the city's own figures, approves its counties and units. */
    CITY_ADMIN("市级管理员", 2),
    /** 县级填报员: reads and writes its own unit's figures. */
    COUNTY_REPORTER("县级填报员", 1),
    /** 查看/审计: reads its subtree, writes nothing. */
    VIEWER("查看/审计", 0);

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
        return this == PROVINCE_ADMIN || this == CITY_ADMIN;
    }

    public boolean writes() {
        return this != VIEWER;
    }

    /**
     * Whether the role makes sense for a user bound to {@code region}: a province admin at a province, a
     * city admin at a city (or a development zone directly under a province), a reporter at a county-level
     * unit (county, development zone, 市本级), a viewer anywhere but in a 片区.
     *
     * @param isCity whether {@code region} is its own city ({@code Regions.city(region)} is itself)
     */
    public boolean fits(Region region, boolean isCity) {
        RegionKind kind = region.kind();
        return switch (this) {
            case PROVINCE_ADMIN -> kind == RegionKind.PROVINCE;
            case CITY_ADMIN -> isCity && kind != RegionKind.GROUP;
            case COUNTY_REPORTER -> kind == RegionKind.COUNTY || kind == RegionKind.DEV_ZONE || kind == RegionKind.CITY_LEVEL;
            case VIEWER -> kind != RegionKind.GROUP;
        };
    }
}
