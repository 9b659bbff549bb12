package org.anju.account;

/**
 * What a web endpoint requires, declared on every handler method with {@link Requires}. The web layer
 * enforces the role part before the handler runs (an undeclared endpoint is refused); the handler checks
 * the concrete region with {@link Access}. The authorization-matrix test runs every endpoint for every
 * kind of user against these declarations.
 */
public enum Requirement {
    /** Anyone, signed in or not (the login page). */
    PUBLIC,
    /** Any signed-in user: reference data (regions, indicators), one's own account, navigation. */
    AUTHENTICATED,
    /** Reading a region's data: the region must lie in the user's subtree ({@link Access#checkRead}); lists are filtered. */
    READ_SCOPED,
    /**
     * Reading a document issued by a region (plans; bulletins, which name every unit, are READ_SCOPED): issued in the user's subtree or by a region
     * above the user ({@link Access#checkReadIssuedBy}); lists are filtered.
     */
    READ_ISSUED,
    /** Changing a region's data: the user's own unit, by a role that writes ({@link Access#checkWrite}). */
    WRITE_OWN,
    /**
     * Handling public-rental cases (受理, 审核, 配租, 租赁, 退出, 租赁补贴): a 社区受理员, 街道初审员 or 住房保障审核员; the
     * handler checks the concrete office with {@link Access#canHandleApplications} (or the feature's own question built on
     * it: an application step's level decides whose it is). Administrators pass the web layer too, for their city's rule
     * files; every other service refuses them. The 住房保障 office reports no figures, so {@link #WRITE_OWN} would refuse it.
     */
    HANDLE_APPLICATIONS,
    /**
     * Working on a ledger item (台账: 报送进展, 证明材料, 申请销号): the item's region's accounts that write, or an account
     * linked to the item's 责任单位 (a 财政局 clerk, whatever its role); signed in is enough here, the ledger checks the item.
     */
    LEDGER_WORK,
    /**
     * Issuing (签发) or correcting a document in a region's name (a 通报): an administrator; the handler checks it is the
     * region's own ({@link Access#checkIssue}). The region's writers draft it ({@link #WRITE_OWN}).
     */
    ISSUE,
    /** Approving or returning what a unit directly below the user submitted ({@link Access#checkApprove}). */
    APPROVE_BELOW,
    /** Managing user accounts and reading the audit log of the user's subtree, by a province, city or county administrator. */
    ADMIN,
    /** Adding regions, aliases and indicators: province administrators within their province. */
    REFERENCE_ADMIN
}
