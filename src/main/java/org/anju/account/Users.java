package org.anju.account;

import org.anju.platform.ConcurrentUpdateException;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * User accounts. An administrator manages the accounts of their region and below, granting roles up to
 * their own; everyone may change their own password. Every change is checked with {@link Access}.
 */
@Service
public class Users {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,31}");

    private final UserStore store;
    private final Regions regions;
    private final Access access;
    private final PasswordEncoder encoder;
    private final LastChange lastChange;

    Users(UserStore store, Regions regions, Access access, PasswordEncoder encoder, LastChange lastChange) {
        this.store = store;
        this.regions = regions;
        this.access = access;
        this.encoder = encoder;
        this.lastChange = lastChange;
    }

    /** An account just created or a password just reset: the password is shown this once. */
    public record WithPassword(User user, String password, boolean generated) {
    }

    /**
     * People by name: each username's display name, read in one query (pages list 上报人, 审核人, 填报人 through it, never
     * one lookup per row). The system is 系统, the command line 命令行（os user）; a name no account has any more is
     * shown as it is.
     */
    public java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
        return store.displayNames(usernames);
    }

    /** A person as a refusal names them: 王五（xz_reporter）, the username alone when it is all there is. */
    public String named(String username) {
        return named(store, username);
    }

    /**
     * Who made a version, as a stale refusal says it, when how it came in is not recorded: 您本人的账号 for the current
     * user's account (not 您本人: several people may share one login), else the person by name ({@link #named}) — and
     * 系统, 命令行（root） for those, which have no account.
     */
    public String who(String username) {
        return who(store, access, username, null);
    }

    /** {@link #who(String)} with the channel the change came in by, recorded with it, said for the user's own account. */
    public String who(String username, Channel via) {
        return who(store, access, username, via);
    }

    static String who(UserStore store, Access access, String username, Channel via) {
        // the system or the command line meeting its own change is named as what it is: it has no account
        return username.equals(access.current().username()) && UserStore.isAccount(username) ? yours(via)
                : named(store, username);
    }

    /**
     * The current user's account and the way the change came in: a page is their other window or earlier click (the
     * double-submit trial), an import or an API call is said as such — it said 另一窗口或此前的一次提交 for every channel.
     */
    private static String yours(Channel via) {
        return via == null ? "您本人的账号" : "您本人的账号" + switch (via) {
            case UI -> "（另一窗口或此前的一次提交）";
            case API -> "（通过接口）";
            case IMPORT -> "（通过导入）";
            case CLI -> "（通过命令行）";
            case SYSTEM -> "（通过系统任务）";
        };
    }

    static String named(UserStore store, String username) {
        String name = store.displayNames(List.of(username)).getOrDefault(username, username);
        if (name == null || name.equals(username)) {
            return username;
        }
        // 系统, 命令行（root）: what acted, not an account whose username would tell the reader anything more
        return UserStore.isAccount(username) ? name + "（" + username + "）" : name;
    }

    public Optional<User> byUsername(String username) {
        return store.byUsername(normalize(username));
    }

    /** The accounts the current user manages: their region's and below (everyone's for the system). */
    public List<User> manageable() {
        Actor a = access.current();
        if (!a.system() && !AccountAccess.administers(a)) {
            throw new org.anju.platform.Denied("只有管理员可以管理用户");
        }
        return store.inSubtree(a.region().id());
    }

    /**
     * A page of the accounts the current user manages, narrowed to a region's subtree (one the user manages; the user's
     * own when null), a role, enabled or not, and a text (part of the username or the name).
     */
    public org.anju.platform.Page<User> search(String regionCode, Role role, Boolean enabled, String text,
                                               org.anju.platform.PageRequest page) {
        Actor a = access.current();
        if (!a.system() && !AccountAccess.administers(a)) {
            throw new org.anju.platform.Denied("只有管理员可以管理用户");
        }
        Region scope = a.region();
        if (regionCode != null && !regionCode.isBlank()) {
            scope = regions.byCode(regionCode.strip()).orElseThrow(() -> new org.anju.platform.BadInput(
                    "参数 region（地区）“" + regionCode.strip() + "”不是已知的地区代码，如 361102。"));
            access.checkManageUsers(scope);
        }
        String t = text == null || text.isBlank() ? null : text.strip();
        return store.page(scope.id(), role, enabled, t, page);
    }

    /** One account the current user manages. */
    public User get(long id) {
        User u = store.byId(id).orElseThrow(() -> new org.anju.platform.NotFound("用户不存在：" + id));
        access.checkManageUsers(regions.byId(u.regionId()));
        return u;
    }

    @Transactional
    public WithPassword create(NewUser n) {
        String username = normalize(n.username());
        if (!USERNAME.matcher(username).matches()) {
            throw new org.anju.platform.BadInput("用户名应为 3–32 位小写字母、数字、点、下划线或连字符，以字母或数字开头：" + n.username());
        }
        String displayName = displayName(n.displayName());
        Region region = regions.byCode(n.regionCode() == null ? "" : n.regionCode().trim())
                .orElseThrow(() -> new org.anju.platform.BadInput("地区代码不存在：" + n.regionCode()));
        access.checkManageUsers(region);
        Set<Role> roles = grantable(n.roles(), region);
        boolean generated = n.password() == null || n.password().isBlank();
        String password = generated ? Passwords.generate() : n.password();
        Passwords.check(password);
        if (RESERVED.contains(username)) {
            // the audit trail names the system and anonymous visitors so: an account must not pass for them
            throw new org.anju.platform.BadInput("用户名“" + username + "”为系统保留，请换一个");
        }
        store.byUsername(username).ifPresent(holder -> {
            throw taken(username, holder.enabled());
        });
        long id;
        try {
            id = store.insert(username, displayName, encoder.encode(password), region.id(), roles,
                    access.current().username());
        } catch (DuplicateKeyException e) {
            throw taken(username, true);   // taken meanwhile: by a new account, enabled
        }
        return new WithPassword(store.byId(id).orElseThrow(), password, generated);
    }

    /**
     * Changes name, roles and whether the account is enabled.
     *
     * @param version the version the change is based on
     * @throws ConcurrentUpdateException when someone else changed the account since
     */
    @Transactional
    public User update(long id, int version, String displayName, Set<Role> roles, boolean enabled) {
        User u = get(id);
        Region region = regions.byId(u.regionId());
        Set<Role> granted = grantable(roles, region);
        Actor a = access.current();
        if (u.username().equals(a.username()) && (!enabled || !granted.equals(u.roles()))) {
            throw new org.anju.platform.BadInput("不能停用自己的账号或修改自己的角色，请联系上级管理员");
        }
        if (!store.update(id, version, displayName(displayName), granted, enabled)) {
            int now = store.byId(id).map(User::version).orElseThrow();
            throw new ConcurrentUpdateException(lastChange.refusal("用户“" + u.displayName() + "”", "users", id, version, now,
                    "您的修改未保存；请刷新后重新修改"));
        }
        return store.byId(id).orElseThrow();
    }

    /** Sets a new password (generated when {@code password} is blank) and clears the failure count. */
    @Transactional
    public WithPassword resetPassword(long id, String password) {
        User u = get(id);
        boolean generated = password == null || password.isBlank();
        String p = generated ? Passwords.generate() : password;
        Passwords.check(p);
        store.setPassword(id, encoder.encode(p));
        return new WithPassword(store.byId(id).orElseThrow(), p, generated);
    }

    /**
     * The time a password set now is stored with, as the database keeps it (microseconds): the changing session keeps
     * it <em>before</em> the change commits ({@link #changeOwnPassword}), so that no request of its own, running
     * meanwhile, finds a changed password without it and signs the session out (review 2026-12-02, sessions finding 6).
     */
    static java.time.Instant passwordTime() {
        return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The signed-in user changes their own password; it is stored as set {@code at} ({@link #passwordTime}). */
    @Transactional
    public void changeOwnPassword(String current, String next, java.time.Instant at) {
        Actor a = access.current();
        User u = store.byUsername(a.username()).filter(x -> a.signedIn())
                .orElseThrow(() -> new org.anju.platform.Denied("请先登录"));
        String hash = store.passwordHash(u.id()).orElseThrow();
        if (current == null || !encoder.matches(current, hash)) {
            throw new org.anju.platform.BadInput("当前密码不正确");
        }
        Passwords.check(next);
        if (next.equals(current)) {
            throw new org.anju.platform.BadInput("新密码不能与当前密码相同");
        }
        store.setPassword(u.id(), encoder.encode(next), at);
    }

    /** The roles a user at {@code region} may be given by the current user. */
    public Set<Role> grantableRoles(Region region) {
        Actor a = access.current();
        int max = a.system() ? Integer.MAX_VALUE : a.roles().stream().mapToInt(Role::rank).max().orElse(-1);
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (r.rank() <= max && r.fits(region, isCity(region))) {
                roles.add(r);
            }
        }
        return roles;
    }

    private Set<Role> grantable(Set<Role> roles, Region region) {
        if (roles == null || roles.isEmpty()) {
            throw new org.anju.platform.BadInput("请至少选择一个角色");
        }
        Set<Role> allowed = grantableRoles(region);
        for (Role r : roles) {
            if (!r.fits(region, isCity(region))) {
                throw new org.anju.platform.BadInput("角色“" + r.label() + "”不适用于" + region.name() + "（" + region.kind().label()
                        + "）：省级管理员须在省，市级管理员须在市，县级管理员须在县级，住房保障审核员须在市或县级，"
                        + "县级填报员须在县、开发区或市本级，街道初审员须在乡级（街道、镇、乡），社区受理员须在社区/村或乡级，"
                        + "运维监控须在全国");
            }
            if (!allowed.contains(r)) {
                throw new org.anju.platform.Denied("不能授予高于本人级别的角色：" + r.label());
            }
        }
        if (roles.contains(Role.MONITOR) && roles.size() > 1) {
            // with a role that reads data it would read every region (it sits at 全国) under the label 运维监控
            throw new org.anju.platform.BadInput("运维监控账号不能兼任其他角色：它只用于读取运行指标；需要查看数据的，另建一个账号");
        }
        return EnumSet.copyOf(roles);
    }

    private boolean isCity(Region region) {
        return region.kind() != RegionKind.GROUP && regions.city(region).map(c -> c.id() == region.id()).orElse(false);
    }

    private static String displayName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 60) {
            throw new org.anju.platform.BadInput("姓名（显示名）不能为空，且不超过 60 个字");
        }
        return n;
    }

    /** What is stored forbids it (a conflict, exit 4), not the input's form: the same name is fine elsewhere. */
    private static org.anju.platform.Conflict taken(String username, boolean enabled) {
        return new org.anju.platform.Conflict("用户名已存在：" + username + (enabled ? "：请换一个用户名"
                : "（一个已停用的账号：账号不能删除，停用的也占着它的用户名）：请换一个用户名，或启用原账号"));
    }

    static final java.util.Set<String> RESERVED = java.util.Set.of("system", "anonymous", "admin", "root", "postgres");

    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
