package org.anju.account;

import org.anju.platform.RequestSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Form login and HTTP Basic: checks the password, then whether the account may sign in. Failed attempts
 * earn progressive delays per username and client address, and per address ({@link LoginThrottle} says
 * which and why); an attempt during a delay is refused before its password is checked. No account is ever
 * locked for everyone: failures elsewhere never stop the owner signing in from their own address. Messages
 * never say whether a username exists: wrong name and wrong password read the same, and an unknown name is
 * delayed like a real one. Only someone who knows the password learns that an account is disabled.
 */
@Component
class AnjuAuthenticationProvider implements AuthenticationProvider, DisposableBean {

    static final String BAD_CREDENTIALS = "用户名或密码错误";
    static final String DISABLED = "该账号已停用，请联系管理员";
    /**
     * More sign-ins of one name from one address at once than it may have checked together (an API script's threads,
     * a double click): none of them failed, so not "登录失败次数过多" (review 2026-12-02, sessions finding 5).
     */
    static final String BUSY = "该账号正有其他登录在核验中，请 1 秒后再试";
    /** The database could not check the sign-in (no connection in time, a timeout): nothing is counted against anyone. */
    static final String SERVICE_FAILED = "系统繁忙，请稍后再试。本次登录未能完成核验，您的密码没有被判定为错误";
    /** Every tenth failure of an account (since its last success) is logged as a warning for administrators. */
    static final int WARN_EVERY = 10;
    /** How long a sign-in waits for its turn to have its password checked ({@link #matches}). */
    static final Duration CHECK_WAIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(AnjuAuthenticationProvider.class);

    private final UserStore store;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final TransactionTemplate tx;
    /** The node's request slots: a sign-in gives its slot back while it waits for its check ({@link #matches}). */
    private final RequestSlots slots;
    /**
     * The platform threads that run the password checks, as many as anju.security.concurrent-password-checks: see
     * {@link #matches}.
     */
    private final ThreadPoolExecutor checks;
    /** How long a sign-in waits for its check: {@link #CHECK_WAIT}, shorter in tests. */
    private final Duration checkWait;
    /** Compared against when the user does not exist, so that both cases take as long. */
    private final String dummyHash;

    /** The browsers' known-device cookies (null in unit tests: every sign-in counted by name + address). */
    private KnownDevices devices;

    @Autowired
    AnjuAuthenticationProvider(UserStore store, PasswordEncoder encoder, LoginThrottle throttle,
                               TransactionTemplate tx, RequestSlots slots,
                               @Value("${anju.security.concurrent-password-checks:0}") int concurrentChecks,
                               KnownDevices devices) {
        this(store, encoder, throttle, tx, slots, concurrentChecks, CHECK_WAIT);
        this.devices = devices;
    }

    AnjuAuthenticationProvider(UserStore store, PasswordEncoder encoder, LoginThrottle throttle, TransactionTemplate tx,
                               RequestSlots slots, int concurrentChecks, Duration checkWait) {
        this.store = store;
        this.slots = slots;
        this.encoder = encoder;
        this.throttle = throttle;
        this.tx = tx;
        this.checkWait = checkWait;
        int threads = concurrentChecks > 0 ? concurrentChecks : defaultChecks(Runtime.getRuntime().availableProcessors());
        AtomicInteger named = new AtomicInteger();
        this.checks = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().daemon().name("anju-password-check-" + named.incrementAndGet()).unstarted(r));
        this.dummyHash = encoder.encode("not-a-password-" + Passwords.generate());
    }

    /**
     * Two check threads per processor. The operating system shares the cores among the runnable threads, so the
     * checks' share grows with their number: at a month-end run on two cores (docs/PERFORMANCE.md, fourth session) one
     * thread per node left 616 sign-ins on one node alone waiting past the limit within three minutes, one per
     * processor 1,434 in the whole run, two per processor none — for 235 pages instead of 111 that waited past the pool
     * timeout in the first minutes. The carriers are never held by a check whatever the number.
     */
    static int defaultChecks(int processors) {
        return 2 * Math.max(1, processors);
    }

    /**
     * The id of the valid known-device cookie for the name the request carries, if any: a browser's (an HTTP Basic
     * call that carries one counts the same).
     */
    private String device(String username) {
        if (devices == null || !(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes)) {
            return null;
        }
        return devices.of(attributes.getRequest(), username).orElse(null);
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

        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.admit(username, address, device(username));
        } catch (RuntimeException e) {
            throw serviceFailed(e);
        }
        if (!attempt.admitted()) {
            throw new LockedException(attempt.busy() ? BUSY : tooMany(attempt.delay()));
        }
        Optional<AnjuUser> found;
        boolean matches;
        try {
            found = store.principal(username);
            matches = found.isPresent()
                    ? matches(password, found.get().getPassword())
                    : matches(password, dummyHash) && false;
        } catch (RuntimeException e) {
            abandon(attempt, e);
            throw serviceFailed(e);
        }
        if (!matches) {
            Duration wait;
            try {
                wait = throttle.failed(attempt);
            } catch (RuntimeException e) {
                // the failure was not recorded: told as what it is, not as a wrong password
                abandon(attempt, e);
                throw serviceFailed(e);
            }
            try {
                int failures = found.map(u -> tx.execute(s -> store.recordFailure(u.id()))).orElse(0);
                if (failures > 0 && failures % WARN_EVERY == 0) {
                    log.warn("账号 {} 自上次成功登录以来已失败 {} 次（最近一次来自 {}）", username, failures, address);
                }
            } catch (RuntimeException e) {
                // the throttle counted it; only the administrators' counter missed one: still a wrong password
                log.warn("登录失败次数未能记入账号 {}：{}", username, e.toString());
            }
            // a name no account has is not written down: it is often a password typed one field early, an ID number or
            // a phone number (metrics review, sixteenth session: all four verbatim in the log at INFO)
            log.info("登录失败：{}，来自 {}{}", found.isPresent() ? "用户名 " + username : "无此用户名（" + username.length() + " 个字符）",
                    address, wait.isZero() ? "" : "（须等待 " + wait.toSeconds() + " 秒）");
            throw wait.isZero() ? new BadCredentialsException(BAD_CREDENTIALS) : new LockedException(tooMany(wait));
        }
        AnjuUser user = found.get();
        Duration wait;
        try {
            // earns no exemption from the address's delay when disabled
            wait = user.isEnabled() ? throttle.succeeded(attempt) : throttle.disabled(attempt);
        } catch (RuntimeException e) {
            abandon(attempt, e);
            throw serviceFailed(e);
        }
        if (!wait.isZero()) {
            throw new LockedException(tooMany(wait));   // the address became delayed while this was checked
        }
        if (!user.isEnabled()) {
            throw new DisabledException(DISABLED);
        }
        try {
            tx.executeWithoutResult(s -> store.recordSuccess(user.id()));
        } catch (RuntimeException e) {
            throw serviceFailed(e);
        }
        AnjuUser principal = user.withoutPassword();
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    /**
     * The check could not be made (the database: no connection within the pool timeout, a lock or statement timeout):
     * the login page says so instead of "用户名或密码错误", HTTP Basic answers 503 ({@link DeniedResponses}).
     */
    private static InternalAuthenticationServiceException serviceFailed(RuntimeException e) {
        log.warn("登录未能核验（{}）：{}", e.getClass().getSimpleName(), e.getMessage());
        return new InternalAuthenticationServiceException(SERVICE_FAILED, e);
    }

    /**
     * The password check, on one of {@link #checks}' platform threads. A bcrypt check is ~75 ms of pure CPU. Requests run
     * on virtual threads, and a virtual thread computing is not time-sliced: it holds its carrier (the JVM has one per
     * processor) until done. In a month-end burst (hundreds of sign-ins in the first minute) the checks held every
     * carrier, so the requests holding pool connections could not get one back to read their database answers, and
     * others waited past the pool timeout — 503 for pages that needed none of it (docs/PERFORMANCE.md, month-end load).
     * Here the requesting thread waits unmounted, holding no connection, and the check competes for CPU as an ordinary
     * thread the operating system time-slices. Measured (docs/PERFORMANCE.md, month-end load, fourth session): the
     * same run's first minutes failed hundreds of requests for want of a pool connection with the checks on the
     * requests' threads, 3 with them here. A wait past {@link #checkWait} is told as what it is (系统繁忙, the password
     * not judged), like a database that cannot answer, and a check not yet begun is dropped. While it waits, the
     * sign-in gives its request slot back ({@link RequestSlots#awayWhile}): the checks have their own bound, and a
     * burst of sign-ins queued for them must not hold every slot of the node and keep its pages waiting.
     */
    boolean matches(String password, String hash) {
        Future<Boolean> check = checks.submit(() -> encoder.matches(password, hash));
        return slots.awayWhile(() -> await(check));
    }

    private boolean await(Future<Boolean> check) {
        try {
            return check.get(checkWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            check.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("登录核验被中断", e);
        } catch (TimeoutException e) {
            check.cancel(true);
            checks.purge();
            throw new IllegalStateException("登录核验排队超过 " + checkWait.toSeconds() + " 秒", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }

    /** Hands the attempt back uncounted, if the database lets us (else it stops counting after a minute). */
    private void abandon(LoginThrottle.Attempt attempt, RuntimeException cause) {
        try {
            throttle.abandoned(attempt);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
