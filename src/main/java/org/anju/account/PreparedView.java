package org.anju.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.web.csrf.CsrfToken;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import java.util.Map;

/**
 * Every page (Thymeleaf view) reads what it needs from the session before its first byte is written (issue 15, the
 * month-end load test, second session). The CSRF token is deferred by Spring Security: the layout's meta tag or a
 * form's hidden field asked for it while rendering, which loaded it from the session or created the session and
 * stored it — a pool checkout in the middle of the page, where a pool timeout can no longer become the 503 page
 * (org.anju.platform.ServiceBusy) but cuts the page off. Resolved here first, the session is read or written
 * (written at once: {@code spring.session.jdbc.flush-mode=immediate}, org.anju.platform.SessionWrites) while the
 * response is still empty. Test: RequestCostTest.
 */
public class PreparedView extends ThymeleafView {

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
        super.render(model, request, response);
    }

    /** Makes the application's view resolver create these views. */
    static BeanPostProcessor installer() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setViewClass(PreparedView.class);
                }
                return bean;
            }
        };
    }
}
