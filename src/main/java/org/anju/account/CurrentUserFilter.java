package org.anju.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.anju.region.Regions;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Re-reads the signed-in account on every request: a disabled (or deleted) account is signed out at once,
 * changed roles take effect at once. Leaves the user for the pages as request attribute {@link Me#ATTRIBUTE}.
 * Runs inside the security filter chain, after authentication.
 */
class CurrentUserFilter extends OncePerRequestFilter {

    private final UserStore store;
    private final Regions regions;
    /** A session's attribute as stored now (its id, the attribute's name): null when unknown. */
    private final java.util.function.BiFunction<String, String, Object> stored;

    CurrentUserFilter(UserStore store, Regions regions, java.util.function.BiFunction<String, String, Object> stored) {
        this.store = store;
        this.regions = regions;
        this.stored = stored;
    }

    /** Session attribute: the password time this session's own change set (it stays signed in). */
    static final String PASSWORD_SET_HERE = "anju.passwordSetHere";

    /** Reads an attribute of a stored session from Spring Session's repository (none: nothing is stored apart). */
    static java.util.function.BiFunction<String, String, Object> stored(
            org.springframework.beans.factory.ObjectProvider<org.springframework.session.SessionRepository<?>> sessions) {
        return (id, name) -> {
            org.springframework.session.SessionRepository<?> repository = sessions.getIfAvailable();
            if (repository == null) {
                return null;
            }
            org.springframework.session.Session session = repository.findById(id);
            return session == null ? null : session.getAttribute(name);
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication auth = context.getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof AnjuUser user) {
            Optional<AnjuUser> fresh = store.principal(user.id());
            HttpSession current = request.getSession(false);
            // a password set since this session signed in ends it — unless this session set it (its own change)
            boolean passwordChanged = fresh.isPresent() && !java.util.Objects.equals(fresh.get().passwordChangedAt(),
                    user.passwordChangedAt()) && !(current != null && java.util.Objects.equals(
                    current.getAttribute(PASSWORD_SET_HERE), fresh.get().passwordChangedAt()));
            if (passwordChanged && current != null) {
                // this request's copy of the session was read before its own change kept the new time: ask the store
                // (sessions finding 6: a parallel request of the changing session signed it out)
                passwordChanged = !java.util.Objects.equals(stored.apply(current.getId(), PASSWORD_SET_HERE),
                        fresh.get().passwordChangedAt());
            }
            if (fresh.isEmpty() || !fresh.get().isEnabled() || passwordChanged) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                request.setAttribute(Me.ATTRIBUTE, Me.of(fresh.get().actor(regions, Channel.UI)));
            }
            if (fresh.isPresent() && fresh.get().isEnabled() && !passwordChanged && fresh.get().version() != user.version()) {
                AnjuUser now = fresh.get().withoutPassword();
                UsernamePasswordAuthenticationToken refreshed =
                        UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
                refreshed.setDetails(auth.getDetails());
                SecurityContext updated = SecurityContextHolder.createEmptyContext();
                updated.setAuthentication(refreshed);
                SecurityContextHolder.setContext(updated);
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /** Style sheets, scripts and the like need no fresh look at the account. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = WebSecurity.path(request);
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }
}
