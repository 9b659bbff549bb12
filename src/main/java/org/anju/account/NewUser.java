package org.anju.account;

import java.util.Set;

/**
 * An account to create.
 *
 * @param regionCode the region the user is bound to (361102)
 * @param password   the initial password; null or blank to generate one (shown once)
 */
public record NewUser(String username, String displayName, String regionCode, Set<Role> roles, String password) {
}
