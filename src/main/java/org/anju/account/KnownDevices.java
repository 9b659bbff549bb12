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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
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
 * name, its value a random id, an HMAC-SHA256 of name and id, and the day it was last renewed: the account name is in
 * neither (before, the value began with it, readable at the PC and, without HTTPS, on the way). At most
 * {@link #PER_BROWSER} per browser: a sign-in over that drops the ones renewed longest ago. The key is kept in the
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
     * valid one (one throttle row per browser, not per sign-in), else a new one; the lifetime starts again. Over
     * {@link #PER_BROWSER}, the other names' cookies renewed longest ago are dropped; the thirteenth session's cookie
     * for this name, which carried the name readably, is dropped once its id has moved over.
     */
    void remember(HttpServletRequest request, HttpServletResponse response, String username) {
        String id = of(request, username).orElseGet(() -> B64.encodeToString(bytes(16)));
        String name = cookieName(username);
        long today = LocalDate.now(java.time.ZoneOffset.UTC).toEpochDay();
        response.addHeader("Set-Cookie", cookie(request, name, id + "." + mac(username, id) + "." + today, LIFETIME));
        Cookie[] sent = request.getCookies() == null ? new Cookie[0] : request.getCookies();
        List<Cookie> others = new ArrayList<>();
        for (Cookie c : sent) {
            if (c.getName().startsWith(COOKIE) && !c.getName().equals(name)) {
                others.add(c);
            } else if (c.getName().equals(LEGACY) && legacy(c.getValue(), username).isPresent()) {
                response.addHeader("Set-Cookie", cookie(request, LEGACY, "", Duration.ZERO));
            }
        }
        others.sort(Comparator.comparingLong(c -> renewed(c.getValue())));
        for (int i = 0; i < others.size() - (PER_BROWSER - 1); i++) {
            response.addHeader("Set-Cookie", cookie(request, others.get(i).getName(), "", Duration.ZERO));
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
            Optional<String> id = c.getName().equals(name) ? verify(c.getValue(), username)
                    : c.getName().equals(LEGACY) ? legacy(c.getValue(), username) : Optional.empty();
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /** The cookie name for {@code username}: not the name itself, nor anything that can be told back without the key. */
    String cookieName(String username) {
        return COOKIE + mac("cookie-name", username).substring(0, 12);
    }

    /** The id in {@code value} (id.mac.day) if it was signed here for {@code username}. */
    Optional<String> verify(String value, String username) {
        String[] parts = value == null ? new String[0] : value.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        return signed(parts[0], parts[1], username);
    }

    /** The id in a thirteenth-session cookie (name.id.mac) if it was signed here for {@code username}. */
    private Optional<String> legacy(String value, String username) {
        String[] parts = value == null ? new String[0] : value.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        String name = B64.encodeToString(username.getBytes(StandardCharsets.UTF_8));
        boolean named = MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.US_ASCII),
                name.getBytes(StandardCharsets.US_ASCII));
        return signed(parts[1], parts[2], username).filter(id -> named);
    }

    private Optional<String> signed(String id, String mac, String username) {
        boolean valid = MessageDigest.isEqual(mac.getBytes(StandardCharsets.US_ASCII),
                mac(username, id).getBytes(StandardCharsets.US_ASCII));
        return valid ? Optional.of(id) : Optional.empty();
    }

    /** The day a cookie's value says it was last renewed; unreadable ones first to go. */
    private static long renewed(String value) {
        String[] parts = value == null ? new String[0] : value.split("\\.", -1);
        try {
            return parts.length == 3 ? Long.parseLong(parts[2]) : Long.MIN_VALUE;
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private String cookie(HttpServletRequest request, String name, String value, Duration maxAge) {
        // Secure also on a request that came over HTTPS to the node itself (TLS in Tomcat), as Spring Session's cookie
        // is; behind a proxy that ends TLS the node sees HTTP, and ANJU_SECURE_COOKIE says it
        return ResponseCookie.from(name, value)
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                .maxAge(maxAge).httpOnly(true).secure(secure || request.isSecure()).sameSite("Lax").build().toString();
    }

    private String mac(String username, String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal((username + "\n" + id).getBytes(StandardCharsets.UTF_8)));
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
