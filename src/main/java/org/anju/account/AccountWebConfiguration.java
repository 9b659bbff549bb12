package org.anju.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AccountWebConfiguration implements WebMvcConfigurer {

    private final Access access;

    AccountWebConfiguration(Access access) {
        this.access = access;
    }

    /** Pages read their session before they are written ({@link PreparedView}). */
    @org.springframework.context.annotation.Bean
    static org.springframework.beans.factory.config.BeanPostProcessor preparedViews() {
        return PreparedView.installer();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequirementInterceptor(access));
    }
}
