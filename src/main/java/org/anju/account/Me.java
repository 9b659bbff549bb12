package org.anju.account;

/**
 * The signed-in user as pages show them: every request of a signed-in user carries it as the request
 * attribute {@code me} (templates: {@code ${me.displayName}}, {@code ${me.admin}}); absent when nobody is
 * signed in. {@code readsData} is false for a 运维监控 account, which gets no menu (it opens no page).
 */
public record Me(String username, String displayName, String regionCode, String regionName, String rolesLabel,
                 boolean admin, boolean provinceAdmin, boolean writer,
                 boolean applications, boolean readsData) {

    public static final String ATTRIBUTE = "me";

    static Me of(Actor a) {
        return new Me(a.username(), a.displayName(), a.region().code(), a.region().name(), a.rolesLabel(),
                AccountAccess.administers(a), a.has(Role.PROVINCE_ADMIN), AccountAccess.writes(a),
                a.roles().stream().anyMatch(Role::handlesApplications), a.readsData());
    }
}
