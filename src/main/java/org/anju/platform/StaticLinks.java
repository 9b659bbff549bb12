package org.anju.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links on our pages are written as they are in the templates: no {@link ResourceUrlEncodingFilter}. Spring Boot's
 * Thymeleaf support registers one whenever the resource chain is on (webjars-locator-lite turns it on), and it sends
 * <em>every</em> link a page builds ({@code @{/reports/…}}, {@code @{/inbox?…}}) through the static resource chain,
 * because the static files are served at {@code /**}: each link looked for a file of that name in four classpath
 * locations inside the jar, and a miss is never cached. At a month-end peak a thread dump of a node showed 273 of its
 * request threads blocked in the jar loader's cache ({@code UrlJarFiles$Cache.get}) from {@code transformURL}, while the
 * threads holding pool connections waited for a turn (docs/PERFORMANCE.md, month-end load, fourth session). The filter
 * only rewrites version-less webjar links to versioned ones, and those are served as they are (the resource chain's
 * webjars resolver stays).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class StaticLinks {

    /** Present and disabled: Boot's own registration steps back ({@code @ConditionalOnMissingFilterBean}). */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
