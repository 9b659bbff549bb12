package org.anju.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The demo accounts of {@code account/demo-users.yml} (one published password), created with the demo
 * data. Tests use them too ({@code TestUsers}), creating one on first use when the demo data is off.
 */
@Component
public class DemoUsers {

    static final String LOCATION = "account/demo-users.yml";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** A demo account as listed in the file. */
    public record DemoUser(String username, String displayName, String region, Set<Role> roles) {
    }

    private final Users users;
    private final String password;
    private final List<DemoUser> all;

    DemoUsers(Users users) {
        this.users = users;
        Map<String, Object> root = read();
        this.password = root.get("password").toString();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) root.get("users");
        this.all = list.stream().map(m -> {
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) m.get("roles");
            EnumSet<Role> set = EnumSet.noneOf(Role.class);
            roles.forEach(r -> set.add(Role.valueOf(r)));
            return new DemoUser(m.get("username").toString(), m.get("displayName").toString(),
                    m.get("region").toString(), set);
        }).toList();
    }

    public List<DemoUser> all() {
        return all;
    }

    /** The published demo password. */
    public String password() {
        return password;
    }

    /**
     * Creates every demo account that does not exist yet, and warns on every start that accounts with the published
     * password are there — saying which were created now, not "created" for accounts that existed already.
     */
    public void createAll() {
        List<String> created = all.stream().map(DemoUser::username).filter(this::created).toList();
        if (!created.isEmpty()) {
            log.warn("已创建示例账号（密码公开，仅供演示）：{}。生产环境请关闭示例数据（ANJU_DEMO_ENABLED=false）", created);
        }
        if (created.size() < all.size()) {
            log.warn("示例账号（密码公开，仅供演示）已存在：{} 个，如 {}。生产环境请关闭示例数据（ANJU_DEMO_ENABLED=false）并停用这些账号",
                    all.size() - created.size(), all.stream().map(DemoUser::username).filter(u -> !created.contains(u))
                            .limit(3).toList());
        }
    }

    private boolean created(String username) {
        boolean existed = users.byUsername(username).isPresent();
        ensure(username);
        return !existed;
    }

    /** Creates the demo account unless it exists. */
    public void ensure(String username) {
        DemoUser u = all.stream().filter(d -> d.username().equals(username)).findFirst()
                .orElseThrow(() -> new org.anju.platform.NotFound("没有这个示例账号：" + username));
        ensure(u.username(), u.displayName(), u.region(), u.roles(), password);
    }

    /** Creates an account unless one with that name exists (tests make accounts for any region this way). */
    public void ensure(String username, String displayName, String regionCode, Set<Role> roles, String password) {
        if (users.byUsername(username).isEmpty()) {
            synchronized (this) {
                if (users.byUsername(username).isEmpty()) {
                    users.create(new NewUser(username, displayName, regionCode, roles, password));
                }
            }
        }
    }

    private static Map<String, Object> read() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + LOCATION, e);
        }
    }
}
