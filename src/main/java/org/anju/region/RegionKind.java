package org.anju.region;

/** What a node of the region tree is. Administrative divisions and the reporting units beside them. */
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
    GROUP("片区");

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
}
