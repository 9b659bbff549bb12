package org.anju.project;

/** The register's columns, the same in the import template and the export. */
final class ProjectColumns {

    static final String REGION = "地区";
    static final String PROGRAM = "工程类别";
    static final String YEAR = "年度";
    static final String NAME = "项目名称";
    static final String CODE = "项目编号";
    static final String UNITS = "套数";
    static final String HOUSEHOLDS = "户数";
    static final String COMMUNITIES = "小区数";
    static final String BUILDINGS = "栋数";
    static final String AREA = "面积（万平方米）";
    static final String PLANNED = "计划投资（万元）";
    static final String PRELIM = "前期手续办结日期";
    static final String STARTED = "开工日期";
    static final String BASIC = "基本建成（完工）日期";
    static final String ACCEPTED = "竣工验收日期";
    static final String DELIVERED = "交付日期";
    /** What the register called 交付 before 分配入住 had its own column: read as 交付, never as 入住. */
    static final String DELIVERED_BEFORE = "交付（入住）日期";
    static final String OCCUPIED = "分配入住日期";
    static final String DELIVERY_DUE = "合同约定交付日期";
    static final String PLACEMENT = "安置方式";
    static final String CONSTRUCTION = "建设方式";
    static final String BUILDING_TYPE = "楼型";
    static final String PERIOD = "进度月份";
    static final String INVESTMENT = "累计完成投资（万元）";
    static final String IMAGE = "形象进度";
    static final String CARRIED = "续建";
    static final String NOTE = "备注";

    static final String[] ALL = {REGION, PROGRAM, YEAR, NAME, CODE, UNITS, HOUSEHOLDS, COMMUNITIES, BUILDINGS, AREA,
            PLANNED, PRELIM, STARTED, BASIC, ACCEPTED, DELIVERED, OCCUPIED, DELIVERY_DUE, PLACEMENT, CONSTRUCTION,
            BUILDING_TYPE, PERIOD, INVESTMENT, IMAGE, CARRIED, NOTE};

    /** The headers an import accepts: every column the export writes (续建 is written, not read) and the older 交付（入住）日期. */
    static final java.util.List<String> READ;

    static {
        java.util.List<String> read = new java.util.ArrayList<>(java.util.List.of(ALL));
        read.add(DELIVERED_BEFORE);
        READ = java.util.List.copyOf(read);
    }

    private ProjectColumns() {
    }
}
