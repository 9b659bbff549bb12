package org.anju.plan.check;

import org.anju.region.Region;

import java.util.List;
import java.util.Optional;

/**
 * What the checks against the text and the levels above ask of the region tree: the application's
 * {@code Regions} (see {@link PlanChecker}), or a few regions built by hand in a test.
 */
interface RegionTree {

    Region byId(int id);

    Optional<Region> byCode(String code);

    /** Whether {@code r} is {@code ancestor} or lies below it (a group contains only itself). */
    boolean contains(Region ancestor, Region r);

    /** Members of a group (片区); empty for anything else. */
    List<Region> members(Region group);

    Optional<Region> parent(Region r);
}
