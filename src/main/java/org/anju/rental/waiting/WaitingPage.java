package org.anju.rental.waiting;

import java.util.List;

/** A page of a city's or county's waiting list, the rules it was ordered by and how many wait in all. */
public record WaitingPage(String regionCode, String regionName, WaitingRules rules, List<WaitingEntry> entries,
                          int total, int page, int size) {

    public WaitingPage {
        entries = List.copyOf(entries);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
