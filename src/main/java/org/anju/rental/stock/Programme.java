package org.anju.rental.stock;

import org.anju.platform.Labels;

import java.util.Optional;

/** Which kind of rental housing an estate is: the codes of the glossary's programmes. */
public enum Programme {
    PUBLIC_RENTAL("公租房", "公共租赁住房"),
    AFFORDABLE_RENTAL("保租房", "保障性租赁住房");

    private final String label;
    private final String fullName;

    Programme(String label, String fullName) {
        this.label = label;
        this.fullName = fullName;
    }

    public String label() {
        return label;
    }

    public String fullName() {
        return fullName;
    }

    /** The programme a code, short or full name names (廉租房 merged into 公租房 in 2014 and is read as it). */
    public static Optional<Programme> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Labels.compact(text);
        for (Programme p : values()) {
            if (p.name().equalsIgnoreCase(t) || p.label.equals(t) || p.fullName.equals(t)) {
                return Optional.of(p);
            }
        }
        return t.equals("廉租房") || t.equals("廉租住房") ? Optional.of(PUBLIC_RENTAL) : Optional.empty();
    }
}
