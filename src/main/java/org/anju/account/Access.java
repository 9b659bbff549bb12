package org.anju.account;

import org.anju.region.Region;

/**
 * Region-scoped permissions, the one place features ask "may the current user …". A user reads their
 * region's subtree, writes their own unit's figures, and approves the level directly below them.
 * The {@code check…} methods throw {@link org.springframework.security.access.AccessDeniedException}
 * (HTTP 403) with a Chinese message.
 */
public interface Access {

    /** The actor of the current request or job. */
    Actor current();

    boolean canRead(Region region);

    boolean canWrite(Region region);

    /** Whether the current user may approve or return what {@code region} submitted. */
    boolean canApprove(Region region);

    void checkRead(Region region);

    void checkWrite(Region region);

    void checkApprove(Region region);
}
