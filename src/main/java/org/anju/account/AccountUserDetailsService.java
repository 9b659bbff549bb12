package org.anju.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Accounts from the users table, for Spring Security (and {@code @WithUserDetails} in tests). */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final UserStore store;

    AccountUserDetailsService(UserStore store) {
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return store.principal(Users.normalize(username))
                .orElseThrow(() -> new UsernameNotFoundException(AnjuAuthenticationProvider.BAD_CREDENTIALS));
    }
}
