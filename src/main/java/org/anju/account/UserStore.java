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
}
