package org.anju.plan;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Each table's {@link BreakdownTable#fingerprint()} worked out once per import: the duplicate check of the preview and
 * the stored {@code breakdown_table.fingerprint} use the same one. A national table's is 48,000 sorted lines hashed,
 * and it was computed twice (issue 15: 11 % of the import's Java samples). Kept by identity — the same table objects
 * go from the check to the save — and only for one import.
 */
public final class Fingerprints {

    private final Map<BreakdownTable, String> known = new IdentityHashMap<>();

    /** The table's fingerprint (null for a table without figures), computed on first use. */
    public String of(BreakdownTable table) {
        if (!known.containsKey(table)) {
            known.put(table, table.fingerprint());
        }
        return known.get(table);
    }
}
