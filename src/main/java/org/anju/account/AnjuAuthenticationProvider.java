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
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Optional;

/**
 * Form login and HTTP Basic: checks the password, then whether the account may sign in. Failed attempts
 * earn progressive delays per username and client address, and per address ({@link LoginThrottle} says
 * which and why); an attempt during a delay is refused before its password is checked. No account is ever
 * locked for everyone: failures elsewhere never stop the owner signing in from their own address. Messages
 * never say whether a username exists: wrong name and wrong password read the same, and an unknown name is
 * delayed like a real one. Only someone who knows the password learns that an account is disabled.
 */
@Component
class AnjuAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "用户名或密码错误";
    static final String DISABLED = "该账号已停用，请联系管理员";
    /** Every tenth failure of an account (since its last success) is logged as a warning for administrators. */
    static final int WARN_EVERY = 10;

    private static final Logger log = LoggerFactory.getLogger(AnjuAuthenticationProvider.class);

    private final UserStore store;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final TransactionTemplate tx;
    /** Compared against when the user does not exist, so that both cases take as long. */
    private final String dummyHash;

    AnjuAuthenticationProvider(UserStore store, PasswordEncoder encoder, LoginThrottle throttle,
                               TransactionTemplate tx) {
        this.store = store;
        this.encoder = encoder;
        this.throttle = throttle;
        this.tx = tx;
        this.dummyHash = encoder.encode("not-a-password-" + Passwords.generate());
    }

    /** "登录失败次数过多，请 N 秒后再试" (minutes from one minute on), rounded up. */
    static String tooMany(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return "登录失败次数过多，请 " + (seconds < 60 ? seconds + " 秒" : (seconds + 59) / 60 + " 分钟") + "后再试";
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        // a name no account can have (over 64 characters, control characters) is counted and logged as one
        // placeholder: a megabyte of name must not sit in the throttle or the log, nor CR/LF forge log lines
        String given = Users.normalize(authentication.getName());
        String username = given.length() > 64 || given.chars().anyMatch(Character::isISOControl) ? "（无效用户名）" : given;
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;

        LoginThrottle.Attempt attempt = throttle.admit(username, address);
        if (!attempt.admitted()) {
            throw new LockedException(tooMany(attempt.delay()));
        }
        Optional<AnjuUser> found;
        boolean matches;
        try {
            found = store.principal(username);
            matches = found.isPresent()
                    ? encoder.matches(password, found.get().getPassword())
                    : encoder.matches(password, dummyHash) && false;
        } catch (RuntimeException e) {
            throttle.abandoned(attempt);
            throw e;
        }
        if (!matches) {
            Duration wait = throttle.failed(attempt);
            int failures = found.map(u -> tx.execute(s -> store.recordFailure(u.id()))).orElse(0);
            if (failures > 0 && failures % WARN_EVERY == 0) {
                log.warn("账号 {} 自上次成功登录以来已失败 {} 次（最近一次来自 {}）", username, failures, address);
            }
            log.info("登录失败：用户名 {}，来自 {}{}", username, address, wait.isZero() ? "" : "（须等待 " + wait.toSeconds() + " 秒）");
            throw wait.isZero() ? new BadCredentialsException(BAD_CREDENTIALS) : new LockedException(tooMany(wait));
        }
        AnjuUser user = found.get();
        if (!user.isEnabled()) {
            throw new DisabledException(DISABLED); // earns no exemption from the address's delay
        }
        throttle.succeeded(attempt);
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
