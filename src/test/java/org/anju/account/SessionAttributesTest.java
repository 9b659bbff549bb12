package org.anju.account;

import org.anju.ledger.expropriation.Expropriations;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.web.servlet.FlashMap;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything this application keeps in a session survives the trip through the database (issue 15): Spring Session
 * JDBC stores each attribute Java-serialized ({@link SerializingConverter}, its default) and reads it back on whichever
 * node the next request reaches. The attributes are those the code puts there — grep {@code setAttribute} and
 * {@code addFlashAttribute}: the security context with our principal and the client address, the CSRF token, the saved
 * request, the last login failure, {@code anju.passwordSetHere}, and flash attributes (texts, lists of texts, the
 * 房屋征收 import preview). A value that cannot be serialized would fail the request that stores it (a 500).
 */
class SessionAttributesTest {

    static Object roundTrip(Object value) {
        byte[] bytes = new SerializingConverter().convert(value);
        return new DeserializingConverter().convert(bytes);
    }

    @Test
    void theSecurityContextWithOurPrincipal() {
        Instant changed = Instant.parse("2026-11-30T02:00:00Z");
        AnjuUser user = new AnjuUser(7, "zg_reporter", "章贡区住建局填报员", 1234, EnumSet.of(Role.COUNTY_REPORTER), true, 3,
                changed, "{bcrypt}secret").withoutPassword();
        UsernamePasswordAuthenticationToken auth = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        auth.setDetails(new WebAuthenticationDetails("203.0.113.7", "s-1"));
        SecurityContext back = (SecurityContext) roundTrip(new SecurityContextImpl(auth));

        AnjuUser read = (AnjuUser) back.getAuthentication().getPrincipal();
        assertThat(read.id()).isEqualTo(7);
        assertThat(read.getUsername()).isEqualTo("zg_reporter");
        assertThat(read.regionId()).isEqualTo(1234);
        assertThat(read.roles()).containsExactly(Role.COUNTY_REPORTER);
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.passwordChangedAt()).isEqualTo(changed);
        assertThat(read.getPassword()).as("never in the session").isNull();
        assertThat(back.getAuthentication().getAuthorities()).isEqualTo(auth.getAuthorities());
        assertThat(((WebAuthenticationDetails) back.getAuthentication().getDetails()).getRemoteAddress()).isEqualTo("203.0.113.7");
    }

    @Test
    void theCsrfTokenTheSavedRequestTheLastFailureAndThePasswordTime() {
        CsrfToken token = (CsrfToken) roundTrip(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t0ken"));
        assertThat(token.getToken()).isEqualTo("t0ken");

        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/reports/360702/2026-11");
        request.setQueryString("tab=grid");
        DefaultSavedRequest saved = (DefaultSavedRequest) roundTrip(new DefaultSavedRequest(request));
        assertThat(saved.getRedirectUrl()).endsWith("/reports/360702/2026-11?tab=grid");

        LockedException failure = (LockedException) roundTrip(new LockedException("登录失败次数过多，请 1 秒后再试"));
        assertThat(failure.getMessage()).isEqualTo("登录失败次数过多，请 1 秒后再试");

        Instant at = Instant.parse("2026-12-01T03:04:05.123456Z");
        assertThat(roundTrip(at)).isEqualTo(at);
    }

    @Test
    void flashAttributes() {
        FlashMap flash = new FlashMap();
        flash.setTargetRequestPath("/ledger/expropriation/1");
        flash.put("message", "已保存");
        flash.put("problems", List.of("第 3 行：面积不是数字").stream().toList());
        flash.put("preview", new Expropriations.Preview("调查登记.xlsx", 1, List.of(new Expropriations.PreviewLine(2, "ZS-001",
                "张**", "解放路1号", new BigDecimal("86.50"), "住宅", "有证"))));
        FlashMap back = (FlashMap) roundTrip(flash);
        assertThat(new java.util.HashMap<String, Object>(back)).isEqualTo(new java.util.HashMap<String, Object>(flash));
        assertThat(back.getTargetRequestPath()).isEqualTo("/ledger/expropriation/1");
    }
}
