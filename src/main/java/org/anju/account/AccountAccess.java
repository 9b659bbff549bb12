package org.anju.account;

import jakarta.servlet.http.HttpServletRequest;
import org.anju.region.ReferenceDataGuard;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@link Access} from the signed-in account; outside web requests the actor the work binds, else nobody (see
 * {@link #current()}).
 */
@Component
class AccountAccess implements Access, ReferenceDataGuard {

    /** Set on every request that passed the security filter chain: only those can be anonymous. */
    static final String WEB_REQUEST = AccountAccess.class.getName() + ".WEB";

    private final Regions regions;

    AccountAccess(Regions regions) {
        this.regions = regions;
    }

    /**
     * Who acts: the signed-in user of the request being served; else the actor bound for the work
     * ({@link Access#runAs}: a job as its user, the command line as the operator, the demo load as the system); else
     * nobody, with no rights — a thread or a scheduled task that forgot to say whom it acts for must not act as the
     * system (issue 11).
     */
    @Override
    public Actor current() {
        Actor actor = fromRequest();
        if (actor == null) {
            actor = Acting.ACTOR.isBound() ? Acting.ACTOR.get() : Actor.nobody(regions.root());
        }
        return Acting.CHANNEL.isBound() ? actor.via(Acting.CHANNEL.get()) : actor;
    }

    /** The request's user, anonymous for a request without one, null outside a request. */
    private Actor fromRequest() {
        HttpServletRequest request = webRequest();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof AnjuUser user) {
            Channel channel = request != null && request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                    ? Channel.API : Channel.UI;
            return user.actor(regions, channel);
        }
        if (request != null) {
            return Actor.anonymous(regions.root(), Channel.UI);
        }
        return null;
    }

    /** The current request if it came in over HTTP through the filter chain (not a test's bound mock request). */
    private static HttpServletRequest webRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes s && s.getRequest().getAttribute(WEB_REQUEST) != null) {
            return s.getRequest();
        }
        return null;
    }

    // ---- questions --------------------------------------------------------------------------------

    @Override
    public boolean canRead(Region region) {
        Actor a = current();
        return a.system() || a.signedIn() && a.readsData() && regions.contains(a.region(), region);
    }

    @Override
    public boolean canReadIssuedBy(Region issuer) {
        Actor a = current();
        return a.system() || a.signedIn() && a.readsData()
                && (regions.contains(a.region(), issuer) || regions.contains(issuer, a.region()));
    }

    @Override
    public boolean canWrite(Region region) {
        Actor a = current();
        return a.system() || writes(a) && (a.region().id() == region.id()
                || region.kind().local() && a.roles().stream().anyMatch(Role::local) && regions.contains(a.region(), region));
    }

    @Override
    public boolean canApprove(Region region) {
        Actor a = current();
        return a.system() || administers(a) && region.parentId() != null && region.parentId() == a.region().id()
                && region.kind() != RegionKind.GROUP && !region.kind().local();
    }

    @Override
    public boolean canIssue(Region region) {
        Actor a = current();
        return a.system() || administers(a) && a.region().id() == region.id();
    }

    @Override
    public boolean canHandleApplications(Region region) {
        Actor a = current();
        return a.system() || a.signedIn() && a.roles().stream().anyMatch(Role::handlesApplications)
                && regions.contains(a.region(), region);
    }

    @Override
    public boolean canManageLocalUnits(Region town) {
        Actor a = current();
        return a.system() || administers(a) && regions.contains(a.region(), town);
    }

    @Override
    public boolean canManageUsers(Region region) {
        Actor a = current();
        return a.system() || administers(a) && regions.contains(a.region(), region);
    }

    @Override
    public boolean canManageReferenceData(Region scope) {
        Actor a = current();
        return a.system() || a.has(Role.PROVINCE_ADMIN) && (scope == null || regions.contains(a.region(), scope));
    }

    static boolean writes(Actor a) {
        return a.roles().stream().anyMatch(Role::writes);
    }

    static boolean administers(Actor a) {
        return a.roles().stream().anyMatch(Role::administers);
    }

    // ---- checks -----------------------------------------------------------------------------------

    @Override
    public void checkRead(Region region) {
        if (!canRead(region)) {
            throw denied("无权查看" + region.name() + "的数据");
        }
    }

    @Override
    public void checkReadIssuedBy(Region issuer) {
        if (!canReadIssuedBy(issuer)) {
            throw denied("无权查看" + issuer.name() + "下发的文件：只能查看本地区及下级印发的、以及上级下达给本地区的文件");
        }
    }

    @Override
    public void checkWrite(Region region) {
        if (!canWrite(region)) {
            Actor a = current();
            throw denied(writes(a)
                    ? "无权修改" + region.name() + "的数据：只能填报或修改本单位（" + a.region().name() + "）的数据；"
                    + region.name() + "的数据须由" + region.name() + "自己的填报账号填报或导入（上级单位审核、查看，不代填）"
                    : a.roles().isEmpty() ? "不能修改" + region.name() + "的数据"
                    : "当前账号（" + a.rolesLabel() + "）只能查看，不能修改数据");
        }
    }

    @Override
    public void checkApprove(Region region) {
        if (!canApprove(region)) {
            throw denied("无权审核" + region.name() + "：只能审核本地区的直接下级单位");
        }
    }

    @Override
    public void checkIssue(Region region) {
        if (!canIssue(region)) {
            throw denied("无权签发" + region.name() + "的通报：只有" + region.name() + "的管理员可以签发本级通报（填报账号可以起草、修改草稿）");
        }
    }

    @Override
    public void checkManageUsers(Region region) {
        if (!canManageUsers(region)) {
            throw denied("无权管理" + region.name() + "的用户：只有管理员可以管理本地区及下级的用户");
        }
    }

    @Override
    public void checkHandleApplications(Region region) {
        if (!canHandleApplications(region)) {
            throw denied("无权受理或审核" + region.name() + "的申请：只有社区受理员、街道初审员和住房保障审核员可以受理、审核本地区及下级的申请");
        }
    }

    @Override
    public void checkManageLocalUnits(Region town) {
        if (!canManageLocalUnits(town)) {
            throw denied("无权在" + town.name() + "之下新增社区/村：只有管理员（省、市、县级）可以在本地区范围内新增");
        }
    }

    @Override
    public void checkManageReferenceData(Region scope) {
        if (!canManageReferenceData(scope)) {
            throw denied(scope == null ? "只有省级管理员可以新增指标"
                    : "无权为" + scope.name() + "新增区划或别名：只有省级管理员可以在本省范围内新增");
        }
    }

    private AccessDeniedException denied(String message) {
        Actor a = current();
        if (!a.signedIn() && !a.system() && a.via() == Channel.SYSTEM) {
            return new org.anju.platform.Denied(message + "（未指明身份的后台任务没有任何权限）");
        }
        return new org.anju.platform.Denied(a.signedIn() || a.system() ? message + "（当前账号：" + a.displayName()
                + "，" + a.region().name() + "）" : "请先登录");
    }
}
