package org.anju.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces the role part of every handler's {@link Requires} before it runs, and refuses handlers of the
 * application that declare nothing (fail closed). The region part is the handler's: it asks
 * {@link Access} about the concrete region.
 */
class RequirementInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RequirementInterceptor.class);

    private final Access access;

    RequirementInterceptor(Access access) {
        this.access = access;
    }

    /** The handlers this application writes; framework ones (error page, API docs) are guarded by URL. */
    static boolean ours(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("org.anju.");
    }

    static final String MONITOR_ONLY = "运维监控账号只能读取运行指标和健康详情（/actuator/prometheus、/actuator/metrics、"
            + "/actuator/health，HTTP Basic），不能打开业务页面或调用业务接口；请用业务账号登录";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (!ours(method)) {
            // the API docs (guarded by URL: signed in) are no business of the 运维监控 account either; the error page
            // is everyone's
            if (method.getBeanType().getPackageName().startsWith("org.springdoc")) {
                Actor a = access.current();
                if (a.signedIn() && !a.readsData()) {
                    throw new org.anju.platform.Denied(MONITOR_ONLY);
                }
            }
            return true;
        }
        Requires requires = method.getMethodAnnotation(Requires.class);
        if (requires == null) {
            log.error("{} 没有声明 @Requires，已拒绝访问 {}", method.getShortLogMessage(), request.getRequestURI());
            throw new org.anju.platform.Denied("该接口未声明访问规则，已拒绝");
        }
        Actor a = access.current();
        if (requires.value() == Requirement.PUBLIC || a.system()) {
            return true;
        }
        if (!a.signedIn()) {
            throw new AuthenticationCredentialsNotFoundException("请先登录");
        }
        if (!a.readsData()) {
            // every page and API, reference data and the home page too: it is a machine's account, and the less it
            // opens the less its password (kept in the monitoring system's configuration) gives away
            throw new org.anju.platform.Denied(MONITOR_ONLY);
        }
        switch (requires.value()) {
            case WRITE_OWN -> {
                if (!AccountAccess.writes(a)) {
                    throw new org.anju.platform.Denied("当前账号（" + a.rolesLabel() + "）只能查看，不能修改数据");
                }
            }
            case ISSUE -> {
                if (!AccountAccess.administers(a)) {
                    throw new org.anju.platform.Denied("无权签发：只有本级的管理员可以签发或更正本级通报（当前账号为" + a.rolesLabel() + "）");
                }
            }
            case APPROVE_BELOW -> {
                if (!AccountAccess.administers(a)) {
                    throw new org.anju.platform.Denied("只有省级、市级、县级管理员可以审核下级报送的数据");
                }
            }
            case HANDLE_APPLICATIONS -> {
                if (a.roles().stream().noneMatch(r -> r.handlesApplications() || r.administers())) {
                    throw new org.anju.platform.Denied("只有社区受理员、街道初审员和住房保障审核员可以办理公租房申请、配租、租赁、"
                            + "退出和租赁补贴（城市的审核规则也可由管理员上传），当前账号为" + a.rolesLabel());
                }
            }
            case ADMIN -> {
                if (!AccountAccess.administers(a)) {
                    throw new org.anju.platform.Denied("只有省级、市级、县级管理员可以管理用户和查看审计记录");
                }
            }
            case REFERENCE_ADMIN -> {
                if (!a.has(Role.PROVINCE_ADMIN)) {
                    throw new org.anju.platform.Denied("只有省级管理员可以新增区划、别名或指标");
                }
            }
            default -> {
                // AUTHENTICATED, READ_SCOPED, READ_ISSUED: signed in is enough here; the handler checks the region
            }
        }
        return true;
    }
}
