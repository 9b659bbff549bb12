package org.anju.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RestController
@RequestMapping(path = "/api", produces = "application/json")
@Tag(name = "用户与审计", description = "账号、角色、所属地区；本人信息与密码；审计记录")
class UserApiController {

    private final Users users;
    private final Regions regions;
    private final Access access;
    private final AuditTrail audit;

    UserApiController(Users users, Regions regions, Access access, AuditTrail audit) {
        this.users = users;
        this.regions = regions;
        this.access = access;
        this.audit = audit;
    }

    /** An account as the API shows it. */
    record UserView(long id, String username, String displayName, String regionCode, String regionName,
                    Set<Role> roles, String rolesLabel, boolean enabled,
                    int failedAttempts, int version, Instant createdAt, String createdBy, Instant updatedAt) {
    }

    record NewUserRequest(String username, String displayName, String regionCode, Set<Role> roles, String password) {
    }

    record UpdateRequest(String displayName, Set<Role> roles, Boolean enabled, Integer version) {
    }

    record PasswordRequest(String password) {
    }

    record OwnPasswordRequest(String currentPassword, String newPassword) {
    }

    /** An account with its password, shown once: when generated, or to confirm what was set. */
    record WithPasswordView(UserView user, String password) {
    }

    record MeView(String username, String displayName, String regionCode, String regionName, Set<Role> roles,
                  String rolesLabel) {
    }

    UserView view(User u) {
        Region r = regions.byId(u.regionId());
        return new UserView(u.id(), u.username(), u.displayName(), r.code(), r.name(), u.roles(), u.rolesLabel(),
                u.enabled(), u.failedAttempts(), u.version(), u.createdAt(),
                u.createdBy(), u.updatedAt());
    }

    @GetMapping("/me")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "当前登录的用户")
    MeView me() {
        Actor a = access.current();
        return new MeView(a.username(), a.displayName(), a.region().code(), a.region().name(), a.roles(), a.rolesLabel());
    }

    @PutMapping(path = "/me/password", consumes = "application/json")
    @Requires(Requirement.AUTHENTICATED)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "修改本人密码（8–64 位，含字母和数字）")
    void changeOwnPassword(@RequestBody OwnPasswordRequest r) {
        users.changeOwnPassword(r == null ? null : r.currentPassword(), r == null ? null : r.newPassword(),
                Users.passwordTime());
    }

    @GetMapping("/users")
    @Requires(Requirement.ADMIN)
    @Operation(summary = "本地区及下级的用户（管理员），分页；筛选：region（地区代码，其下级在内）、role、enabled、q（用户名或姓名）、page、size")
    org.anju.platform.Page<UserView> list(@RequestParam(required = false) String region,
                                          @RequestParam(required = false) String role,
                                          @RequestParam(required = false) String enabled,
                                          @RequestParam(required = false) String q,
                                          @RequestParam(required = false) String page,
                                          @RequestParam(required = false) String size) {
        return users.search(region, AccountPages.role(role), AccountPages.enabled(enabled), q,
                org.anju.platform.PageRequest.parse(page, size)).map(this::view);
    }

    @GetMapping("/users/{id}")
    @Requires(Requirement.ADMIN)
    @Operation(summary = "查看用户（管理员）")
    UserView get(@PathVariable long id) {
        return view(users.get(id));
    }

    @PostMapping(path = "/users", consumes = "application/json")
    @Requires(Requirement.ADMIN)
    @Operation(summary = "新建用户（管理员，本地区及下级，角色不高于本人）；不给密码则生成一个，只在此返回一次")
    ResponseEntity<WithPasswordView> create(@RequestBody NewUserRequest r) {
        if (r == null) {
            throw new org.anju.platform.BadInput("缺少用户信息");
        }
        Users.WithPassword created = users.create(new NewUser(r.username(), r.displayName(), r.regionCode(), r.roles(),
                r.password()));
        return ResponseEntity.created(URI.create("/api/users/" + created.user().id()))
                .body(new WithPasswordView(view(created.user()), created.generated() ? created.password() : null));
    }

    @PutMapping(path = "/users/{id}", consumes = "application/json")
    @Requires(Requirement.ADMIN)
    @Operation(summary = "修改用户的姓名、角色、启用状态（须带读取时的 version；其后已被修改则 409，说明由谁于何时修改）")
    UserView update(@PathVariable long id, @RequestBody UpdateRequest r) {
        if (r == null || r.version() == null) {
            throw new org.anju.platform.BadInput("缺少版本号 version：请先读取用户，修改后连同 version 一起提交");
        }
        User u = users.get(id);
        return view(users.update(id, r.version(), r.displayName() == null ? u.displayName() : r.displayName(),
                r.roles() == null ? u.roles() : r.roles(), r.enabled() == null ? u.enabled() : r.enabled()));
    }

    @PostMapping(path = "/users/{id}/password")
    @Requires(Requirement.ADMIN)
    @Operation(summary = "重置密码（管理员）；不给密码则生成一个，只在此返回一次")
    WithPasswordView resetPassword(@PathVariable long id, @RequestBody(required = false) PasswordRequest r) {
        Users.WithPassword reset = users.resetPassword(id, r == null ? null : r.password());
        return new WithPasswordView(view(reset.user()), reset.generated() ? reset.password() : null);
    }

    @GetMapping("/audit")
    @Requires(Requirement.ADMIN)
    @Operation(summary = "审计记录：本地区及下级用户所做的修改，新的在前，分页（管理员）；参数同 /audit 页面："
            + "from、to（日期）、actor（用户名或姓名）、table、region、op、via、page、size")
    org.anju.platform.Page<AuditRecord> audit(@RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to,
                                              @RequestParam(required = false) String actor,
                                              @RequestParam(required = false) String table,
                                              @RequestParam(required = false) String region,
                                              @RequestParam(required = false) String op,
                                              @RequestParam(required = false) String via,
                                              @RequestParam(required = false) String page,
                                              @RequestParam(required = false) String size) {
        AuditFilter filter = AuditFilter.parse(from, to, actor, table, region, op, via);
        return audit.search(AccountPages.auditScope(regions, access, filter), filter,
                org.anju.platform.PageRequest.parse(page, size));
    }

    @GetMapping("/audit/tables")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "记录审计的表及其标识列；不记录的表及原因")
    List<AuditTrail.AuditedTable> auditTables() {
        return audit.tables();
    }
}
