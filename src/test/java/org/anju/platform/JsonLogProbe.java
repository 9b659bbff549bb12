package org.anju.platform;

import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Configuration;

/**
 * A process that starts Spring Boot with Anju's application.yml and nothing else, logs one line and ends: how
 * {@link JsonLogTest} sees the console output a node writes under ANJU_LOG_FORMAT.
 */
@Configuration(proxyBeanMethods = false)
public class JsonLogProbe {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(JsonLogProbe.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        try (var context = app.run(args)) {
            LoggerFactory.getLogger("org.anju.probe").warn("月报上报提醒：{} 个单位未报", 3);
        }
    }
}
