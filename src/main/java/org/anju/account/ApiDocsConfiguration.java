package org.anju.account;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API documentation says how to sign in (and Swagger UI's 授权 button takes Basic credentials). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiDocsConfiguration {

    @Bean
    OpenAPI anjuOpenApi() {
        return new OpenAPI()
                .info(new Info().title("安居 · 保障性安居工程管理平台 接口").version("0.1")
                        .description("所有接口都需登录。脚本用 HTTP Basic（Authorization: Basic …，无状态，无需 CSRF 令牌）；"
                                + "浏览器会话调用须带 X-CSRF-TOKEN 请求头。未登录返回 401，无权返回 403，"
                                + "均为中文的 JSON problem detail。每个用户只能查看本地区及下级的数据、填报本单位的数据。"))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
