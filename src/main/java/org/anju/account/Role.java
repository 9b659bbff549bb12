package org.anju.account;

/** What a user may do within the region bound to them. */
public enum Role {
    /** 省级管理员: reads the province, writes the province's own figures, approves its cities. */
    PROVINCE_ADMIN("省级管理员"),
    /** 市级管理员: reads the city, writes the city's own figures, approves its counties and units. */
    CITY_ADMIN("市级管理员"),
    /** 县级填报员: reads and writes its own unit's figures. */
    COUNTY_REPORTER("县级填报员"),
    /** 查看/审计: reads its subtree, writes nothing. */
    VIEWER("查看/审计");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
