package org.anju.ledger.expropriation;

/** 征收的公共利益类型 (条例第八条). 旧城区改建 carries the Art.11 hearing rule and, in some provinces, a 签约比例 gate. */
public enum ProjectType {
    OLD_TOWN("旧城区改建"), AFFORDABLE_HOUSING("保障性安居工程"), INFRASTRUCTURE("基础设施建设"), PUBLIC_SERVICE("公共事业"),
    DEFENCE("国防和外交"), OTHER("法律、行政法规规定的其他公共利益");

    private final String label;

    ProjectType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ProjectType parse(String text) {
        for (ProjectType t : values()) {
            if (t.label.equals(text) || t.name().equals(text)) {
                return t;
            }
        }
        return null;
    }
}
