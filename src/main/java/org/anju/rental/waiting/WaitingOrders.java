package org.anju.rental.waiting;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The computed order of a city's or county's waiting list, kept in memory between changes (V45_1): computing it runs
 * over every waiting household of the scope (300 ms and more for a city of 113,000), a page reads 50 of them. An order
 * is kept under everything it was computed from — the scope, the rules in force, the day (the list admits households
 * by their 资格证 date, and a score counts years) and the city's version, which the database bumps in the transaction of
 * every change to households, groups, allocations, strikes-off and leases. A page whose key differs computes again, so
 * a kept order is never older than the data it is shown with. Per node: another node computes its own; at most {@link
 * #KEPT} orders are kept, the least recently read going first.
 */
@Component
class WaitingOrders {

    static final int KEPT = 32;

    /** What an order was computed from. */
    record Key(boolean city, int regionId, WaitingRules rules, LocalDate today, long version) {
    }

    /**
     * A computed order: household ids and their sort keys, position i at index i (0-based). Nothing else: the columns a
     * page shows are read for its rows when it is shown, so a kept order holds 16 bytes a household.
     */
    record Order(long[] ids, long[] keys) {

        int size() {
            return ids.length;
        }

        /** The 0-based index of a household, or -1. */
        int indexOf(long householdId) {
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == householdId) {
                    return i;
                }
            }
            return -1;
        }
    }

    private final Map<Key, Order> kept = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Order> eldest) {
            return size() > KEPT;
        }
    };

    /** The order under {@code key}, computed by {@code compute} when not kept (outside the lock: computing is slow). */
    Order order(Key key, Supplier<Order> compute) {
        synchronized (kept) {
            Order o = kept.get(key);
            if (o != null) {
                return o;
            }
            // an older version of the same scope will never be asked for again
            kept.keySet().removeIf(k -> k.city() == key.city() && k.regionId() == key.regionId());
        }
        Order computed = compute.get();
        synchronized (kept) {
            kept.put(key, computed);
        }
        return computed;
    }
}
