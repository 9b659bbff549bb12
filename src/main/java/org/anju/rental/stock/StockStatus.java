package org.anju.rental.stock;

import org.anju.platform.Labels;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a dwelling stands. Allocation and occupancy will later follow the leases; for now officials set them. */
public enum StockStatus {
    /** 空置: ready to be allocated. */
    VACANT("空置"),
    /** 已分配: allocated to a household (配租), not yet moved in. */
    ALLOCATED("已分配"),
    /** 已入住: the household lives there. */
    OCCUPIED("已入住"),
    /** 维修: under repair, cannot be allocated now. */
    REPAIR("维修"),
    /** 已退出: no longer public housing stock (demolished, sold, returned, put to other use). */
    WITHDRAWN("已退出");

    private final String label;

    StockStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** What lists call each status, compared compactly: the labels and the words counties use for them. */
    private static final Map<String, StockStatus> WORDS = Map.ofEntries(
            Map.entry("空置", VACANT), Map.entry("空闲", VACANT), Map.entry("闲置", VACANT), Map.entry("待分配", VACANT),
            Map.entry("未分配", VACANT), Map.entry("待配租", VACANT), Map.entry("未配租", VACANT), Map.entry("空房", VACANT),
            Map.entry("已分配", ALLOCATED), Map.entry("已配租", ALLOCATED), Map.entry("待入住", ALLOCATED),
            Map.entry("已分配未入住", ALLOCATED), Map.entry("分配", ALLOCATED),
            Map.entry("已入住", OCCUPIED), Map.entry("入住", OCCUPIED), Map.entry("在住", OCCUPIED),
            Map.entry("已出租", OCCUPIED), Map.entry("已租", OCCUPIED), Map.entry("已分配已入住", OCCUPIED),
            Map.entry("维修", REPAIR), Map.entry("维修中", REPAIR), Map.entry("待维修", REPAIR), Map.entry("修缮", REPAIR),
            Map.entry("修缮中", REPAIR),
            Map.entry("已退出", WITHDRAWN), Map.entry("退出", WITHDRAWN), Map.entry("已核销", WITHDRAWN),
            Map.entry("核销", WITHDRAWN), Map.entry("已拆除", WITHDRAWN), Map.entry("已出售", WITHDRAWN));

    /** The status a label or code names; empty for anything else (never a default). */
    public static Optional<StockStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Labels.compact(text);
        for (StockStatus s : values()) {
            if (s.name().equalsIgnoreCase(t)) {
                return Optional.of(s);
            }
        }
        return Optional.ofNullable(WORDS.get(t));
    }

    /** "空置、已分配、已入住、维修、已退出" — what a refusal lists. */
    public static String choices() {
        return Arrays.stream(values()).map(StockStatus::label).collect(Collectors.joining("、"));
    }
}
