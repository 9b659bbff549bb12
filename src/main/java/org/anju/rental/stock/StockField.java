package org.anju.rental.stock;

/** What a column of a stock list holds; the label is the column's name in the template and the export. */
public enum StockField {
    REGION("地区"),
    ESTATE("项目名称"),
    PROGRAMME("保障类型"),
    ADDRESS("地址"),
    BUILDING("楼栋"),
    ENTRANCE("单元"),
    ROOM("房号"),
    FLOOR("楼层"),
    FLOOR_AREA("建筑面积（㎡）"),
    USABLE_AREA("使用面积（㎡）"),
    LAYOUT("户型"),
    ROOMS("室数"),
    RENT("租金标准"),
    RENT_UNIT("租金单位"),
    STATUS("状态");

    private final String label;

    StockField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
