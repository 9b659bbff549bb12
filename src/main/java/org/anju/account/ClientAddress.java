package org.anju.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client address that login throttling counts (form login and HTTP Basic alike): the direct peer
 * ({@code getRemoteAddr()}), unless that peer is one of {@code anju.security.trusted-proxies} (CIDR ranges,
 * comma-separated, empty by default). Then {@code X-Forwarded-For} is read from the right, skipping trusted
 * proxies, and the first address not trusted is the client: whatever a client writes into the header itself
 * stands to the left of what our proxies appended and is never reached. From an untrusted peer the header is
 * ignored, so nobody can pick the address a failure is counted against. An entry that is not an IP address
 * stops the walk at the last proxy that vouched for it.
 *
 * Tomcat's {@code RemoteIpValve} ({@code server.forward-headers-strategy=native}) does the same, but trusts
 * every private address by default ({@code server.tomcat.remoteip.internal-proxies}) and takes regular
 * expressions; it is not enabled here. An installation that enables it must set that property to exactly its
 * proxies, and then leaves this list empty (the valve has already replaced the peer address).
 */
@Component
public class ClientAddress implements AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> trusted;

    ClientAddress(@Value("${anju.security.trusted-proxies:}") String trustedProxies) {
        this.trusted = Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(ClientAddress::range).toList();
        wide(trustedProxies).forEach(w -> org.slf4j.LoggerFactory.getLogger(ClientAddress.class).warn(w));
    }

    /**
     * A warning for each range wider than a /24 (IPv4) or a /120 (IPv6): a client inside a trusted range chooses the
     * address it is throttled by — the X-Forwarded-For it writes itself is believed — and government intranets put
     * clients in 10.0.0.0/8 as well as balancers (review 2026-12-02, sessions finding 8: README's own example was
     * that range). A warning, not a refusal: a balancer pool may really span a wide range.
     */
    static List<String> wide(String trustedProxies) {
        List<String> warnings = new ArrayList<>();
        for (String cidr : trustedProxies.split(",")) {
            cidr = cidr.strip();
            int slash = cidr.indexOf('/');
            if (slash < 0) {
                continue;
            }
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            boolean v6 = cidr.indexOf(':') >= 0;
            if (bits < (v6 ? 120 : 24)) {
                warnings.add("ANJU_TRUSTED_PROXIES 中的 " + cidr + " 是 " + (v6 ? "IPv6" : "IPv4") + " 的 /" + bits
                        + " 网段：其中的任何客户端都能自己写 X-Forwarded-For，选择登录限流按哪个地址计。"
                        + "只写负载均衡器本身的地址（如 10.0.0.5/32），不要包含用户所在的网段");
            }
        }
        return warnings;
    }

    /** A setting read at start: a bad one stops the start naming it (SettingProblem), never a stack trace. */
    private static IpAddressMatcher range(String cidr) {
        org.anju.platform.SettingProblem bad = new org.anju.platform.SettingProblem(
                "设置 ANJU_TRUSTED_PROXIES（anju.security.trusted-proxies）中的“" + cidr + "”不是 IP 地址或 CIDR 网段",
                "只写负载均衡器本身的地址，逗号分隔，如 127.0.0.1/32,10.0.0.5/32（掩码位数 IPv4 为 0–32，IPv6 为 0–128；"
                        + "不要包含用户所在的网段：其中的客户端能自己选择按哪个地址限流）。");
        if (!isIpLiteral(cidr.replaceFirst("/\\d{1,3}$", ""))) {
            throw bad;
        }
        try {
            return new IpAddressMatcher(cidr);
        } catch (IllegalArgumentException e) {
            // a mask wider than the address (127.0.0.1/99): Spring Security's English "too short for bitmask"
            throw bad;
        }
    }

    @Override
    public WebAuthenticationDetails buildDetails(HttpServletRequest request) {
        var session = request.getSession(false);
        return new WebAuthenticationDetails(of(request), session == null ? null : session.getId());
    }

    /**
     * The request's client address as the login throttle counts it (IPv6 by its /64 network): for other bounds on
     * anonymous attempts, such as the public waiting-list lookup's.
     */
    public String counted(HttpServletRequest request) {
        return LoginThrottle.key(of(request));
    }

    String of(HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (!trusted(client)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            Arrays.stream(header.split(",")).map(String::strip).forEach(hops::add);
        }
        for (int i = hops.size() - 1; i >= 0 && trusted(client); i--) {
            if (!isIpLiteral(hops.get(i))) {
                break;
            }
            client = hops.get(i);
        }
        return client;
    }

    private boolean trusted(String address) {
        return isIpLiteral(address) && trusted.stream().anyMatch(m -> m.matches(address));
    }

    /** An IP address written out, which can be parsed without a name lookup (a host name would go to DNS). */
    static boolean isIpLiteral(String s) {
        if (s == null || !(IPV4.matcher(s).matches() || s.indexOf(':') >= 0 && IPV6.matcher(s).matches())) {
            return false;
        }
        try {
            InetAddress.ofLiteral(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
