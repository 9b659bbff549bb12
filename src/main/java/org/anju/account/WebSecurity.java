package org.anju.account;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.anju.region.Regions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may come in, and how.
 *
 * <ul>
 *   <li>Browser: form login at {@code /login} (session cookie, HttpOnly, SameSite=Lax; the session id
 *       changes at login), logout by POST {@code /logout}. CSRF protection is on: forms carry the token,
 *       htmx sends it as a header ({@code /js/anju.js}).</li>
 *   <li>Scripts: HTTP Basic on {@code /api/**}, stateless (no session is created). A request that carries
 *       an {@code Authorization: Basic} header is exempt from CSRF: a browser never adds that header to a
 *       cross-site request on its own, because this application never asks it to (401 responses carry no
 *       Basic challenge, so the browser neither prompts nor caches credentials). So is an {@code /api/**}
 *       request without any session cookie: there is no session to ride on (and it gets its honest 401).
 *       A browser session calling {@code /api/**} is subject to CSRF like any form.</li>
 *   <li>Not signed in: pages redirect to {@code /login}; {@code /api/**} answers 401 with a Chinese
 *       problem detail. Denied: 403, as JSON under {@code /api/**}, as a Chinese page elsewhere.</li>
 *   <li>Login throttling counts the client address of {@link ClientAddress} (proxies trusted only when
 *       configured), for both ways in.</li>
 *   <li>Headers: a Content-Security-Policy without inline scripts, X-Frame-Options DENY, nosniff,
 *       Referrer-Policy same-origin, a Permissions-Policy switching off device APIs.</li>
 * </ul>
 *
 * What each endpoint requires beyond being signed in is declared on its handler method
 * ({@link Requires}) and enforced by {@link RequirementInterceptor}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurity {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI styles its own elements inline; scripts stay restricted. */
    static final String CSP_SWAGGER = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    /**
     * After a form sign-in: the browser's known-device cookie for the name ({@link KnownDevices}), then where
     * {@code defaultSuccessUrl("/", false)} went — the page asked for before the sign-in, else 首页.
     */
    private static org.springframework.security.web.authentication.AuthenticationSuccessHandler remembering(
            KnownDevices devices, HttpSessionRequestCache requestCache) {
        var then = new org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler();
        then.setDefaultTargetUrl("/");
        then.setRequestCache(requestCache);
        return (request, response, authentication) -> {
            devices.remember(request, response, authentication.getName());
            then.onAuthenticationSuccess(request, response, authentication);
        };
    }

    @Bean
    AuthenticationManager authenticationManager(AnjuAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                            DeniedResponses denied, UserStore users,
                                            Regions regions, ClientAddress clientAddress, KnownDevices devices,
                                            org.springframework.beans.factory.ObjectProvider<
                                                    org.springframework.session.SessionRepository<?>> sessions) throws Exception {
        RequestMatcher api = request -> path(request).startsWith("/api/");
        RequestMatcher basic = request -> {
            String h = request.getHeader("Authorization");
            return h != null && h.regionMatches(true, 0, "Basic ", 0, 6);
        };
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !api.matches(request)
                && request.getHeader("HX-Request") == null);

        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/public/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login")
                        .authenticationDetailsSource(clientAddress)
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error"))
                        .successHandler(remembering(devices, requestCache)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut()))
                .httpBasic(b -> b.authenticationEntryPoint(denied).authenticationDetailsSource(clientAddress))
                .requestCache(c -> c.requestCache(requestCache))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> api.matches(request)
                        && (basic.matches(request) || request.getRequestedSessionId() == null)))
                .exceptionHandling(e -> e.authenticationEntryPoint(denied).accessDeniedHandler(denied))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .contentTypeOptions(c -> { })
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS))
                        .addHeaderWriter((request, response) -> {
                            if (path(request).startsWith("/swagger-ui")) {
                                response.setHeader("Content-Security-Policy", CSP_SWAGGER);
                            }
                        }))
                .addFilterBefore((request, response, chain) -> {
                    request.setAttribute(AccountAccess.WEB_REQUEST, Boolean.TRUE);
                    chain.doFilter(request, response);
                }, SecurityContextHolderFilter.class)
                .addFilterBefore(new CurrentUserFilter(users, regions, CurrentUserFilter.stored(sessions)), ExceptionTranslationFilter.class);
        return http.build();
    }

    /** Always back to the login page (not the 204 Spring Security gives API-looking requests). */
    private static SimpleUrlLogoutSuccessHandler loggedOut() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl("/login?logout");
        return handler;
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
