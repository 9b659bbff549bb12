package org.anju.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SQL for the users table. */
@Repository
class UserStore {

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getInt("region_id"), roles(rs.getArray("roles")), rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), rs.getInt("version"),
                instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("password_changed_at")));
    }

    private static AnjuUser principal(ResultSet rs) throws SQLException {
        return new AnjuUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getInt("region_id"), roles(rs.getArray("roles")), rs.getBoolean("enabled"),
                rs.getInt("version"), instant(rs.getTimestamp("password_changed_at")),
                rs.getString("password_hash"));
    }

    Optional<User> byId(long id) {
        return jdbc.sql("select * from users where id = ?").param(id).query((rs, n) -> user(rs)).optional();
    }

    Optional<User> byUsername(String username) {
        return jdbc.sql("select * from users where username = ?").param(username).query((rs, n) -> user(rs)).optional();
    }

    Optional<AnjuUser> principal(String username) {
        return jdbc.sql("select * from users where username = ?").param(username)
                .query((rs, n) -> principal(rs)).optional();
    }

    Optional<AnjuUser> principal(long id) {
        return jdbc.sql("select * from users where id = ?").param(id).query((rs, n) -> principal(rs)).optional();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from users where id = ?").param(id).query(String.class).optional();
    }

    /** Users bound to the region or below it, by region then name. */
    List<User> inSubtree(int regionId) {
        return jdbc.sql("""
                        select u.* from users u
                        join region_ancestor a on a.region_id = u.region_id and a.ancestor_id = ?
                        join region r on r.id = u.region_id
                        order by a.depth, r.sort_order, r.code, u.username""")
                .param(regionId).query((rs, n) -> user(rs)).list();
    }

    /** A page of the users of {@code regionId}'s subtree, filtered in SQL (see {@link Users#search}). */
    org.anju.platform.Page<User> page(int regionId, Role role, Boolean enabled, String text,
                                      org.anju.platform.PageRequest request) {
        String where = """
                from users u
                join region_ancestor a on a.region_id = u.region_id and a.ancestor_id = :scope
                join region r on r.id = u.region_id
                where (cast(:role as text) is null or :role = any (u.roles))
                  and (cast(:enabled as boolean) is null or u.enabled = :enabled)
                  and (cast(:text as text) is null or u.username like '%' || lower(:text) || '%'
                       or u.display_name like '%' || :text || '%')""";
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("scope", regionId);
        params.put("role", role == null ? null : role.name());
        params.put("enabled", enabled);
        params.put("text", text);
        return org.anju.platform.PagedQuery.fetch(jdbc, request, "select count(*) " + where,
                "select u.* " + where + "\norder by a.depth, r.sort_order, r.code, u.username", params, (rs, n) -> user(rs));
    }

    long insert(String username, String displayName, String passwordHash, int regionId, Set<Role> roles,
                String createdBy) {
        return jdbc.sql("""
                        insert into users (username, display_name, password_hash, region_id, roles, created_by)
                        values (?, ?, ?, ?, ?::text[], ?) returning id""")
                .params(username, displayName, passwordHash, regionId, array(roles), createdBy)
                .query(Long.class).single();
    }

    /** @return false when the row is not at {@code version} any more (someone else changed it) */
    boolean update(long id, int version, String displayName, Set<Role> roles, boolean enabled) {
        return jdbc.sql("""
                        update users set display_name = ?, roles = ?::text[], enabled = ?, version = version + 1,
                                         updated_at = now()
                        where id = ? and version = ?""")
                .params(displayName, array(roles), enabled, id, version).update() == 1;
    }

    void setPassword(long id, String passwordHash) {
        jdbc.sql("""
                        update users set password_hash = ?, password_changed_at = now(), failed_attempts = 0,
                                         version = version + 1, updated_at = now()
                        where id = ?""")
                .params(passwordHash, id).update();
    }

    /** {@link #setPassword(long, String)} as set at {@code at} (a time its session already keeps). */
    void setPassword(long id, String passwordHash, java.time.Instant at) {
        jdbc.sql("""
                        update users set password_hash = ?, password_changed_at = ?, failed_attempts = 0,
                                         version = version + 1, updated_at = now()
                        where id = ?""")
                .params(passwordHash, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC), id).update();
    }

    /**
     * Counts a failed login, for administrators to see; it locks nothing (LoginThrottle delays per address).
     * Returns the failures since the last success.
     */
    int recordFailure(long id) {
        return jdbc.sql("update users set failed_attempts = failed_attempts + 1 where id = ? returning failed_attempts")
                .param(id).query(Integer.class).single();
    }

    void recordSuccess(long id) {
        jdbc.sql("""
                        update users set failed_attempts = 0 where id = ? and failed_attempts <> 0""")
                .param(id).update();
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    private static String array(Set<Role> roles) {
        return "{" + String.join(",", roles.stream().sorted().map(Role::name).toList()) + "}";
    }

    private static Set<Role> roles(Array array) throws SQLException {
        String[] names = (String[]) array.getArray();
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(names).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Whether an actor of the audit trail is an account: not the system, a sign-in nobody passed, a command, the database. */
    static boolean isAccount(String actor) {
        return !actor.contains(":") && !Users.RESERVED.contains(actor) && !actor.equals("nobody");
    }

    /** Display names of these usernames (one query); see {@link Users#displayNames}. */
    java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>();
        for (String u : usernames) {
            if (u == null || u.isBlank()) {
                continue;
            }
            if (u.equals("system")) {
                names.put(u, "系统");
            } else if (u.startsWith("cli:")) {
                names.put(u, "命令行（" + u.substring(4) + "）");
            } else if (u.startsWith("db:")) {
                names.put(u, "数据库用户（" + u.substring(3) + "）");
            } else {
                wanted.add(u);
                names.put(u, u);
            }
        }
        if (!wanted.isEmpty()) {
            jdbc.sql("select username, display_name from users where username = any (?)")
                    .param(wanted.toArray(String[]::new))
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        }
        return names;
    }
}
