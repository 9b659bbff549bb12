package org.anju.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * When a request writes its session (Spring Session JDBC), issue 15's month-end load test, second session.
 *
 * <ul>
 *   <li><b>Before the page is written, never after.</b> {@code spring.session.jdbc.flush-mode=immediate}
 *       (application.yml): a change of the session (a new session, its CSRF token, the sign-in, its last access) is
 *       stored when it is made — in the filters and the handler, or when the view resolves the page's CSRF token
 *       before its first byte (account's {@code PreparedView}) — so the save Spring Session makes at the end of the
 *       request finds nothing left to write. With the default ({@code on-save}) that save ran after the page: a
 *       page longer than the response buffer had already been sent in part, and a pool timeout there cut it off
 *       (the load test's "premature close" and its one 500) instead of becoming the 503 page of {@link ServiceBusy}.</li>
 *   <li><b>Not on every request.</b> Spring Session stores the last-access time at every request: one more pool
 *       checkout and one UPDATE of {@code spring_session} per page, an htmx save, a map's data. It is stored again
 *       only when the stored time is older than {@code anju.session.touch-interval} (ANJU_SESSION_TOUCH_INTERVAL,
 *       60 s); a session therefore ends after 30 minutes of inactivity minus at most that interval (29–30 minutes
 *       with the defaults). Every other change is stored as before.</li>
 * </ul>
 * Done by serving the application's session filter ({@link OncePerRequest}, which also looks a session up only once per
 * request) from {@link Touches}, a thin wrapper around the JDBC repository (which stays the bean the rest uses, e.g.
 * the expired-session cleanup).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SessionWrites {

    @Bean
    static BeanPostProcessor sessionTouches(ObjectProvider<JdbcIndexedSessionRepository> jdbc,
                                            ObjectProvider<HttpSessionIdResolver> resolver,
                                            ObjectProvider<CookieSerializer> cookies, Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof SessionRepositoryFilter<?>) || jdbc.getIfAvailable() == null) {
                    return bean;
                }
                Duration interval = environment.getProperty("anju.session.touch-interval", Duration.class,
                        Duration.ofSeconds(60));
                @SuppressWarnings("unchecked")
                SessionRepository<Session> sessions = (SessionRepository<Session>) (SessionRepository<?>) jdbc.getObject();
                SessionRepositoryFilter<Touches.Touched> filter = new OncePerRequest(new Touches(sessions, interval));
                HttpSessionIdResolver ids = resolver.getIfAvailable();
                if (ids == null) {
                    CookieHttpSessionIdResolver byCookie = new CookieHttpSessionIdResolver();
                    CookieSerializer serializer = cookies.getIfAvailable();
                    if (serializer != null) {
                        byCookie.setCookieSerializer(serializer);
                    }
                    ids = byCookie;
                }
                filter.setHttpSessionIdResolver(ids);
                return filter;
            }
        };
    }

    /**
     * How a session's attributes are written (Spring Session JDBC, issue 15 reviews).
     * <ul>
     *   <li><b>Added twice at once.</b> Two requests of one session adding the same attribute — two tabs restored (both
     *       save the page asked for before sign-in), a double-clicked 登录 — each decide between INSERT and UPDATE from
     *       the copy of the session they loaded; both INSERTed, the second failed on the primary key, and the user got
     *       Tomcat's English 400 page (17 of 40 parallel page opens). An attribute is added as INSERT … ON CONFLICT DO
     *       UPDATE, as Spring Session's own PostgreSQL customizer does: the later write wins, as with an UPDATE.</li>
     *   <li><b>Except the session's write position</b> ({@link ReadReplicaRouting#SESSION_LSN}), which only grows. Two
     *       requests of one session writing at once each store the position after their own write, compared with the
     *       copy they loaded: the later store won even when it was the lower, and the session's next request read from
     *       a replica that had replayed the one write but not the other (review of sessions, finding 7). The greater
     *       is kept in SQL, in both statements. Stored bytes compare as the numbers do: a {@code Long} serialized
     *       (Spring Session's converter) is one fixed prefix and its value in eight big-endian bytes, and positions are
     *       not negative ({@code SessionWritePositionTest} checks that on stored values). A stored value of another
     *       length — not a serialized {@code Long} — is replaced.</li>
     * </ul>
     */
    @Bean
    org.springframework.session.config.SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeWrites() {
        return repository -> {
            repository.setCreateSessionAttributeQuery(ADD_ATTRIBUTE);
            repository.setUpdateSessionAttributeQuery(UPDATE_ATTRIBUTE);
        };
    }

    /** Spring Session's parameters: primary id, name, bytes. */
    static final String ADD_ATTRIBUTE = """
            insert into %TABLE_NAME%_ATTRIBUTES (session_primary_id, attribute_name, attribute_bytes)
            values (?, ?, ?)
            on conflict (session_primary_id, attribute_name)
            do update set attribute_bytes = excluded.attribute_bytes
            where not\s""" + keepsStored("excluded.attribute_name", "%TABLE_NAME%_ATTRIBUTES.attribute_bytes",
            "excluded.attribute_bytes");

    /** Spring Session's parameters: bytes, primary id, name. */
    static final String UPDATE_ATTRIBUTE = """
            update %TABLE_NAME%_ATTRIBUTES a set attribute_bytes = given.bytes
            from (select cast(? as bytea) as bytes) given
            where a.session_primary_id = ? and a.attribute_name = ?
            and not\s""" + keepsStored("a.attribute_name", "a.attribute_bytes", "given.bytes");

    /** The condition under which the {@code stored} value of attribute {@code name} is kept: a greater write position. */
    private static String keepsStored(String name, String stored, String given) {
        return "(" + name + " = '" + ReadReplicaRouting.SESSION_LSN + "' and length(" + stored + ") = length(" + given
                + ") and " + stored + " >= " + given + ")";
    }

    /**
     * Spring Session's filter, looking a session up at most once per request. It saves the session twice when the
     * response is committed before the filter ends (a redirect, a page flushed at its end): on the commit and again
     * in its {@code finally}, and the second time it looks the request's session id up in the database again (the
     * first cleared its cache) — after the response has been sent. Here the second look-up answers from the first.
     */
    static final class OncePerRequest extends SessionRepositoryFilter<Touches.Touched> {

        OncePerRequest(Touches sessions) {
            super(sessions);
        }

        @Override
        protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
                                        jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, java.io.IOException {
            java.util.Map<String, java.util.Optional<Touches.Touched>> outer = Touches.FOUND.get();
            Touches.FOUND.set(new java.util.HashMap<>());
            try {
                super.doFilterInternal(request, response, chain);
            } finally {
                Touches.FOUND.set(outer);
            }
        }
    }

    /** The JDBC repository, storing a session's last access only when the stored one is {@code interval} old. */
    static final class Touches implements SessionRepository<Touches.Touched> {

        /** The sessions this request looked up, by id (absent: not found). */
        static final ThreadLocal<java.util.Map<String, java.util.Optional<Touched>>> FOUND = new ThreadLocal<>();

        private final SessionRepository<Session> sessions;
        private final Duration interval;

        Touches(SessionRepository<Session> sessions, Duration interval) {
            this.sessions = sessions;
            this.interval = interval;
        }

        @Override
        public Touched createSession() {
            return new Touched(sessions.createSession(), interval);
        }

        @Override
        public void save(Touched session) {
            sessions.save(session.session);
        }

        @Override
        public Touched findById(String id) {
            java.util.Map<String, java.util.Optional<Touched>> found = FOUND.get();
            if (found != null && found.containsKey(id)) {
                return found.get(id).orElse(null);
            }
            Session session = sessions.findById(id);
            Touched touched = session == null ? null : new Touched(session, interval);
            if (found != null) {
                found.put(id, java.util.Optional.ofNullable(touched));
            }
            return touched;
        }

        @Override
        public void deleteById(String id) {
            java.util.Map<String, java.util.Optional<Touched>> found = FOUND.get();
            if (found != null) {
                found.put(id, java.util.Optional.empty());
            }
            sessions.deleteById(id);
        }

        /** A session whose last access is stored at most once per interval; everything else as it is. */
        static final class Touched implements Session {
            private final Session session;
            private final Duration interval;

            Touched(Session session, Duration interval) {
                this.session = session;
                this.interval = interval;
            }

            @Override
            public void setLastAccessedTime(Instant lastAccessedTime) {
                if (Duration.between(session.getLastAccessedTime(), lastAccessedTime).compareTo(interval) >= 0) {
                    session.setLastAccessedTime(lastAccessedTime);
                }
            }

            @Override
            public String getId() {
                return session.getId();
            }

            @Override
            public String changeSessionId() {
                return session.changeSessionId();
            }

            @Override
            public <T> T getAttribute(String attributeName) {
                return session.getAttribute(attributeName);
            }

            @Override
            public Set<String> getAttributeNames() {
                return session.getAttributeNames();
            }

            @Override
            public void setAttribute(String attributeName, Object attributeValue) {
                session.setAttribute(attributeName, attributeValue);
            }

            @Override
            public void removeAttribute(String attributeName) {
                session.removeAttribute(attributeName);
            }

            @Override
            public Instant getCreationTime() {
                return session.getCreationTime();
            }

            @Override
            public Instant getLastAccessedTime() {
                return session.getLastAccessedTime();
            }

            @Override
            public void setMaxInactiveInterval(Duration interval) {
                session.setMaxInactiveInterval(interval);
            }

            @Override
            public Duration getMaxInactiveInterval() {
                return session.getMaxInactiveInterval();
            }

            @Override
            public boolean isExpired() {
                return session.isExpired();
            }
        }
    }
}
