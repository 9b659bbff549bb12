package org.anju.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Optional;

/**
 * Form login and HTTP Basic: checks the password, then whether the account may sign in. Failed attempts
 * are throttled per username (5 failures lock it for 15 minutes, whether or not the account exists) and
 * per client address. Messages never say whether a username exists: wrong name and wrong password read
 * the same, and an unknown name locks like a real one. Only someone who knows the password learns that
 * an account is disabled.
 */
@Component
class AnjuAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "用户名或密码错误";
    static final String LOCKED = "登录失败次数过多，该账号已暂时锁定，请 " + LoginThrottle.LOCK.toMinutes() + " 分钟后再试";
    static final String ADDRESS_BLOCKED = "本机登录失败次数过多，请 " + LoginThrottle.LOCK.toMinutes() + " 分钟后再试";
    static final String DISABLED = "该账号已停用，请联系管理员";

    private static final Logger log = LoggerFactory.getLogger(AnjuAuthenticationProvider.class);

    private final UserStore store;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final TransactionTemplate tx;
    /** Compared against when the user does not exist, so that both cases take as long. */
    private final String dummyHash;

    AnjuAuthenticationProvider(UserStore store, PasswordEncoder encoder, LoginThrottle throttle,
                               PlatformTransactionManager transactionManager) {
        this.store = store;
        this.encoder = encoder;
        this.throttle = throttle;
        this.tx = new TransactionTemplate(transactionManager);
        this.dummyHash = encoder.encode("not-a-password-" + Passwords.generate());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        // a name no account can have (over 64 characters, control characters) is counted and logged as one
        // placeholder: a megabyte of name must not sit in the throttle or the log, nor CR/LF forge log lines
        String given = Users.normalize(authentication.getName());
        String username = given.length() > 64 || given.chars().anyMatch(Character::isISOControl) ? "（无效用户名）" : given;
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;

        if (throttle.addressBlocked(address)) {
            throw new LockedException(ADDRESS_BLOCKED);
        }
        Optional<AnjuUser> found = store.principal(username);
        Instant now = Instant.now();
        if (found.isPresent() && found.get().lockedUntil() != null && found.get().lockedUntil().isAfter(now)
                || found.isEmpty() && throttle.unknownUserLocked(username)) {
            throttle.addressFailed(address);
            throw new LockedException(LOCKED);
        }
        boolean matches = found.isPresent()
                ? encoder.matches(password, found.get().getPassword())
                : encoder.matches(password, dummyHash) && false;
        if (!matches) {
            throttle.addressFailed(address);
            boolean lockedNow = found.isPresent()
                    ? tx.execute(s -> store.recordFailure(found.get().id(), LoginThrottle.MAX_USER_FAILURES,
                    LoginThrottle.LOCK.toSeconds())).isPresent()
                    : throttle.unknownUserFailed(username);
            log.info("登录失败：用户名 {}，来自 {}{}", username, address, lockedNow ? "（已锁定）" : "");
            throw lockedNow ? new LockedException(LOCKED) : new BadCredentialsException(BAD_CREDENTIALS);
        }
        AnjuUser user = found.get();
        if (!user.isEnabled()) {
            throw new DisabledException(DISABLED);
        }
        tx.executeWithoutResult(s -> store.recordSuccess(user.id()));
        AnjuUser principal = user.withoutPassword();
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
