package org.anju.account;

import org.anju.region.Region;

import java.util.Set;

/**
 * Who is acting: a signed-in user bound to a region, or the system itself (start-up, demo data,
 * the command line run by an operator).
 */
public record Actor(String username, String displayName, Region region, Set<Role> roles, Channel via) {

    public boolean system() {
        return via == Channel.SYSTEM || via == Channel.CLI;
    }

    public Actor via(Channel channel) {
        return new Actor(username, displayName, region, roles, channel);
    }
}
