package org.anju.account;

import org.anju.region.Regions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may call {@code /actuator/**} (issue 15), a chain of its own before the pages' ({@link WebSecurity}):
 *
 * <ul>
 *   <li>{@code /actuator/health/liveness} and {@code /actuator/health/readiness}: anyone — the load balancer calls
 *       them without an account. Anonymous callers (and every account but the operations
 *       account) get only the status, {@code {"status":"UP"}}.</li>
 *   <li>Everything else ({@code /actuator/prometheus}, {@code /actuator/metrics}, {@code /actuator/health}) and the
 *       health details: only an
 *       <b>operations account</b>, one bound to the whole country (全国, the region tree's root): best a 运维监控
 *       account ({@link Role#MONITOR}, e.g. {@code prometheus} added with {@code user add}), which opens nothing
 *       else; a 全国 查看/审计 account such as {@code mohurd_viewer} too. The metrics are the whole node's — every
 *       region's requests, submissions and imports — so only an account bound to every region sees them; a
 *       province's administrator does not. Such an account gets the authority {@value #OPERATIONS_ROLE}
 *       ({@code management.endpoint.health.roles}).</li>
 *   <li>HTTP Basic only (Prometheus scrapes with it), stateless, no form login, no CSRF (no session to ride on);
 *       the same sign-in (and its throttling by client address) as the pages and the API, except that an operations
 *       account's accepted name and password are accepted again from memory for a minute ({@link OperationsSignIns}:
 *       a scrape of a node whose requests hold every connection is answered). 401/403 as JSON problem
 *       details ({@link DeniedResponses}).</li>
 * </ul>
 *
 * Nothing else of the actuator is exposed ({@code management.endpoints.web.exposure.include} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ActuatorSecurity {

    static final String OPERATIONS_ROLE = "ANJU_OPERATIONS";

    @Bean
    @Order(1)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                            DeniedResponses denied, ClientAddress clientAddress, Regions regions) throws Exception {
        int nation = regions.root().id();
        http.securityMatcher("/actuator", "/actuator/**")
                .authenticationManager(new OperationsSignIns(authenticationManager, nation, OperationsSignIns.TTL,
                        java.time.Clock.systemUTC()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .anyRequest().hasRole(OPERATIONS_ROLE))
                .httpBasic(b -> b.authenticationEntryPoint(denied).authenticationDetailsSource(clientAddress))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(denied).accessDeniedHandler((request, response, refused) ->
                        denied.handle(request, response, new org.anju.platform.Denied("运行指标和健康详情只对运维账号开放："
                                + "绑定到全国的账号（运维监控账号，如 prometheus；或全国的查看/审计账号）；当前账号"
                                + current() + "不是运维账号"))))
                .addFilterAfter((request, response, chain) -> {
                    grantOperations(nation);
                    chain.doFilter(request, response);
                }, BasicAuthenticationFilter.class);
        return http.build();
    }

    /** The signed-in account as the refusal names it: （jx_admin，江西省住建厅管理员）; empty when none. */
    private static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AnjuUser user
                ? "（" + user.getUsername() + "，" + user.displayName() + "）" : "";
    }

    /**
     * Adds {@value #OPERATIONS_ROLE} to a signed-in account bound to the whole country (signed in with this very request:
     * the chain keeps no session, and the sign-in refuses a disabled account — or {@link OperationsSignIns} accepted the
     * account as it was at most a minute ago).
     */
    private static void grantOperations(int nation) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || !(auth.getPrincipal() instanceof AnjuUser user)
                || user.regionId() != nation) {
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>(auth.getAuthorities());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + OPERATIONS_ROLE));
        var granted = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        granted.setDetails(auth.getDetails());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(granted);
        SecurityContextHolder.setContext(context);
    }
}
