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
import java.util.Base64;
import java.util.Optional;

/**
 * A browser that signed in as a name gets a signed "known device" cookie for that name (OWASP's device cookies): its
 * later sign-ins as that name are throttled on their own — name + device — instead of name + address
 * ({@link LoginThrottle}). Behind one office NAT an insider who keeps sending wrong passwords for a colleague's name
 * delays that name at the address, but not the colleague's own browser (review 2026-12-02, sessions finding 4: kept
 * out 336 times of 336 over a week). The cookie authenticates nothing: it only chooses the bucket a sign-in is counted
 * in, and only a right password earns one.
 *
 * <p>Value: the name (base64url), a random id, and an HMAC-SHA256 of both under a key kept in the table
 * {@code device_cookie_key} (generated once, the same on every node; not audited, not in backups). Whoever holds the key
 * can make ids at will, each a count of its own: so a name's devices also share one count of failures
 * ({@link LoginThrottle#DEVICES}), which bounds guessing with forged ids (review of this session).
 */
@Component
class KnownDevices {

    static final String COOKIE = "ANJU_DEVICE";
    static final Duration LIFETIME = Duration.ofDays(180);
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
     * valid one (one throttle row per browser, not per sign-in), else a new one; the lifetime starts again.
     */
    void remember(HttpServletRequest request, HttpServletResponse response, String username) {
        String id = of(request, username).orElseGet(() -> B64.encodeToString(bytes(16)));
        String name = B64.encodeToString(username.getBytes(StandardCharsets.UTF_8));
        ResponseCookie cookie = ResponseCookie.from(COOKIE, name + "." + id + "." + mac(username, id))
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                .maxAge(LIFETIME).httpOnly(true).secure(secure).sameSite("Lax").build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    /** The id of the request's device cookie if it is a valid one for {@code username}. */
    Optional<String> of(HttpServletRequest request, String username) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                Optional<String> id = verify(c.getValue(), username);
                if (id.isPresent()) {
                    return id;
                }
            }
        }
        return Optional.empty();
    }

    /** The id in {@code value} if it was signed here for {@code username}. */
    Optional<String> verify(String value, String username) {
        String[] parts = value == null ? new String[0] : value.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        String name = B64.encodeToString(username.getBytes(StandardCharsets.UTF_8));
        boolean valid = MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.US_ASCII), name.getBytes(StandardCharsets.US_ASCII))
                & MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.US_ASCII),
                mac(username, parts[1]).getBytes(StandardCharsets.US_ASCII));
        return valid ? Optional.of(parts[1]) : Optional.empty();
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
