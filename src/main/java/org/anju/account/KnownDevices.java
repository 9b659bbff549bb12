package org.anju.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A browser that signed in as a name gets a signed "known device" cookie for that name (OWASP's device cookies): its
 * later sign-ins as that name are throttled on their own — name + device — instead of name + address
 * ({@link LoginThrottle}). Behind one office NAT an insider who keeps sending wrong passwords for a colleague's name
 * delays that name at the address, but not the colleague's own browser (review 2026-12-02, sessions finding 4: kept
 * out 336 times of 336 over a week). The cookie authenticates nothing: it only chooses the bucket a sign-in is counted
 * in, and only a right password earns one.
 *
 * <p>One cookie per name, so that colleagues taking turns at a shared office PC each keep theirs (before, one cookie
 * per browser: each sign-in replaced the previous name's, and the protection held for the last one only — review of
 * the thirteenth session, finding 5). Its name is {@code ANJU_DEVICE_} and 12 characters of an HMAC of the account
 * name, its value a random id, an HMAC-SHA256 of the cookie's name, the id and the day it was last renewed, and that
 * day: the account name is in neither (before, the value began with it, readable at the PC and, without HTTPS, on the
 * way). At most {@link #PER_BROWSER} per browser: a sign-in over that drops the ones renewed longest ago, and first any
 * not signed here (review of this session: planted ones pushed real ones out). The key is kept in the
 * table {@code device_cookie_key} (generated once, the same on every node; not audited, not in backups). Whoever holds
 * the key can make ids at will, each a count of its own: so a name's devices also share one count of failures
 * ({@link LoginThrottle#DEVICES}), which bounds guessing with forged ids (review of this session).
 */
@Component
class KnownDevices {

    /** The cookies' names begin so; {@link #LEGACY} is the one cookie per browser of the thirteenth session. */
    static final String COOKIE = "ANJU_DEVICE_";
    static final String LEGACY = "ANJU_DEVICE";
    static final Duration LIFETIME = Duration.ofDays(180);
    /** Device cookies one browser keeps: a shared office PC's users, each about 100 bytes in every request. */
    static final int PER_BROWSER = 10;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final boolean secure;
    private volatile byte[] key;

    KnownDevices(JdbcClient jdbc, @Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        this.jdbc = jdbc;
        this.secure = secure;
    }

    /**
     * Gives the browser of a sign-in as {@code username} its device cookie: the id it has for the name if it sent a
     * valid one (one throttle row per browser, not per sign-in), else a new one; the lifetime starts again. Other
     * names' cookies that are not ours (no valid signature: planted, or altered) are dropped; over
     * {@link #PER_BROWSER}, so are the valid ones renewed longest ago. The thirteenth session's cookie for this name,
     * which carried the name readably, is dropped once its id has moved over.
     */
    void remember(HttpServletRequest request, HttpServletResponse response, String username) {
        String id = of(request, username).orElseGet(() -> B64.encodeToString(bytes(16)));
        String name = cookieName(username);
        response.addHeader("Set-Cookie", cookie(request, name,
                value(name, id, LocalDate.now(java.time.ZoneOffset.UTC).toEpochDay()), LIFETIME));
        Cookie[] sent = request.getCookies() == null ? new Cookie[0] : request.getCookies();
        // by name: a browser sends one name several times when copies differ in Domain or Path, and copies of one
        // signed cookie planted that way took several of the ten places (review of the fixes); the latest day counts
        java.util.Map<String, Long> others = new java.util.HashMap<>();
        for (Cookie c : sent) {
            if (c.getName().startsWith(COOKIE) && !c.getName().equals(name)) {
                Optional<Long> day = renewed(c);
                if (day.isPresent()) {
                    others.merge(c.getName(), day.get(), Math::max);
                } else {
                    // one that cannot be told from ours by its name must not push ours out (review of this session:
                    // nine planted cookies with a late day dropped every colleague's at each sign-in)
                    response.addHeader("Set-Cookie", cookie(request, c.getName(), "", Duration.ZERO));
                }
            } else if (c.getName().equals(LEGACY) && legacy(c.getValue(), username).isPresent()) {
                response.addHeader("Set-Cookie", cookie(request, LEGACY, "", Duration.ZERO));
            }
        }
        List<String> oldestFirst = others.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey).toList();
        for (int i = 0; i < oldestFirst.size() - (PER_BROWSER - 1); i++) {
            response.addHeader("Set-Cookie", cookie(request, oldestFirst.get(i), "", Duration.ZERO));
        }
    }

    /** The id of the request's device cookie if it is a valid one for {@code username}. */
    Optional<String> of(HttpServletRequest request, String username) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        String name = cookieName(username);
        for (Cookie c : cookies) {
            Optional<String> id = c.getName().equals(name) ? parts(c).filter(this::signed).map(p -> p[0])
                    : c.getName().equals(LEGACY) ? legacy(c.getValue(), username) : Optional.empty();
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /**
     * The cookie name for {@code username}: not the name itself, nor anything that can be told back without the key.
     * It stands for the name in the value's signature: 72 bits of an HMAC, which no two account names share.
     */
    String cookieName(String username) {
        return COOKIE + mac("cookie-name\n" + username).substring(0, 12);
    }

    /**
     * A device cookie's value: the id, a signature of the cookie's name, the id and the day, and the day it was renewed.
     * The signature needs no account name, so another name's cookie can be checked too (before it may be dropped).
     */
    String value(String cookieName, String id, long day) {
        return id + "." + mac("device\n" + cookieName + "\n" + id + "\n" + day) + "." + day;
    }

    /** The day a device cookie of ours was renewed; empty for one not signed here. */
    private Optional<Long> renewed(Cookie c) {
        return parts(c).filter(this::signed).map(p -> Long.parseLong(p[2]));
    }

    /** {cookie name, id, signature, day} of a value shaped like ours; the day a number. */
    private static Optional<String[]> parts(Cookie c) {
        String[] p = c.getValue() == null ? new String[0] : c.getValue().split("\\.", -1);
        if (p.length != 3 || p[0].isEmpty() || !p[2].matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(new String[]{p[0], p[1], p[2], c.getName()});
    }

    private boolean signed(String[] p) {
        return MessageDigest.isEqual(p[1].getBytes(StandardCharsets.US_ASCII),
                mac("device\n" + p[3] + "\n" + p[0] + "\n" + p[2]).getBytes(StandardCharsets.US_ASCII));
    }

    /** What the thirteenth session set as {@link #LEGACY} for {@code username} and {@code id} (the tests make one). */
    String legacyValue(String username, String id) {
        return B64.encodeToString(username.getBytes(StandardCharsets.UTF_8)) + "." + id + "." + mac(username + "\n" + id);
    }

    /** The id in a thirteenth-session cookie (name.id.mac; the MAC of name and id) if signed here for {@code username}. */
    private Optional<String> legacy(String value, String username) {
        String[] parts = value == null ? new String[0] : value.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        String name = B64.encodeToString(username.getBytes(StandardCharsets.UTF_8));
        boolean valid = MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.US_ASCII),
                name.getBytes(StandardCharsets.US_ASCII))
                & MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.US_ASCII),
                mac(username + "\n" + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return valid ? Optional.of(parts[1]) : Optional.empty();
    }

    private String cookie(HttpServletRequest request, String name, String value, Duration maxAge) {
        // Secure also on a request that came over HTTPS to the node itself (TLS in Tomcat), as Spring Session's cookie
        // is; behind a proxy that ends TLS the node sees HTTP, and ANJU_SECURE_COOKIE says it
        return ResponseCookie.from(name, value)
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                .maxAge(maxAge).httpOnly(true).secure(secure || request.isSecure()).sameSite("Lax").build().toString();
    }

    /** HMAC-SHA256 of {@code message}, base64url; each use starts with its own tag (cookie-name, device). */
    private String mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cluster's key: made by the first node that needs it; a node that lost the race reads the winner's. */
    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            jdbc.sql("insert into device_cookie_key (id, key) values (1, ?) on conflict (id) do nothing")
                    .param(B64.encodeToString(bytes(32))).update();
            String stored = jdbc.sql("select key from device_cookie_key where id = 1").query(String.class).single();
            key = k = Base64.getUrlDecoder().decode(stored);
        }
        return k;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
