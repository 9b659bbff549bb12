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

    @Bean
    static BeanFactoryPostProcessor dataKeysFirst(Environment environment) {
        return beanFactory -> {
            Binder binder = Binder.get(environment);
            PrivacyProperties privacy = binder.bindOrCreate("anju.privacy", PrivacyProperties.class);
            DatabaseProperties database = binder.bindOrCreate("anju.db", DatabaseProperties.class);
            DataKeys keys = DataKeys.load(privacy.key(), privacy.keyFile(), privacy.indexKeyVersion(),
                    database.url() != null && !database.url().isBlank(), database.ephemeral(), database.dataDir())
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
