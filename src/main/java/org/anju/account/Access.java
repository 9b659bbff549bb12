package org.anju.account;

import org.anju.region.Region;

import java.util.function.Supplier;

/**
 * Region-scoped permissions, the one place features ask "may the current user …". A user reads their
 * region's subtree, writes their own unit's figures, and approves the level directly below them.
 * The {@code check…} methods throw {@link org.springframework.security.access.AccessDeniedException}
 * (HTTP 403) with a Chinese message.
 *
 * <p>Who is acting: the signed-in user of the current web request (channel {@link Channel#UI} for pages,
 * {@link Channel#API} under {@code /api/}); outside a web request, the actor the work binds with {@link #runAs}
 * (a job as its user, the command line as the operator, the demo load and tests as the system); work that binds
 * none is nobody and may do nothing (issue 11). Imports re-label the channel with {@link #via}.
 *
 * <p>Every handler method declares what it needs with {@link Requires}; the handler then asks this
 * interface about the concrete region.
 */
public interface Access {

    /** The actor of the current request or job. */
    Actor current();

    /** Whether the current user may read data of {@code region}: it lies in the user's subtree. */
    boolean canRead(Region region);

    /**
     * Whether the current user may read a document issued by {@code issuer} (a plan, a bulletin): issued
     * inside the user's subtree, or handed down to the user by a region above (the 信州区 reporter reads
     * the Jiangxi and Shangrao plans, not the Ganzhou one).
     */
    boolean canReadIssuedBy(Region issuer);

    /**
     * Whether the current user may change data of {@code region}: their own unit, by a role that writes (not a viewer,
     * not the 住房保障 office); town and community staff also the 社区/村 below their town.
     */
    boolean canWrite(Region region);

    /** Whether the current user may approve or return what {@code region} submitted: a unit directly below them. */
    boolean canApprove(Region region);

    /**
     * Whether the current user may issue (签发) or correct a document in the name of {@code region} (a 通报): the
     * region's own administrator (or the system). Writers of the region draft it; only its administrator signs it.
     */
    boolean canIssue(Region region);

    /** Whether the current user may manage the accounts of {@code region}: an administrator above or at it. */
    boolean canManageUsers(Region region);

    /**
     * Whether the current user may take in or review the public-rental applications of {@code region} (受理, 初审,
     * 复审/审核): a 社区受理员, 街道初审员 or 住房保障审核员 whose region contains it. Administrators and reporters may not.
     */
    boolean canHandleApplications(Region region);

    /** Whether the current user may add 社区/村 below {@code town}: an administrator whose region contains it. */
    boolean canManageLocalUnits(Region town);

    /**
     * Whether the current user may add reference data (regions, aliases, indicators): a province
     * administrator, within their province; {@code scope} null for nationwide data such as indicators.
     */
    boolean canManageReferenceData(Region scope);

    void checkRead(Region region);

    void checkReadIssuedBy(Region issuer);

    void checkWrite(Region region);

    void checkApprove(Region region);

    void checkIssue(Region region);

    void checkManageUsers(Region region);

    void checkHandleApplications(Region region);

    void checkManageLocalUnits(Region town);

    void checkManageReferenceData(Region scope);

    /** Runs {@code work} as {@code actor} (the command line, scheduled jobs). */
    static <T> T runAs(Actor actor, Supplier<T> work) {
        return ScopedValue.where(Acting.ACTOR, actor).call(work::get);
    }

    /** Runs {@code work} as the current actor, recorded as coming in through {@code channel} (imports). */
    static <T> T via(Channel channel, Supplier<T> work) {
        return ScopedValue.where(Acting.CHANNEL, channel).call(work::get);
    }
}
