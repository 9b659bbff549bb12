package org.anju.account;

import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Once;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Pages: one's own account and password; user administration; the audit log of one's region. */
@Controller
class AccountPages {

    private final Users users;
    private final Regions regions;
    private final Access access;
    private final AuditTrail audit;
    /**
     * 新建用户 and 重置密码 sent twice (a double-click, Back and again) are done once: the browser shows only the last
     * answer, and a second 重置 would have made the password shown first useless (double-submit trial).
     */
    private final Once once;

    AccountPages(Users users, Regions regions, Access access, AuditTrail audit, Once once) {
        this.once = once;
        this.users = users;
        this.regions = regions;
        this.access = access;
        this.audit = audit;
    }

    /** A line of the user list. */
    record Line(User user, Region region) {
    }

    @GetMapping("/account")
    @Requires(Requirement.AUTHENTICATED)
    String account(Model model) {
        Actor a = access.current();
        model.addAttribute("actor", a);
        model.addAttribute("user", users.byUsername(a.username()).orElse(null));
        return "account/account";
    }

    @PostMapping("/account/password")
    @Requires(Requirement.AUTHENTICATED)
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String confirmPassword, Model model, jakarta.servlet.http.HttpSession session) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new org.anju.platform.BadInput("两次输入的新密码不一致");
            }
            // this session stays signed in, every other session of the account ends at its next request: the session
            // keeps the new password's time before the change commits — kept after it, a request of this session
            // running in between found a changed password without it and signed the session out (sessions finding 6)
            Object before = session.getAttribute(CurrentUserFilter.PASSWORD_SET_HERE);
            java.time.Instant at = Users.passwordTime();
            session.setAttribute(CurrentUserFilter.PASSWORD_SET_HERE, at);
            try {
                users.changeOwnPassword(currentPassword, newPassword, at);
            } catch (RuntimeException refused) {
                session.setAttribute(CurrentUserFilter.PASSWORD_SET_HERE, before);   // an earlier change's, or none
                throw refused;
            }
            model.addAttribute("saved", "密码已修改");
        } catch (IllegalArgumentException e) {
            org.anju.platform.Refusals.rethrowBug(e);
            model.addAttribute("error", e.getMessage());
        }
        return account(model);
    }

    @GetMapping("/users")
    @Requires(Requirement.ADMIN)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) String role,
                @RequestParam(required = false) String enabled, @RequestParam(required = false) String q,
                @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
        org.anju.platform.Page<Line> lines = users.search(region, role(role), enabled(enabled), q,
                org.anju.platform.PageRequest.parse(page, size)).map(u -> new Line(u, regions.byId(u.regionId())));
        model.addAttribute("page", lines);
        model.addAttribute("creators", users.displayNames(lines.items().stream().map(l -> l.user().createdBy()).toList()));
        // no administrator's list holds a 运维监控 account (全国 is above every administrator)
        model.addAttribute("roles", java.util.Arrays.stream(Role.values()).filter(r -> r != Role.MONITOR).toList());
        model.addAttribute("region", region);
        model.addAttribute("role", role);
        model.addAttribute("enabled", enabled);
        model.addAttribute("q", q);
        return "account/users";
    }

    /** The role filter: a role's code or its Chinese name; blank for all. */
    static Role role(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (Role r : Role.values()) {
            if (r.name().equals(text.strip()) || r.label().equals(text.strip())) {
                return r;
            }
        }
        throw new org.anju.platform.BadInput("参数 role（角色）“" + text.strip() + "”不是已知的角色，应为 "
                + String.join("、", java.util.Arrays.stream(Role.values()).map(r -> r.name() + "（" + r.label() + "）").toList()));
    }

    /** The state filter: true (正常), false (已停用) or blank for all. */
    static Boolean enabled(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip()) {
            case "true", "正常", "启用" -> true;
            case "false", "已停用", "停用" -> false;
            default -> throw new org.anju.platform.BadInput("参数 enabled（状态）只能是 true（正常）或 false（已停用），收到“"
                    + text.strip() + "”。");
        };
    }

    @GetMapping("/users/new")
    @Requires(Requirement.ADMIN)
    String newUser(Model model) {
        return form(model, null, null, null, null, null);
    }

    private String form(Model model, String username, String displayName, String regionCode, Role role, String error) {
        Actor a = access.current();
        // a city or county administrator picks among its towns and communities too (a city has a few hundred); a
        // province's would be thousands: its administrator creates those accounts with the API or the command line
        boolean withLocal = a.region().level() >= 2;
        List<Region> choices = (withLocal ? regions.wholeSubtree(a.region()) : regions.subtree(a.region())).stream()
                .filter(r -> r.kind() != RegionKind.GROUP && (r.level() <= 3 || r.kind().local())).toList();
        model.addAttribute("regions", choices);
        model.addAttribute("withLocal", withLocal);
        model.addAttribute("roles", rolesUpTo(a));
        model.addAttribute("username", username);
        model.addAttribute("displayName", displayName);
        model.addAttribute("regionCode", regionCode == null ? a.region().code() : regionCode);
        model.addAttribute("role", role);
        model.addAttribute("error", error);
        return "account/user-new";
    }

    private static List<Role> rolesUpTo(Actor a) {
        int max = a.roles().stream().mapToInt(Role::rank).max().orElse(-1);
        // 运维监控 fits only 全国, which no administrator's page reaches: offered, it could only be refused
        return EnumSet.allOf(Role.class).stream().filter(r -> r.rank() <= max && r != Role.MONITOR).toList();
    }

    @PostMapping("/users")
    @Requires(Requirement.ADMIN)
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String regionCode,
                  @RequestParam Role role, @RequestParam(required = false) String password,
                  @RequestParam(name = Once.FIELD, required = false) String key, Model model) {
        try {
            Users.WithPassword[] created = new Users.WithPassword[1];
            // the digest of what was asked leaves the password out: whether one was given is enough to tell the forms apart
            Once.Done done = once.run(key, Once.From.FORM, List.of(username, displayName, regionCode, role,
                    password == null || password.isEmpty() ? "" : "设定了密码"), () -> {
                created[0] = users.create(new NewUser(username, displayName, regionCode, Set.of(role), password));
                return created[0].user().id();
            });
            User user = done.repeated() ? users.get(done.id()) : created[0].user();
            model.addAttribute("user", user);
            model.addAttribute("region", regions.byId(user.regionId()));
            model.addAttribute("password", done.repeated() || !created[0].generated() ? null : created[0].password());
            model.addAttribute("repeatedAt", done.repeated() ? done.at() : null);
            model.addAttribute("created", true);
            return "account/user-password";
        } catch (org.anju.platform.Conflict e) {
            return form(model, username, displayName, regionCode, role, e.getMessage());   // the name is taken
        } catch (IllegalArgumentException e) {
            org.anju.platform.Refusals.rethrowBug(e);
            return form(model, username, displayName, regionCode, role, e.getMessage());
        }
    }

    @GetMapping("/users/{id}")
    @Requires(Requirement.ADMIN)
    String edit(@PathVariable long id, @RequestParam(required = false) String saved, Model model) {
        User u = users.get(id);
        model.addAttribute("user", u);
        model.addAttribute("region", regions.byId(u.regionId()));
        model.addAttribute("roles", users.grantableRoles(regions.byId(u.regionId())));
        model.addAttribute("saved", saved != null);
        model.addAttribute("history", audit.readable(audit.history("users", java.util.Map.of("id", u.id())).reversed()));
        return "account/user-edit";
    }

    @PostMapping("/users/{id}")
    @Requires(Requirement.ADMIN)
    String update(@PathVariable long id, @RequestParam int version, @RequestParam String displayName,
                  @RequestParam Role role, @RequestParam(defaultValue = "false") boolean enabled, Model model) {
        try {
            users.update(id, version, displayName, Set.of(role), enabled);
            return "redirect:/users/" + id + "?saved";
        } catch (IllegalArgumentException | ConcurrentUpdateException e) {
            model.addAttribute("error", e.getMessage());
            return edit(id, null, model);
        }
    }

    @PostMapping("/users/{id}/password")
    @Requires(Requirement.ADMIN)
    String resetPassword(@PathVariable long id, @RequestParam(name = Once.FIELD, required = false) String key,
                         Model model) {
        String[] password = new String[1];
        Once.Done done = once.run(key, Once.From.FORM, "重置密码 " + id, () -> {
            password[0] = users.resetPassword(id, null).password();
            return id;
        });
        User user = users.get(id);
        model.addAttribute("user", user);
        model.addAttribute("region", regions.byId(user.regionId()));
        model.addAttribute("password", password[0]);
        model.addAttribute("repeatedAt", done.repeated() ? done.at() : null);
        model.addAttribute("created", false);
        return "account/user-password";
    }

    @GetMapping("/audit")
    @Requires(Requirement.ADMIN)
    String audit(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String actor, @RequestParam(required = false) String table,
                 @RequestParam(required = false) String region, @RequestParam(required = false) String op,
                 @RequestParam(required = false) String via, @RequestParam(required = false) String page,
                 @RequestParam(required = false) String size, Model model) {
        AuditFilter filter = AuditFilter.parse(from, to, actor, table, region, op, via);
        Region scope = auditScope(regions, access, filter);
        model.addAttribute("page", audit.search(scope, filter, org.anju.platform.PageRequest.parse(page, size)));
        model.addAttribute("filter", filter);
        model.addAttribute("scope", scope);
        model.addAttribute("tables", audit.tableNames());
        java.util.Map<String, String> channels = new java.util.LinkedHashMap<>();
        for (Channel c : Channel.values()) {
            channels.put(c.name(), AuditEntry.label(c));
        }
        model.addAttribute("channels", channels);
        return "account/audit";
    }

    /** The region whose users' changes are listed: the filter's (checked to be readable) or the reader's own. */
    static Region auditScope(Regions regions, Access access, AuditFilter filter) {
        if (filter.region() == null) {
            return access.current().region();
        }
        Region r = regions.byCode(filter.region()).orElseThrow(() -> new org.anju.platform.BadInput(
                "参数 region（地区）“" + filter.region() + "”不是已知的地区代码，如 620702。"));
        access.checkRead(r);
        return r;
    }
}
