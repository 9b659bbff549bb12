package org.anju.privacy;

import org.anju.platform.DatabaseProperties;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The keys, loaded once at start-up — before any other bean, so before the database is connected or migrated: a missing
 * or broken key stops the start with its own message ({@link DataKeyProblem}, shown by {@link org.anju.platform.StartupProblemFailureAnalyzer}),
 * not after a production database was touched, and not buried under a connection error.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    /** Set by Spring's AOT processor while it processes the application at build time. */
    static final String AOT_PROCESSING = "spring.aot.processing";

    @Bean
    static BeanFactoryPostProcessor dataKeysFirst(Environment environment) {
        return beanFactory -> {
            Binder binder = Binder.get(environment);
            PrivacyProperties privacy = binder.bindOrCreate("anju.privacy", PrivacyProperties.class);
            DatabaseProperties database = binder.bindOrCreate("anju.db", DatabaseProperties.class);
            // the build's AOT processing (process-aot, `mvnw package`) runs this post-processor too: it generated a key
            // into the checkout's anju-data, which the next run there then used (operator trial, fifteenth session)
            boolean building = Boolean.getBoolean(AOT_PROCESSING);
            DataKeys keys = DataKeys.load(privacy.key(), privacy.keyFile(), privacy.indexKeyVersion(),
                    database.url() != null && !database.url().isBlank() && !building, database.ephemeral() || building,
                    database.dataDir())
                    .encryptingWith(privacy.encryptVersion());
            org.slf4j.LoggerFactory.getLogger(PrivacyConfiguration.class).info("个人信息加密：{}", keys);
            beanFactory.registerSingleton("dataKeys", keys);
        };
    }

    @Bean
    DataCipher dataCipher(DataKeys dataKeys) {
        return new DataCipher(dataKeys);
    }
}
