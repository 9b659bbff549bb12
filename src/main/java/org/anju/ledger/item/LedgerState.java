package org.anju.ledger.item;

import org.anju.platform.Conflict;

import java.util.Arrays;
import java.util.Optional;

/** The states of a ledger item: 待整改 → 整改中 → 申请销号 → 已销号, or 退回 from 申请销号 to 整改中 with the reason. */
public enum LedgerState {
    PENDING("待整改"), IN_PROGRESS("整改中"), APPLIED("申请销号"), CLOSED("已销号");

    private final String label;

    LedgerState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<LedgerState> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equals(text) || s.label.equals(text)).findFirst();
    }

    /** What a unit does to its item, and what the level above does. */
    public enum Step {
        PROGRESS("报送进展"), APPLY("申请销号"), APPROVE("销号"), RETURN("退回");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The state after {@code step}, or a {@link Conflict} saying why not: a progress note starts the work (待整改 →
     * 整改中) and may follow while 整改中; only an item 整改中 may apply; only an applied item may be closed or returned.
     */
    public LedgerState after(Step step) {
        LedgerState next = switch (step) {
            case PROGRESS -> this == PENDING || this == IN_PROGRESS ? IN_PROGRESS : null;
            case APPLY -> this == IN_PROGRESS ? APPLIED : null;
            case APPROVE -> this == APPLIED ? CLOSED : null;
            case RETURN -> this == APPLIED ? IN_PROGRESS : null;
        };
        if (next == null) {
            throw new Conflict("当前状态为“" + label + "”，不能" + step.label() + switch (step) {
                case PROGRESS -> "：已申请销号或已销号的事项不再报送进展（被退回后可再报送）";
                case APPLY -> "：须先报送整改进展（整改中）才能申请销号";
                case APPROVE, RETURN -> "：只有“申请销号”的事项可以销号或退回";
            });
        }
        return next;
    }
}
