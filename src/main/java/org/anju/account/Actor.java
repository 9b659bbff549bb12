package org.anju.account;

import org.anju.region.Region;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is acting: a signed-in user bound to a region, or the system itself (start-up, demo data,
 * the command line run by an operator), which may do everything.
 *
 * @param username    login name; {@code system}, {@code cli:<os user>} or {@code anonymous} otherwise
 * @param displayName what the UI and the audit trail show
 * @param region      the region the user is bound to (全国 for the system)
 * @param roles       what the user may do there; empty for an anonymous visitor
 * @param via         how the current change comes in, recorded in the audit trail
 * @param system      the system or the command line: not limited by region or role
 */
public record Actor(String username, String displayName, Region region, Set<Role> roles, Channel via,
                    boolean system) {

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public static Actor system(Region root) {
        return new Actor("system", "系统", root, EnumSet.allOf(Role.class), Channel.SYSTEM, true);
    }

    /** An operator at the command line, named after the operating-system user. */
    public static Actor commandLine(Region root, String osUser) {
        return new Actor("cli:" + (osUser == null || osUser.isBlank() ? "unknown" : osUser), "命令行", root,
                EnumSet.allOf(Role.class), Channel.CLI, true);
    }

    /** Work no one said whom it acts for: no rights at all. */
    static Actor nobody(Region root) {
        return new Actor("nobody", "未指明身份的后台任务", root, Set.of(), Channel.SYSTEM, false);
    }

    static Actor anonymous(Region root, Channel via) {
        return new Actor("anonymous", "未登录用户", root, Set.of(), via, false);
    }

    public boolean signedIn() {
        return !system && !roles.isEmpty();
    }

    /**
     * Whether the actor may see business data at all (within its region): the system, or a signed-in user with a role
     * that reads data — not an account that is only 运维监控 ({@link Role#MONITOR}).
     */
    public boolean readsData() {
        return system || roles.stream().anyMatch(Role::readsData);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Actor via(Channel channel) {
        return new Actor(username, displayName, region, roles, channel, system);
    }

    /** The roles as the UI names them: 市级管理员、查看/审计. */
    public String rolesLabel() {
        return String.join("、", roles.stream().map(Role::label).toList());
    }
}
