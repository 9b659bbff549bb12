package org.anju.region;

/**
 * What a node of the region tree is. Administrative divisions and the reporting units beside them (the reporting
 * tree), and below the counties the 乡级 and 村级 units where public-rental applications are taken in and first
 * reviewed ({@link #local()}), which never report monthly figures.
 */
public enum RegionKind {
    /** 全国, the root. */
    NATION("全国"),
    /** 省级: province, autonomous region, municipality. */
    PROVINCE("省"),
    /** 地级: prefecture-level city, 地区, 自治州, 盟. */
    PREFECTURE("地级"),
    /** 县级: district, county-level city, county, banner. */
    COUNTY("县级"),
    /** 开发区/新区/试验区: development zone, a reporting unit that is not a GB/T 2260 division. */
    DEV_ZONE("开发区"),
    /** 市本级: projects run by the city itself. */
    CITY_LEVEL("市本级"),
    /** 片区 such as 中心城区: a named set of a city's units, with an explicit member list. */
    GROUP("片区"),
    /**
     * 乡级: 街道, 镇, 乡 and similar units (开发区, 农场 with a 乡级 code), from the 国家统计局 statistical division codes
     * (12 digits, e.g. 360702001000 解放街道). Below a county-level region; outside the reporting tree.
     */
    TOWN("乡级"),
    /**
     * 村级: 社区 (居委会) and 村 (村委会) below a town, added by the county's administrator (with the 12-digit statistical
     * code where known). Outside the reporting tree.
     */
    COMMUNITY("社区/村");

    private final String label;

    RegionKind(String label) {
        this.label = label;
    }

    /** The Chinese word shown to users. */
    public String label() {
        return label;
    }

    /** Whether units of this kind report monthly (县级, 开发区, 市本级): the units a month's completeness counts. */
    public boolean reports() {
        return this == COUNTY || this == DEV_ZONE || this == CITY_LEVEL;
    }

    /**
     * Whether this is a 乡级 or 村级 unit ({@link #TOWN}, {@link #COMMUNITY}): below the county, outside the reporting
     * tree. Such units never report, and {@code Regions.children}, {@code subtree} and name resolution of documents
     * leave them out; {@code Regions.localUnits} and {@code resolveLocal} reach them. Containment
     * ({@code Regions.contains}, the closure table) includes them, so a county's users read its towns.
     */
    public boolean local() {
        return this == TOWN || this == COMMUNITY;
    }
}
