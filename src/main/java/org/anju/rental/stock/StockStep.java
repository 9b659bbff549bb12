package org.anju.rental.stock;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.anju.rental.stock.StockStatus.ALLOCATED;
import static org.anju.rental.stock.StockStatus.OCCUPIED;
import static org.anju.rental.stock.StockStatus.REPAIR;
import static org.anju.rental.stock.StockStatus.VACANT;
import static org.anju.rental.stock.StockStatus.WITHDRAWN;

/**
 * A dwelling's status changes as one table: for each step, the statuses it may start from, the status it leads to and
 * what the refusal says otherwise. {@link Stock} only asks this table. Allocation, move-in and vacating will be taken
 * by the leases once they exist; the steps stay the same.
 */
public enum StockStep {

    /** 配租: a vacant dwelling goes to a household. */
    ALLOCATE("分配", EnumSet.of(VACANT), ALLOCATED, "只有空置的房源可以分配"),
    /** 入住: the household moves in. */
    OCCUPY("入住", EnumSet.of(ALLOCATED), OCCUPIED, "只有已分配的房源可以办理入住"),
    /** 腾退/退租: the household leaves (or the allocation is cancelled). */
    VACATE("腾退", EnumSet.of(ALLOCATED, OCCUPIED), VACANT, "只有已分配或已入住的房源可以腾退"),
    /** 报修: a vacant dwelling goes under repair. */
    REPAIR("转入维修", EnumSet.of(VACANT), StockStatus.REPAIR, "只有空置的房源可以转入维修（有人分配或居住的请先腾退）"),
    /** 修缮完成: back to vacant. */
    REPAIRED("维修完成", EnumSet.of(StockStatus.REPAIR), VACANT, "只有维修中的房源可以完成维修"),
    /** 退出: no longer stock (demolished, sold, returned); a reason is required. */
    WITHDRAW("退出", EnumSet.of(VACANT, StockStatus.REPAIR), WITHDRAWN, "只有空置或维修中的房源可以退出（有人分配或居住的请先腾退）"),
    /** 恢复: a dwelling withdrawn by mistake comes back as vacant; a reason is required. */
    REINSTATE("恢复", EnumSet.of(WITHDRAWN), VACANT, "只有已退出的房源可以恢复");

    private final String label;
    private final Set<StockStatus> from;
    private final StockStatus to;
    private final String refusal;

    StockStep(String label, Set<StockStatus> from, StockStatus to, String refusal) {
        this.label = label;
        this.from = from;
        this.to = to;
        this.refusal = refusal;
    }

    public String label() {
        return label;
    }

    public StockStatus to() {
        return to;
    }

    public boolean allowedFrom(StockStatus status) {
        return from.contains(status);
    }

    /** Whether the step needs a reason written down (taking a dwelling out of the stock, or back in). */
    public boolean needsReason() {
        return this == WITHDRAW || this == REINSTATE;
    }

    /**
     * Refuses the step from {@code status}: "阳光小区1号楼1单元501 当前为已入住，只有空置的房源可以分配".
     *
     * @throws org.anju.platform.Conflict when the dwelling's status does not allow it
     */
    void check(String dwelling, StockStatus status) {
        if (!allowedFrom(status)) {
            throw new org.anju.platform.Conflict(dwelling + " 当前为" + status.label() + "，" + refusal);
        }
    }

    /** The step a code or label names (ALLOCATE, 分配). */
    public static Optional<StockStep> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (StockStep s : values()) {
            if (s.name().equalsIgnoreCase(t) || s.label.equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The steps the page offers for a dwelling in {@code status}. */
    public static java.util.List<StockStep> from(StockStatus status) {
        return java.util.Arrays.stream(values()).filter(s -> s.allowedFrom(status)).toList();
    }
}
