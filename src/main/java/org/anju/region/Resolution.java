package org.anju.region;

import java.util.List;

/** The outcome of {@link Regions#resolve(String, Region)}. */
public sealed interface Resolution {

    /**
     * Exactly one region fits.
     *
     * @param outsideContext {@code true} when it lies outside the given context (found by widening the
     *                       search to the context's city, province or the whole country)
     */
    record Found(Region region, boolean outsideContext) implements Resolution {
    }

    /** Several regions fit equally well; the caller must ask for a more precise label or context. */
    record Ambiguous(List<Region> candidates) implements Resolution {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /** No region has this name or alias (where it was looked for). */
    record NotFound() implements Resolution {
    }
}
