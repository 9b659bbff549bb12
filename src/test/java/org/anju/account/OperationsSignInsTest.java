package org.anju.account;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the actuator's sign-in takes from memory and what it sends to the full sign-in (a stand-in here). */
class OperationsSignInsTest {

    static final int NATION = 1;
    static final String RIGHT = "anju2023";

    /** The accounts the stand-in knows: name → region; every password but {@link #RIGHT} is wrong. */
    final java.util.Map<String, Integer> accounts = java.util.Map.of("prometheus", NATION, "jx_admin", 36);
    final List<String> fullSignIns = new ArrayList<>();
    Instant now = Instant.parse("2026-12-03T13:00:00Z");
    OperationsSignIns signIns;

    @BeforeEach
    void signIns() {
        Clock clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now;
            }
        };
        signIns = new OperationsSignIns(given -> {
            fullSignIns.add(given.getName() + ":" + given.getCredentials());
            Integer region = accounts.get(given.getName());
            if (region == null || !RIGHT.equals(given.getCredentials())) {
                throw new BadCredentialsException(AnjuAuthenticationProvider.BAD_CREDENTIALS);
            }
            var user = new AnjuUser(7, given.getName(), "运维监控", region, Set.of(Role.MONITOR), true, 1, now, "{noop}x");
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }, NATION, Duration.ofSeconds(60), clock);
    }

    Authentication signIn(String name, String password) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        token.setDetails("from " + name);
        return signIns.authenticate(token);
    }

    @Test
    void anAcceptedOperationsAccountIsAcceptedAgainFromMemoryForAMinute() {
        Authentication first = signIn("prometheus", RIGHT);
        now = now.plusSeconds(15);
        Authentication second = signIn("Prometheus ", RIGHT);
        now = now.plusSeconds(44);
        signIn("prometheus", RIGHT);
        assertThat(fullSignIns).containsExactly("prometheus:" + RIGHT);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getPrincipal()).isSameAs(first.getPrincipal());
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
        assertThat(second.getDetails()).as("this request's details, not the first one's").isEqualTo("from Prometheus ");
        assertThat(second.getCredentials()).isNull();
        // a minute after the full sign-in: the full one again, then remembered from then on
        now = now.plusSeconds(1);
        signIn("prometheus", RIGHT);
        signIn("prometheus", RIGHT);
        assertThat(fullSignIns).hasSize(2);
    }

    @Test
    void aWrongPasswordIsNeverTakenFromMemory() {
        signIn("prometheus", RIGHT);
        assertThatThrownBy(() -> signIn("prometheus", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("prometheus", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("prometheus", RIGHT + " ")).isInstanceOf(BadCredentialsException.class);
        assertThat(fullSignIns).containsExactly("prometheus:" + RIGHT, "prometheus:wrong", "prometheus:wrong",
                "prometheus:" + RIGHT + " ");
        // the right one still is (its wrong neighbours did not replace it)
        signIn("prometheus", RIGHT);
        assertThat(fullSignIns).hasSize(4);
    }

    @Test
    void anAccountOfOneRegionIsAlwaysSignedInFully() {
        signIn("jx_admin", RIGHT);
        signIn("jx_admin", RIGHT);
        assertThat(fullSignIns).containsExactly("jx_admin:" + RIGHT, "jx_admin:" + RIGHT);
    }
}
