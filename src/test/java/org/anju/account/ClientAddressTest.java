package org.anju.account;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which address login throttling counts: X-Forwarded-For only through configured proxies. */
class ClientAddressTest {

    static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(peer);
        for (String h : forwardedFor) {
            r.addHeader("X-Forwarded-For", h);
        }
        return r;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress none = new ClientAddress("");
        assertThat(none.of(from("203.0.113.7", "1.2.3.4"))).isEqualTo("203.0.113.7");
        assertThat(none.of(from("127.0.0.1", "1.2.3.4"))).as("not even from loopback").isEqualTo("127.0.0.1");
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerIsIgnored() {
        ClientAddress proxies = new ClientAddress("127.0.0.1/32, 10.0.0.0/8");
        assertThat(proxies.of(from("203.0.113.7", "10.0.0.5"))).isEqualTo("203.0.113.7");
    }

    @Test
    void throughTrustedProxiesTheRightMostUntrustedAddressIsTheClient() {
        ClientAddress proxies = new ClientAddress("127.0.0.1/32,10.0.0.0/8");
        assertThat(proxies.of(from("127.0.0.1", "203.0.113.7"))).isEqualTo("203.0.113.7");
        // the client wrote 1.2.3.4 itself; our proxy appended what it saw
        assertThat(proxies.of(from("127.0.0.1", "1.2.3.4, 203.0.113.7, 10.1.2.3"))).isEqualTo("203.0.113.7");
        assertThat(proxies.of(from("127.0.0.1", "1.2.3.4", "203.0.113.7"))).as("several headers").isEqualTo("203.0.113.7");
        assertThat(proxies.of(from("127.0.0.1"))).as("no header").isEqualTo("127.0.0.1");
        assertThat(proxies.of(from("127.0.0.1", "10.1.2.3"))).as("only proxies: the farthest").isEqualTo("10.1.2.3");
        assertThat(proxies.of(from("127.0.0.1", "2001:db8::1"))).isEqualTo("2001:db8::1");
    }

    @Test
    void anEntryThatIsNoAddressStopsAtTheProxyThatVouchedForIt() {
        ClientAddress proxies = new ClientAddress("127.0.0.1/32,10.0.0.0/8");
        assertThat(proxies.of(from("127.0.0.1", "evil.example, 10.1.2.3"))).isEqualTo("10.1.2.3");
        assertThat(proxies.of(from("127.0.0.1", "999.1.1.1"))).isEqualTo("127.0.0.1");
    }

    /** A range that can hold clients is warned about at start: they choose their throttled address (sessions finding 8). */
    @Test
    void aWideRangeIsWarnedAboutBecauseItsClientsChooseTheirAddress() {
        assertThat(new ClientAddress("10.0.0.0/8").of(from("10.20.30.40", "1.2.3.4"))).as("why").isEqualTo("1.2.3.4");
        assertThat(ClientAddress.wide("127.0.0.1/32, 10.0.0.5/32,10.1.2.0/24,10.0.0.7,2001:db8::/120")).isEmpty();
        assertThat(ClientAddress.wide("127.0.0.1/32,10.0.0.0/8,2001:db8::/64")).hasSize(2)
                .allSatisfy(w -> assertThat(w).contains("X-Forwarded-For", "只写负载均衡器本身的地址"))
                .anySatisfy(w -> assertThat(w).contains("10.0.0.0/8 是 IPv4 的 /8 网段"))
                .anySatisfy(w -> assertThat(w).contains("2001:db8::/64 是 IPv6 的 /64 网段"));
    }

    @Test
    void aMisconfiguredRangeStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddress("proxy.example/32"))
                .isInstanceOf(org.anju.platform.SettingProblem.class).hasMessageContaining("anju.security.trusted-proxies");
        // a mask wider than the address: Spring Security refused it in English, with a stack trace at start
        assertThatThrownBy(() -> new ClientAddress("127.0.0.1/32,127.0.0.1/99"))
                .isInstanceOf(org.anju.platform.SettingProblem.class)
                .hasMessage("设置 ANJU_TRUSTED_PROXIES（anju.security.trusted-proxies）中的“127.0.0.1/99”不是 IP 地址或 CIDR 网段");
    }
}
